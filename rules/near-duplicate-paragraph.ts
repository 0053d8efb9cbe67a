/**
 * near-duplicate-paragraph: two paragraphs whose word 3-gram Jaccard similarity reaches
 * `threshold`, or one containing the other whole. Candidate pairs come from an inverted index
 * of shingle hashes (a sorted array of packed (shingle, paragraph) pairs: one native numeric
 * sort, no per-shingle allocation), so the work is the post's size (times a log) plus its
 * candidate pairs, never all pairs; exact copies are left to duplicate-paragraph (only the
 * first copy of a text takes part here).
 */
import { z } from 'zod';
import { exactRepeats, proseParagraphs, type ProseParagraph } from '../src/engine/post-index.js';
import { defineRule } from '../src/engine/rule.js';
import { quote } from '../src/text/normalise.js';
import { shingleList } from '../src/text/shingles.js';

const EPSILON = 1e-9;

export default defineRule({
  meta: {
    id: 'near-duplicate-paragraph',
    description: 'Two paragraphs with word 3-gram Jaccard similarity at least `threshold`, or one containing the other whole.',
    defaultSeverity: 'warn',
    tags: ['duplication'],
    docs: 'docs/rules/near-duplicate-paragraph.md',
    schema: z.strictObject({
      threshold: z.number().gt(0).max(1).default(0.8).describe('Jaccard similarity of word 3-gram sets at or above which two paragraphs are near duplicates.'),
      minWords: z.int().min(1).default(8).describe('Paragraphs with fewer words are ignored (short lines share phrases by chance).'),
    }),
  },
  check(post, context) {
    const { threshold, minWords } = context.options;
    const repeats = exactRepeats(post);
    const candidates = proseParagraphs(post)
      .filter((paragraph) => !repeats.has(paragraph.index) && paragraph.words.length >= minWords)
      .slice(0, PARAGRAPH_SLOTS);
    const count = candidates.length;
    if (count < 2) return;

    // The inverted index, as one sorted array: every (shingle, paragraph) pair packed into a
    // double as shingle * 2^22 + paragraph. Sorting groups each shingle's postings into a run
    // (in paragraph order); duplicates of a pair are adjacent and skipped.
    const lists = candidates.map((paragraph) => shingleList(paragraph.words));
    let total = 0;
    for (const list of lists) total += list.length;
    const packed = new Float64Array(total);
    let at = 0;
    lists.forEach((list, i) => {
      for (const shingle of list) packed[at++] = shingle * PARAGRAPH_SLOTS + i;
    });
    packed.sort();

    // Deduplicate into postings: members[k] is a paragraph, runStart[k] where its shingle's
    // run (all paragraphs having that shingle, in paragraph order) begins.
    const members = new Int32Array(total);
    const runStart = new Int32Array(total);
    const sizes = new Int32Array(count);
    let entries = 0;
    let runShingle = -1;
    let currentRun = 0;
    let previous = -1;
    for (let k = 0; k < total; k++) {
      const value = packed[k]!;
      if (value === previous) continue;
      previous = value;
      const shingle = Math.floor(value / PARAGRAPH_SLOTS);
      const i = value - shingle * PARAGRAPH_SLOTS;
      if (shingle !== runShingle) {
        runShingle = shingle;
        currentRun = entries;
      }
      members[entries] = i;
      runStart[entries] = currentRun;
      entries++;
      sizes[i] = sizes[i]! + 1;
    }
    // Each paragraph's entries (counting sort by paragraph).
    const offsets = new Int32Array(count + 1);
    for (let k = 0; k < entries; k++) offsets[members[k]! + 1] = offsets[members[k]! + 1]! + 1;
    for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i + 1]! + offsets[i]!;
    const byParagraph = new Int32Array(entries);
    const fill = offsets.slice(0, count);
    for (let k = 0; k < entries; k++) {
      const i = members[k]!;
      byParagraph[fill[i]!] = k;
      fill[i] = fill[i]! + 1;
    }

    // For each paragraph, count shared shingles with every earlier paragraph (the members of
    // its runs before it), in a reused counter array; then keep the most similar match.
    const shared = new Int32Array(count);
    const touched: number[] = [];
    const best: Array<{ j: number; similarity: number; contained: Containment } | undefined> = new Array<{ j: number; similarity: number; contained: Containment } | undefined>(count);
    for (let i = 0; i < count; i++) {
      for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
        const k = byParagraph[e]!;
        for (let q = runStart[k]!; q < k; q++) {
          const j = members[q]!;
          if (shared[j] === 0) touched.push(j);
          shared[j] = shared[j]! + 1;
        }
      }
      const size = sizes[i]!;
      for (const j of touched) {
        const common = shared[j]!;
        shared[j] = 0;
        const otherSize = sizes[j]!;
        const similarity = common / (size + otherSize - common);
        let contained: Containment = null;
        if (common === otherSize && otherSize <= size && containsWhole(candidates[i]!, candidates[j]!)) contained = 'earlier-in-this';
        else if (common === size && size < otherSize && containsWhole(candidates[j]!, candidates[i]!)) contained = 'this-in-earlier';
        if (similarity + EPSILON < threshold && contained === null) continue;
        const current = best[i];
        if (!current || similarity > current.similarity || (similarity === current.similarity && j < current.j)) {
          best[i] = { j, similarity, contained };
        }
      }
      touched.length = 0;
    }

    best.forEach((match, i) => {
      if (!match) return;
      const paragraph = candidates[i]!;
      const first = candidates[match.j]!;
      const percent = Math.round(match.similarity * 100);
      const detail =
        match.contained === 'earlier-in-this'
          ? `contains the whole paragraph at line ${first.line} plus ${paragraph.words.length - first.words.length} more words`
          : match.contained === 'this-in-earlier'
            ? `is contained whole in the paragraph at line ${first.line}`
            : `is ${percent}% similar to the paragraph at line ${first.line} (word 3-gram Jaccard ${match.similarity.toFixed(2)}, threshold ${threshold})`;
      context.report({
        line: paragraph.line,
        message: `paragraph ${quote(paragraph.text, 40)} ${detail}; expected distinct paragraphs`,
        related: [{ line: first.line, message: 'similar paragraph' }],
      });
    });
  },
});

type Containment = 'earlier-in-this' | 'this-in-earlier' | null;

/** Room for this many candidate paragraphs per post in a packed (shingle, paragraph) pair. */
const PARAGRAPH_SLOTS = 2 ** 22;

/** Whether `outer`'s normalised words contain all of `inner`'s, contiguous, on word boundaries. */
function containsWhole(outer: ProseParagraph, inner: ProseParagraph): boolean {
  return ` ${outer.key} `.includes(` ${inner.key} `);
}
