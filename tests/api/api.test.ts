/** The public API (src/index.ts) in-process: what `import … from 'anp'` gives. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules, ConfigError, createLinter, defineRule, parse, PluginError, UsageError, type LintResult } from '../../src/index.js';
import { makeTree, REPO_ROOT } from '../cli/helpers.js';

const NOW = '2026-11-23';
const NO_META = 'a title\n\nthe body.\n';

async function collect(iterable: AsyncIterable<LintResult>): Promise<LintResult[]> {
  const out: LintResult[] = [];
  for await (const result of iterable) out.push(result);
  return out;
}

describe('parse', () => {
  it('gives the export record, with file defaulting to <text> and a BOM dropped', () => {
    expect(parse('\uFEFFa title\r\n\r\nthe body.\r\n').title).toBe('a title');
    expect(parse('a title\n').file).toBe('<text>');
    expect(parse('a title\n', { file: 'x.txt' }).file).toBe('x.txt');
  });
});

describe('createLinter', () => {
  it('lintText reports under filePath (default <text>), with counts', async () => {
    const linter = createLinter({ now: NOW, config: false, cwd: REPO_ROOT });
    expect(await linter.lintText(NO_META, { filePath: 'a.txt' })).toMatchObject({ file: 'a.txt', errorCount: 1, findings: [{ ruleId: 'meta-missing' }] });
    expect((await linter.lintText(NO_META)).file).toBe('<text>');
    expect((await linter.lintText(new Uint8Array([0x61, 0, 0x62]))).findings.map((f) => f.ruleId)).toEqual(['unreadable-input']);
  });

  it('lintFiles streams one result per file, in path order', async () => {
    const linter = createLinter({ now: NOW, cwd: REPO_ROOT });
    const results = await collect(linter.lintFiles('fixtures/samples'));
    expect(results.map((r) => path.basename(r.file))).toEqual([...results.map((r) => path.basename(r.file))].sort());
    expect(results).toHaveLength(5);
    await expect(collect(linter.lintFiles(['nope']))).rejects.toThrow(UsageError);
  });

  it('with a corpus rule on, results come after the last file with its findings merged', async () => {
    const dir = await makeTree({ 'a.txt': 'title a\n\nthe same boilerplate paragraph in every post.\n', 'b.txt': 'title b\n\nthe same boilerplate paragraph in every post.\n' });
    const linter = createLinter({ now: NOW, cwd: dir, config: false, rules: { 'corpus-duplicate-paragraph': ['warn', { minPosts: 2 }] } });
    const results = await collect(linter.lintFiles('.'));
    expect(results.map((r) => r.findings.filter((f) => f.ruleId === 'corpus-duplicate-paragraph').length)).toEqual([1, 1]);
  });

  it('takes a config object, rule settings over it, and --rule style flags last', async () => {
    const linter = createLinter({ now: NOW, config: { rules: { 'meta-missing': 'warn' } }, rules: { 'empty-post': 'off' }, ruleFlags: ['meta-missing:off'] });
    const settings = (await linter.config()).settings;
    expect([settings.get('meta-missing')?.severity, settings.get('empty-post')?.severity]).toEqual(['off', 'off']);
    expect((await linter.lintText(NO_META)).findings).toEqual([]);
  });

  it('a bad config is a ConfigError from createLinter, naming the key path', () => {
    expect(() => createLinter({ config: { rules: { 'stale-revew': 'error' } } })).not.toThrow();
    expect(() => createLinter({ config: { include: 3 } as never })).toThrow(ConfigError);
    expect(() => createLinter({ config: 'nope.json', cwd: REPO_ROOT })).toThrow('nope.json: config file not found');
  });

  it('an unknown rule in the settings fails the first lint, with a suggestion', async () => {
    const linter = createLinter({ config: { rules: { 'stale-revew': 'error' } } });
    await expect(linter.lintText('x')).rejects.toThrow('config (options): rules.stale-revew: unknown rule "stale-revew"; did you mean "stale-review"?');
  });

  it('runs custom rules given as objects or folders; a bad one is a PluginError', async () => {
    const noTodo = defineRule({
      meta: { id: 'no-todo', description: 'todo in the title', defaultSeverity: 'error' },
      check(post, context) {
        if (post.title?.includes('todo')) context.report({ line: 1, message: 'todo' });
      },
    });
    const linter = createLinter({ now: NOW, config: false, customRules: [noTodo], rulesDirs: ['fixtures/lint/plugins'], cwd: REPO_ROOT });
    const ids = (await linter.lintText('a todo title that is much longer than sixty characters, surely\n\nbody.\n')).findings.map((f) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['no-todo', 'title-length', 'title-word']));
    expect((await linter.rules()).length).toBe(builtinRules.length + 3);
    const broken = createLinter({ config: false, customRules: [{ meta: { id: 'Bad Id' } } as never] });
    await expect(broken.lintText('x')).rejects.toThrow(PluginError);
  });

  it('format: every format by name; an unknown name is a UsageError listing them', async () => {
    const linter = createLinter({ now: NOW, config: false });
    const results = [await linter.lintText(NO_META, { filePath: 'a.txt' })];
    expect(linter.format(results, 'compact')).toMatch(/^a\.txt:1:1: error .*\[meta-missing\]\n$/);
    expect(JSON.parse(linter.format(results, 'sarif')).version).toBe('2.1.0');
    expect(JSON.parse(linter.format(results, 'json'))).toMatchObject([{ file: 'a.txt', errorCount: 1 }]);
    expect(() => linter.format(results, 'xml')).toThrow(/unknown format "xml"; expected one of stylish, json/);
  });

  it('now: a Date or YYYY-MM-DD, else SOURCE_DATE_EPOCH from env; resolved only when used', () => {
    expect(createLinter({ now: new Date('2026-11-23T18:00:00Z'), config: false }).now.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(createLinter({ env: { SOURCE_DATE_EPOCH: '1580515200' }, config: false }).now.toISOString()).toBe('2020-02-01T00:00:00.000Z');
    const lazy = createLinter({ env: { SOURCE_DATE_EPOCH: 'soon' }, config: false });
    expect(() => lazy.now).toThrow(UsageError);
  });

  it('readPosts gives the posts of files, or why a file was not read', async () => {
    const dir = await makeTree({ 'a.txt': NO_META, 'b.txt': new Uint8Array([0]) });
    const linter = createLinter({ cwd: dir, config: false });
    const reads = [];
    for await (const read of linter.readPosts(await linter.files('.'))) reads.push(read.post === null ? `${read.file}: ${read.message}` : `${read.file}: ${read.post.title}`);
    expect(reads).toEqual(['a.txt: a title', 'b.txt: binary file (NUL byte at offset 0); not parsed']);
  });
});
