/**
 * What only the real process has: signals and the real stdout. Installed by `main` (never by
 * the in-process `run`, which tests drive with captured streams).
 *
 * - SIGINT / SIGTERM: remove every temp file this run created (outputs stay as they were),
 *   print one line, exit 128 + the signal number (130, 143), as shells expect.
 * - stdout closed by the reader (EPIPE, `anp export | head`): stop at once, quietly.
 * - any other stdout failure (ENOSPC on `> /dev/full`, EIO): one line, exit 2.
 */
import { writeSync } from 'node:fs';
import { describeIoError } from '../io/read.js';
import { pendingOutputFiles, removeLiveTempFilesSync } from '../io/write.js';

export const EXIT_RUN_FAILED = 2;

const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

let installed = false;

export function installProcessHandlers(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => interrupted(signal));
  }
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') finish(typeof process.exitCode === 'number' ? process.exitCode : 0);
    else fail(`cannot write to standard output: ${describeIoError(error)}`);
  });
  // A closed stderr leaves nowhere to report; just stop.
  process.stderr.on('error', () => finish(EXIT_RUN_FAILED));
}

/** The one line an interrupt prints, naming the outputs it left as they were. */
export function interruptMessage(): string {
  const outputs = pendingOutputFiles();
  return outputs.length === 0 ? 'anp: interrupted' : `anp: interrupted; ${outputs.join(', ')} left unchanged`;
}

function interrupted(signal: 'SIGINT' | 'SIGTERM'): void {
  removeLiveTempFilesSync();
  say(`${interruptMessage()}\n`);
  process.exit(SIGNAL_EXIT[signal]);
}

function fail(message: string): void {
  removeLiveTempFilesSync();
  say(`anp: ${message}\n`);
  process.exit(EXIT_RUN_FAILED);
}

function finish(code: number): void {
  removeLiveTempFilesSync();
  process.exit(code);
}

/** Straight to fd 2: the stream may be mid-write, and the process exits right after. */
function say(text: string): void {
  try {
    writeSync(2, text);
  } catch {
    // stderr is gone too
  }
}
