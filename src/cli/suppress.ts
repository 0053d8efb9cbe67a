/**
 * The CLI side of bulk suppressions (src/engine/suppressions.ts): reads the suppressions file,
 * filters each result as it arrives (so streamed formats keep streaming), and at the end
 * writes the file (`--suppress-all`, `--suppress-rule`, `--prune-suppressions`, atomically)
 * and tells stderr how many findings were suppressed and which entries no longer occur.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError, type LintResult } from '../index.js';
import {
  applyToResult,
  parseSuppressions,
  pruneSuppressions,
  recordResult,
  ruleCounts,
  serializeSuppressions,
  suppressionKey,
  SUPPRESSIONS_FILE,
  type SuppressionKeys,
  type Suppressions,
  type UnusedSuppression,
} from '../engine/suppressions.js';
import { describeIoError } from '../io/read.js';
import { writeFileAtomic } from '../io/write.js';
import { plural } from '../text/plural.js';
import type { CliIo } from './io.js';

export interface SuppressValues {
  suppressAll?: boolean;
  suppressRule?: string[];
  suppressionsLocation?: string;
  pruneSuppressions?: boolean;
}

/** Unused entries named one by one on stderr, at most this many. */
const UNUSED_SHOWN = 10;

export class SuppressionSession {
  private suppressed = 0;
  private readonly unused: UnusedSuppression[] = [];
  private readonly linted = new Map<string, Map<string, number>>();
  private readonly recording: ReadonlySet<string> | null | undefined;

  private constructor(
    private readonly values: SuppressValues,
    private readonly io: CliIo,
    private readonly file: string,
    private readonly shown: string,
    private suppressions: Suppressions,
    private readonly keys: SuppressionKeys,
  ) {
    // undefined: not recording; null: every rule; a set: those rules.
    this.recording = values.suppressAll ? null : values.suppressRule && values.suppressRule.length > 0 ? new Set(values.suppressRule) : undefined;
  }

  /** Reads the suppressions file (absent is empty); a file that is not valid is a UsageError. */
  static open(values: SuppressValues, io: CliIo, knownRules: ReadonlySet<string>): SuppressionSession {
    if (values.suppressAll && values.suppressRule && values.suppressRule.length > 0) throw new UsageError('--suppress-all and --suppress-rule do not go together; give one');
    for (const id of values.suppressRule ?? []) {
      if (!knownRules.has(id)) throw new UsageError(`--suppress-rule: unknown rule "${id}" (see anp rules)`);
    }
    const shown = values.suppressionsLocation ?? SUPPRESSIONS_FILE;
    const file = path.resolve(io.cwd, shown);
    let suppressions: Suppressions = {};
    if (existsSync(file)) {
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
      } catch (error) {
        throw new UsageError(`${shown}: not a suppressions file (${error instanceof SyntaxError ? error.message : describeIoError(error)})`);
      }
      const parsed = parseSuppressions(data);
      if (typeof parsed === 'string') throw new UsageError(`${shown}: not a suppressions file: ${parsed}`);
      suppressions = parsed;
    }
    return new SuppressionSession(values, io, file, shown, suppressions, { cwd: io.cwd, dir: path.dirname(file) });
  }

  /** Whether this run rewrites the file. */
  get writes(): boolean {
    return this.recording !== undefined || this.values.pruneSuppressions === true;
  }

  /** One result as reported: recorded first when recording, then the suppressed findings removed. */
  filter(result: LintResult): LintResult {
    // Only --prune-suppressions needs the counts of every file (kept for a 100k run, they cost ~1 KB a file).
    if (this.values.pruneSuppressions === true) this.linted.set(suppressionKey(result.file, this.keys), ruleCounts(result));
    if (this.recording !== undefined) recordResult(this.suppressions, result, this.keys, this.recording);
    const applied = applyToResult(this.suppressions, result, this.keys);
    this.suppressed += applied.suppressed;
    this.unused.push(...applied.unused);
    return applied.result;
  }

  /** Writes the file when asked to, and reports on stderr. */
  async finish(): Promise<void> {
    const { io, shown } = this;
    if (this.values.pruneSuppressions) {
      const pruned = pruneSuppressions(this.suppressions, this.linted, (key) => existsSync(path.resolve(this.keys.dir, key)));
      this.suppressions = pruned.suppressions;
      await this.write();
      io.stderr.write(`anp: pruned ${plural(pruned.removed, 'suppression')} from ${shown}\n`);
    } else if (this.recording !== undefined) {
      await this.write();
      io.stderr.write(`anp: recorded ${plural(this.suppressed, 'finding')} in ${shown}\n`);
    } else if (this.suppressed > 0) {
      io.stderr.write(`anp: ${plural(this.suppressed, 'finding')} suppressed by ${shown}\n`);
    }
    if (!this.values.pruneSuppressions && this.unused.length > 0) {
      const total = this.unused.reduce((sum, entry) => sum + entry.unused, 0);
      const named = this.unused
        .slice(0, UNUSED_SHOWN)
        .map((entry) => `${entry.file} ${entry.ruleId} (${entry.unused})`)
        .join(', ');
      const more = this.unused.length > UNUSED_SHOWN ? `, and ${this.unused.length - UNUSED_SHOWN} more` : '';
      io.stderr.write(`anp: ${plural(total, 'suppression')} in ${shown} no longer occur: ${named}${more}; run anp lint --prune-suppressions to drop them\n`);
    }
  }

  private async write(): Promise<void> {
    try {
      await writeFileAtomic(this.file, serializeSuppressions(this.suppressions));
    } catch (error) {
      throw new UsageError(`cannot write ${this.shown}: ${describeIoError(error)}`);
    }
  }
}
