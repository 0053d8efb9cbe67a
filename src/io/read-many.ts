/**
 * Reads many files in order with a small read-ahead: the next few reads are in flight while
 * the caller parses the current file, so disk waits overlap with CPU work. Memory stays
 * bounded by `readAhead` files (each at most `maxBytes`), whatever the corpus size.
 */
import path from 'node:path';
import { readSource, type ReadOptions, type SourceRead } from './read.js';

export interface ReadManyOptions extends ReadOptions {
  /** Paths in `files` are relative to this folder. Default: process.cwd(). */
  cwd?: string;
  /** How many reads may be in flight ahead of the consumer. Default 8. */
  readAhead?: number;
}

export interface SourceEntry {
  /** The path as given in `files`. */
  file: string;
  source: SourceRead;
}

export async function* readSources(files: readonly string[], options: ReadManyOptions = {}): AsyncGenerator<SourceEntry> {
  const cwd = options.cwd ?? process.cwd();
  const readAhead = Math.max(1, options.readAhead ?? 8);
  const inFlight: Array<Promise<SourceRead>> = [];
  let started = 0;
  for (const file of files) {
    while (started < files.length && inFlight.length < readAhead) {
      // readSource never rejects (failures are `unreadable` results), so no read goes unhandled.
      inFlight.push(readSource(path.resolve(cwd, files[started]!), options));
      started++;
    }
    yield { file, source: await inFlight.shift()! };
  }
}
