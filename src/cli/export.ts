/** Placeholder: registers `anp export` (replaced by the real command). */
import type { Command } from 'commander';
export function registerExportCommand(program: Command): void {
  program.command('export').description('(not implemented yet)');
}
