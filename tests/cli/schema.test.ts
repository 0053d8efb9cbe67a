/**
 * `anp schema` and the committed schema/*.json: the files, the command and the zod schemas
 * must agree byte for byte (regenerate with `npm run build && node scripts/gen-schema.mjs`),
 * and the schemas must really validate what anp produces, checked with ajv.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { SCHEMA_KINDS, schemaText } from '../../src/engine/schemas.js';
import { REPO_ROOT, runAnp } from './helpers.js';

const committed = (kind: string): Promise<string> => readFile(path.join(REPO_ROOT, 'schema', `${kind}.json`), 'utf8');

// ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

function validator(schemaJson: string): ReturnType<Ajv2020['compile']> {
  // Strict, so a schema keyword ajv does not understand fails the test instead of being
  // ignored; zod writes `type: [..]` unions for some fields, hence allowUnionTypes. Formats
  // (date, uri) are checked for real.
  const ajv = addFormats(new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }));
  return ajv.compile(JSON.parse(schemaJson) as object);
}

describe('schema files', () => {
  for (const kind of SCHEMA_KINDS) {
    it(`schema/${kind}.json is exactly what the code generates`, async () => {
      expect(await committed(kind)).toBe(schemaText(kind));
    });

    it(`anp schema ${kind} prints the committed file, exit 0`, async () => {
      const { code, stdout, stderr } = await runAnp(['schema', kind]);
      expect([code, stderr]).toEqual([0, '']);
      expect(stdout).toBe(await committed(kind));
    });
  }

  it('are draft 2020-12 with a title', async () => {
    for (const kind of SCHEMA_KINDS) {
      const schema = JSON.parse(await committed(kind)) as { $schema?: string };
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
    expect((JSON.parse(await committed('post')) as { title?: string }).title).toBe('anp post');
  });
});

describe('the schemas validate what anp produces', () => {
  it('every sample export is a valid post, and a damaged one is not', async () => {
    const validate = validator(await committed('post'));
    const { stdout } = await runAnp(['export', 'fixtures/samples']);
    const posts = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(posts).toHaveLength(5);
    for (const post of posts) {
      expect(validate(post), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(validate({ ...posts[0], title: 42 })).toBe(false);
    expect(validate({ ...posts[0], stats: { lines: -1, words: 0, paragraphs: 0, bytes: 0 } })).toBe(false);
    const { schemaVersion: _dropped, ...withoutVersion } = posts[0]!;
    expect(validate(withoutVersion)).toBe(false);
  });

  it('the json lint report of the samples is a valid report', async () => {
    const validate = validator(await committed('report'));
    const { code, stdout } = await runAnp(['lint', '-f', 'json', '--now', '2026-11-23', 'fixtures/samples']);
    expect([0, 1]).toContain(code);
    const report = JSON.parse(stdout) as unknown[];
    expect(report.length).toBe(5);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(validate([{ file: 'x.txt', findings: [{ ruleId: 'r', severity: 'fatal', message: 'm', file: 'x.txt', line: 1 }], errorCount: 1, warningCount: 0 }])).toBe(false);
  });

  it('the config schema accepts a real config and rejects a bad severity', async () => {
    const validate = validator(await committed('config'));
    const good = { $schema: './node_modules/anp/schema/config.json', include: ['**/*.txt'], ignores: ['drafts/**'], rules: { 'stale-review': ['error', { maxAgeDays: 730 }], 'meta-unknown-field': 'off' } };
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ rules: { 'stale-review': 'fatal' } })).toBe(false);
  });
});
