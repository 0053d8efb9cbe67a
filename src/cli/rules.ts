/** Placeholder: registers `anp rules` (replaced by the real command). */
import type { Command } from 'commander';
export function registerRulesCommand(program: Command): void {
  program.command('rules').description('(not implemented yet)');
}
