import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { loadRuleModules, loadRulesDir, mergeRules, PluginError } from '../../src/engine/plugins.js';
import { lintPost } from '../../src/engine/runner.js';
import { parsePost } from '../../src/parser/index.js';

const dir = (name: string) => fileURLToPath(new URL(`./plugins/${name}`, import.meta.url));

async function failure(promise: Promise<unknown>): Promise<PluginError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PluginError);
    return error as PluginError;
  }
  throw new Error('expected a PluginError');
}

describe('loadRuleModules', () => {
  it('loads a module exporting meta and check, and the rule runs like a built-in', async () => {
    const [rule, ...rest] = await loadRuleModules([dir('no-todo.mjs')]);
    expect(rest).toEqual([]);
    expect(rule!.meta).toMatchObject({ id: 'no-todo', defaultSeverity: 'warn', tags: ['custom'], docs: 'https://example.com/rules/no-todo' });
    expect(rule!.meta.schema.parse({})).toEqual({});
    const post = parsePost('a title\n\nfinished text.\n\nTODO write this.\n', { file: 'a.txt' });
    const findings = lintPost({ file: 'a.txt', post, input: { invalidUtf8Lines: [] } }, [rule!], new Map(), new Date());
    expect(findings).toEqual([{ ruleId: 'no-todo', severity: 'warn', message: 'paragraph still says TODO; expected finished text', file: 'a.txt', line: 5 }]);
  });

  it('accepts paths relative to the cwd', async () => {
    const rules = await loadRuleModules(['tests/engine/plugins/no-todo.mjs']);
    expect(rules.map((rule) => rule.meta.id)).toEqual(['no-todo']);
  });

  it.each([
    ['broken-severity.mjs', /broken-severity\.mjs: meta\.defaultSeverity: /],
    ['no-check.mjs', /no-check\.mjs: check: expected a function check\(post, context\)/],
    ['syntax-error.mjs', /syntax-error\.mjs: cannot be imported: /],
    ['nothing.mjs', /nothing\.mjs: exports no rule/],
    ['bad-defaults.mjs', /bad-defaults\.mjs: meta\.schema: parsing \{\} must give the default options/],
    ['does-not-exist.mjs', /does-not-exist\.mjs: file not found/],
  ])('rejects %s with a PluginError naming the path and the problem', async (name, pattern) => {
    const error = await failure(loadRuleModules([dir(name)]));
    expect(error.path).toBe(dir(name));
    expect(error.message).toMatch(pattern);
  });

  it('rejects two plugins defining the same id', async () => {
    const error = await failure(loadRuleModules([dir('no-todo.mjs'), dir('no-todo.mjs')]));
    expect(error.message).toContain('rule id "no-todo" is already defined by');
  });
});

describe('loadRulesDir', () => {
  it('loads every .js/.mjs/.cjs module in name order, skipping other files', async () => {
    const rules = await loadRulesDir(dir('dir'));
    expect(rules.map((rule) => rule.meta.id)).toEqual(['max-title-length', 'pair-one', 'pair-two']);
    expect(rules[0]!.meta.schema.parse({})).toEqual({ max: 80 });
  });
  it('an empty directory gives no rules', async () => {
    expect(await loadRulesDir(dir('empty-dir'))).toEqual([]);
  });
  it('a missing directory is a PluginError', async () => {
    const error = await failure(loadRulesDir(dir('missing-dir')));
    expect(error.message).toContain('cannot read the rules directory');
  });
});

describe('mergeRules', () => {
  it('appends plugin rules after the built-ins', async () => {
    const plugins = await loadRuleModules([dir('no-todo.mjs')]);
    expect(mergeRules(builtinRules, plugins).map((rule) => rule.meta.id).at(-1)).toBe('no-todo');
  });
  it('rejects a plugin that reuses a built-in id', async () => {
    const plugins = await loadRuleModules([dir('duplicate-paragraph-clash.mjs')]);
    expect(() => mergeRules(builtinRules, plugins)).toThrow(/clashes with a built-in rule/);
  });
  it('rejects two plugins (config and --rules-dir) bringing the same id', async () => {
    const plugins = await loadRuleModules([dir('no-todo.mjs')]);
    expect(() => mergeRules(builtinRules, [...plugins, ...plugins])).toThrow(/defined by more than one plugin/);
  });
});
