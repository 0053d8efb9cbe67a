/**
 * `anp lint [paths…]`: the engine lints (read, parse, rules, corpus phase); this command
 * parses the options, writes the report to stdout or `-o FILE` (atomically) and sets the
 * exit code: 0 clean, 1 errors or too many warnings, 2 the run could not happen.
 */
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { printableConfig } from '../config/resolve.js';
import { resolveNow } from '../engine/now.js';
import { FORMAT_NAMES, UsageError, type LintResult } from '../index.js';
import { writeFileAtomic } from '../io/write.js';
import { plural } from '../text/plural.js';
import { readAll, stdoutColor, type CliIo } from './io.js';
import type { CommandContext } from './main.js';
import { addShared, linterFor, nonNegativeInteger, type SharedValues } from './options.js';

export interface LintOptions extends SharedValues {
  format: string;
  outputFile?: string;
  maxWarnings?: number;
  quiet?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  printConfig?: boolean;
}

export function registerLintCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('lint')
    .description('lint articles: files and folders (default .), searched for **/*.txt')
    .argument('[paths...]', 'files and folders to lint (default: .)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .option('-o, --output-file <file>', 'write the report to this file (atomically) instead of stdout');
  addShared(command, ['config', 'rule', 'rulesDir'])
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', nonNegativeInteger)
    .option('--quiet', 'report errors only');
  addShared(command, ['now', 'ignorePattern'])
    .option('--stdin', 'lint the text read from standard input')
    .option('--stdin-filename <name>', 'the file name to report for --stdin', '<stdin>')
    .option('--print-config', 'print the resolved config as JSON and exit');
  addShared(command, ['color', 'noColor'])
    .addHelpText(
      'after',
      `
Exit codes: 0 no errors (and warnings within --max-warnings); 1 error findings or too many
warnings; 2 the run could not happen (bad option, invalid config, missing path, unwritable output).

Examples:
  anp lint content/
  anp lint content/ -f sarif -o anp.sarif --now 2026-11-23
  anp lint --rule stale-review:error --max-warnings 0 .
  cat post.txt | anp lint --stdin --stdin-filename content/post.txt`,
    )
    .action(async (paths: string[], options: LintOptions) => {
      context.exitCode = await runLint(paths, options, context.io);
    });
}

/** The whole command; returns the exit code (usage problems throw UsageError). */
export async function runLint(paths: string[], options: LintOptions, io: CliIo): Promise<number> {
  if (options.stdin && paths.length > 0) throw new UsageError('--stdin reads standard input; do not also give paths');
  const now = resolveNow(options.now, io.env);
  const linter = linterFor(options, io, now);
  const resolved = await linter.config();

  if (options.printConfig) {
    await emit(`${JSON.stringify(printableConfig(resolved), null, 2)}\n`, options.outputFile, io);
    return 0;
  }
  if (options.outputFile !== undefined) await checkWritable(path.resolve(io.cwd, options.outputFile), options.outputFile);

  const results: LintResult[] = [];
  if (options.stdin) {
    results.push(await linter.lintText(await readAll(io.stdin), { filePath: options.stdinFilename ?? '<stdin>' }));
  } else {
    for await (const result of linter.lintFiles(paths)) results.push(result);
    // Not an error (an empty folder is clean), but a gate that checked nothing should say so.
    if (results.length === 0) io.stderr.write(`anp: no files to lint (include: ${resolved.include.join(', ')})\n`);
  }

  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
  }
  // --quiet hides warnings from the report; they still count for --max-warnings.
  const shown = options.quiet
    ? results.map((result) => ({ ...result, findings: result.findings.filter((f) => f.severity === 'error'), warningCount: 0 }))
    : results;

  const toFile = options.outputFile !== undefined;
  const color = toFile ? 0 : stdoutColor(options.color, io);
  await emit(linter.format(shown, options.format, { color }), options.outputFile, io);

  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings && errors === 0) {
    io.stderr.write(`anp: ${plural(warnings, 'warning')} found; --max-warnings allows ${options.maxWarnings}\n`);
  }
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/** Fail before any work when -o cannot be written (an existing target, else its folder). */
async function checkWritable(target: string, shown: string): Promise<void> {
  let exists = true;
  try {
    await access(target, constants.F_OK);
  } catch {
    exists = false;
  }
  try {
    // An existing non-regular target (/dev/null, a FIFO) is written in place by writeFileAtomic.
    await access(exists ? target : path.dirname(target), constants.W_OK);
  } catch (error) {
    throw new UsageError(`cannot write ${shown}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : 'permission denied'}`);
  }
}

async function emit(text: string, outputFile: string | undefined, io: CliIo): Promise<void> {
  if (outputFile === undefined) {
    if (text !== '') io.stdout.write(text);
    return;
  }
  try {
    await writeFileAtomic(path.resolve(io.cwd, outputFile), text);
  } catch (error) {
    throw new UsageError(`cannot write ${outputFile}: ${(error as Error).message}`);
  }
}
