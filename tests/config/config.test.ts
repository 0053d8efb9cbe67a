import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { builtinRules } from '../../rules/index.js';
import { UsageError } from '../../src/errors.js';
import { ConfigError, findConfigFile, loadConfig, type LoadedConfig } from '../../src/config/load.js';
import { parseRuleOverride, printableConfig, resolveConfig } from '../../src/config/resolve.js';
import { configJsonSchema, formatPath } from '../../src/config/schema.js';
import { nearest } from '../../src/config/suggest.js';
import { defineRule, type Rule } from '../../src/engine/rule.js';

/** Two fake rules, so these tests do not depend on the built-in catalog. */
const fakeRules: Rule<any>[] = [
  defineRule({
    meta: {
      id: 'max-age',
      description: 'fake',
      defaultSeverity: 'warn',
      tags: ['test'],
      docs: 'docs/rules/max-age.md',
      schema: z.strictObject({ maxAgeDays: z.int().min(1).default(365), hosts: z.array(z.string()).default(['a']) }),
    },
    check() {},
  }),
  defineRule({
    meta: { id: 'no-options', description: 'fake', defaultSeverity: 'error', tags: [], docs: 'docs/rules/no-options.md', schema: z.object({}) },
    check() {},
  }),
];

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'anp-config-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
  return root;
}

function loaded(config: unknown, displayName = 'anp.config.json'): LoadedConfig {
  return { file: `/x/${displayName}`, displayName, dir: '/x', keyPrefix: [], config: config as LoadedConfig['config'] };
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('discovery', () => {
  it('finds anp.config.json, .anprc.json and package.json#anp upward from the cwd, in that order', async () => {
    const root = await tree({
      'anp.config.json': '{}',
      'a/.anprc.json': '{}',
      'a/b/package.json': '{"name":"x","anp":{"ignores":["drafts/**"]}}',
      'a/b/c/package.json': '{"name":"no anp key"}',
      'a/b/c/d/.keep': '',
    });
    expect(findConfigFile(path.join(root, 'a/b/c/d'))).toBe(path.join(root, 'a/b/package.json'));
    expect(findConfigFile(path.join(root, 'a/b'))).toBe(path.join(root, 'a/b/package.json'));
    expect(findConfigFile(path.join(root, 'a'))).toBe(path.join(root, 'a/.anprc.json'));
    expect(findConfigFile(root)).toBe(path.join(root, 'anp.config.json'));
    const fromPackage = loadConfig({ cwd: path.join(root, 'a/b/c/d') });
    expect(fromPackage.config).toEqual({ ignores: ['drafts/**'] });
    expect(fromPackage.keyPrefix).toEqual(['anp']);
    expect(fromPackage.dir).toBe(path.join(root, 'a/b'));
  });

  it('prefers anp.config.json over .anprc.json in one folder', async () => {
    const root = await tree({ 'anp.config.json': '{"include":["**/*.md"]}', '.anprc.json': '{}' });
    expect(loadConfig({ cwd: root }).config).toEqual({ include: ['**/*.md'] });
  });

  it('uses -c FILE instead of searching, relative to the cwd', async () => {
    const root = await tree({ 'anp.config.json': '{}', 'conf/custom.json': '{"ignores":["x/**"]}' });
    const config = loadConfig({ cwd: root, configFile: 'conf/custom.json' });
    expect(config.config).toEqual({ ignores: ['x/**'] });
    expect(config.displayName).toBe('conf/custom.json');
    expect(messageOf(() => loadConfig({ cwd: root, configFile: 'nope.json' }))).toBe('nope.json: config file not found');
  });

  it('gives an empty config when there is none', async () => {
    const root = await tree({ 'x.txt': '' });
    // The temp folder has no config; its ancestors (/tmp, /) normally have none either.
    const config = loadConfig({ cwd: root });
    if (config.file === null) expect(config.config).toEqual({});
  });
});

describe('validation messages name the file, the key path and what was expected', () => {
  const cases: Array<{ name: string; files: Record<string, string>; message: string | RegExp }> = [
    { name: 'invalid JSON', files: { 'anp.config.json': '{ "rules": ' }, message: /^anp\.config\.json:1:12: invalid JSON: expected a value/ },
    { name: 'unknown top-level key with a suggestion', files: { 'anp.config.json': '{"ignore":["x"]}' }, message: 'anp.config.json: ignore: unknown key; did you mean "ignores"?' },
    { name: 'wrong type', files: { 'anp.config.json': '{"include":"**/*.txt"}' }, message: 'anp.config.json: include: expected an array, got "**/*.txt"' },
    { name: 'wrong item type', files: { 'anp.config.json': '{"ignores":["a", 3]}' }, message: 'anp.config.json: ignores[1]: expected a string, got 3' },
    { name: 'not an object', files: { '.anprc.json': '[1]' }, message: '.anprc.json: expected an object, got [1]' },
    { name: 'package.json key path', files: { 'package.json': '{"anp":{"plugins":"x.js"}}' }, message: 'package.json: anp.plugins: expected an array, got "x.js"' },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const root = await tree(testCase.files);
      const message = messageOf(() => loadConfig({ cwd: root }));
      if (typeof testCase.message === 'string') expect(message).toBe(testCase.message);
      else expect(message).toMatch(testCase.message);
    });
  }

  it('errors are ConfigError (exit 2), with no stack in the message', async () => {
    const root = await tree({ 'anp.config.json': '{"x":1}' });
    expect(() => loadConfig({ cwd: root })).toThrow(ConfigError);
  });
});

