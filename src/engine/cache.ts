/**
 * `anp lint --cache`: per file, the findings of its own rules and each corpus rule's summary
 * of it (whatever `corpusSummary` returned, keyed by rule id), so a re-run lints and
 * re-summarises only the files that changed; the corpus phase itself always runs, over the
 * cached and the new summaries alike, so corpus findings are those of a full run.
 *
 * The file is line-based, written in path order and read in two streaming passes, so a
 * 100,000-file cache is never held in memory:
 *
 *   {"anpCache":2,"key":"<sha1>","strategy":"metadata"}
 *   "<path as JSON>"\t<size>\t<mtimeMs>\t<content sha1 or ->\t<corpus summaries JSON or ->\t<result JSON>
 *
 * Pass 1 (`lookup`) reads the tab-separated heads only, joined with the run's sorted file
 * list, and decides hit or miss (size + mtime, or the content hash); it remembers where each
 * hit's line is. Pass 2 (`entry`) reads a hit's line by offset when its turn comes. The new
 * cache is written beside it as results arrive and renamed into place at the end (a hit's
 * line is copied as it was). The key (`cacheKey`) covers everything a result depends on
 * besides the file: config, rule set, custom rule files, the `--now` day, the anp version
 * and the strategy; another key drops the whole cache. A file that is not an anp cache, or
 * a line that cannot be read, costs one warning and a full lint, never the run.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { printableConfig, type ResolvedConfig } from '../config/resolve.js';
import { describeIoError } from '../io/read.js';
import { openAtomicWriter, type AtomicWriter } from '../io/write.js';
import type { FileResult } from '../model/finding.js';
import { builtinRules } from '../../rules/index.js';
import { corpusReplacer, corpusReviver, type CorpusData } from './corpus.js';
import { packageInfo } from './package-info.js';

export type CacheStrategy = 'metadata' | 'content';
export const CACHE_STRATEGIES: readonly CacheStrategy[] = ['metadata', 'content'];
export const DEFAULT_CACHE_LOCATION = '.anpcache';
const FORMAT = 2;

export interface CacheOptions {
  /** The cache file (relative to the linter's cwd); a folder gets `.anpcache` inside. Default `.anpcache`. */
  location?: string;
  /** What says a file is unchanged: size + mtime (default), or a hash of its content. */
  strategy?: CacheStrategy;
}

/** What the cache keeps of one file. */
export interface CacheEntry {
  result: FileResult;
  /** The corpus rules' summaries (absent for an unreadable file or without corpus rules). */
  corpus?: CorpusData;
  /** Not to be cached: a file that could not be read (permissions may change without its mtime), or that a worker died on. */
  transient?: true;
}

/** The cache key: a hash of everything besides the file that a result depends on (`shard`: the key shard reports carry). */
export function cacheKey(resolved: ResolvedConfig, now: Date, strategy: CacheStrategy | 'shard', rulesDirs: readonly string[], cwd: string, version = packageInfo().version): string {
  const hash = createHash('sha1');
  const builtin = new Set(builtinRules);
  // Paths relative to the cwd, so that the key does not depend on where the project is checked
  // out (the jobs of a CI matrix and the one that merges may use other folders).
  const shown = (file: string): string => path.relative(cwd, file).split(path.sep).join('/');
  const config = { ...printableConfig(resolved), plugins: resolved.plugins.map(shown) };
  hash.update(JSON.stringify({ format: FORMAT, version, strategy, now: now.toISOString().slice(0, 10), config }));
  for (const rule of resolved.rules) {
    hash.update(`\0rule ${rule.meta.id}`);
    // A custom rule given as an object (the API's customRules) is known by its code.
    if (!builtin.has(rule)) {
      const { check, corpus, corpusSummary } = rule as unknown as Record<string, (this: void) => void>;
      hash.update(`${String(check)}\0${String(corpus)}\0${String(corpusSummary)}`);
    }
  }
  const files = [...resolved.plugins];
  for (const dir of rulesDirs) {
    try {
      for (const name of readdirSync(dir).sort()) files.push(path.join(dir, name));
    } catch {
      files.push(dir);
    }
  }
  for (const file of files) {
    hash.update(`\0file ${shown(file)}\0`);
    try {
      if (statSync(file).isFile()) hash.update(readFileSync(file));
    } catch {
      hash.update('unreadable');
    }
  }
  return hash.digest('hex');
}

/** Where the cache lives: the location, or `.anpcache` inside it when it is a folder. */
export function cacheFile(location: string, cwd: string): string {
  const absolute = path.resolve(cwd, location);
  try {
    if (statSync(absolute).isDirectory()) return path.join(absolute, DEFAULT_CACHE_LOCATION);
  } catch {
    // not there yet: a file
  }
  return /[\\/]$/.test(location) ? path.join(absolute, DEFAULT_CACHE_LOCATION) : absolute;
}

/** Reads a file's lines in order, with their byte offsets, in 1 MB chunks. */
export class LineReader {
  private buffer = Buffer.alloc(0);
  private start = 0;
  private position = 0;
  private eof = false;

