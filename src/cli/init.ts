/**
 * `anp init`: writes anp.config.json in the current folder with the defaults (every
 * built-in rule at its default severity, with its default options) and a `$schema` line
 * for editor completion. Never overwrites an existing file (exit 2).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { builtinRules } from '../../rules/index.js';
import { DEFAULT_INCLUDE, SCHEMA_REFERENCE } from '../config/schema.js';
import type { Rule } from '../engine/rule.js';
import { UsageError } from '../errors.js';

export const INIT_FILE = 'anp.config.json';

/** The default config, as written by `anp init`. */
export function defaultConfig(rules: readonly Rule<any>[] = builtinRules): Record<string, unknown> {
  const entries: Record<string, unknown> = {};
  for (const rule of rules) {
    const parsed = (rule.meta.schema as z.ZodType).safeParse({});
    const options = parsed.success && typeof parsed.data === 'object' && parsed.data !== null ? (parsed.data as Record<string, unknown>) : {};
    entries[rule.meta.id] = Object.keys(options).length > 0 ? [rule.meta.defaultSeverity, options] : rule.meta.defaultSeverity;
  }
  return { $schema: SCHEMA_REFERENCE, include: [...DEFAULT_INCLUDE], ignores: [], rules: entries };
}

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description(`write ${INIT_FILE} with the default settings (refuses to overwrite)`)
    .addHelpText('after', '\nExample:\n  anp init && anp lint')
    .action(async () => {
      const target = path.resolve(process.cwd(), INIT_FILE);
      try {
        // 'wx': fail if the file exists, so a config is never overwritten, even in a race.
        await writeFile(target, `${JSON.stringify(defaultConfig(), null, 2)}\n`, { flag: 'wx' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new UsageError(`${INIT_FILE} already exists; not overwriting it (edit it, or delete it and run anp init again)`);
        throw new UsageError(`cannot write ${INIT_FILE}: ${(error as Error).message}`);
      }
      process.stdout.write(`wrote ${INIT_FILE} (${builtinRules.length} rules at their defaults); edit it, then run anp lint\n`);
    });
}
