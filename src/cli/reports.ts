/**
 * `--report FORMAT=FILE` (repeatable): more reports from the same run, each written
 * atomically (a temp file renamed into place) after the last file is linted, with the same
 * bytes a separate `anp lint -f FORMAT -o FILE` run writes. The targets are checked before
 * any work, as `-o` is.
 */
import path from 'node:path';
import { FORMAT_NAMES, UsageError, type Linter, type LintResult } from '../index.js';
import { isFormatName, type FormatName } from '../formatters/index.js';
import { describeIoError } from '../io/read.js';
import { outputDone, writeFileAtomic } from '../io/write.js';
import { checkOutputFile, type CliIo } from './io.js';

export interface ReportTarget {
  format: FormatName;
  /** As given (relative to the cwd). */
  file: string;
  /** Absolute path. */
  target: string;
}

/** Parses and checks the `--report` values; `outputFile` (`-o`) may not be one of them. */
export function reportTargets(values: readonly string[], io: CliIo, outputFile: string | undefined): ReportTarget[] {
  const targets: ReportTarget[] = [];
  const seen = new Set<string>(outputFile !== undefined ? [path.resolve(io.cwd, outputFile)] : []);
  for (const value of values) {
    const equals = value.indexOf('=');
    const format = equals < 0 ? '' : value.slice(0, equals);
    const file = equals < 0 ? '' : value.slice(equals + 1);
    if (equals < 0 || file === '') throw new UsageError(`--report ${value}: expected FORMAT=FILE, e.g. sarif=anp.sarif`);
    if (!isFormatName(format)) throw new UsageError(`--report ${value}: unknown format "${format}"; expected one of ${FORMAT_NAMES.join(', ')}`);
    const absolute = path.resolve(io.cwd, file);
    if (seen.has(absolute)) throw new UsageError(`--report ${value}: ${file} is written by another report of this run`);
    seen.add(absolute);
    targets.push({ format, file, target: absolute });
  }
  // Checked only once every value parsed, so a typo in the last one fails before any file is touched.
  for (const target of targets) checkOutputFile(io, target.file);
  return targets;
}

/** Formats and writes each report (no colour, as with `-o`). */
export async function writeReports(
  targets: readonly ReportTarget[],
  results: readonly LintResult[],
  linter: Linter,
  formatFor: (format: FormatName, file: string) => (results: readonly LintResult[]) => string = (format) => (all) => linter.format(all, format),
): Promise<void> {
  for (const { format, file, target } of targets) {
    const text = formatFor(format, file)(results);
    try {
      await writeFileAtomic(target, text);
    } catch (error) {
      throw new UsageError(`cannot write ${file}: ${describeIoError(error)}`);
    }
  }
}

/** For the interrupt handler's bookkeeping, as `-o`. */
export function reportsDone(targets: readonly ReportTarget[]): void {
  for (const { file } of targets) outputDone(file);
}
