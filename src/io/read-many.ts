/**
 * Reads many files in order, one at a time, so memory stays bounded by one file (at most
 * `maxBytes`) whatever the corpus size. Reads are synchronous (see readSource): with small
 * files, overlapping reads through the thread pool cost more than they hid.
 */
import path from 'node:path';
import { readSourceSync, type ReadOptions, type SourceRead } from './read.js';

export interface ReadManyOptions extends ReadOptions {
  /** Paths in `files` are relative to this folder. Default: process.cwd(). */
  cwd?: string;
  /** Files not to open, with the reason to report (FIFOs and dangling links found in folders). */
  special?: ReadonlyMap<string, string>;
}

export interface SourceEntry {
  /** The path as given in `files`. */
  file: string;
  source: SourceRead;
}

export function* readSources(files: Iterable<string>, options: ReadManyOptions = {}): Generator<SourceEntry> {
  const cwd = options.cwd ?? process.cwd();
  for (const file of files) {
    const special = options.special?.get(file);
    if (special !== undefined) {
      yield { file, source: { kind: 'unreadable', reason: 'read-error', message: special } };
      continue;
    }
    yield { file, source: readSourceSync(path.resolve(cwd, file), options) };
  }
}
