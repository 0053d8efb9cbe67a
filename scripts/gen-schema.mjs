#!/usr/bin/env node
// Writes the published JSON Schemas (schema/*.json) from the compiled zod schemas, so that
// `"$schema": "./node_modules/anp/schema/config.json"` and other tools find them in the package.
// Run after `npm run build`:  node scripts/gen-schema.mjs [post report config]
// tests/cli/schema.test.ts fails when a committed file differs from what the code generates.
import { writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { schemaText, SCHEMA_KINDS } = await import(new URL('../dist/src/index.js', import.meta.url).href).catch(() => {
  process.stderr.write('gen-schema: dist/ is missing; run `npm run build` first\n');
  process.exit(2);
});

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
process.exitCode = failed ? 1 : 0;
