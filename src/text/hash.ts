/**
 * Small non-cryptographic hashes. `hash32` feeds the shingle index (a collision only adds a
 * candidate pair, which is then verified); `fingerprint` is a 64-bit hex digest of
 * normalised text, cheap to keep per paragraph across a large corpus.
 */
import { normaliseText } from './normalise.js';

/** FNV-1a over UTF-16 code units, 32 bits, unsigned. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Two independent 32-bit hashes, as 16 hex characters. */
export function hash64(text: string): string {
  const high = hash32(text, 0x811c9dc5);
  // A second pass with a different basis and a final avalanche, so the halves are independent.
  let low = hash32(text, 0x01234567);
  low ^= low >>> 16;
  low = Math.imul(low, 0x85ebca6b);
  low ^= low >>> 13;
  low = Math.imul(low, 0xc2b2ae35);
  low ^= low >>> 16;
  return high.toString(16).padStart(8, '0') + (low >>> 0).toString(16).padStart(8, '0');
}

/** The fingerprint of a paragraph: hash64 of its normalised text. */
export function fingerprint(text: string): string {
  return hash64(normaliseText(text));
}

/** murmur3's 32-bit finaliser: a bijection that avalanches every input bit (unsigned result). */
export function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * murmur3's order-sensitive mix of `count` 32-bit word hashes from `start`, before the
 * finaliser (`fmix32`): how the shingle hashes combine the hashes of their words.
 */
export function mixWords(hashes: ArrayLike<number>, start: number, count: number): number {
  let hash = 0x9747b28c ^ count;
  for (let index = start; index < start + count; index++) {
    let k = Math.imul(hashes[index]!, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    hash ^= k;
    hash = (hash << 13) | (hash >>> 19);
    hash = (Math.imul(hash, 5) + 0xe6546b64) | 0;
  }
  return hash;
}
