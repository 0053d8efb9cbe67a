/**
 * corpus-duplicate-paragraph: a paragraph (normalised exactly as duplicate-paragraph does)
 * that occurs in at least `minPosts` posts of one lint run: template boilerplate.
 *
 * A corpus rule: `check` does nothing; `corpus` keeps, per distinct paragraph fingerprint
 * (`paragraphFingerprint`, a hash of the normalised words), the number of posts it occurs in
 * and a bounded list of where:
 *   - a paragraph seen in one post so far: one number, its packed (file index, line);
 *   - seen in two or more: { posts, locations (the first MAX_LOCATIONS posts), quote }, the
 *     quote taken from the post that brings it to `minPosts` (so only reported paragraphs
 *     keep any text).
 * Memory is therefore proportional to the number of distinct paragraphs (plus one name per
 * file), never to the corpus text. `finish` reports one finding per post for the first
 * MAX_LOCATIONS posts of a reported paragraph (at its first line in that post); beyond that
 * only the count is known, and each finding says how many posts were not listed.
 */
import { z } from 'zod';
import { paragraphFingerprint, proseParagraphs } from '../src/engine/post-index.js';
import { defineRule } from '../src/engine/rule.js';
import type { Post } from '../src/model/post.js';
import { quote } from '../src/text/normalise.js';
import { SimhashIndex, simhash64 } from '../src/text/simhash.js';

/** Words a paragraph needs for the near-duplicate check. */
export const NEAR_MIN_WORDS = 40;
/** SimHash bits two paragraphs may differ in and still be near-duplicates. */
export const NEAR_MAX_BITS = 3;

/** Posts reported per paragraph; later posts are counted, not listed. */
export const MAX_LOCATIONS = 100;

// A location is one number: fileIndex * LINE_SPACE + line. 2^26 lines (a 64 MB file of empty
// lines) and 2^27 files keep it an exact integer; a later line is reported as the last one.
const LINE_SPACE = 2 ** 26;

interface Repeated {
  /** Distinct posts the paragraph occurs in. */
  posts: number;
  /** Packed locations in the first MAX_LOCATIONS of those posts, in lint order. */
  locations: number[];
  /** Set when posts reaches minPosts. */
  quote: string | undefined;
}

/**
 * One post as the corpus phase sees it: each distinct paragraph fingerprint once (the first
 * occurrence: repeats inside a post are duplicate-paragraph's), its line and its text cut to
 * what a quote needs (quote() shows at most 50 characters).
 */
interface Summary {
  prints: string[];
  lines: number[];
  texts: string[];
  /** With `near`: for each paragraph of NEAR_MIN_WORDS words or more, its index, SimHash high and low half. */
  near?: number[];
}

/** Enough of the text for quote(text, 50): its whitespace is folded, so keep a margin. */
const QUOTE_SOURCE_CHARS = 400;

/** A prefix of `text` that quote(…, 50) turns into the same quote as the whole text (or the text). */
function quoteSource(text: string): string {
  if (text.length <= QUOTE_SOURCE_CHARS) return text;
  const prefix = text.slice(0, QUOTE_SOURCE_CHARS);
  // Both are cut to their first 49 folded characters when the prefix folds to more than 50.
  return prefix.replace(/\s+/gu, ' ').trim().length > 51 ? prefix : text;
}

function summarise(post: Post, near: boolean): Summary {
  const summary: Summary = { prints: [], lines: [], texts: [] };
  if (near) summary.near = [];
  const inThisPost = new Set<string>();
  for (const paragraph of proseParagraphs(post)) {
    const print = paragraphFingerprint(paragraph);
    if (print === '' || inThisPost.has(print)) continue;
    inThisPost.add(print);
    summary.prints.push(print);
    summary.lines.push(paragraph.line);
    summary.texts.push(quoteSource(paragraph.text));
    if (summary.near && paragraph.words.length >= NEAR_MIN_WORDS) summary.near.push(summary.prints.length - 1, ...simhash64(paragraph.words));
  }
  return summary;
}

