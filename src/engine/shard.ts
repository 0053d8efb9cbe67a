/**
 * `anp lint --shard i/n`: a stable share of the files, chosen by a hash of each path (so
 * adding or removing a file moves only that file between shards, and every machine of a CI
 * matrix picks the same share). The shards' reports are combined by `anp merge`.
 */
import { hash32 } from '../text/hash.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `i/n` (1 <= i <= n). */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!(index >= 1 && count >= 1 && index <= count && count <= 10_000)) throw new Error(`expected i/n with 1 <= i <= n (e.g. 1/4), got "${value}"`);
  return { index, count };
}

/** The shard (1-based) a path belongs to among `count`. */
export function shardOf(file: string, count: number): number {
  return (hash32(file.split('\\').join('/')) % count) + 1;
}

/** The files of one shard, in the order given. */
export function shardFiles(files: readonly string[], shard: Shard): string[] {
  if (shard.count === 1) return [...files];
  return files.filter((file) => shardOf(file, shard.count) === shard.index);
}