  constructor(private readonly fd: number) {}

  /** The next line (without `\n`) and its offset, or null at the end. */
  next(): { line: Buffer; offset: number } | null {
    for (;;) {
      const end = this.buffer.indexOf(10, this.start);
      if (end >= 0) {
        const line = this.buffer.subarray(this.start, end);
        const offset = this.position - (this.buffer.length - this.start);
        this.start = end + 1;
        return { line, offset };
      }
      if (this.eof) {
        if (this.start >= this.buffer.length) return null;
        const line = this.buffer.subarray(this.start);
        const offset = this.position - (this.buffer.length - this.start);
        this.start = this.buffer.length;
        return { line, offset };
      }
      const chunk = Buffer.allocUnsafe(1 << 20);
      const read = readSync(this.fd, chunk, 0, chunk.length, this.position);
      if (read === 0) this.eof = true;
      this.buffer = Buffer.concat([this.buffer.subarray(this.start), chunk.subarray(0, read)]);
      this.start = 0;
      this.position += read;
    }
  }
}

/** What the run knows of a file now: size and mtime, or its content hash. */
interface FileState {
  size: number;
  mtimeMs: number;
  hash: string;
}

const TAB = 9;

export class LintCache {
  /** Per file of the run: byte offset and length of its hit's line, or -1. */
  private readonly hitOffset: Float64Array;
  private readonly hitLength: Float64Array;
  private readonly states: Array<FileState | undefined>;
  private fd: number | undefined;
  private writer: AtomicWriter | undefined;
  private warned = false;
  /** Files of this run that are unchanged. */
  hits = 0;
  /** Entries in the cache file read. */
  entries = 0;

  private constructor(
    private readonly file: string,
    private readonly key: string,
    private readonly strategy: CacheStrategy,
    private readonly files: readonly string[],
    private readonly cwd: string,
    private readonly warn: (message: string) => void,
  ) {
    this.hitOffset = new Float64Array(files.length).fill(-1);
    this.hitLength = new Float64Array(files.length);
    this.states = new Array<FileState | undefined>(files.length);
  }

  /**
   * Opens the cache for a run over `files` (sorted, as `Linter.files` gives them): decides
   * which are unchanged and opens the new cache file (a failure there is a warning: the run
   * goes on without writing a cache).
   */
  static async open(options: { file: string; key: string; strategy: CacheStrategy; files: readonly string[]; cwd: string; special: ReadonlyMap<string, string>; warn: (message: string) => void }): Promise<LintCache> {
    const cache = new LintCache(options.file, options.key, options.strategy, options.files, options.cwd, options.warn);
    cache.lookup(options.special);
    // Every file unchanged and none gone: the cache stays as it is (no rewrite of a file that
    // can be larger than the corpus).
    if (cache.hits === options.files.length && cache.entries === options.files.length && cache.hits > 0) return cache;
    try {
      mkdirSync(path.dirname(options.file), { recursive: true });
      cache.writer = await openAtomicWriter(options.file);
      await cache.writer.write(`${JSON.stringify({ anpCache: FORMAT, key: options.key, strategy: options.strategy })}\n`);
    } catch (error) {
      cache.writer = undefined;
      options.warn(`cannot write the cache ${cache.shown}: ${describeIoError(error)}; this run is not cached`);
    }
    return cache;
  }

  private get shown(): string {
    const relative = path.relative(this.cwd, this.file);
    return relative.startsWith('..') ? this.file : relative;
  }

  private corrupt(why: string): void {
    if (this.warned) return;
    this.warned = true;
    this.warn(`the cache ${this.shown} ${why}; ignored (its files are linted again)`);
  }

  private state(index: number): FileState | undefined {
    const file = path.resolve(this.cwd, this.files[index]!);
    try {
      const stats = statSync(file);
      if (!stats.isFile()) return undefined;
      const hash = this.strategy === 'content' ? createHash('sha1').update(readFileSync(file)).digest('hex') : '-';
      return { size: stats.size, mtimeMs: stats.mtimeMs, hash };
    } catch {
      return undefined;
    }
  }

