/**
 * Near-duplicate detection over a corpus: word 5-gram shingles, a 128-value MinHash
 * signature, LSH with 16 bands of 8 rows, a sampled shingle sketch for containment, verified
 * candidate pairs and union-find clusters. Typed arrays throughout; nothing here keeps text.
 *
 * Signature: ONE-PERMUTATION HASHING with optimal densification (Li, Owen & Zhang 2012;
 * Shrivastava 2017), not 128 seeded hashes. Each shingle is hashed once; the top 7 bits of
 * one mix pick its bin (of 128), another mix is its value, and a bin keeps its smallest value.
 * A bin no shingle fell into borrows the value of the first non-empty bin on a fixed,
 * document-independent probe sequence, so two documents densify the same way and the share
 * of equal bins still estimates the Jaccard similarity without bias. Why: the cost is one
 * hash per shingle instead of 128, which matters when every article of a 100,000-article
 * lint is signed next to the other rules; the estimate's error is that of 128 independent
 * hashes (standard error sqrt(J(1-J)/128): 3.5 points at J = 0.8).
 *
 * Containment (a short article inside a long one has a low Jaccard similarity, so LSH on
 * the signature rarely pairs them): each article also keeps the shingle hashes that fall in
 * a fixed 1/8 of the hash space (consistent sampling: the samples of A ∩ B are in both
 * sketches), and an inverted index over those samples proposes pairs that share several.
 *
 * Words come from `words()` (src/text/normalise.ts): NFKC, lower case, punctuation,
 * symbols and control characters dropped.
 */
import { fmix32, hash32, mixWords } from './hash.js';

/** Words per shingle. */
export const SHINGLE_WORDS = 5;
/** Values in a signature. */
export const SIGNATURE_SIZE = 128;
/** LSH bands × rows = SIGNATURE_SIZE. */
export const BANDS = 16;
export const ROWS = 8;
/** A shingle is sampled for the containment sketch when its sample hash has these low bits 0 (1 in 8). */
const SAMPLE_MASK = 7;
/** Samples shared before a pair is a containment candidate. */
const MIN_SHARED_SAMPLES = 2;
/** A run of equal keys longer than this pairs each member with its first RUN_STAR members only. */
const FULL_RUN = 16;
const RUN_STAR = 2;
/**
 * The one-sided 95% margin of the estimates: a pair whose true similarity (or containment)
 * is exactly the threshold is reported 95% of the time (its estimate falls below
 * threshold − Z standard errors 5% of the time).
 */
const Z = 1.645;
/**
 * Containment must clear its threshold by one standard error (a margin the other way): a
 * short article is compared with every long one that shares a few samples (on a templated
 * corpus, thousands), and the few whose noisy estimate comes out high would otherwise be
 * reported. On the 10,000 bench articles (true containments up to 0.75 against 2,000-shingle
 * articles): 750 false pairs with the 95% margin, 1 with none, 0 with this.
 */
const CONTAINMENT_Z = -1;

// ---------------------------------------------------------------------------------------
// Hashing

/**
 * The 32-bit hashes of the word 5-grams of `words`, in text order (a repeated 5-gram
 * repeats its hash). A text of 1-4 words is one shingle of all its words; no words, none.
 * Each word is hashed once (FNV-1a) and the five word hashes are mixed in order.
 */
export function shingleHashes(words: readonly string[], size = SHINGLE_WORDS): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const wordHashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wordHashes[i] = hash32(words[i]!);
  const width = Math.min(size, words.length);
  const out = new Uint32Array(words.length - width + 1);
  for (let start = 0; start < out.length; start++) out[start] = fmix32(mixWords(wordHashes, start, width));
  return out;
}

// ---------------------------------------------------------------------------------------
// Sketch

/** What the corpus phase keeps of one article. */
export interface Sketch {
  /** SIGNATURE_SIZE MinHash values (one-permutation hashing, densified). */
  signature: Uint32Array;
  /** Distinct shingles of the article. */
  shingles: number;
  /** The sampled shingle hashes (1 in 8 of the hash space), ascending, distinct. */
  samples: Uint32Array;
}

/** The fixed probe sequence of densification: bin `bin`'s `attempt`-th donor. */
function probe(bin: number, attempt: number): number {
  return fmix32(Math.imul(bin + 1, 0x9e3779b1) ^ Math.imul(attempt + 1, 0x85ebca77)) & (SIGNATURE_SIZE - 1);
}

