/**
 * `anp init`: writes a short anp.config.json in the current folder: a `$schema` that
 * points at the installed package's schema (editor completion), and two rule overrides as
 * examples; every rule not named keeps its default (the config extends the defaults).
 * `--all` writes every built-in rule at its default instead. Never overwrites an existing
 * file (exit 2).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { defaultConfig } from '../config/schema.js';
import { packageInfo } from '../engine/package-info.js';
import { builtinRules, UsageError } from '../index.js';
import type { CommandContext } from './main.js';

export const INIT_FILE = 'anp.config.json';

/**
 * The `$schema` reference for a config in `cwd`: `./node_modules/anp/schema/config.json`
 * when anp is installed there (the usual case), else the schema of the anp that runs,
 * relative when it is inside `cwd`, else as a file URL.
 */
export function schemaReference(cwd: string): string {
  const local = path.join(cwd, 'node_modules', 'anp', 'schema', 'config.json');
  if (existsSync(local)) return './node_modules/anp/schema/config.json';
  const running = path.join(packageInfo().root, 'schema', 'config.json');
  const relative = path.relative(cwd, running);
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) return `./${relative.split(path.sep).join('/')}`;
  return pathToFileURL(running).href;
}

/** The short starting config (JSONC: comments are allowed). */
export function shortConfig(schema: string): string {
  return `{
  "$schema": ${JSON.stringify(schema)},
  // Every rule keeps its default unless named here; \`anp rules\` lists them all.
  // "ignores": ["drafts/**"],
  "rules": {
    // Two examples: a stricter gate, and a rule turned off.
    "stale-review": ["error", { "maxAgeDays": 730 }],
    "needs-review": "off"
  }
}
`;
}

export function registerInitCommand(program: Command, context: CommandContext): void {
  program
    .command('init')
    .description(`write a short ${INIT_FILE} (refuses to overwrite)`)
    .option('--all', 'write every built-in rule at its default severity and options instead')
    .addHelpText('after', '\nExample:\n  anp init && anp lint')
    .action(async (options: { all?: boolean }) => {
      const target = path.resolve(context.io.cwd, INIT_FILE);
      const schema = schemaReference(context.io.cwd);
      const text = options.all ? `${JSON.stringify({ ...defaultConfig(), $schema: schema }, null, 2)}\n` : shortConfig(schema);
      try {
        // 'wx': fail if the file exists, so a config is never overwritten, even in a race.
        await writeFile(target, text, { flag: 'wx' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new UsageError(`${INIT_FILE} already exists; not overwriting it (edit it, or delete it and run anp init again)`);
        throw new UsageError(`cannot write ${INIT_FILE}: ${(error as Error).message}`);
      }
      const what = options.all ? `${builtinRules.length} rules at their defaults` : 'the defaults, with two example overrides';
      context.io.stdout.write(`wrote ${INIT_FILE} (${what}); edit it, then run anp lint\n`);
    });
}
