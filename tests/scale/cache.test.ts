/**
 * `--cache`: a cached re-run gives the same report; an entry is reused only while its file
 * and everything else the result depends on (config, rule set, custom rule files, --now,
 * version, strategy) are unchanged; the corpus phase runs over cached summaries; a corrupt
 * or foreign cache costs one warning.
 */
import { cp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKey } from '../../src/engine/cache.js';
import { createLinter, type LintResult, type LinterOptions } from '../../src/index.js';
import { makeTree, REPO_ROOT, runAnp } from '../cli/helpers.js';
import { benchCorpus, EXIT_ON_BOOM_RULE } from './corpus.js';

const NOW = '2026-11-23';
const RULE = 'corpus-duplicate-paragraph';

async function lint(root: string, options: Partial<LinterOptions> = {}, cache: boolean | { strategy: 'metadata' | 'content' } = true): Promise<{ results: LintResult[]; warnings: string[] }> {
  const warnings: string[] = [];
  const linter = createLinter({ cwd: root, config: false, now: NOW, onWarning: (message) => warnings.push(message), ...options });
  const results: LintResult[] = [];
  for await (const result of linter.lintFiles('.', { concurrency: 'off', ...(cache === false ? {} : { cache: cache === true ? {} : cache }) })) results.push(result);
  return { results, warnings };
}

const CACHE_MARK = 'FROM-THE-CACHE';

