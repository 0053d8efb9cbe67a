/** Placeholder: registers `anp schema` (replaced by the real command). */
import type { Command } from 'commander';
export function registerSchemaCommand(program: Command): void {
  program.command('schema').description('(not implemented yet)');
}
