/**
 * The CLI entry: wires one module per command into commander and turns every way a run can
 * fail into an exit code (cli.md): user errors (UsageError, commander's parse errors) are
 * one line `anp: …` and exit 2; a stack trace only with --debug.
 */
import { Command, CommanderError } from 'commander';
import { UsageError } from '../errors.js';
import { registerExportCommand } from './export.js';
import { registerSchemaCommand } from './schema.js';
import { registerLintCommand } from './lint.js';
import { registerRulesCommand } from './rules.js';
import { registerInitCommand } from './init.js';
import { registerStatsCommand } from './stats.js';
import { packageInfo } from './shared.js';

export const EXIT_USAGE = 2;

export async function main(argv: readonly string[]): Promise<void> {
  const debug = argv.includes('--debug');
  quietOnClosedPipe();
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (error) {
    process.exitCode = reportError(error, debug);
  }
}

export function buildProgram(): Command {
  const program = new Command('anp');
  program
    .description('Parse and lint machine-generated articles.')
    .version(packageInfo().version, '-v, --version', 'print the version')
    .option('--debug', 'show stack traces of errors')
    // Throw instead of calling process.exit, so parse errors get our exit code and format.
    // Both settings are inherited by the commands registered below.
    .exitOverride()
    .configureOutput({ outputError: () => undefined });
  registerLintCommand(program);
  registerExportCommand(program);
  registerRulesCommand(program);
  registerInitCommand(program);
  registerSchemaCommand(program);
  registerStatsCommand(program);
  return program;
}

/** Prints the error (one line unless --debug) and returns the exit code it maps to. */
function reportError(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    // --help and --version "fail" with code 0; `anp` with no command prints help and lands here too.
    if (error.exitCode === 0) return 0;
    if (error.code !== 'commander.help' && error.code !== 'commander.helpDisplayed') {
      const message = oneLine(error.message.replace(/^error:\s*/, ''));
      const hint = message.includes('Did you mean') ? '' : ' (see anp --help)';
      process.stderr.write(`anp: ${message}${hint}\n`);
    }
    return EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`anp: ${oneLine(error.message)}\n`);
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  // Not a user error: a bug or an environment failure nobody anticipated.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`anp: internal error: ${oneLine(message)}${debug ? '' : ' (run with --debug for details)'}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return EXIT_USAGE;
}

function oneLine(message: string): string {
  return message.split(/\r?\n/).map((part) => part.trim()).filter(Boolean).join(' ');
}

/** `anp export | head` closes the pipe early: that is the reader's choice, not an error. */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