  private lookup(special: ReadonlyMap<string, string>): void {
    const { files } = this;
    for (let index = 0; index < files.length; index++) if (!special.has(files[index]!)) this.states[index] = this.state(index);
    let fd: number;
    try {
      fd = openSync(this.file, 'r');
    } catch {
      return; // no cache yet
    }
    this.fd = fd;
    const reader = new LineReader(fd);
    const head = reader.next();
    let header: unknown;
    try {
      header = head === null ? null : JSON.parse(head.line.toString('utf8'));
    } catch {
      header = null;
    }
    if (header !== null && typeof header === 'object' && typeof (header as { anpCache?: unknown }).anpCache === 'number' && (header as { anpCache: number }).anpCache !== FORMAT) {
      this.close(); // written by another anp: every file again
      return;
    }
    if (header === null || typeof header !== 'object' || (header as { anpCache?: unknown }).anpCache !== FORMAT) {
      if (head !== null && head.line.length > 0) this.corrupt('is not an anp cache file');
      this.close();
      return;
    }
    const { key, strategy } = header as { key?: unknown; strategy?: unknown };
    if (key !== this.key || strategy !== this.strategy) {
      this.close(); // another config, rule set, now, version or strategy: every file again
      return;
    }
    let index = 0;
    let hits = 0;
    for (let next = reader.next(); next !== null; next = reader.next()) {
      this.entries++;
      const parts = heads(next.line);
      if (parts === null) {
        this.corrupt(`has a damaged line at byte ${next.offset}`);
        this.hitOffset.fill(-1);
        this.close();
        this.hits = 0;
        this.entries = 0;
        return;
      }
      const [file, size, mtime, hash] = parts;
      while (index < files.length && files[index]! < file) index++;
      if (index >= files.length || files[index] !== file) continue; // deleted, or not in this run
      const now = this.states[index];
      const same = now !== undefined && (this.strategy === 'content' ? now.hash === hash : String(now.size) === size && String(now.mtimeMs) === mtime);
      if (same) {
        this.hitOffset[index] = next.offset;
        this.hitLength[index] = next.line.length;
        hits++;
      }
      index++;
    }
    this.hits = hits;
  }

  /** True when the file at `index` (of the run's files) is unchanged since the cache was written. */
  isHit(index: number): boolean {
    return this.hitOffset[index]! >= 0;
  }

  /**
   * The cached entry of a hit, written to the new cache as it was; undefined when its line
   * cannot be read (one warning; the caller lints the file).
   */
  async entry(index: number): Promise<CacheEntry | undefined> {
    const offset = this.hitOffset[index]!;
    if (offset < 0 || this.fd === undefined) return undefined;
    const line = Buffer.allocUnsafe(this.hitLength[index]!);
    try {
      readSync(this.fd, line, 0, line.length, offset);
      const tab = nthTab(line, 4);
      const tab5 = line.indexOf(TAB, tab + 1);
      if (tab < 0 || tab5 < 0) throw new Error('not an entry');
      const corpusText = line.subarray(tab + 1, tab5).toString('utf8');
      const result = JSON.parse(line.subarray(tab5 + 1).toString('utf8')) as FileResult;
      if (typeof result?.file !== 'string' || !Array.isArray(result.findings)) throw new Error('not an entry');
      const entry: CacheEntry = corpusText === '-' ? { result } : { result, corpus: JSON.parse(corpusText, corpusReviver) as CorpusData };
      await this.writer?.write(line);
      await this.writer?.write('\n');
      return entry;
    } catch {
      this.corrupt(`has a damaged entry for ${this.files[index]}`);
      return undefined;
    }
  }

  /** Records a file linted in this run. */
  async put(index: number, entry: CacheEntry): Promise<void> {
    const state = this.states[index];
    if (this.writer === undefined || state === undefined || entry.transient === true) return;
    const file = this.files[index]!;
    const corpus = entry.corpus ? JSON.stringify(entry.corpus, corpusReplacer) : '-';
    await this.writer.write(`${JSON.stringify(file)}\t${state.size}\t${state.mtimeMs}\t${state.hash}\t${corpus}\t${JSON.stringify(plainResult(entry.result))}\n`);
  }

  /** Puts the new cache in place of the old one. */
  async commit(): Promise<void> {
    this.close();
    const writer = this.writer;
    this.writer = undefined;
    try {
      await writer?.commit();
    } catch (error) {
      this.warn(`cannot write the cache ${this.shown}: ${describeIoError(error)}`);
    }
  }

  /** Leaves the old cache as it was. */
  async abort(): Promise<void> {
    this.close();
    const writer = this.writer;
    this.writer = undefined;
    await writer?.abort();
  }

  private close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** A result without `output` (fixed text is never cached). */
function plainResult(result: FileResult): FileResult {
  if (result.output === undefined) return result;
  const { output: _output, ...rest } = result;
  return rest;
}

function nthTab(line: Buffer, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = line.indexOf(TAB, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/** The path, size, mtime and hash of an entry line, or null when it is not one. */
function heads(line: Buffer): [string, string, string, string] | null {
  const t1 = line.indexOf(TAB);
  const t2 = t1 < 0 ? -1 : line.indexOf(TAB, t1 + 1);
  const t3 = t2 < 0 ? -1 : line.indexOf(TAB, t2 + 1);
  const t4 = t3 < 0 ? -1 : line.indexOf(TAB, t3 + 1);
  if (t4 < 0) return null;
  try {
    const file = JSON.parse(line.subarray(0, t1).toString('utf8')) as unknown;
    if (typeof file !== 'string') return null;
    return [file, line.subarray(t1 + 1, t2).toString('latin1'), line.subarray(t2 + 1, t3).toString('latin1'), line.subarray(t3 + 1, t4).toString('latin1')];
  } catch {
    return null;
  }
}
