/**
 * The CLI entry: wires one module per command into commander and turns every way a run can
 * fail into an exit code (cli.md): user errors (UsageError, commander's parse errors) are
 * one line `anp: …` and exit 2; a stack trace only with --debug.
 *
 * `run(args, io)` is the whole CLI against the streams it is given (tests call it
 * in-process); `main(argv)` runs it on the real process and sets the exit code.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError, UsageError } from '../index.js';
import { packageInfo } from '../engine/package-info.js';
import { registerExportCommand } from './export.js';
import { registerInitCommand } from './init.js';
import { processIo, type CliIo } from './io.js';
import { installProcessHandlers } from './process.js';
import { registerLintCommand } from './lint.js';
import { registerMergeCommand } from './merge.js';
import { registerRulesCommand } from './rules.js';
import { registerSchemaCommand } from './schema.js';
import { registerStatsCommand } from './stats.js';

export const EXIT_USAGE = 2;

/** What a command's action gets: the streams, and where to put its exit code. */
export interface CommandContext {
  io: CliIo;
  exitCode: number;
}

export async function main(argv: readonly string[]): Promise<void> {
  installProcessHandlers();
  process.exitCode = await run(argv.slice(2), processIo());
}

/** Runs the CLI with `args` (without `node` and the script); returns the exit code. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const debug = args.includes('--debug');
  const context: CommandContext = { io, exitCode: 0 };
  try {
    await buildProgram(context).parseAsync([...args], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    return reportError(error, debug, io);
  }
}

export function buildProgram(context: CommandContext): Command {
  const { io } = context;
  const program = new Command('anp');
  program
    .description('Parse and lint machine-generated articles.')
    .version(packageInfo().version, '-v, --version', 'print the version')
    .option('--debug', 'show stack traces of errors')
    // Throw instead of calling process.exit, so parse errors get our exit code and format.
    // Both settings are inherited by the commands registered below.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: () => undefined,
    });
  registerLintCommand(program, context);
  registerMergeCommand(program, context);
  registerExportCommand(program, context);
  registerRulesCommand(program, context);
  registerInitCommand(program, context);
  registerSchemaCommand(program, context);
  registerStatsCommand(program, context);
  return program;
}

/** Prints the error (one line unless --debug) and returns the exit code it maps to. */
function reportError(error: unknown, debug: boolean, io: CliIo): number {
  if (error instanceof CommanderError) {
    // --help and --version "fail" with code 0; `anp` with no command prints help and lands here too.
    if (error.exitCode === 0) return 0;
    if (error.code !== 'commander.help' && error.code !== 'commander.helpDisplayed') {
      const message = oneLine(error.message.replace(/^error:\s*/, ''));
      const hint = message.includes('Did you mean') ? '' : ' (see anp --help)';
      io.stderr.write(`anp: ${message}${hint}\n`);
    }
    return EXIT_USAGE;
  }
  if (error instanceof ConfigError && error.problems.length > 1) {
    // A config with several problems: one line each, all at once.
    for (const problem of error.problems) io.stderr.write(`anp: ${oneLine(problem)}\n`);
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`anp: ${oneLine(error.message)}\n`);
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  // Not a user error: a bug or an environment failure nobody anticipated.
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`anp: internal error: ${oneLine(message)}${debug ? '' : ' (run with --debug for details)'}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return EXIT_USAGE;
}

function oneLine(message: string): string {
  return message.split(/\r?\n/).map((part) => part.trim()).filter(Boolean).join(' ');
}