/** The sketch of a text given as its normalised words (see the header). */
export function sketchWords(words: readonly string[]): Sketch {
  return sketchShingles(shingleHashes(words));
}

/** The sketch of a list of shingle hashes (repeats allowed). */
export function sketchShingles(hashes: Uint32Array): Sketch {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  const filled = new Uint8Array(SIGNATURE_SIZE);
  const sorted = hashes.slice().sort();
  let distinct = 0;
  let sampled = 0;
  const samples = new Uint32Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    const h = sorted[i]!;
    if (i > 0 && sorted[i - 1] === h) continue;
    distinct++;
    const binHash = fmix32(h ^ 0x5bd1e995);
    const bin = binHash >>> 25;
    const value = fmix32(h ^ 0x27d4eb2f);
    if (!filled[bin] || value < signature[bin]!) signature[bin] = value;
    filled[bin] = 1;
    // Sampled by a third mix, so the sample is independent of bins and values.
    const sample = fmix32(h ^ 0x165667b1);
    if ((sample & SAMPLE_MASK) === 0) samples[sampled++] = sample;
  }
  if (distinct > 0) {
    for (let bin = 0; bin < SIGNATURE_SIZE; bin++) {
      if (filled[bin]) continue;
      let donor = -1;
      for (let attempt = 0; attempt < 4 * SIGNATURE_SIZE * SIGNATURE_SIZE && donor < 0; attempt++) {
        const candidate = probe(bin, attempt);
        if (filled[candidate]) donor = candidate;
      }
      // Past the probe budget (never seen in practice), the next filled bin: still document-independent.
      for (let step = 1; donor < 0; step++) if (filled[(bin + step) % SIGNATURE_SIZE]) donor = (bin + step) % SIGNATURE_SIZE;
      signature[bin] = signature[donor]!;
    }
  }
  return { signature, shingles: distinct, samples: samples.slice(0, sampled).sort() };
}

/** Share of equal positions of two signatures: the estimated Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array, aOffset = 0, bOffset = 0): number {
  let equal = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[aOffset + i] === b[bOffset + i]) equal++;
  return equal / SIGNATURE_SIZE;
}

/** A containment estimate and the smallest estimate that does not reject the threshold. */
export interface ContainmentEstimate {
  /** Estimated share (0..1) of the smaller article's shingles that are in the larger one. */
  containment: number;
  /** threshold − 1.645 standard errors of this estimate at the threshold. */
  accept: number;
}

/**
 * The share of the smaller article's shingles in the larger one, from two estimates weighed
 * by their variance at `threshold`:
 *   - the signature's: |A∩B| = J(|A|+|B|)/(1+J) from the estimated Jaccard similarity J and
 *     the shingle counts; precise for articles of similar size, poor when one is far larger
 *     (J is small there and the ratio magnifies its error);
 *   - the samples': the share of the smaller one's samples found in the larger one's
 *     (binomial over that many samples; none when the smaller one has no sample).
 */
export function estimateContainment(jaccard: number, shinglesA: number, shinglesB: number, sharedSamples: number, samplesOfSmaller: number, threshold: number): ContainmentEstimate {
  const small = Math.min(shinglesA, shinglesB);
  if (small === 0) return { containment: 0, accept: threshold };
  const total = shinglesA + shinglesB;
  const fromSignature = Math.min(1, (jaccard * total) / ((1 + jaccard) * small));
  const t = Math.min(Math.max(threshold, 0.01), 0.99);
  // Variance of the signature's estimate at C = t: J_t = t·s/(total − t·s), dC/dJ = total/(s(1+J_t)²).
  const jt = (t * small) / (total - t * small);
  const slope = total / (small * (1 + jt) * (1 + jt));
  const signatureVariance = Math.max((slope * slope * jt * (1 - jt)) / SIGNATURE_SIZE, 1e-6);
  let weight = 1 / signatureVariance;
  let sum = fromSignature * weight;
  if (samplesOfSmaller > 0) {
    const sampleWeight = samplesOfSmaller / (t * (1 - t));
    sum += Math.min(1, sharedSamples / samplesOfSmaller) * sampleWeight;
    weight += sampleWeight;
  }
  return { containment: sum / weight, accept: threshold >= 1 ? 1 : threshold - CONTAINMENT_Z * Math.sqrt(1 / weight) };
}

