/**
 * The options several commands share, declared once. Each command picks the ones it takes
 * (`addShared(command, 'config', 'now', …)`), and may word a description for itself.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { createLinter, type Linter, type LinterOptions } from '../index.js';
import { parseConcurrency, type Concurrency } from '../engine/parallel.js';
import type { CliIo } from './io.js';

/** Commander's collector for repeatable options. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function concurrencyValue(value: string): Concurrency {
  try {
    return parseConcurrency(value);
  } catch (error) {
    throw new InvalidArgumentError(`${(error as Error).message}.`);
  }
}

export function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number >= 0.');
  return Number(value);
}

const SHARED = {
  config: () => new Option('-c, --config <file>', 'config file (default: anp.config.json, .anprc.json or package.json#anp, upward from the cwd)'),
  rule: () => new Option('--rule <id:severity>', "override a rule's severity, e.g. stale-review:error (repeatable)").argParser(collect),
  rulesDir: () => new Option('--rules-dir <dir>', 'load custom rule modules (.js, .mjs, .cjs) from this folder'),
  now: () => new Option('--now <date>', 'the date freshness rules compare with, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)'),
  ignorePattern: () => new Option('--ignore-pattern <glob>', 'skip files matching this glob, relative to the cwd, named files too (repeatable)').argParser(collect),
  respectGitignore: () => new Option('--respect-gitignore', 'also skip files that .gitignore ignores (from the cwd up to the repository root)'),
  noErrorOnUnmatchedPattern: () => new Option('--no-error-on-unmatched-pattern', 'a path, folder or glob that matches no file is not an error (exit 2 by default)'),
  json: () => new Option('--json', 'print JSON instead of tables'),
  color: () => new Option('--color', 'force coloured output'),
  noColor: () => new Option('--no-color', 'disable coloured output'),
  concurrency: () =>
    new Option('--concurrency <n|auto|off>', 'worker threads: a number, auto (cores - 1; none for small runs or below 3 cores) or off (this thread only); output is the same')
      .argParser(concurrencyValue)
      .default('auto'),
  noFollowSymlinks: () => new Option('--no-follow-symlinks', 'do not follow symbolic links to folders (links that lead back into the walk are never followed)'),
} as const;

export type SharedOption = keyof typeof SHARED;

/** Adds the named shared options; `descriptions` rewords some for this command. */
export function addShared(command: Command, names: readonly SharedOption[], descriptions: Partial<Record<SharedOption, string>> = {}): Command {
  for (const name of names) {
    const option = SHARED[name]();
    const description = descriptions[name];
    if (description !== undefined) option.description = description;
    command.addOption(option);
  }
  return command;
}

/** What the shared options give an action (commander's camelCase names). */
export interface SharedValues {
  config?: string;
  rule?: string[];
  rulesDir?: string;
  now?: string;
  ignorePattern?: string[];
  json?: boolean;
  color?: boolean;
  respectGitignore?: boolean;
  /** false with --no-error-on-unmatched-pattern. */
  errorOnUnmatchedPattern?: boolean;
  /** --concurrency (default auto). */
  concurrency?: Concurrency;
  /** false with --no-follow-symlinks. */
  followSymlinks?: boolean;
}

/** The Linter a command's shared options describe (`now` already resolved, or left to the linter). */
export function linterFor(values: SharedValues, io: CliIo, now?: Date, extra: Partial<LinterOptions> = {}): Linter {
  return createLinter({
    ...extra,
    cwd: io.cwd,
    env: io.env,
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(now !== undefined ? { now } : {}),
    ruleFlags: values.rule ?? [],
    rulesDirs: values.rulesDir !== undefined ? [values.rulesDir] : [],
    ignorePatterns: values.ignorePattern ?? [],
    ...(values.respectGitignore ? { respectGitignore: true } : {}),
    // Only lint has the option (true unless --no-error-on-unmatched-pattern); export and stats warn.
    errorOnUnmatchedPattern: values.errorOnUnmatchedPattern === true,
    followSymlinks: values.followSymlinks !== false,
    onWarning: (message) => void io.stderr.write(`anp: warning: ${message}\n`),
  });
}
