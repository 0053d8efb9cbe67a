/**
 * `anp lint [paths…]`: the engine lints (read, parse, rules, corpus phase); this command
 * parses the options, writes the report to stdout or `-o FILE` (atomically) and sets the
 * exit code: 0 clean, 1 errors or too many warnings, 2 the run could not happen.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { SARIF_MAX_RESULTS_LIMIT, type ReportLimits } from '../formatters/limits.js';
import { printableConfig } from '../config/resolve.js';
import type { ResolvedConfig } from '../config/resolve.js';
import { CACHE_STRATEGIES, cacheKey, DEFAULT_CACHE_LOCATION, type CacheStrategy } from '../engine/cache.js';
import { startCorpus } from '../engine/corpus.js';
import { packageInfo } from '../engine/package-info.js';
import { resolveNow } from '../engine/now.js';
import { parseShard, type Shard } from '../engine/shard.js';
import { FORMAT_NAMES, ReportSummaryCollector, UsageError, type LintResult, type Post } from '../index.js';
import { decodeEscaped, replaceEscapes } from '../io/escape.js';
import { fileOutput, type TextOutput } from '../io/output.js';
import { describeIoError } from '../io/read.js';
import { outputDone, writeFileAtomic } from '../io/write.js';
import { unifiedDiff } from '../text/diff.js';
import { plural } from '../text/plural.js';
import { DEFAULT_COLUMNS, terminalColumns } from '../text/terminal.js';
import { checkOutputFile, readAll, stdoutColor, toStdout, type CliIo } from './io.js';
import type { CommandContext } from './main.js';
import { isStreamed, ReportStream, type ShardHeader } from './report-stream.js';
import { addShared, collect, linterFor, nonNegativeInteger, type SharedValues } from './options.js';
import { reportsDone, reportTargets, writeReports, type ReportTarget } from './reports.js';
import { ProgressLine, progressWanted } from './progress.js';
import { appendStepSummary } from './step-summary.js';
import { SuppressionSession, type SuppressValues } from './suppress.js';

export interface LintOptions extends SharedValues, SuppressValues {
  format: string;
  outputFile?: string;
  report?: string[];
  sarifMaxResults?: number;
  maxAnnotations?: number;
  maxWarnings?: number;
  quiet?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  printConfig?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  fixType?: string[];
  diff?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  cacheStrategy?: CacheStrategy;
  shard?: Shard;
  progress?: boolean;
}

export function registerLintCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('lint')
    .description('lint articles: files and folders (default .), searched for **/*.txt')
    .argument('[paths...]', 'files, folders and quoted globs to lint (default: .)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .option('-o, --output-file <file>', 'write the report to this file (atomically) instead of stdout')
    .option('--report <format=file>', 'also write a report in this format to this file (atomically; repeatable)', collect)
    .option('--sarif-max-results <n>', 'sarif: keep at most n results, errors first, then by file and line (default 5000, at most 25000)', sarifMaxResults)
    .option('--max-annotations <n>', 'github: at most n error and n warning annotations, errors first (default 10)', nonNegativeInteger);
  addShared(command, ['config', 'rule', 'rulesDir'])
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', nonNegativeInteger)
    .option('--quiet', 'report errors only');
  addShared(command, ['now', 'ignorePattern', 'respectGitignore', 'noErrorOnUnmatchedPattern', 'noFollowSymlinks', 'concurrency'])
    .option('--stdin', 'lint the text read from standard input')
    .option('--stdin-filename <name>', 'the file name to report for --stdin', '<stdin>')
    .option('--print-config', 'print the resolved config as JSON and exit')
    .option('--fix', 'repair what is safe to repair and write each changed file (atomically); the report shows what is left')
    .option('--fix-dry-run', 'work out the fixes and report what would be left, writing nothing')
    .option('--fix-type <tags>', 'with --fix/--fix-dry-run: only fixes of rules with these tags, e.g. duplication,meta', commaList)
    .option('--diff', 'with --fix or --fix-dry-run: print a unified diff of the fixes to stdout (the report goes to -o, if given)')
    .option('--suppress-all', 'record every finding of this run in the suppressions file (later runs report only new ones)')
    .option('--suppress-rule <id>', "record this rule's findings in the suppressions file (repeatable)", collect)
    .option('--suppressions-location <file>', 'the suppressions file (default: anp-suppressions.json in the cwd)')
    .option('--prune-suppressions', 'drop suppressions that no longer occur from the suppressions file')
    .option('--cache', 'reuse the results of files unchanged since the last --cache run (and write the cache)')
    .option('--cache-location <path>', `the cache file, or a folder to put ${DEFAULT_CACHE_LOCATION} in (default: ${DEFAULT_CACHE_LOCATION} in the cwd)`)
    .addOption(new Option('--cache-strategy <strategy>', 'what says a file is unchanged: metadata (size and mtime) or content (a hash)').choices(CACHE_STRATEGIES).default('metadata'))
    .option('--no-progress', 'no progress line on stderr (it shows only on a terminal, for runs over a second)')
    .option('--shard <i/n>', 'lint only shard i of n (a stable share by path hash); with -f json the report can be combined by anp merge', shardValue);
  addShared(command, ['color', 'noColor'])
    .addHelpText(
      'after',
      `
Exit codes: 0 no errors (and warnings within --max-warnings); 1 error findings or too many
warnings; 2 the run could not happen (bad option, invalid config, missing path, unwritable output).

Examples:
  anp lint content/
  anp lint 'content/**/*.txt' --ignore-pattern 'content/drafts/**'
  anp lint content/ -f sarif -o anp.sarif --now 2026-11-23
  anp lint --rule stale-review:error --max-warnings 0 .
  anp lint --concurrency 2 content/
  anp lint --cache content/            # later runs re-lint only changed files
  anp lint --shard 1/4 -f json -o shard-1.json content/   # then: anp merge shard-*.json
  anp lint --fix-dry-run --diff content/
  anp lint --fix --fix-type duplication content/
  anp lint content/ -f html -o report.html
  anp lint content/ -f github --report sarif=anp.sarif --report junit=anp.xml
  anp lint --suppress-all content/     # accept today's findings; later runs fail on new ones only
  cat post.txt | anp lint --stdin --stdin-filename content/post.txt`,
    )
    .action(async (paths: string[], options: LintOptions) => {
      context.exitCode = await runLint(paths, options, context.io);
    });
}

