/**
 * `anp merge a.json b.json …`: the `-f json` reports of `anp lint --shard i/n` runs (one per
 * shard, all n of them) combined into the report and exit code one unsharded run gives. The
 * reports are read line by line and interleaved in path order; each file's corpus summaries
 * go to the corpus rules (`Linter.combine`), which then report across shards. The config
 * options must match the shards' (their key says so; a mismatch is exit 2).
 */
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { cacheKey, LineReader } from '../engine/cache.js';
import { corpusReviver } from '../engine/corpus.js';
import { resolveNow } from '../engine/now.js';
import { FORMAT_NAMES, UsageError, type LintResult } from '../index.js';
import { describeIoError } from '../io/read.js';
import { outputDone } from '../io/write.js';
import { plural } from '../text/plural.js';
import { DEFAULT_COLUMNS, terminalColumns } from '../text/terminal.js';
import { checkOutputFile, stdoutColor, type CliIo } from './io.js';
import { emit, openReport } from './lint.js';
import type { CommandContext } from './main.js';
import { addShared, linterFor, nonNegativeInteger, type SharedValues } from './options.js';
import { isStreamed, ReportStream, type ShardHeader } from './report-stream.js';

export interface MergeOptions extends SharedValues {
  format: string;
  outputFile?: string;
  maxWarnings?: number;
  quiet?: boolean;
}

export function registerMergeCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('merge')
    .description('combine the -f json reports of anp lint --shard i/n runs into one report (corpus findings across shards included)')
    .argument('<reports...>', 'the shard reports, one per shard')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .option('-o, --output-file <file>', 'write the report to this file (atomically) instead of stdout');
  addShared(command, ['config', 'rule', 'rulesDir', 'now'])
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', nonNegativeInteger)
    .option('--quiet', 'report errors only');
  addShared(command, ['color', 'noColor']).addHelpText(
    'after',
    `
Give merge the config options the shards were linted with (-c, --rule, --rules-dir, --now).
Exit codes: as anp lint (0 clean, 1 errors or too many warnings, 2 the merge could not happen).

Example (a CI matrix of two jobs, then one job):
  anp lint --shard 1/2 -f json -o shard-1.json content/
  anp lint --shard 2/2 -f json -o shard-2.json content/
  anp merge shard-1.json shard-2.json -f sarif -o anp.sarif`,
  ).action(async (reports: string[], options: MergeOptions) => {
    context.exitCode = await runMerge(reports, options, context.io);
  });
}

/** One shard report, read a result at a time. */
class ShardReport {
  readonly header: ShardHeader;
  private readonly reader: LineReader;
  private lineNumber = 1;
  private done = false;
  /** The next result, or undefined at the end. */
  head: LintResult | undefined;

  constructor(
    readonly name: string,
    private readonly fd: number,
  ) {
    this.reader = new LineReader(fd);
    const first = this.reader.next();
    const text = first?.line.toString('utf8') ?? '';
    let header: unknown;
    try {
      header = text.startsWith('{"anpShard":') && text.endsWith('"results":[') ? (JSON.parse(`${text}]}`) as { anpShard: unknown }).anpShard : undefined;
    } catch {
      header = undefined;
    }
    if (!isHeader(header)) throw new UsageError(`${name}: not a shard report (expected the -f json report of anp lint --shard i/n)`);
    this.header = header;
    this.advance();
  }

  /** Reads the next result into `head`. */
  advance(): void {
    this.head = undefined;
    if (this.done) return;
    const next = this.reader.next();
    this.lineNumber++;
    const text = next?.line.toString('utf8');
    if (text === undefined || text === ']}') {
      if (text === undefined) throw new UsageError(`${this.name}: the report ends early at line ${this.lineNumber} (expected "]}"); was its run stopped?`);
      this.done = true;
      return;
    }
    let result: unknown;
    try {
      result = JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text, corpusReviver);
    } catch {
      result = undefined;
    }
    if (!isResult(result)) throw new UsageError(`${this.name}:${this.lineNumber}: expected one file's result as JSON; the report is damaged`);
    this.head = result;
  }

  close(): void {
    closeSync(this.fd);
  }
}

function isHeader(value: unknown): value is ShardHeader {
  const header = value as Partial<ShardHeader> | undefined;
  return (
    typeof header === 'object' && header !== null && typeof header.version === 'string' && Number.isInteger(header.index) && Number.isInteger(header.count) &&
    typeof header.key === 'string' && Array.isArray(header.corpusRules)
  );
}

function isResult(value: unknown): value is LintResult {
  const result = value as Partial<LintResult> | undefined;
  return typeof result === 'object' && result !== null && typeof result.file === 'string' && Array.isArray(result.findings) && Number.isInteger(result.errorCount) && Number.isInteger(result.warningCount);
}

