/**
 * src/text/minhash.ts: shingles, the densified one-permutation signature (its estimate against
 * the exact Jaccard similarity), the containment estimate, the radix sort, union-find and the
 * index's candidates and clusters.
 */
import { describe, expect, it } from 'vitest';
import {
  acceptance,
  estimateJaccard,
  NearDuplicateIndex,
  SIGNATURE_SIZE,
  shingleHashes,
  sketchShingles,
  sketchWords,
  sortedOrder,
  UnionFind,
} from '../../src/text/minhash.js';
import { createRandom } from '../../bench/generate.js';

/** The bench generator's seeded PRNG (mulberry32). */
const random = createRandom;

/** `count` words drawn from a vocabulary of 5,000. */
function text(count: number, seed: number): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () => `w${Math.floor(next() * 5000)}`);
}

/** `words` with a share of them replaced by fresh words. */
function edited(words: readonly string[], share: number, seed: number): string[] {
  const next = random(seed);
  return words.map((word, i) => (next() < share ? `x${seed}_${i}` : word));
}

function exactJaccard(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(shingleHashes(a));
  const sb = new Set(shingleHashes(b));
  let shared = 0;
  for (const x of sa) if (sb.has(x)) shared++;
  return shared / (sa.size + sb.size - shared);
}

describe('shingleHashes', () => {
  it('hashes each word 5-gram once, in order; a short text is one shingle; no words, none', () => {
    expect(shingleHashes('a b c d e f g'.split(' '))).toHaveLength(3);
    expect(shingleHashes(['a', 'b'])).toHaveLength(1);
    expect(shingleHashes([])).toHaveLength(0);
    const twice = shingleHashes('a b c d e a b c d e'.split(' '));
    expect(twice[0]).toBe(twice[5]);
    // Order matters.
    expect(shingleHashes('a b c d e'.split(' '))[0]).not.toBe(shingleHashes('e d c b a'.split(' '))[0]);
  });
});

describe('the signature', () => {
  it('has SIGNATURE_SIZE values, the same for the same shingle set, whatever the order or repeats', () => {
    const words = text(300, 1);
    const a = sketchWords(words);
    expect(a.signature).toHaveLength(SIGNATURE_SIZE);
    expect(a.shingles).toBe(new Set(shingleHashes(words)).size);
    const hashes = shingleHashes(words);
    const shuffled = sketchShingles(Uint32Array.from([...hashes].reverse().concat([...hashes].slice(0, 50))));
    expect([...shuffled.signature]).toEqual([...a.signature]);
    expect(estimateJaccard(a.signature, shuffled.signature)).toBe(1);
  });

  it('densifies: a text of one shingle fills every bin with its one value', () => {
    const one = sketchWords(['just', 'three', 'words']);
    expect(one.shingles).toBe(1);
    expect(new Set(one.signature).size).toBe(1);
    // Two short texts that share most of their few shingles still compare sensibly.
    const a = text(40, 2);
    const b = [...a.slice(0, 36), 'q1', 'q2', 'q3', 'q4'];
    const estimate = estimateJaccard(sketchWords(a).signature, sketchWords(b).signature);
    expect(Math.abs(estimate - exactJaccard(a, b))).toBeLessThan(0.2);
  });

  it('estimates the Jaccard similarity within 4 standard errors over 40 edited pairs, without bias', () => {
    let bias = 0;
    for (let seed = 0; seed < 40; seed++) {
      const a = text(400 + seed * 10, 100 + seed);
      const b = edited(a, 0.01 + (seed % 8) * 0.01, 200 + seed);
      const exact = exactJaccard(a, b);
      const estimate = estimateJaccard(sketchWords(a).signature, sketchWords(b).signature);
      const error = Math.sqrt((exact * (1 - exact)) / SIGNATURE_SIZE);
      expect(Math.abs(estimate - exact), `seed ${seed}: exact ${exact}, estimate ${estimate}`).toBeLessThanOrEqual(4 * error + 1 / SIGNATURE_SIZE);
      bias += estimate - exact;
    }
    expect(Math.abs(bias / 40)).toBeLessThan(0.02);
  });

  it('unrelated texts estimate near 0', () => {
    expect(estimateJaccard(sketchWords(text(500, 7)).signature, sketchWords(text(500, 8)).signature)).toBeLessThan(0.05);
  });

  it('samples 1 in 8 shingles, consistently: the samples of a part are samples of the whole', () => {
    const whole = text(2000, 9);
    const part = whole.slice(500, 900);
    const sw = sketchWords(whole);
    const sp = sketchWords(part);
    expect(sw.samples.length).toBeGreaterThan(2000 / 8 / 2);
    expect(sw.samples.length).toBeLessThan((2000 / 8) * 2);
    const inWhole = new Set(sw.samples);
    expect([...sp.samples].every((sample) => inWhole.has(sample))).toBe(true);
    expect([...sw.samples]).toEqual([...sw.samples].sort((x, y) => x - y));
  });
});