/** What a `--shard` json report says of itself (anp merge checks it); other formats cannot be merged. */
function shardHeader(options: LintOptions, resolved: ResolvedConfig, now: Date, io: CliIo): ShardHeader | undefined {
  if (options.format !== 'json') {
    io.stderr.write(`anp: warning: --shard ${options.shard!.index}/${options.shard!.count}: only a -f json report can be combined by anp merge (corpus rules report nothing in a shard)\n`);
    return undefined;
  }
  const rulesDirs = options.rulesDir !== undefined ? [path.resolve(io.cwd, options.rulesDir)] : [];
  const corpusRules = startCorpus(resolved.rules, resolved.settings, now)?.ruleIds ?? [];
  return { version: packageInfo().version, index: options.shard!.index, count: options.shard!.count, key: cacheKey(resolved, now, 'shard', rulesDirs, io.cwd), corpusRules };
}

/** ANP_PROGRESS_DELAY_MS: when the line first shows (default 1,000 ms; tests set 0). */
function progressDelay(env: NodeJS.ProcessEnv): { delayMs?: number } {
  const value = Number(env.ANP_PROGRESS_DELAY_MS);
  return env.ANP_PROGRESS_DELAY_MS !== undefined && Number.isFinite(value) && value >= 0 ? { delayMs: value } : {};
}

function shardValue(value: string): Shard {
  try {
    return parseShard(value);
  } catch (error) {
    throw new InvalidArgumentError(`${(error as Error).message}.`);
  }
}