/** Number of equal values in two ascending arrays. */
export function sharedCount(a: Uint32Array, aStart: number, aEnd: number, b: Uint32Array, bStart: number, bEnd: number): number {
  let shared = 0;
  let i = aStart;
  let j = bStart;
  while (i < aEnd && j < bEnd) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

// ---------------------------------------------------------------------------------------
// Sorting and union-find

/** Stable LSD radix sort of `keys` (uint32), returning the permutation (indexes into keys). */
export function sortedOrder(keys: Uint32Array, count = keys.length): Uint32Array {
  let order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  let next = new Uint32Array(count);
  const buckets = new Uint32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    buckets.fill(0);
    for (let i = 0; i < count; i++) buckets[(keys[order[i]!]! >>> shift) & 255]!++;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const size = buckets[b]!;
      buckets[b] = sum;
      sum += size;
    }
    for (let i = 0; i < count; i++) {
      const index = order[i]!;
      next[buckets[(keys[index]! >>> shift) & 255]!++] = index;
    }
    [order, next] = [next, order];
  }
  return order;
}

/** Disjoint sets over 0..n-1; the root of a set is always its smallest member. */
export class UnionFind {
  private readonly parent: Uint32Array;

  constructor(size: number) {
    this.parent = new Uint32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }

  find(item: number): number {
    let root = item;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[item] !== root) {
      const up = this.parent[item]!;
      this.parent[item] = root;
      item = up;
    }
    return root;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}

// ---------------------------------------------------------------------------------------
// The index

export interface MatchOptions {
  /** Jaccard similarity (0..1) from which two articles are near-duplicates. */
  minSimilarity: number;
  /** Share (0..1) of the smaller article's shingles in the larger from which it is contained. */
  minContainment: number;
}

/** A verified pair, a < b (insertion indexes). */
export interface Match {
  a: number;
  b: number;
  similarity: number;
  containment: number;
}

/** A cluster: insertion indexes ascending (members[0] is the first). */
export interface Cluster {
  members: number[];
}


/** threshold − Z standard errors of an estimate from `observations` Bernoulli trials. */
export function acceptance(threshold: number, observations: number): number {
  if (threshold <= 0 || threshold >= 1) return threshold;
  return threshold - Z * Math.sqrt((threshold * (1 - threshold)) / observations);
}

/** Articles added in order (their index is the order); `resolve` finds the clusters. */
export class NearDuplicateIndex {
  private signatures = new Uint32Array(SIGNATURE_SIZE * 64);
  private counts = new Uint32Array(64);
  private samples = new Uint32Array(1024);
  private sampleStarts = new Uint32Array(65);
  private size = 0;

  get length(): number {
    return this.size;
  }

  /** Adds an article's sketch; returns its index. */
  add(sketch: Sketch): number {
    const index = this.size++;
    this.signatures = grow(this.signatures, this.size * SIGNATURE_SIZE);
    this.counts = grow(this.counts, this.size);
    this.sampleStarts = grow(this.sampleStarts, this.size + 1);
    this.signatures.set(sketch.signature.subarray(0, SIGNATURE_SIZE), index * SIGNATURE_SIZE);
    this.counts[index] = sketch.shingles;
    const start = this.sampleStarts[index]!;
    this.samples = grow(this.samples, start + sketch.samples.length);
    this.samples.set(sketch.samples, start);
    this.sampleStarts[index + 1] = start + sketch.samples.length;
    return index;
  }

  /** Distinct shingles of an added article. */
  shingleCount(index: number): number {
    return this.counts[index]!;
  }

  signature(index: number): Uint32Array {
    return this.signatures.subarray(index * SIGNATURE_SIZE, (index + 1) * SIGNATURE_SIZE);
  }

  /**
   * The estimated similarity and containment of two added articles, and whether they pass
   * the options' thresholds (less the 95% margin of each estimate).
   */
  compare(a: number, b: number, options: MatchOptions): { similarity: number; containment: number; similar: boolean; contained: boolean } {
    const similarity = estimateJaccard(this.signatures, this.signatures, a * SIGNATURE_SIZE, b * SIGNATURE_SIZE);
    const [small, large] = this.counts[a]! <= this.counts[b]! ? [a, b] : [b, a];
    const s0 = this.sampleStarts[small]!;
    const s1 = this.sampleStarts[small + 1]!;
    const shared = sharedCount(this.samples, s0, s1, this.samples, this.sampleStarts[large]!, this.sampleStarts[large + 1]!);
    const { containment, accept } = estimateContainment(similarity, this.counts[a]!, this.counts[b]!, shared, s1 - s0, options.minContainment);
    return { similarity, containment, similar: similarity >= acceptance(options.minSimilarity, SIGNATURE_SIZE), contained: containment >= accept };
  }

