/** Placeholder: registers `anp init` (replaced by the real command). */
import type { Command } from 'commander';
export function registerInitCommand(program: Command): void {
  program.command('init').description('(not implemented yet)');
}