function sarifMaxResults(value: string): number {
  const n = nonNegativeInteger(value);
  if (n < 1 || n > SARIF_MAX_RESULTS_LIMIT) throw new InvalidArgumentError(`expected a whole number from 1 to ${SARIF_MAX_RESULTS_LIMIT} (GitHub code scanning rejects a run with more results).`);
  return n;
}

/** The whole command; returns the exit code (usage problems throw UsageError). */
export async function runLint(paths: string[], options: LintOptions, io: CliIo): Promise<number> {
  if (options.stdin && paths.length > 0) throw new UsageError('--stdin reads standard input; do not also give paths');
  const fixing = options.fix === true || options.fixDryRun === true;
  if (options.fix && options.fixDryRun) throw new UsageError('--fix writes the files and --fix-dry-run writes nothing; give one of them');
  if (!fixing && options.fixType !== undefined) throw new UsageError('--fix-type needs --fix or --fix-dry-run');
  if (!fixing && options.diff) throw new UsageError('--diff needs --fix or --fix-dry-run');
  if (options.fix && options.stdin) throw new UsageError('--fix writes files; with --stdin use --fix-dry-run (--diff shows the fixes)');
  // The output target first: a report that cannot be written fails before any work.
  const target = options.outputFile !== undefined ? checkOutputFile(io, options.outputFile) : undefined;
  let reports: ReportTarget[] = [];
  try {
    reports = reportTargets(options.report ?? [], io, options.outputFile);
    return await lintTo(paths, options, io, target, fixing, reports);
  } finally {
    if (options.outputFile !== undefined) outputDone(options.outputFile);
    reportsDone(reports);
  }
}

