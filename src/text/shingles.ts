/**
 * Word n-gram shingles (3 words by default), hashed to 30-bit numbers (small integers stay
 * unboxed in V8, which keeps the shingle index's Map fast), and the Jaccard
 * similarity of two shingle sets. Each word is hashed once and the n word hashes are mixed,
 * so no n-gram string is ever built. A text shorter than n words is one shingle of all its words.
 */
import { fmix32, hash32, mixWords } from './hash.js';

export function shingles(words: readonly string[], size = 3): Set<number> {
  const result = new Set<number>();
  if (words.length === 0) return result;
  const hashes = words.map((word) => hash32(word));
  if (words.length < size) {
    result.add(combine(hashes, 0, hashes.length));
    return result;
  }
  for (let index = 0; index + size <= hashes.length; index++) result.add(combine(hashes, index, size));
  return result;
}

/** The same shingle hashes as an array (may repeat a hash when the text repeats a 3-gram). */
export function shingleList(words: readonly string[], size = 3): number[] {
  if (words.length === 0) return [];
  const hashes = words.map((word) => hash32(word));
  if (words.length < size) return [combine(hashes, 0, hashes.length)];
  const result = new Array<number>(hashes.length - size + 1);
  for (let index = 0; index + size <= hashes.length; index++) result[index] = combine(hashes, index, size);
  return result;
}

/** Order-sensitive mix of `count` word hashes starting at `start` (murmur3), cut to 30 bits. */
function combine(hashes: readonly number[], start: number, count: number): number {
  return fmix32(mixWords(hashes, start, count)) & 0x3fffffff;
}

/** |A ∩ B| / |A ∪ B|; 1 for two empty sets. */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}
