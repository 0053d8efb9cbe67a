/**
 * `anp schema post|report|config`: the JSON Schemas generated from the project's zod
 * schemas, exactly as committed under schema/ (see src/engine/schemas.ts).
 */
import { Argument, type Command } from 'commander';
import { SCHEMA_KINDS, schemaText, type SchemaKind } from '../index.js';
import { toStdout } from './io.js';
import type { CommandContext } from './main.js';

export function registerSchemaCommand(program: Command, context: CommandContext): void {
  program
    .command('schema')
    .description('print the JSON Schema of an export record (post), the json report, or the config file')
    .addArgument(new Argument('<kind>', 'which schema').choices(SCHEMA_KINDS))
    .action(async (kind: SchemaKind) => {
      await toStdout(context.io, schemaText(kind));
    });
}