async function lintTo(paths: string[], options: LintOptions, io: CliIo, target: string | undefined, fixing: boolean, reports: readonly ReportTarget[]): Promise<number> {
  const now = resolveNow(options.now, io.env);
  const linter = linterFor(options, io, now, fixing ? { fix: true, ...(options.fixType ? { fixTypes: options.fixType } : {}) } : {});
  const resolved = await linter.config();

  if (options.printConfig) {
    await emit(`${JSON.stringify(printableConfig(resolved), null, 2)}\n`, options.outputFile, target, io);
    return 0;
  }
  const toFile = target !== undefined;
  // --quiet hides warnings from the report; they still count for --max-warnings.
  const shownOf = (result: LintResult): LintResult =>
    options.quiet ? { ...result, findings: result.findings.filter((f) => f.severity === 'error'), warningCount: 0 } : result;
  const color = toFile ? 0 : stdoutColor(options.color, io);
  // Files (-o, --report) are 80 columns wide, stdout as wide as the terminal.
  const columns = toFile ? DEFAULT_COLUMNS : terminalColumns(io.stdout);
  const wantsHtml = options.format === 'html' || reports.some((report) => report.format === 'html');
  const summary = wantsHtml ? new ReportSummaryCollector(now, resolved) : null;
  const suppressions = SuppressionSession.open(options, io, new Set(resolved.rules.map((rule) => rule.meta.id)));
  // With --diff, stdout holds the diff: the report goes only to -o.
  const reportWanted = !options.diff || toFile;
  const shard = options.shard !== undefined ? shardHeader(options, resolved, linter.now, io) : undefined;
  const progress = !options.stdin && progressWanted(io.stderr, options.progress, io.env) ? new ProgressLine(io.stderr, progressDelay(io.env)) : null;
  const stream = reportWanted && isStreamed(options.format) ? new ReportStream(options.format, linter, await openReport(options.outputFile, target, io, progress), color, columns, shard, limitsFor(options, reports, options.outputFile)) : null;
  // --report files in a streamed format are written as results arrive too; the others from the results kept.
  const streams = stream ? [stream] : [];
  for (const report of reports) {
    if (isStreamed(report.format)) streams.push(new ReportStream(report.format, linter, await openReport(report.file, report.target, io), 0, DEFAULT_COLUMNS, undefined, limitsFor(options, reports, report.file)));
  }
  const wholeReports = reports.filter((report) => !isStreamed(report.format));
  const keepResults = (!stream && reportWanted) || wholeReports.length > 0;

  // Every report is made from the same results; the exit code is computed once, below.
  const results: LintResult[] = [];
  let changed = 0;
  /** Fixes the structure guard refused, by "rule: reason". */
  const refused = new Map<string, number>();
  let errors = 0;
  let warnings = 0;
  const add = async (raw: LintResult): Promise<void> => {
    const result = suppressions.filter(raw);
    errors += result.errorCount;
    warnings += result.warningCount;
    if (fixing && result.output !== undefined) {
      changed++;
      await applyFix(result);
    }
    for (const refusal of raw.fixesRefused ?? []) refused.set(`${refusal.ruleId}: ${refusal.reason}`, (refused.get(`${refusal.ruleId}: ${refusal.reason}`) ?? 0) + 1);
    const shown = shownOf(result);
    for (const each of streams) await each.add(shown);
    if (keepResults) results.push(shown);
  };
  let stdinText: string | undefined;
  // Each fixed file is shown (--diff) and written (--fix) as soon as its result is known, so
  // an interrupted run leaves every file either as it was or fixed, and no text is held.
  const applyFix = async (result: LintResult): Promise<void> => {
    if (options.diff) {
      const before = stdinText ?? decodeForDiff(await readFile(path.resolve(io.cwd, result.file)));
      progress?.clear(); // a progress line on the same terminal (the next update redraws it)
      await toStdout(io, unifiedDiff(before, replaceEscapes(stripBom(result.output!)), result.file));
    }
    if (options.fix) {
      try {
        await linter.outputFixes([result]);
      } catch (error) {
        throw new UsageError(`cannot write a fixed file: ${(error as Error).message}`);
      }
    }
  };
  const onPost = summary ? { onPost: (post: Post, file: string) => summary.addPost(post, file) } : {};
  try {
    if (options.stdin) {
      const bytes = await readAll(io.stdin);
      if (options.diff) stdinText = decodeForDiff(bytes);
      await add(await linter.lintText(bytes, { filePath: options.stdinFilename ?? '<stdin>', ...onPost }));
    } else {
      let count = 0;
      const scale = {
        ...(options.cache ? { cache: { location: options.cacheLocation ?? DEFAULT_CACHE_LOCATION, strategy: options.cacheStrategy ?? 'metadata' } } : {}),
        ...(options.shard !== undefined ? { shard: options.shard, corpusSummaries: true } : {}),
        ...(progress ? { onProgress: (done: number, total: number) => progress.update(done, total) } : {}),
      };
      for await (const result of linter.lintFiles(paths, { concurrency: options.concurrency ?? 'auto', ...onPost, ...scale })) {
        count++;
        await add(result);
      }
      // Not an error (an empty folder is clean), but a gate that checked nothing should say so.
      if (count === 0) io.stderr.write(`anp: no files to lint (include: ${resolved.include.join(', ')})\n`);
    }
    progress?.end();
    for (const each of streams) await each.end();
    await suppressions.finish();
  } catch (error) {
    progress?.end();
    // A -o report that was being streamed is left untouched (its temp file removed).
    for (const each of streams) await each.abort();
    throw error;
  }

  if (fixing) {
    const verb = options.fix ? 'fixed' : 'would fix';
    io.stderr.write(`anp: ${verb} ${plural(changed, 'file')}${options.fix ? '' : ' (dry run: nothing written)'}\n`);
    if (refused.size > 0) io.stderr.write(refusalSummary(refused));
  }

  const summaryOption = summary ? { summary: summary.result() } : {};
  if (!stream && reportWanted) {
    await emit(linter.format(results, options.format, { color, columns, limits: limitsFor(options, reports, options.outputFile), ...summaryOption }), options.outputFile, target, io);
  }
  await writeReports(wholeReports, results, linter, (format, file) => (all) => linter.format(all, format, { columns: DEFAULT_COLUMNS, limits: limitsFor(options, reports, file), ...summaryOption }));
  const stepSummary = io.env.GITHUB_STEP_SUMMARY;
  if (stepSummary !== undefined && stepSummary !== '' && (options.format === 'github' || reports.some((report) => report.format === 'github'))) {
    const others = [...(options.outputFile !== undefined && options.format !== 'github' ? [options.outputFile] : []), ...reports.filter((report) => report.format !== 'github').map((report) => report.file)];
    await appendStepSummary(stepSummary, results, others);
  }

  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings && errors === 0) {
    io.stderr.write(`anp: ${plural(warnings, 'warning')} found; --max-warnings allows ${options.maxWarnings}\n`);
  }
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/** The fixes left undone because their text would not re-parse to the same structure, most frequent first (at most 10 lines). */
function refusalSummary(refused: ReadonlyMap<string, number>): string {
  const rows = [...refused].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const total = rows.reduce((sum, [, count]) => sum + count, 0);
  const width = String(rows[0]![1]).length;
  const shown = rows.slice(0, 10).map(([what, count]) => `  ${String(count).padStart(width)} ${what}\n`);
  const more = rows.length > 10 ? `  … and ${rows.length - 10} other reasons\n` : '';
  return `anp: ${plural(total, 'fix', 'fixes')} not applied: the text would not re-parse to the same structure (see docs/cli.md#fixing):\n${shown.join('')}${more}`;
}

