/** Placeholder: registers `anp lint` (replaced by the real command). */
import type { Command } from 'commander';
export function registerLintCommand(program: Command): void {
  program.command('lint').description('(not implemented yet)');
}