describe('rule entries', () => {
  const resolveWith = (rules: unknown, overrides: string[] = []) => resolveConfig(loaded({ rules }), fakeRules, overrides);

  it('fills every rule with its default severity and options', () => {
    const resolved = resolveWith(undefined);
    expect(resolved.settings.get('max-age')).toEqual({ severity: 'warn', options: { maxAgeDays: 365, hosts: ['a'] } });
    expect(resolved.settings.get('no-options')).toEqual({ severity: 'error', options: {} });
    expect(resolved.include).toEqual(['**/*.txt']);
  });

  it('accepts a severity, [severity] and [severity, options] (merged with defaults)', () => {
    expect(resolveWith({ 'max-age': 'off' }).settings.get('max-age')).toEqual({ severity: 'off', options: { maxAgeDays: 365, hosts: ['a'] } });
    expect(resolveWith({ 'max-age': ['error'] }).settings.get('max-age')?.severity).toBe('error');
    expect(resolveWith({ 'max-age': ['error', { maxAgeDays: 730 }] }).settings.get('max-age')).toEqual({
      severity: 'error',
      options: { maxAgeDays: 730, hosts: ['a'] },
    });
  });

  const bad: Array<[string, unknown, string]> = [
    ['unknown rule id, nearest suggested', { 'max-ages': 'warn' }, 'anp.config.json: rules.max-ages: unknown rule "max-ages"; did you mean "max-age"?'],
    ['unknown rule id, nothing close', { zzzzzzzzzz: 'warn' }, 'anp.config.json: rules.zzzzzzzzzz: unknown rule "zzzzzzzzzz"'],
    ['bad severity string', { 'max-age': 'warning' }, 'anp.config.json: rules.max-age: expected "error", "warn" or "off" or [severity, options], got "warning"'],
    ['bad severity in an array', { 'max-age': [2] }, 'anp.config.json: rules.max-age[0]: expected "error", "warn" or "off", got 2'],
    ['a number', { 'max-age': 1 }, 'anp.config.json: rules.max-age: expected "error", "warn" or "off" or [severity, options], got 1'],
    ['options not an object', { 'max-age': ['warn', 5] }, 'anp.config.json: rules.max-age[1]: expected an object of options, got 5'],
    ['option of the wrong type', { 'max-age': ['warn', { maxAgeDays: 'x' }] }, 'anp.config.json: rules.max-age[1].maxAgeDays: expected a number, got "x"'],
    ['option not an integer', { 'max-age': ['warn', { maxAgeDays: 1.5 }] }, 'anp.config.json: rules.max-age[1].maxAgeDays: expected an integer, got 1.5'],
    ['option out of range', { 'max-age': ['warn', { maxAgeDays: 0 }] }, 'anp.config.json: rules.max-age[1].maxAgeDays: expected a number >= 1, got 0'],
    ['option array item', { 'max-age': ['warn', { hosts: ['a', 1] }] }, 'anp.config.json: rules.max-age[1].hosts[1]: expected a string, got 1'],
    ['unknown option, nearest suggested', { 'max-age': ['warn', { maxAgeDay: 3 }] }, 'anp.config.json: rules.max-age[1].maxAgeDay: unknown option; did you mean "maxAgeDays"?'],
    ['too many items', { 'max-age': ['warn', {}, 1] }, 'anp.config.json: rules.max-age: expected [severity] or [severity, options], got an array of 3 items'],
  ];
  for (const [name, rules, message] of bad) {
    it(name, () => {
      expect(messageOf(() => resolveWith(rules))).toBe(message);
    });
  }

  it('--rule ID:SEVERITY overrides the config, keeping the options', () => {
    const resolved = resolveWith({ 'max-age': ['warn', { maxAgeDays: 10 }] }, ['max-age:error', 'no-options:off']);
    expect(resolved.settings.get('max-age')).toEqual({ severity: 'error', options: { maxAgeDays: 10, hosts: ['a'] } });
    expect(resolved.settings.get('no-options')?.severity).toBe('off');
  });

  it('--rule errors: unknown id (with suggestion), bad severity, no colon', () => {
    const ids = fakeRules.map((rule) => rule.meta.id);
    expect(messageOf(() => parseRuleOverride('max-agee:error', ids))).toBe('--rule max-agee:error: unknown rule "max-agee"; did you mean "max-age"?');
    expect(messageOf(() => parseRuleOverride('max-age:fatal', ids))).toBe('--rule max-age:fatal: expected a severity ("error", "warn" or "off"), got "fatal"');
    expect(messageOf(() => parseRuleOverride('max-age', ids))).toBe('--rule max-age: expected ID:SEVERITY, e.g. stale-review:error');
  });

  it('--print-config gives every rule as [severity, options], in the config file shape', () => {
    const printed = printableConfig(resolveWith({ 'no-options': 'off' }));
    expect(printed).toEqual({
      include: ['**/*.txt'],
      ignores: [],
      plugins: [],
      rules: { 'max-age': ['warn', { maxAgeDays: 365, hosts: ['a'] }], 'no-options': ['off', {}] },
    });
  });

  it('resolves plugin paths against the config file folder', () => {
    const resolved = resolveConfig({ ...loaded({ plugins: ['./rules/a.mjs', '/abs/b.mjs'] }), dir: '/proj' }, fakeRules);
    expect(resolved.plugins).toEqual(['/proj/rules/a.mjs', '/abs/b.mjs']);
  });
});