/** Marks every cached finding message, so a later run shows which results came from the cache. */
async function markCache(root: string, location = '.anpcache'): Promise<void> {
  const file = path.join(root, location);
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(/"message":"/g, `"message":"${CACHE_MARK} `));
}

function fromCache(results: readonly LintResult[]): string[] {
  return results.filter((result) => result.findings.some((finding) => finding.message.startsWith(CACHE_MARK))).map((result) => result.file);
}

/** A tree where every file has at least one finding (no review date: meta-missing and friends). */
async function tree(extra: Record<string, string> = {}): Promise<string> {
  return makeTree({
    'a.txt': 'First post\n\nSome text here.\n',
    'b.txt': 'Second post\n\nOther text here.\n',
    'c.txt': 'Third post\n\nMore text here.\n',
    ...extra,
  });
}

describe('lintFiles with a cache', () => {
  it('a cached re-run gives the identical report (bench corpus, corpus rule on), and reads every entry', async () => {
    const root = await benchCorpus(20, 4);
    const rules = { [RULE]: ['warn', { minPosts: 2 }] as ['warn', { minPosts: number }] };
    const plain = await lint(root, { rules }, false);
    const first = await lint(root, { rules });
    expect(first.warnings).toEqual([]);
    await markCache(root);
    const marked = await stat(path.join(root, '.anpcache'));
    const second = await lint(root, { rules });
    expect(fromCache(second.results).length).toBeGreaterThan(15);
    // Nothing changed: the cache file is left as it was, not rewritten.
    const after = await stat(path.join(root, '.anpcache'));
    expect([after.ino, after.mtimeMs]).toEqual([marked.ino, marked.mtimeMs]);
    const unmark = (results: LintResult[]) => JSON.parse(JSON.stringify(results).replaceAll(`${CACHE_MARK} `, '')) as LintResult[];
    expect(unmark(second.results)).toEqual(plain.results);
    expect(first.results).toEqual(plain.results);
    expect(plain.results.some((r) => r.findings.some((f) => f.ruleId === RULE))).toBe(true);
  });

  it('a changed file is linted again, a deleted one dropped; the others come from the cache', async () => {
    const root = await tree();
    await lint(root);
    await markCache(root);
    await writeFile(path.join(root, 'b.txt'), 'Second post, longer now\n\nOther text here.\n');
    await rm(path.join(root, 'c.txt'));
    const { results } = await lint(root);
    expect(results.map((r) => r.file)).toEqual(['a.txt', 'b.txt']);
    expect(fromCache(results)).toEqual(['a.txt']);
    const cache = await readFile(path.join(root, '.anpcache'), 'utf8');
    expect(cache).not.toContain('"c.txt"');
    expect(cache.split('\n').filter(Boolean)).toHaveLength(3); // header + a + b
  });

  it('metadata: a new mtime is a change; content: only new bytes are', async () => {
    const root = await tree();
    await lint(root);
    await markCache(root);
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(root, 'a.txt'), later, later);
    expect(fromCache((await lint(root)).results)).toEqual(['b.txt', 'c.txt']);

    await lint(root, {}, { strategy: 'content' });
    await markCache(root);
    const evenLater = new Date(Date.now() + 120_000);
    await utimes(path.join(root, 'a.txt'), evenLater, evenLater);
    await writeFile(path.join(root, 'b.txt'), 'Second post\n\nOther text HERE.\n'); // same size
    expect(fromCache((await lint(root, {}, { strategy: 'content' })).results)).toEqual(['a.txt', 'c.txt']);
  });

  it('the whole cache goes with a change of config, rule set, custom rule file, --now day or strategy', async () => {
    const ruleFile = "export const meta = { id: 'say-hi', description: 'Says hi.', defaultSeverity: 'warn' };\nexport function check(post, context) { context.report({ line: 1, message: 'hi' }); }\n";
    const root = await tree({ 'rules/hi.mjs': ruleFile, 'anp.config.json': '{ "ignores": ["rules/**"] }' });
    const base: Partial<LinterOptions> = { config: 'anp.config.json' };
    const changes: Array<[string, Partial<LinterOptions>, () => Promise<void>]> = [
      ['a rule severity', { rules: { 'meta-missing': 'off' } }, async () => {}],
      ['a --rule flag', { ruleFlags: ['meta-missing:warn'] }, async () => {}],
      ['the config file', {}, () => writeFile(path.join(root, 'anp.config.json'), '{ "ignores": ["rules/**"], "rules": { "meta-missing": "warn" } }')],
      ['the rule set (a rules dir)', { rulesDirs: ['rules'] }, async () => {}],
      ['the --now day', { now: '2026-11-24' }, async () => {}],
    ];
    for (const [what, options, change] of changes) {
      await lint(root, base);
      await markCache(root);
      expect(fromCache((await lint(root, base)).results), `${what}: unchanged`).toHaveLength(3);
      await markCache(root);
      await change();
      expect(fromCache((await lint(root, { ...base, ...options })).results), what).toEqual([]);
    }
    // A custom rule file's content.
    const withRules = { ...base, rulesDirs: ['rules'] };
    await lint(root, withRules);
    await markCache(root);
    expect(fromCache((await lint(root, withRules)).results)).toHaveLength(3);
    await markCache(root);
    await writeFile(path.join(root, 'rules/hi.mjs'), ruleFile.replace("'hi'", "'hello'"));
    expect(fromCache((await lint(root, withRules)).results)).toEqual([]);
    // The strategy.
    await lint(root, base);
    await markCache(root);
    expect(fromCache((await lint(root, base, { strategy: 'content' })).results)).toEqual([]);
  });

  it('the anp version is part of the key', async () => {
    const linter = createLinter({ config: false, now: NOW });
    const resolved = await linter.config();
    const key = (version: string) => cacheKey(resolved, linter.now, 'metadata', [], linter.cwd, version);
    expect(key('1.0.0')).toBe(key('1.0.0'));
    expect(key('1.0.1')).not.toBe(key('1.0.0'));
    expect(cacheKey(resolved, linter.now, 'metadata', [], linter.cwd)).toBe(cacheKey(resolved, linter.now, 'metadata', [], linter.cwd));
  });

  it('the corpus phase runs over cached summaries: deleting one of 10 posts drops the finding of the other 9', async () => {
    const root = await makeTree({});
    await cp(path.join(REPO_ROOT, 'fixtures/corpus'), root, { recursive: true });
    const rules = { [RULE]: 'warn' as const };
    const first = await lint(root, { rules });
    expect(first.results.filter((r) => r.findings.some((f) => f.ruleId === RULE))).toHaveLength(10);
    await markCache(root);
    await rm(path.join(root, 'post-05.txt'));
    const second = await lint(root, { rules });
    expect(second.results).toHaveLength(9);
    expect(second.results.flatMap((r) => r.findings).filter((f) => f.ruleId === RULE)).toEqual([]);
  });

  it('a corrupt or foreign cache: one warning, every file linted, a good cache written', async () => {
    const root = await tree();
    const plain = await lint(root, {}, false);
    for (const content of ['{"not":"a cache"}\n', 'garbage\u0000\u0001', '']) {
      await writeFile(path.join(root, '.anpcache'), content);
      const { results, warnings } = await lint(root);
      expect(results).toEqual(plain.results);
      expect(warnings, JSON.stringify(content)).toEqual(content === '' ? [] : [expect.stringMatching(/^the cache \.anpcache is not an anp cache file; ignored/)]);
      expect((await lint(root)).warnings).toEqual([]);
    }
    // A damaged line in the middle: one warning, the right results.
    await lint(root);
    const lines = (await readFile(path.join(root, '.anpcache'), 'utf8')).split('\n');
    lines[2] = lines[2]!.slice(0, 30);
    await writeFile(path.join(root, '.anpcache'), lines.join('\n'));
    const damaged = await lint(root);
    expect(damaged.results).toEqual(plain.results);
    expect(damaged.warnings).toEqual([expect.stringMatching(/^the cache \.anpcache has a damaged (line|entry)/)]);
    // A damaged entry after a good head: linted again in its turn.
    await lint(root);
    const text = await readFile(path.join(root, '.anpcache'), 'utf8');
    await writeFile(path.join(root, '.anpcache'), text.replace(/("b\.txt"\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*\t)\{/, '$1{{'));
    const entry = await lint(root);
    expect(entry.results).toEqual(plain.results);
    expect(entry.warnings).toEqual(['the cache .anpcache has a damaged entry for b.txt; ignored (its files are linted again)']);
  });

  it('workers and the cache: a partly cached run with 2 workers gives the one-thread report', async () => {
    const root = await benchCorpus(16, 6);
    const rules = { [RULE]: ['warn', { minPosts: 2 }] as ['warn', { minPosts: number }] };
    const plain = await lint(root, { rules }, false);
    await lint(root, { rules });
    for (let i = 0; i < 16; i += 3) {
      const files = plain.results.map((r) => r.file);
      await writeFile(path.join(root, files[i]!), `${await readFile(path.join(root, files[i]!), 'utf8')}\nOne more line.\n`);
    }
    const changed = await lint(root, { rules }, false);
    const linter = createLinter({ cwd: root, config: false, now: NOW, rules });
    const results: LintResult[] = [];
    for await (const result of linter.lintFiles('.', { concurrency: 2, cache: {} })) results.push(result);
    expect(results).toEqual(changed.results);
  });
});

describe('what is never cached', () => {
  it('a file a worker died on is not cached: the next run tries it again', async () => {
    const root = await makeTree({
      'rules/exit.mjs': EXIT_ON_BOOM_RULE,
      'a.txt': 'first post\n\nfine text here.\n',
      'b.txt': 'BOOM post\n\ntext.\n',
    });
    const linter = createLinter({ cwd: root, config: false, now: NOW, rulesDirs: ['rules'] });
    const results: LintResult[] = [];
    for await (const result of linter.lintFiles(['a.txt', 'b.txt'], { concurrency: 2, cache: {} })) results.push(result);
    expect(results[1]!.findings[0]!.message).toMatch(/worker thread stopped/);
    const cache = await readFile(path.join(root, '.anpcache'), 'utf8');
    expect(cache).toContain('"a.txt"\t');
    expect(cache).not.toContain('"b.txt"\t');
  });
});

describe('anp lint --cache', () => {
  it('writes .anpcache (or --cache-location), same stdout on the cached re-run; --cache-strategy is checked', async () => {
    const root = await benchCorpus(12, 2);
    const args = ['lint', '-f', 'json', '--now', NOW, '.'];
    const plain = await runAnp(args, { cwd: root });
    const first = await runAnp([...args, '--cache', '--cache-location', 'tmp/'], { cwd: root });
    const second = await runAnp([...args, '--cache', '--cache-location', 'tmp/'], { cwd: root });
    expect(first.stdout).toBe(plain.stdout);
    expect(second.stdout).toBe(plain.stdout);
    expect(second.code).toBe(plain.code);
    expect((await readFile(path.join(root, 'tmp/.anpcache'), 'utf8')).startsWith('{"anpCache":2,')).toBe(true);
    for (const [extra, why] of [[['--fix-dry-run'], 'fixing'], [['-f', 'html'], 'a report that needs every post (html, stats)']] as const) {
      const unused = await runAnp(['lint', '.', '--now', NOW, '--cache', ...extra], { cwd: root });
      expect(unused.stderr).toContain(`anp: warning: the cache is not used with ${why}; every file is linted`);
    }
    const bad = await runAnp([...args, '--cache', '--cache-strategy', 'mtime'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/metadata, content/);
  });
});
