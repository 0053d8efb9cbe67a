/**
 * Lint and export over worker threads. The main thread discovers the files and cuts them
 * into batches in path order; each worker reads, parses and lints (or serialises) a batch
 * and sends back compact results: a FileResult plus the corpus rules' summaries (lint), or
 * the post's JSON text (export). Results are yielded in path order (pool.ts), so whatever
 * the concurrency the caller prints the same bytes as a one-thread run.
 *
 * A worker that dies on a file (a custom rule calling process.exit, running out of memory)
 * costs that file only: its batch is retried file by file, and the file that kills a worker
 * again gets one `unreadable-input` error finding with the reason (export: an error line).
 */
import type { ResolvedConfig } from '../config/resolve.js';
import type { ConfigFile, RuleEntry } from '../config/schema.js';
import type { FileResult } from '../model/finding.js';
import type { SummaryOutcome } from './corpus.js';
import { autoWorkers, builtWorkerUrl, runOrdered } from './pool.js';
import { unreadableFinding } from './runner.js';

/** `--concurrency`: a number of worker threads, `auto` or `off` (this thread only). */
export type Concurrency = number | 'auto' | 'off';

/**
 * Below this many files `auto` stays in this thread: starting a worker (loading the parser
 * and the rules) costs about 60 ms on the bench machine, the time to lint ~150 articles.
 * Measured with bench/bench.ts; see docs/benchmark.md.
 */
export const AUTO_MIN_FILES = 400;

/** The settings a worker rebuilds the linter from (plain data: it crosses a thread). */
export interface WorkerSetup {
  mode: 'lint' | 'export';
  cwd: string;
  config: string | ConfigFile | false | undefined;
  /** YYYY-MM-DD, resolved by the main thread. */
  now: string;
  rules: Record<string, RuleEntry> | undefined;
  ruleFlags: readonly string[];
  rulesDirs: readonly string[];
  /** export: JSON.stringify's indent (0 or 2). */
  indent: number;
  /** lint: also summarise each post for the corpus rules. */
  corpus: boolean;
}

export interface TaskFile {
  file: string;
  /** Why the file must not be opened (a FIFO, a dangling link), as discovery found it. */
  special?: string;
}

export interface LintItem {
  result: FileResult;
  /** Corpus summaries of the post, one per corpus run; absent for unreadable files. */
  summaries?: SummaryOutcome[];
  invalidUtf8Lines?: readonly number[];
  /** A result that says nothing lasting about the file (it could not be read, a worker died on it): never cached. */
  transient?: true;
}

export type ExportItem = { file: string; json: string; invalidUtf8Lines: readonly number[] } | { file: string; json: null; message: string };

/** The number of workers to use for `files` files, 0 for none. */
export function workerCount(concurrency: Concurrency | undefined, files: number): number {
  if (concurrency === undefined || concurrency === 'off' || files === 0) return 0;
  if (concurrency === 'auto') {
    // One worker only moves the work to another thread (the main thread just writes): on 2
    // cores that measured 28.4 s against 20.1 s in this thread for the 10k bench corpus.
    const workers = autoWorkers();
    return files < AUTO_MIN_FILES || workers < 2 ? 0 : Math.min(workers, files);
  }
  return Math.max(1, Math.min(Math.floor(concurrency), files));
}

/** Parses `--concurrency`: a whole number >= 1, `auto` or `off`. */
export function parseConcurrency(value: string): Concurrency {
  const text = value.trim().toLowerCase();
  if (text === 'auto' || text === 'off') return text;
  if (/^\d+$/.test(text) && Number(text) >= 1) return Number(text);
  throw new Error(`expected a number of threads >= 1, auto or off; got "${value}"`);
}

function batches(files: readonly string[], special: ReadonlyMap<string, string>, workers: number): Generator<TaskFile[]> {
  // Small enough that every worker has work till the end, big enough that messages are few.
  const size = Math.max(1, Math.min(32, Math.ceil(files.length / (workers * 16))));
  return (function* () {
    for (let start = 0; start < files.length; start += size) {
      yield files.slice(start, start + size).map((file) => {
        const reason = special.get(file);
        return reason === undefined ? { file } : { file, special: reason };
      });
    }
  })();
}

const crashMessage = (reason: string): string => `a worker thread stopped while reading this file (${reason.split('\n')[0]}); not checked`;

export function lintInWorkers(files: readonly string[], special: ReadonlyMap<string, string>, setup: WorkerSetup, workers: number, resolved: ResolvedConfig): AsyncGenerator<LintItem[]> {
  return runOrdered<TaskFile[], LintItem[]>(batches(files, special, workers), {
    url: builtWorkerUrl('worker', import.meta.url),
    workerData: setup,
    size: workers,
    split(task, reason) {
      if (task.length > 1) return { retry: task.map((file) => [file]) };
      const file = task[0]!.file;
      const finding = unreadableFinding(file, crashMessage(reason), resolved.settings);
      const findings = finding ? [finding] : [];
      const errorCount = findings.filter((f) => f.severity === 'error').length;
      return { result: [{ result: { file, findings, errorCount, warningCount: findings.length - errorCount }, transient: true }] };
    },
  });
}

export function exportInWorkers(files: readonly string[], special: ReadonlyMap<string, string>, setup: WorkerSetup, workers: number): AsyncGenerator<ExportItem[]> {
  return runOrdered<TaskFile[], ExportItem[]>(batches(files, special, workers), {
    url: builtWorkerUrl('worker', import.meta.url),
    workerData: setup,
    size: workers,
    split(task, reason) {
      if (task.length > 1) return { retry: task.map((file) => [file]) };
      return { result: [{ file: task[0]!.file, json: null, message: crashMessage(reason) }] };
    },
  });
}
