/**
 * Word n-gram shingles (3 words by default), hashed to 32-bit numbers, and the Jaccard
 * similarity of two shingle sets. A text shorter than n words is one shingle of all its words.
 */
import { hash32 } from './hash.js';

export function shingles(words: readonly string[], size = 3): Set<number> {
  const result = new Set<number>();
  if (words.length === 0) return result;
  if (words.length < size) {
    result.add(hash32(words.join(' ')));
    return result;
  }
  for (let index = 0; index + size <= words.length; index++) {
    result.add(hash32(words.slice(index, index + size).join(' ')));
  }
  return result;
}

/** |A ∩ B| / |A ∪ B|; 1 for two empty sets. */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}
