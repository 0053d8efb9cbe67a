/** JSONC configs, every config error at once, and the short config `anp init` writes. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { REPO_ROOT, makeTree, runAnp } from '../cli/helpers.js';

const env = { NO_COLOR: '1', FORCE_COLOR: undefined };

describe('JSONC configs', () => {
  it('accepts comments and trailing commas', async () => {
    const dir = await makeTree({
      'anp.config.json': '// the team config\n{\n  /* block */ "ignores": ["drafts/**",],\n  "rules": { "needs-review": "off", }, // done\n}\n',
    });
    expect(loadConfig({ cwd: dir }).config).toEqual({ ignores: ['drafts/**'], rules: { 'needs-review': 'off' } });
  });

  it('reports every syntax error with its line and column', async () => {
    const dir = await makeTree({ 'anp.config.json': '{\n  "ignores": [1 2],\n  "include": ["x"] "rules": {}\n}\n' });
    const error = (() => {
      try {
        loadConfig({ cwd: dir });
      } catch (caught) {
        return caught as ConfigError;
      }
      throw new Error('no error');
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems).toEqual(["anp.config.json:2:17: invalid JSON: expected ','", "anp.config.json:3:20: invalid JSON: expected ','"]);
  });

  it('keeps __proto__ a key, so it is refused', async () => {
    const dir = await makeTree({ 'anp.config.json': '{ "rules": { "__proto__": { "x": 1 } } }' });
    expect(() => loadConfig({ cwd: dir })).toThrow('anp.config.json: rules.__proto__: the key "__proto__" is not allowed');
  });
});

describe('every config error at once', () => {
  it('top-level problems, one line each on stderr', async () => {
    const dir = await makeTree({ 'anp.config.json': '{ "ignore": [], "include": "x", "plugins": [3] }', 'a.txt': 'x\n' });
    const result = await runAnp(['lint', '.'], { cwd: dir, env });
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n').sort()).toEqual([
      'anp: anp.config.json: ignore: unknown key; did you mean "ignores"?',
      'anp: anp.config.json: include: expected an array, got "x"',
      'anp: anp.config.json: plugins[0]: expected a string, got 3',
    ]);
  });

  it('rule entries and rule options, all of them', async () => {
    const dir = await makeTree({
      'anp.config.json': JSON.stringify({ rules: { 'stale-reviw': 'warn', 'needs-review': 'warning', 'stale-review': ['warn', { maxAgeDays: 'x', extra: 1 }] } }),
      'a.txt': 'x\n',
    });
    const result = await runAnp(['lint', '.'], { cwd: dir, env });
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^anp: anp\.config\.json: rules\.stale-reviw: unknown rule "stale-reviw"; did you mean "stale-review"\?$/);
    expect(lines[1]).toMatch(/^anp: anp\.config\.json: rules\.needs-review: expected /);
    expect(lines[2]).toMatch(/^anp: anp\.config\.json: rules\.stale-review\[1\]\.extra: unknown option/);
  });
});

describe('anp init', () => {
  it('writes a short config that extends the defaults, with two example overrides and a $schema that resolves', async () => {
    const dir = await makeTree({ 'content/a.txt': 'a title\n\nsome text.\n' });
    const result = await runAnp(['init'], { cwd: dir, env });
    expect(result.code).toBe(0);
    const text = await readFile(path.join(dir, 'anp.config.json'), 'utf8');
    expect(text.split('\n').length).toBeLessThan(25);
    const config = loadConfig({ cwd: dir }).config;
    expect(Object.keys(config.rules ?? {})).toHaveLength(2);
    // No anp in this folder's node_modules: the schema of the anp that ran, which exists.
    expect(config.$schema).toMatch(/^file:/);
    const { fileURLToPath } = await import('node:url');
    expect(await readFile(fileURLToPath(config.$schema!), 'utf8')).toBe(await readFile(path.join(REPO_ROOT, 'schema', 'config.json'), 'utf8'));
    // Installed locally: the usual relative reference.
    const local = await makeTree({ 'node_modules/anp/schema/config.json': '{}' });
    await runAnp(['init'], { cwd: local, env });
    expect(loadConfig({ cwd: local }).config.$schema).toBe('./node_modules/anp/schema/config.json');
    await writeFile(path.join(dir, 'package.json'), '{}');
    const lint = await runAnp(['lint', 'content', '--now', '2026-11-23', '-f', 'compact'], { cwd: dir, env });
    expect(lint.code).toBe(1);
  });
});