export default defineRule({
  meta: {
    id: 'corpus-duplicate-paragraph',
    description: 'The same paragraph (after normalisation) in at least `minPosts` linted posts: template boilerplate.',
    defaultSeverity: 'off',
    tags: ['corpus'],
    docs: 'docs/rules/corpus-duplicate-paragraph.md',
    schema: z.strictObject({
      minPosts: z.int().min(2).default(10).describe('The number of posts a paragraph must occur in to be reported.'),
      near: z.boolean().default(true).describe(`Also report a paragraph of ${NEAR_MIN_WORDS}+ words whose 64-bit SimHash is within ${NEAR_MAX_BITS} bits of one in an earlier post.`),
    }),
  },
  check() {
    // Nothing to see in one post: the work is in the corpus phase.
  },
  corpusSummary(post, context) {
    return summarise(post, context.options.near);
  },
  corpus(context) {
    const { minPosts, near } = context.options;
    const files: string[] = [];
    const seen = new Map<string, number | Repeated>();
    // Near-duplicates: each new distinct paragraph's SimHash, its packed location by id, and
    // what was found (packed location, packed first location, distance, quote).
    const simhashes = new SimhashIndex();
    const simLocations: number[] = [];
    const nearFound: Array<{ here: number; first: number; distance: number; quote: string }> = [];

    return {
      collect(post, context) {
        this.collectSummary!(summarise(post, near), context);
      },

      collectSummary(summary, { file }) {
        const fileIndex = files.push(file) - 1;
        const { prints, lines, texts, near: sims } = summary as Summary;
        const fresh = new Set<number>();
        for (let i = 0; i < prints.length; i++) {
          const print = prints[i]!;
          const here = fileIndex * LINE_SPACE + Math.min(lines[i]!, LINE_SPACE - 1);
          const entry = seen.get(print);
          if (entry === undefined) {
            seen.set(print, here);
            fresh.add(i);
            continue;
          }
          let repeated: Repeated;
          if (typeof entry === 'number') {
            repeated = { posts: 1, locations: [entry], quote: undefined };
            seen.set(print, repeated);
          } else {
            repeated = entry;
          }
          repeated.posts++;
          if (repeated.locations.length < MAX_LOCATIONS) repeated.locations.push(here);
          if (repeated.posts === minPosts) repeated.quote = quote(texts[i]!, 50);
        }
        // Near: only paragraphs seen for the first time (an exact repeat stays exact), against earlier posts.
        if (near && sims) {
          for (let k = 0; k + 2 < sims.length; k += 3) {
            const i = sims[k]!;
            if (!fresh.has(i)) continue;
            const here = fileIndex * LINE_SPACE + Math.min(lines[i]!, LINE_SPACE - 1);
            const match = simhashes.nearest(sims[k + 1]!, sims[k + 2]!, NEAR_MAX_BITS);
            if (match !== null) {
              const first = simLocations[match.id]!;
              if (Math.floor(first / LINE_SPACE) !== fileIndex) nearFound.push({ here, first, distance: match.distance, quote: quote(texts[i]!, 50) });
            }
            simhashes.add(sims[k + 1]!, sims[k + 2]!);
            simLocations.push(here);
          }
        }
      },

      finish() {
        for (const entry of seen.values()) {
          if (typeof entry === 'number' || entry.posts < minPosts) continue;
          const firstFile = files[Math.floor(entry.locations[0]! / LINE_SPACE)]!;
          const firstLine = entry.locations[0]! % LINE_SPACE;
          const unlisted = entry.posts - entry.locations.length;
          const base =
            `paragraph ${entry.quote ?? '""'} appears in ${entry.posts} posts (minPosts ${minPosts}): ` +
            'template boilerplate; expected text unique to this post';
          const tail = unlisted > 0 ? `; reported in the first ${entry.locations.length} posts only (and ${unlisted} more post${unlisted === 1 ? '' : 's'})` : '';
          entry.locations.forEach((location, index) => {
            const file = files[Math.floor(location / LINE_SPACE)]!;
            const line = location % LINE_SPACE;
            if (index === 0) {
              context.report({ file, line, message: base + tail });
            } else if (file === firstFile) {
              context.report({ file, line, message: `${base}; first occurrence at line ${firstLine}${tail}`, related: [{ line: firstLine, message: 'first occurrence' }] });
            } else {
              context.report({ file, line, message: `${base}; first seen in ${firstFile} line ${firstLine}${tail}` });
            }
          });
        }
        for (const found of nearFound) {
          const firstFile = files[Math.floor(found.first / LINE_SPACE)]!;
          context.report({
            file: files[Math.floor(found.here / LINE_SPACE)]!,
            line: found.here % LINE_SPACE,
            message:
              `paragraph ${found.quote} is nearly the same as one first seen in ${firstFile} line ${found.first % LINE_SPACE} ` +
              `(SimHash ${found.distance} of 64 bits apart): template boilerplate; expected text unique to this post`,
          });
        }
        nearFound.length = 0;
        simLocations.length = 0;
        seen.clear();
        files.length = 0;
      },
    };
  },
});
