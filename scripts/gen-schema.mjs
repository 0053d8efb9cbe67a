#!/usr/bin/env node
// Writes what is generated from the compiled zod schemas, so that it never drifts from them:
//   - the published JSON Schemas, schema/*.json (`"$schema": "./node_modules/anp/schema/config.json"`
//     and other tools find them in the package);
//   - the "meaning" column of each docs/rules/<id>.md options table: the option's
//     `.describe()` text, the same words `anp rules <id>` and schema/config.json show.
// Run after `npm run build`:  node scripts/gen-schema.mjs [post report config]
// tests/cli/schema.test.ts and tests/rules/docs.test.ts fail when a committed file differs.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const api = await import(new URL('../dist/src/index.js', import.meta.url).href).catch(() => {
  process.stderr.write('gen-schema: dist/ is missing; run `npm run build` first\n');
  process.exit(2);
});
const { schemaText, SCHEMA_KINDS, builtinRules, optionDescriptions } = api;

const kinds = process.argv.length > 2 ? process.argv.slice(2) : SCHEMA_KINDS;
await mkdir(`${root}schema`, { recursive: true });
let failed = false;
for (const kind of kinds) {
  try {
    await writeFile(`${root}schema/${kind}.json`, schemaText(kind));
    process.stdout.write(`wrote schema/${kind}.json\n`);
  } catch (error) {
    failed = true;
    process.stderr.write(`gen-schema: ${kind}: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

if (process.argv.length <= 2) {
  for (const rule of builtinRules) {
    const file = `${root}${rule.meta.docs}`;
    const doc = await readFile(file, 'utf8');
    const descriptions = optionDescriptions(rule);
    const next = doc.replace(/^(\| `([A-Za-z]+)` \| [^|]+ \| [^|]+ \| )([^|\n]*)( \|)$/gm, (row, head, name, _meaning, tail) =>
      descriptions[name] === undefined ? row : `${head}${descriptions[name].replace(/\|/g, '\\|')}${tail}`,
    );
    if (next !== doc) {
      await writeFile(file, next);
      process.stdout.write(`wrote the options table of ${rule.meta.docs}\n`);
    }
  }
}
process.exitCode = failed ? 1 : 0;