/** The results of every report, in path order (each report is in path order already). */
function* interleaved(reports: readonly ShardReport[]): Generator<LintResult> {
  let last: string | undefined;
  for (;;) {
    let best: ShardReport | undefined;
    for (const report of reports) if (report.head !== undefined && (best === undefined || report.head.file < best.head!.file)) best = report;
    if (best === undefined) return;
    const result = best.head!;
    if (last !== undefined && result.file <= last) {
      throw new UsageError(`${best.name}: ${result.file} ${result.file === last ? 'is in two shard reports' : 'is out of path order'}; give each shard's report once`);
    }
    last = result.file;
    best.advance();
    yield result;
  }
}

/** Opens and checks the reports: one per shard of the same split, same key. */
function openReports(files: readonly string[], io: CliIo): ShardReport[] {
  const reports: ShardReport[] = [];
  try {
    for (const file of files) {
      let fd: number;
      try {
        fd = openSync(path.resolve(io.cwd, file), 'r');
      } catch (error) {
        throw new UsageError(`cannot read ${file}: ${describeIoError(error)}`);
      }
      try {
        reports.push(new ShardReport(file, fd));
      } catch (error) {
        closeSync(fd);
        throw error;
      }
    }
    const count = reports[0]!.header.count;
    const byIndex = new Map<number, string>();
    for (const report of reports) {
      const { header } = report;
      if (header.count !== count) throw new UsageError(`${report.name} is shard ${header.index}/${header.count}, ${reports[0]!.name} is of ${count} shards; merge the reports of one split`);
      if (header.key !== reports[0]!.header.key) throw new UsageError(`${report.name} and ${reports[0]!.name} were linted with different settings (config, rules, --now or anp version)`);
      const twin = byIndex.get(header.index);
      if (twin !== undefined) throw new UsageError(`${twin} and ${report.name} are both shard ${header.index}/${count}`);
      byIndex.set(header.index, report.name);
    }
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
    if (missing.length > 0) throw new UsageError(`shard${missing.length > 1 ? 's' : ''} ${missing.map((index) => `${index}/${count}`).join(', ')} missing: merge needs the report of every shard`);
    return reports;
  } catch (error) {
    for (const report of reports) report.close();
    throw error;
  }
}

export async function runMerge(files: readonly string[], options: MergeOptions, io: CliIo): Promise<number> {
  const target = options.outputFile !== undefined ? checkOutputFile(io, options.outputFile) : undefined;
  try {
    return await mergeTo(files, options, io, target);
  } finally {
    if (options.outputFile !== undefined) outputDone(options.outputFile);
  }
}

async function mergeTo(files: readonly string[], options: MergeOptions, io: CliIo, target: string | undefined): Promise<number> {
  const reports = openReports(files, io);
  try {
    const now = resolveNow(options.now, io.env);
    const linter = linterFor(options, io, now);
    const resolved = await linter.config();
    const rulesDirs = options.rulesDir !== undefined ? [path.resolve(io.cwd, options.rulesDir)] : [];
    if (cacheKey(resolved, linter.now, 'shard', rulesDirs, io.cwd) !== reports[0]!.header.key) {
      throw new UsageError(`the shards were linted with other settings than this merge's (config, rules, custom rule files, --now or anp version ${reports[0]!.header.version}); give merge the options the shards had`);
    }
    const toFile = target !== undefined;
    const color = toFile ? 0 : stdoutColor(options.color, io);
    const columns = toFile ? DEFAULT_COLUMNS : terminalColumns(io.stdout);
    const shownOf = (result: LintResult): LintResult =>
      options.quiet ? { ...result, findings: result.findings.filter((f) => f.severity === 'error'), warningCount: 0 } : result;
    const stream = isStreamed(options.format) ? new ReportStream(options.format, linter, await openReport(options.outputFile, target, io), color, columns) : null;
    const results: LintResult[] = [];
    let errors = 0;
    let warnings = 0;
    try {
      for await (const result of linter.combine(interleaved(reports))) {
        errors += result.errorCount;
        warnings += result.warningCount;
        if (stream) await stream.add(shownOf(result));
        else results.push(shownOf(result));
      }
      await stream?.end();
    } catch (error) {
      await stream?.abort();
      throw error;
    }
    if (!stream) await emit(linter.format(results, options.format, { color, columns, limits: { fullReport: [] } }), options.outputFile, target, io);
    const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
    if (tooManyWarnings && errors === 0) io.stderr.write(`anp: ${plural(warnings, 'warning')} found; --max-warnings allows ${options.maxWarnings}\n`);
    return errors > 0 || tooManyWarnings ? 1 : 0;
  } finally {
    for (const report of reports) report.close();
  }
}
