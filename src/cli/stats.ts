/** Placeholder: registers `anp stats` (replaced by the real command). */
import type { Command } from 'commander';
export function registerStatsCommand(program: Command): void {
  program.command('stats').description('(not implemented yet)');
}