  /** Candidate pairs (a < b, packed a * 2^26 + b... as numbers), each once, ascending. */
  candidates(): Float64Array {
    const pairs: number[] = [];
    const n = this.size;
    // LSH: one key per band, equal keys are candidates.
    const keys = new Uint32Array(n);
    for (let band = 0; band < BANDS; band++) {
      for (let i = 0; i < n; i++) {
        let h = 0x811c9dc5 ^ band;
        const base = i * SIGNATURE_SIZE + band * ROWS;
        for (let r = 0; r < ROWS; r++) h = fmix32(h ^ this.signatures[base + r]!) + r;
        keys[i] = h >>> 0;
      }
      pairRuns(keys, n, (i) => i, pairs);
    }
    // Containment: articles sharing sampled shingles.
    const total = this.sampleStarts[n]!;
    const owner = new Uint32Array(total);
    for (let i = 0; i < n; i++) owner.fill(i, this.sampleStarts[i], this.sampleStarts[i + 1]);
    const sampleKeys = this.samples.subarray(0, total);
    const samplePairs: number[] = [];
    pairRuns(sampleKeys, total, (i) => owner[i]!, samplePairs);
    const sortedSamplePairs = Float64Array.from(samplePairs).sort();
    for (let i = 0; i < sortedSamplePairs.length; ) {
      let j = i + 1;
      while (j < sortedSamplePairs.length && sortedSamplePairs[j] === sortedSamplePairs[i]) j++;
      if (j - i >= MIN_SHARED_SAMPLES) pairs.push(sortedSamplePairs[i]!);
      i = j;
    }
    const all = Float64Array.from(pairs).sort();
    let unique = 0;
    for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[unique++] = all[i]!;
    return all.slice(0, unique);
  }

  /** Verified pairs (ascending by a, then b) and the clusters they make (ascending by first member). */
  resolve(options: MatchOptions): { matches: Match[]; clusters: Cluster[] } {
    const matches: Match[] = [];
    const sets = new UnionFind(this.size);
    for (const pair of this.candidates()) {
      const a = Math.floor(pair / PAIR_SPACE);
      const b = pair % PAIR_SPACE;
      const { similarity, containment, similar, contained } = this.compare(a, b, options);
      if (similar || contained) {
        matches.push({ a, b, similarity, containment });
        sets.union(a, b);
      }
    }
    const byRoot = new Map<number, number[]>();
    for (const match of matches) {
      for (const member of [match.a, match.b]) {
        const root = sets.find(member);
        let list = byRoot.get(root);
        if (!list) byRoot.set(root, (list = []));
        list.push(member);
      }
    }
    const clusters: Cluster[] = [];
    for (const [, list] of [...byRoot.entries()].sort((x, y) => x[0] - y[0])) {
      const members = [...new Set(list)].sort((x, y) => x - y);
      clusters.push({ members });
    }
    return { matches, clusters };
  }
}

/** a * PAIR_SPACE + b identifies a pair (exact as a double for up to 2^26 articles). */
export const PAIR_SPACE = 2 ** 26;

/**
 * Pairs the items of each run of equal keys (items in key order, ties in index order):
 * every pair in a run of at most FULL_RUN, else each member with the run's first RUN_STAR.
 * `id` maps a key position to an article; pairs of one article with itself are skipped.
 */
function pairRuns(keys: Uint32Array, count: number, id: (position: number) => number, out: number[]): void {
  const order = sortedOrder(keys, count);
  for (let i = 0; i < count; ) {
    const key = keys[order[i]!]!;
    let j = i + 1;
    while (j < count && keys[order[j]!] === key) j++;
    const length = j - i;
    for (let x = i + 1; x < j; x++) {
      const limit = length <= FULL_RUN ? x : Math.min(x, i + RUN_STAR);
      const bx = id(order[x]!);
      for (let y = i; y < limit; y++) {
        const by = id(order[y]!);
        if (bx === by) continue;
        out.push(bx < by ? bx * PAIR_SPACE + by : by * PAIR_SPACE + bx);
      }
    }
    i = j;
  }
}

function grow<T extends Uint32Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  let size = array.length * 2;
  while (size < needed) size *= 2;
  const bigger = new Uint32Array(size) as T;
  bigger.set(array);
  return bigger;
}
