/**
 * `anp init`: writes anp.config.json in the current folder with the defaults (every
 * built-in rule at its default severity, with its default options) and a `$schema` line
 * for editor completion. Never overwrites an existing file (exit 2).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { defaultConfig } from '../config/schema.js';
import { builtinRules, UsageError } from '../index.js';
import type { CommandContext } from './main.js';

export const INIT_FILE = 'anp.config.json';

export function registerInitCommand(program: Command, context: CommandContext): void {
  program
    .command('init')
    .description(`write ${INIT_FILE} with the default settings (refuses to overwrite)`)
    .addHelpText('after', '\nExample:\n  anp init && anp lint')
    .action(async () => {
      const target = path.resolve(context.io.cwd, INIT_FILE);
      try {
        // 'wx': fail if the file exists, so a config is never overwritten, even in a race.
        await writeFile(target, `${JSON.stringify(defaultConfig(), null, 2)}\n`, { flag: 'wx' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new UsageError(`${INIT_FILE} already exists; not overwriting it (edit it, or delete it and run anp init again)`);
        throw new UsageError(`cannot write ${INIT_FILE}: ${(error as Error).message}`);
      }
      context.io.stdout.write(`wrote ${INIT_FILE} (${builtinRules.length} rules at their defaults); edit it, then run anp lint\n`);
    });
}
