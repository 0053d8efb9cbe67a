/**
 * `anp lint [paths…]`: discover files, read, parse and check each one (keeping only its
 * findings; corpus rules keep their own bounded state), merge the corpus rules' findings,
 * format the results, write them to stdout or `-o FILE` (atomically), and set
 * the exit code: 0 clean, 1 errors or too many warnings, 2 the run could not happen.
 */
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { printableConfig } from '../config/resolve.js';
import { startCorpus } from '../engine/corpus.js';
import { FORMAT_NAMES, getFormatter, isFormatName } from '../formatters/index.js';
import { discoverFiles } from '../io/discover.js';
import { decodeBytes } from '../io/read.js';
import { writeFileAtomic } from '../io/write.js';
import type { FileResult } from '../model/finding.js';
import { UsageError } from '../errors.js';
import {
  collect,
  colorLevel,
  lintFiles,
  lintSource,
  maxBytesOf,
  mergeCorpusFindings,
  packageInfo,
  readStdin,
  resolveNow,
  ruleInfos,
  setupRules,
} from './shared.js';

export interface LintOptions {
  format: string;
  outputFile?: string;
  config?: string;
  rule?: string[];
  rulesDir?: string;
  maxWarnings?: number;
  quiet?: boolean;
  now?: string;
  ignorePattern?: string[];
  stdin?: boolean;
  stdinFilename?: string;
  printConfig?: boolean;
  color?: boolean;
}

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number >= 0.');
  return Number(value);
}

export function registerLintCommand(program: Command): void {
  program
    .command('lint')
    .description('lint articles: files and folders (default .), searched for **/*.txt')
    .argument('[paths...]', 'files and folders to lint (default: .)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .option('-o, --output-file <file>', 'write the report to this file (atomically) instead of stdout')
    .option('-c, --config <file>', 'config file (default: anp.config.json, .anprc.json or package.json#anp, upward from the cwd)')
    .option('--rule <id:severity>', 'override a rule\'s severity, e.g. stale-review:error (repeatable)', collect)
    .option('--rules-dir <dir>', 'load custom rule modules (.js, .mjs) from this folder')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', nonNegativeInteger)
    .option('--quiet', 'report errors only')
    .option('--now <date>', 'the date freshness rules compare with, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)')
    .option('--ignore-pattern <glob>', 'skip files matching this glob, relative to the cwd (repeatable)', collect)
    .option('--stdin', 'lint the text read from standard input')
    .option('--stdin-filename <name>', 'the file name to report for --stdin', '<stdin>')
    .option('--print-config', 'print the resolved config as JSON and exit')
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output')
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
      process.exitCode = await runLint(paths, options);
    });
}

/** The whole command; returns the exit code (usage problems throw UsageError). */
export async function runLint(paths: string[], options: LintOptions): Promise<number> {
  const cwd = process.cwd();
  if (!isFormatName(options.format)) throw new UsageError(`unknown format "${options.format}"; expected one of ${FORMAT_NAMES.join(', ')}`);
  if (options.stdin && paths.length > 0) throw new UsageError('--stdin reads standard input; do not also give paths');
  const now = resolveNow(options.now, process.env);
  const resolved = await setupRules({ cwd, config: options.config, rule: options.rule, rulesDir: options.rulesDir });

  if (options.printConfig) {
    await emit(`${JSON.stringify(printableConfig(resolved), null, 2)}\n`, options.outputFile);
    return 0;
  }
  if (options.outputFile !== undefined) await checkWritable(path.resolve(cwd, options.outputFile), options.outputFile);

  const results: FileResult[] = [];
  // Corpus rules (corpus-duplicate-paragraph) collect every post in the same pass and report
  // after the last one; null when none of them is on.
  const corpus = startCorpus(resolved.rules, resolved.settings, now);
  if (options.stdin) {
    const bytes = await readStdin();
    const file = options.stdinFilename ?? '<stdin>';
    results.push(lintSource(file, decodeBytes(bytes, { maxBytes: maxBytesOf(resolved) }), resolved, now, corpus).result);
  } else {
    const { files, missing } = await discoverFiles(paths.length > 0 ? paths : ['.'], {
      include: resolved.include,
      ignores: [...resolved.ignores, ...(options.ignorePattern ?? [])],
      cwd,
    });
    if (missing.length > 0) {
      throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
    }
    // Not an error (an empty folder is clean), but a gate that checked nothing should say so.
    if (files.length === 0) process.stderr.write(`anp: no files to lint (include: ${resolved.include.join(', ')})\n`);
    for (const { result } of lintFiles(files, resolved, now, cwd, corpus)) results.push(result);
  }
  mergeCorpusFindings(results, corpus);

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

  const info = packageInfo();
  const toFile = options.outputFile !== undefined;
  const formatter = getFormatter(options.format);
  const report = formatter(shown, {
    cwd,
    version: info.version,
    informationUri: info.informationUri,
    colorLevel: options.format === 'stylish' ? colorLevel(options.color, process.env, !toFile && process.stdout.isTTY === true) : 0,
    rules: ruleInfos(resolved.rules),
  });
  await emit(report, options.outputFile);

  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings && errors === 0) {
    process.stderr.write(`anp: ${warnings} warning${warnings === 1 ? '' : 's'} found; --max-warnings allows ${options.maxWarnings}\n`);
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

async function emit(text: string, outputFile: string | undefined): Promise<void> {
  if (outputFile === undefined) {
    if (text !== '') process.stdout.write(text);
    return;
  }
  try {
    await writeFileAtomic(path.resolve(process.cwd(), outputFile), text);
  } catch (error) {
    throw new UsageError(`cannot write ${outputFile}: ${(error as Error).message}`);
  }
}