describe('acceptance', () => {
  it('is the threshold minus 1.645 standard errors', () => {
    expect(acceptance(0.8, 128)).toBeCloseTo(0.8 - 1.645 * Math.sqrt(0.16 / 128), 10);
    expect(acceptance(1, 128)).toBe(1);
  });
});

describe('sortedOrder and UnionFind', () => {
  it('sorts uint32 keys stably', () => {
    const next = random(3);
    const keys = Uint32Array.from({ length: 2000 }, () => Math.floor(next() * 50) * 0x1000_0000 + Math.floor(next() * 3));
    const order = [...sortedOrder(keys)];
    const expected = [...keys.keys()].sort((a, b) => keys[a]! - keys[b]! || a - b);
    expect(order).toEqual(expected);
  });

  it('keeps the smallest member as the root', () => {
    const sets = new UnionFind(6);
    sets.union(4, 2);
    sets.union(5, 4);
    sets.union(3, 1);
    expect([0, 1, 2, 3, 4, 5].map((i) => sets.find(i))).toEqual([0, 1, 2, 1, 2, 2]);
    sets.union(5, 3);
    expect(sets.find(2)).toBe(1);
  });
});

describe('NearDuplicateIndex', () => {
  const options = { minSimilarity: 0.8, minContainment: 0.9 };

  it('clusters an article with its edited copies and a contained excerpt; unrelated ones stay out', () => {
    const base = text(1200, 11);
    const articles = [
      text(800, 12), // 0 unrelated
      base, // 1
      text(900, 13), // 2 unrelated
      edited(base, 0.01, 14), // 3 copy of 1
      base.slice(100, 400), // 4 excerpt of 1 (contained, low Jaccard)
      edited(base, 0.3, 15), // 5 heavily edited: not a near-duplicate
      edited(text(800, 12), 0.005, 16), // 6 copy of 0
    ];
    const index = new NearDuplicateIndex();
    for (const words of articles) index.add(sketchWords(words));
    expect(index.length).toBe(7);
    const { matches, clusters } = index.resolve(options);
    expect(clusters.map((cluster) => cluster.members)).toEqual([[0, 6], [1, 3, 4]]);
    const excerpt = matches.find((match) => match.a === 1 && match.b === 4)!;
    expect(excerpt.similarity).toBeLessThan(0.4);
    expect(excerpt.containment).toBeGreaterThan(0.85);
  });

  it('gives the same clusters whatever the order of the candidate bands (deterministic), and none for one article', () => {
    const one = new NearDuplicateIndex();
    one.add(sketchWords(text(500, 20)));
    expect(one.resolve(options).clusters).toEqual([]);
    const build = () => {
      const index = new NearDuplicateIndex();
      const base = text(600, 21);
      for (let i = 0; i < 30; i++) index.add(sketchWords(i % 3 === 0 ? edited(base, 0.01, i) : text(600, 100 + i)));
      return index.resolve(options);
    };
    const first = build();
    expect(first.clusters).toHaveLength(1);
    expect(first.clusters[0]!.members).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27]);
    expect(build()).toEqual(first);
  });

  it('grows past its initial capacity: 600 articles, the copy of article 5 at the end is found', () => {
    const index = new NearDuplicateIndex();
    for (let i = 0; i < 599; i++) index.add(sketchWords(text(150, 1000 + i)));
    index.add(sketchWords(edited(text(150, 1005), 0.004, 1)));
    expect(index.length).toBe(600);
    expect(index.resolve(options).clusters.map((cluster) => cluster.members)).toEqual([[5, 599]]);
    expect(index.shingleCount(599)).toBeGreaterThan(140);
  });
});
