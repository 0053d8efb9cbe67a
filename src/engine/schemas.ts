/**
 * The published JSON Schemas, generated from the zod schemas: an export record (`post`), the
 * json report (`report`) and the config file (`config`). The same text is committed under
 * schema/ (scripts/gen-schema.mjs writes it, a test keeps it identical).
 */
import { configJsonSchema } from '../config/schema.js';
import { reportJsonSchema } from '../model/finding.js';
import { postJsonSchema } from '../model/post.js';

export const SCHEMA_KINDS = ['post', 'report', 'config'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

/** The JSON Schema (draft 2020-12) of `kind`, as an object. */
export function jsonSchema(kind: SchemaKind): Record<string, unknown> {
  switch (kind) {
    case 'post':
      return postJsonSchema();
    case 'report':
      return reportJsonSchema();
    case 'config':
      return configJsonSchema();
  }
}

/** The schema as published in schema/<kind>.json: 2-space JSON with a final newline. */
export function schemaText(kind: SchemaKind): string {
  return `${JSON.stringify(jsonSchema(kind), null, 2)}\n`;
}
