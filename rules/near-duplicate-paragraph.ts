/**
 * near-duplicate-paragraph: two paragraphs whose word 3-gram Jaccard similarity reaches
 * `threshold`, or one containing the other whole. Candidates come from an inverted index of
 * shingle hashes, so the work is linear in the post plus its candidate pairs; exact copies
 * are left to duplicate-paragraph (only the first copy of a text takes part here).
 */
import { z } from 'zod';
import { exactRepeats, proseParagraphs, type ProseParagraph } from '../src/engine/post-index.js';
import { defineRule } from '../src/engine/rule.js';
import { quote } from '../src/text/normalise.js';
import { shingles } from '../src/text/shingles.js';

const EPSILON = 1e-9;

export default defineRule({
  meta: {
    id: 'near-duplicate-paragraph',
    description: 'Two paragraphs with word 3-gram Jaccard similarity at least `threshold`, or one containing the other whole.',
    defaultSeverity: 'warn',
    tags: ['duplication'],
    docs: 'docs/rules/near-duplicate-paragraph.md',
    schema: z.strictObject({
      /** Jaccard similarity of word 3-gram sets at or above which two paragraphs are near duplicates. */
      threshold: z.number().gt(0).max(1).default(0.8),
      /** Paragraphs with fewer words are ignored (short lines share phrases by chance). */
      minWords: z.int().min(1).default(8),
    }),
  },
  check(post, context) {
    const { threshold, minWords } = context.options;
    const repeats = exactRepeats(post);
    const candidates = proseParagraphs(post).filter(
      (paragraph) => !repeats.has(paragraph.index) && paragraph.words.length >= minWords,
    );
    const sets: Array<Set<number>> = [];
    const postings = new Map<number, number[]>();

    candidates.forEach((paragraph, i) => {
      const set = shingles(paragraph.words);
      sets.push(set);
      // Count shared shingles with every earlier paragraph that has any.
      const shared = new Map<number, number>();
      for (const shingle of set) {
        const list = postings.get(shingle);
        if (list) for (const j of list) shared.set(j, (shared.get(j) ?? 0) + 1);
        if (list) list.push(i);
        else postings.set(shingle, [i]);
      }
      let best: { j: number; similarity: number; contained: 'earlier-in-this' | 'this-in-earlier' | null } | undefined;
      for (const [j, count] of shared) {
        const other = sets[j]!;
        const similarity = count / (set.size + other.size - count);
        let contained: 'earlier-in-this' | 'this-in-earlier' | null = null;
        if (count === other.size && other.size <= set.size && containsWhole(paragraph, candidates[j]!)) contained = 'earlier-in-this';
        else if (count === set.size && set.size < other.size && containsWhole(candidates[j]!, paragraph)) contained = 'this-in-earlier';
        if (similarity + EPSILON < threshold && contained === null) continue;
        if (!best || similarity > best.similarity) best = { j, similarity, contained };
      }
      if (!best) return;
      const first = candidates[best.j]!;
      const percent = Math.round(best.similarity * 100);
      const detail =
        best.contained === 'earlier-in-this'
          ? `contains the whole paragraph at line ${first.line} plus ${paragraph.words.length - first.words.length} more words`
          : best.contained === 'this-in-earlier'
            ? `is contained whole in the paragraph at line ${first.line}`
            : `is ${percent}% similar to the paragraph at line ${first.line} (word 3-gram Jaccard ${best.similarity.toFixed(2)}, threshold ${threshold})`;
      context.report({
        line: paragraph.line,
        message: `paragraph ${quote(paragraph.text, 40)} ${detail}; expected distinct paragraphs`,
        related: [{ line: first.line, message: 'similar paragraph' }],
      });
    });
  },
});

/** Whether `outer`'s normalised words contain all of `inner`'s, contiguous, on word boundaries. */
function containsWhole(outer: ProseParagraph, inner: ProseParagraph): boolean {
  return ` ${outer.key} `.includes(` ${inner.key} `);
}
