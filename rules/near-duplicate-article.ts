/**
 * near-duplicate-article: two articles of one lint run that are mostly the same text (word
 * 5-gram Jaccard similarity at least `minSimilarity`), or one short article mostly inside a
 * longer one (containment at least `minContainment`). Clusters of such articles are reported
 * once per member other than the first (in path order), naming the first.
 *
 * A corpus rule: `check` does nothing; `corpusSummary` (in the lint workers) turns the body
 * into a MinHash sketch (src/text/minhash.ts) of plain data (base64 strings), and the corpus
 * run indexes the sketches, verifies the LSH and containment candidates and clusters them in
 * `finish`. Memory: about 0.6 KB per article plus 4 bytes per sampled shingle (1 in 8).
 */
import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import type { Block, Post } from '../src/model/post.js';
import { NearDuplicateIndex, SIGNATURE_SIZE, sketchShingles, shingleHashes, type Sketch } from '../src/text/minhash.js';
import { words } from '../src/text/normalise.js';

/** Members listed in a finding's group (SARIF related locations); the rest are counted. */
export const MAX_LISTED = 100;

/** One article as the corpus phase keeps it: plain, structured-cloneable, deterministic. */
export interface ArticleSummary {
  /** Normalised body words. */
  words: number;
  /** First line of the body (where findings point). */
  line: number;
  /** Distinct word 5-grams. */
  shingles: number;
  /** The signature's SIGNATURE_SIZE uint32 values, little-endian, base64. */
  signature: string;
  /** The sampled shingle hashes (ascending uint32), little-endian, base64. */
  samples: string;
}

/** The words of the body: headings, paragraphs, list items (nested blocks too) and code; not the title, meta box, images or residue. */
export function bodyWords(post: Post): { words: string[]; line: number } {
  const out: string[] = [];
  let line = 0;
  const add = (text: string, at: number) => {
    const list = words(text);
    if (list.length === 0) return;
    if (line === 0) line = at;
    for (const word of list) out.push(word);
  };
  const blocks = (list: readonly Block[]) => {
    for (const block of list) {
      if (block.type === 'paragraph' || block.type === 'code') add(block.text, block.line);
      else if (block.type === 'list') {
        for (const item of block.items) {
          add(item.text, item.line);
          if (item.blocks) blocks(item.blocks);
        }
      }
    }
  };
  for (const section of post.sections) {
    if (section.heading !== null) add(section.heading, section.line);
    blocks(section.blocks);
  }
  return { words: out, line: line || 1 };
}

function toBase64(values: Uint32Array): string {
  const bytes = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) bytes.writeUInt32LE(values[i]!, i * 4);
  return bytes.toString('base64');
}

function fromBase64(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  const values = new Uint32Array(bytes.length >>> 2);
  for (let i = 0; i < values.length; i++) values[i] = bytes.readUInt32LE(i * 4);
  return values;
}

/** The summary of a post; null when its body has fewer than `minWords` words. */
export function summariseArticle(post: Post, minWords: number): ArticleSummary | null {
  const body = bodyWords(post);
  if (body.words.length < minWords || body.words.length === 0) return null;
  const sketch = sketchShingles(shingleHashes(body.words));
  return { words: body.words.length, line: body.line, shingles: sketch.shingles, signature: toBase64(sketch.signature), samples: toBase64(sketch.samples) };
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

export default defineRule({
  meta: {
    id: 'near-duplicate-article',
    description: 'An article that is mostly the same text as an earlier one of the run (MinHash over word 5-grams), or mostly contained in it.',
    defaultSeverity: 'off',
    tags: ['corpus'],
    docs: 'docs/rules/near-duplicate-article.md',
    schema: z.strictObject({
      minSimilarity: z.number().gt(0).lte(1).default(0.8).describe('Word 5-gram Jaccard similarity (0..1) from which two articles are near-duplicates.'),
      minContainment: z.number().gt(0).lte(1).default(0.9).describe("Share (0..1) of the shorter article's word 5-grams found in the longer one from which it counts as contained."),
      minWords: z.int().min(1).default(50).describe('Articles with fewer body words are skipped.'),
    }),
  },
  check() {
    // Nothing to see in one post: the work is in the corpus phase.
  },
  corpusSummary(post, context) {
    return summariseArticle(post, context.options.minWords);
  },
  corpus(context) {
    const { minSimilarity, minContainment, minWords } = context.options;
    const files: string[] = [];
    const lines: number[] = [];
    const index = new NearDuplicateIndex();

    return {
      collect(post, collectContext) {
        this.collectSummary!(summariseArticle(post, minWords), collectContext);
      },

      collectSummary(summary, { file }) {
        if (summary === null || summary === undefined) return;
        const article = summary as ArticleSummary;
        const signature = fromBase64(article.signature);
        if (signature.length !== SIGNATURE_SIZE) throw new Error(`a signature of ${signature.length} values (expected ${SIGNATURE_SIZE})`);
        const sketch: Sketch = { signature, shingles: article.shingles, samples: fromBase64(article.samples) };
        index.add(sketch);
        files.push(file);
        lines.push(article.line);
      },

      finish() {
        const { matches, clusters } = index.resolve({ minSimilarity, minContainment });
        // The best verified edge of each article, for members not close to the first.
        const best = new Map<number, { other: number; similarity: number; containment: number }>();
        for (const match of matches) {
          for (const [self, other] of [[match.a, match.b], [match.b, match.a]] as const) {
            const known = best.get(self);
            if (!known || Math.max(match.similarity, match.containment) > Math.max(known.similarity, known.containment)) best.set(self, { other, similarity: match.similarity, containment: match.containment });
          }
        }
        for (const { members } of clusters) {
          const first = members[0]!;
          const firstFile = files[first]!;
          const size = members.length;
          for (const member of members.slice(1)) {
            const { similarity, containment, similar, contained } = index.compare(first, member, { minSimilarity, minContainment });
            let how: string;
            if (similar) how = `${percent(similarity)} similar to ${firstFile}`;
            else if (contained) {
              const shorterFirst = index.shingleCount(first) <= index.shingleCount(member);
              how = shorterFirst ? `contains ${percent(containment)} of the word 5-grams of ${firstFile}` : `${percent(containment)} of its word 5-grams are in ${firstFile}`;
              how += ` (similarity ${percent(similarity)})`;
            } else {
              const edge = best.get(member);
              how = `like ${firstFile} only through the cluster (similarity ${percent(similarity)})`;
              if (edge) how += `; closest: ${percent(Math.max(edge.similarity, edge.containment))} like ${files[edge.other]!}`;
            }
            context.report({
              file: files[member]!,
              line: lines[member]!,
              message: `near-duplicate article: ${how}, in a cluster of ${size} articles; expected text of its own`,
              group: { first: firstFile, line: lines[first]!, size },
            });
          }
        }
        files.length = 0;
        lines.length = 0;
      },
    };
  },
});