function commaList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((part) => part.trim()).filter((part) => part.length > 0)];
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The text a diff compares: UTF-8 without the BOM, each byte that is not UTF-8 shown as U+FFFD (as in the fixed text). */
function decodeForDiff(bytes: Uint8Array): string {
  return replaceEscapes(decodeEscaped(bytes));
}

/** Where a streamed report goes: stdout, or the `-o` file's temp file (renamed into place at the end). */
export async function openReport(outputFile: string | undefined, target: string | undefined, io: CliIo, progress: ProgressLine | null = null): Promise<TextOutput> {
  if (outputFile === undefined || target === undefined) {
    // Unbuffered, as each result is known: `anp lint | head` shows the first files at once.
    // A progress line on the same terminal is cleared first (the next update redraws it).
    return { write: (text) => (progress?.clear(), toStdout(io, text)), close: () => Promise.resolve(), abort: () => Promise.resolve() };
  }
  const failed = (error: unknown): UsageError =>
    error instanceof UsageError ? error : new UsageError(`cannot write ${outputFile}: ${describeIoError(error)}`);
  try {
    const file = await fileOutput(target);
    return {
      write: (text) => file.write(text).catch((error: unknown) => Promise.reject(failed(error))),
      close: () => file.close().catch((error: unknown) => Promise.reject(failed(error))),
      abort: () => file.abort(),
    };
  } catch (error) {
    throw failed(error);
  }
}

/** The limits of sarif and github; the github notice names the run's other reports. */
function limitsFor(options: LintOptions, reports: readonly ReportTarget[], self: string | undefined): ReportLimits {
  const others = [...(options.outputFile !== undefined ? [options.outputFile] : []), ...reports.map((report) => report.file)].filter((file) => file !== self);
  return { sarifMaxResults: options.sarifMaxResults, maxAnnotations: options.maxAnnotations, fullReport: others };
}

export async function emit(text: string, outputFile: string | undefined, target: string | undefined, io: CliIo): Promise<void> {
  if (outputFile === undefined || target === undefined) {
    await toStdout(io, text);
    return;
  }
  try {
    await writeFileAtomic(target, text);
  } catch (error) {
    throw new UsageError(`cannot write ${outputFile}: ${describeIoError(error)}`);
  }
}