describe('with the built-in catalog', () => {
  it('the real stale-review option message', () => {
    const message = messageOf(() => resolveConfig(loaded({ rules: { 'stale-review': ['error', { maxAgeDays: 'x' }] } }), builtinRules));
    expect(message).toBe('anp.config.json: rules.stale-review[1].maxAgeDays: expected a number, got "x"');
  });

  it('suggests the nearest built-in id', () => {
    const message = messageOf(() => resolveConfig(loaded({ rules: { 'stale-reveiw': 'warn' } }), builtinRules));
    expect(message).toBe('anp.config.json: rules.stale-reveiw: unknown rule "stale-reveiw"; did you mean "stale-review"?');
  });

  it('every built-in rule has defaults and appears in the resolved settings', () => {
    const resolved = resolveConfig(loaded({}), builtinRules);
    expect(resolved.settings.size).toBe(builtinRules.length);
    expect(resolved.settings.get('stale-review')).toEqual({ severity: 'warn', options: { maxAgeDays: 365 } });
  });
});

describe('configJsonSchema', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(configJsonSchema());

  it('accepts the example of cli.md and the init defaults', () => {
    const example = {
      $schema: './node_modules/anp/schema/config.json',
      include: ['**/*.txt'],
      ignores: ['drafts/**'],
      rules: { 'stale-review': ['error', { maxAgeDays: 730 }], 'meta-unknown-field': 'off' },
    };
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects unknown keys, bad severities and bad built-in options', () => {
    expect(validate({ ignore: [] })).toBe(false);
    expect(validate({ rules: { 'stale-review': 'warning' } })).toBe(false);
    expect(validate({ rules: { 'stale-review': ['warn', { maxAgeDays: 'x' }] } })).toBe(false);
    expect(validate({ rules: { 'my-plugin-rule': ['warn', { anything: 1 }] } })).toBe(true);
  });

  it('lists every built-in rule for completion', () => {
    const rules = (configJsonSchema() as { properties: { rules: { properties: Record<string, unknown> } } }).properties.rules.properties;
    expect(Object.keys(rules).sort()).toEqual(builtinRules.map((rule) => rule.meta.id).sort());
  });
});

describe('helpers', () => {
  it('formatPath', () => {
    expect(formatPath(['rules', 'stale-review', 1, 'maxAgeDays'])).toBe('rules.stale-review[1].maxAgeDays');
    expect(formatPath([])).toBe('');
  });
  it('nearest known id', () => {
    expect(nearest('stale-reveiw', ['stale-review', 'future-review'])).toBe('stale-review');
    expect(nearest('qqqq', ['stale-review'])).toBeUndefined();
  });
});
