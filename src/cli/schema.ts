/**
 * `anp schema post|report|config`: the JSON Schemas generated from the project's zod
 * schemas. The same text is committed under schema/ (scripts/gen-schema.mjs writes it, a
 * test keeps it identical), which is what `"$schema"` lines and other tools point at.
 */
import { Argument, type Command } from 'commander';
import { postJsonSchema } from '../model/post.js';
import { reportJsonSchema } from '../model/finding.js';
import { configJsonSchema } from '../config/schema.js';

export const SCHEMA_KINDS = ['post', 'report', 'config'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

export function registerSchemaCommand(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of an export record (post), the json report, or the config file')
    .addArgument(new Argument('<kind>', 'which schema').choices(SCHEMA_KINDS))
    .action((kind: SchemaKind) => {
      process.stdout.write(schemaText(kind));
    });
}

/** The schema as published: 2-space JSON with a final newline. */
export function schemaText(kind: SchemaKind): string {
  return `${JSON.stringify(schemaFor(kind), null, 2)}\n`;
}

function schemaFor(kind: SchemaKind): Record<string, unknown> {
  switch (kind) {
    case 'post':
      return postJsonSchema();
    case 'report':
      return reportJsonSchema();
    case 'config':
      return configJsonSchema();
  }
}
