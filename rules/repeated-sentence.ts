/**
 * repeated-sentence: a sentence of at least `minWords` words occurring more than `max`
 * times in the post's prose; one finding per extra occurrence, pointing at the first.
 * Paragraphs that are exact copies of an earlier paragraph are left to duplicate-paragraph.
 */
import { z } from 'zod';
import { exactRepeats, proseParagraphs } from '../src/engine/post-index.js';
import { removeLinesFix, type SourceText } from '../src/engine/fixer.js';
import { defineRule } from '../src/engine/rule.js';
import type { Fix } from '../src/model/finding.js';
import { keyAndCount, quote } from '../src/text/normalise.js';
import { sentenceKeys } from '../src/text/sentences.js';

interface Occurrence {
  line: number;
  column: number;
  endColumn: number;
  /** The paragraph's text (to fix within it). */
  paragraph: string;
}

/**
 * The fix: the sentence goes with the space before it (the space after it when it starts
 * the paragraph), so the rest reads as before and the fixes of neighbouring occurrences
 * only touch, never overlap; a paragraph that is nothing but the sentence goes whole. Only
 * when the line holds the paragraph's text as written (no entities decoded), so the columns
 * are the line's.
 */
function sentenceFix(source: SourceText | null, occurrence: Occurrence): { fix?: Fix } {
  if (!source) return {};
  const raw = source.lines[occurrence.line - 1] ?? '';
  const indent = raw.length - raw.trimStart().length;
  const text = occurrence.paragraph;
  if (raw.trim() !== text) return {};
  let start = occurrence.column - 1;
  let end = occurrence.endColumn - 1;
  const after = text.slice(end);
  const before = text.slice(0, start);
  if (after.trim().length === 0 && before.trim().length === 0) return { fix: removeLinesFix(source, occurrence.line, occurrence.line) };
  if (before.trim().length > 0) start = before.trimEnd().length;
  else end += after.length - after.trimStart().length;
  return { fix: { edits: [{ line: occurrence.line, column: indent + start + 1, endLine: occurrence.line, endColumn: indent + end + 1, text: '' }] } };
}

export default defineRule({
  meta: {
    id: 'repeated-sentence',
    description: 'A sentence of at least `minWords` words that occurs more than `max` times in the post.',
    defaultSeverity: 'warn',
    tags: ['duplication'],
    docs: 'docs/rules/repeated-sentence.md',
    schema: z.strictObject({
      minWords: z.int().min(1).default(6).describe('Sentences with fewer words are not counted.'),
      max: z.int().min(1).default(1).describe('How many times a sentence may occur.'),
    }),
    fixable: true,
  },
  check(post, context) {
    const { minWords, max } = context.options;
    const repeats = exactRepeats(post);
    // Sentences are grouped by the hash of their normalised key; a hash match is confirmed
    // on the key itself (computed only then), so the grouping is exact.
    const seen = new Map<number, Array<{ key: string; text: string; occurrences: Occurrence[] }>>();
    // Sentences per paragraph line, and how many of them are occurrences beyond `max`: a
    // paragraph whose every sentence goes is removed as a whole (with its blank line).
    const sentencesOnLine = new Map<number, number>();
    for (const paragraph of proseParagraphs(post)) {
      if (repeats.has(paragraph.index)) continue;
      const sentences = sentenceKeys(paragraph.text, keyAndCount);
      sentencesOnLine.set(paragraph.line, sentences.length);
      for (const sentence of sentences) {
        if (sentence.words < minWords) continue;
        const occurrence = { line: paragraph.line, column: sentence.start + 1, endColumn: sentence.end + 1, paragraph: paragraph.text };
        const text = paragraph.text.slice(sentence.start, sentence.end);
        const bucket = seen.get(sentence.hash);
        if (!bucket) {
          seen.set(sentence.hash, [{ key: '', text, occurrences: [occurrence] }]);
          continue;
        }
        const key = keyAndCount(text).key;
        const entry = bucket.find((candidate) => (candidate.key ||= keyAndCount(candidate.text).key) === key);
        if (entry) entry.occurrences.push(occurrence);
        else bucket.push({ key, text, occurrences: [occurrence] });
      }
    }
    const excessOnLine = new Map<number, number>();
    for (const bucket of seen.values()) {
      for (const { occurrences } of bucket) {
        for (let index = max; index < occurrences.length; index++) excessOnLine.set(occurrences[index]!.line, (excessOnLine.get(occurrences[index]!.line) ?? 0) + 1);
      }
    }
    const wholeLineGiven = new Set<number>();
    const source = context.source;
    for (const bucket of seen.values()) {
      for (const { text, occurrences } of bucket) {
        if (occurrences.length <= max) continue;
        const first = occurrences[0]!;
        // When dropping an occurrence beyond `max` is refused (it is all its section holds,
        // say), dropping one of the kept occurrences instead leaves the same count.
        const alternatives = source ? occurrences.slice(0, max).flatMap((kept) => sentenceFix(source, kept).fix ?? []) : [];
        for (let index = max; index < occurrences.length; index++) {
          const occurrence = occurrences[index]!;
          const own =
            excessOnLine.get(occurrence.line) === sentencesOnLine.get(occurrence.line) && source
              ? // Every sentence of this paragraph goes: the first finding's fix removes the line, the others overlap it.
                wholeLineGiven.has(occurrence.line)
                ? sentenceFix(source, occurrence).fix
                : (wholeLineGiven.add(occurrence.line), removeLinesFix(source, occurrence.line, occurrence.line))
              : sentenceFix(source, occurrence).fix;
          context.report({
            line: occurrence.line,
            column: occurrence.column,
            endLine: occurrence.line,
            endColumn: occurrence.endColumn,
            message: `sentence ${quote(text, 60)} occurs ${occurrences.length} times (max ${max}); this is occurrence ${index + 1}, first at line ${first.line}`,
            related: [{ line: first.line, message: 'first occurrence' }],
            ...(own ? { fix: alternatives.length > 0 ? { ...own, alternatives } : own } : {}),
          });
        }
      }
    }
  },
});
