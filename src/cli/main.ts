/** The CLI entry: wires one module per command into commander. */
import { Command } from 'commander';
import { registerExportCommand } from './export.js';
import { registerSchemaCommand } from './schema.js';
import { registerLintCommand } from './lint.js';
import { registerRulesCommand } from './rules.js';
import { registerInitCommand } from './init.js';
import { registerStatsCommand } from './stats.js';

export async function main(argv: readonly string[]): Promise<void> {
  const program = new Command('anp');
  program.description('Parse and lint machine-generated articles.');
  registerLintCommand(program);
  registerExportCommand(program);
  registerRulesCommand(program);
  registerInitCommand(program);
  registerSchemaCommand(program);
  registerStatsCommand(program);
  await program.parseAsync([...argv]);
}
