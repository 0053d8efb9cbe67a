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
    // Sentences per paragraph line (with the short ones, which are never counted or dropped).
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
    // Which occurrences the fixes drop: as many as are beyond `max` of each sentence, chosen so
    // that as few paragraphs as possible lose their last sentence (a paragraph that vanishes
    // changes the post's paragraph count, which the meta box states and a fix never edits).
    // Paragraphs that keep a sentence whatever is dropped need nothing; the others each need
    // one occurrence kept, and each sentence can be kept `max` times: a bipartite matching
    // (augmenting paths, in text order, so the choice is deterministic). The rest of each
    // sentence's `max` go to its earliest occurrences.
    const groups: Array<{ text: string; occurrences: Occurrence[] }> = [];
    for (const bucket of seen.values()) for (const entry of bucket) if (entry.occurrences.length > max) groups.push(entry);
    const droppableOnLine = new Map<number, Array<{ group: number; occurrence: Occurrence }>>();
    const countOnLine = new Map<number, number>();
    groups.forEach(({ occurrences }, group) => {
      for (const occurrence of occurrences) {
        countOnLine.set(occurrence.line, (countOnLine.get(occurrence.line) ?? 0) + 1);
        const list = droppableOnLine.get(occurrence.line) ?? [];
        if (!list.some((entry) => entry.group === group)) list.push({ group, occurrence });
        droppableOnLine.set(occurrence.line, list);
      }
    });
    const needy = [...droppableOnLine.keys()].filter((line) => countOnLine.get(line) === sentencesOnLine.get(line)).sort((a, b) => a - b);
    const keptBy = groups.map(() => [] as number[]); // per group: the needy lines it is kept for
    const augment = (line: number, visited: Set<number>): boolean => {
      for (const { group } of droppableOnLine.get(line)!) {
        if (visited.has(group)) continue;
        visited.add(group);
        const holders = keptBy[group]!;
        if (holders.length < max) {
          holders.push(line);
          return true;
        }
        for (let index = 0; index < holders.length; index++) {
          if (augment(holders[index]!, visited)) {
            holders[index] = line;
            return true;
          }
        }
      }
      return false;
    };
    for (const line of needy) augment(line, new Set());
    const dropped = new Set<Occurrence>();
    const dropsOf = groups.map(({ occurrences }, group) => {
      const kept = new Set(keptBy[group]!.map((line) => droppableOnLine.get(line)!.find((entry) => entry.group === group)!.occurrence));
      for (const occurrence of occurrences) if (kept.size < max && !kept.has(occurrence)) kept.add(occurrence);
      const drops = occurrences.filter((occurrence) => !kept.has(occurrence));
      for (const occurrence of drops) dropped.add(occurrence);
      return drops;
    });
    const left = new Map(sentencesOnLine);
    for (const occurrence of dropped) left.set(occurrence.line, left.get(occurrence.line)! - 1);
    // A paragraph whose every sentence is dropped goes whole (with its blank line): the first
    // fix that drops from it removes the line, the others overlap that fix.
    const wholeLineGiven = new Set<number>();
    const source = context.source;
    const dropFix = (occurrence: Occurrence): Fix | undefined => {
      if (!source) return undefined;
      if (left.get(occurrence.line) === 0 && !wholeLineGiven.has(occurrence.line)) {
        wholeLineGiven.add(occurrence.line);
        return removeLinesFix(source, occurrence.line, occurrence.line);
      }
      return sentenceFix(source, occurrence).fix;
    };
    groups.forEach(({ text, occurrences }, group) => {
      const drops = dropsOf[group]!;
      const first = occurrences[0]!;
      const fixes = drops.map(dropFix);
      // When a drop is refused (the paragraph is all its section holds, say), dropping one of
      // the occurrences that stay instead leaves the same count.
      const kept = occurrences.filter((occurrence) => !drops.includes(occurrence));
      const alternatives = source ? kept.flatMap((occurrence) => sentenceFix(source, occurrence).fix ?? []) : [];
      for (let index = max; index < occurrences.length; index++) {
        const occurrence = occurrences[index]!;
        const own = fixes[index - max];
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
    });
  },
});
