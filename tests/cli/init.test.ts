/** `anp init` as a child process. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { builtinRules } from '../../rules/index.js';
import { configJsonSchema } from '../../src/config/schema.js';
import { makeTree, runAnp } from './helpers.js';

describe('anp init', () => {
  it('--all writes anp.config.json with the defaults and a $schema line, which lint then accepts', async () => {
    const dir = await makeTree({ 'node_modules/anp/schema/config.json': '{}' });
    const result = await runAnp(['init', '--all'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^wrote anp\.config\.json/);
    const config = JSON.parse(await readFile(path.join(dir, 'anp.config.json'), 'utf8')) as {
      $schema: string;
      include: string[];
      rules: Record<string, unknown>;
    };
    expect(config.$schema).toBe('./node_modules/anp/schema/config.json');
    expect(config.include).toEqual(['**/*.txt']);
    expect(Object.keys(config.rules)).toEqual(builtinRules.map((rule) => rule.meta.id));
    expect(config.rules['stale-review']).toEqual(['warn', { maxAgeDays: 365 }]);
    expect(config.rules['meta-missing']).toBe('error');
    expect(config.rules['scrape-residue']).toBe('off');
    const validate = new Ajv2020({ strict: false }).compile(configJsonSchema());
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);

    // The written config is valid for lint, and gives the same settings as no config at all.
    const printed = await runAnp(['lint', '--print-config'], { cwd: dir });
    expect(printed.code).toBe(0);
    const empty = await makeTree({});
    expect(printed.stdout).toBe((await runAnp(['lint', '--print-config'], { cwd: empty })).stdout);
  });

  it('refuses to overwrite an existing file: exit 2, file untouched', async () => {
    const dir = await makeTree({ 'anp.config.json': '{"rules":{}}\n' });
    const result = await runAnp(['init'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^anp: anp\.config\.json already exists; not overwriting it/);
    expect(await readFile(path.join(dir, 'anp.config.json'), 'utf8')).toBe('{"rules":{}}\n');
  });

  it('an unexpected argument is a usage error', async () => {
    const dir = await makeTree({});
    const result = await runAnp(['init', 'extra'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^anp: too many arguments/);
  });
});
