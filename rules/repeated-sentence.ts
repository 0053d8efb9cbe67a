/**
 * repeated-sentence: a sentence of at least `minWords` words occurring more than `max`
 * times in the post's prose; one finding per extra occurrence, pointing at the first.
 * Paragraphs that are exact copies of an earlier paragraph are left to duplicate-paragraph.
 */
import { z } from 'zod';
import { exactRepeats, proseParagraphs } from '../src/engine/post-index.js';
import { defineRule } from '../src/engine/rule.js';
import { quote, words } from '../src/text/normalise.js';
import { splitSentences } from '../src/text/sentences.js';

interface Occurrence { line: number; column: number; endColumn: number }

export default defineRule({
  meta: {
    id: 'repeated-sentence',
    description: 'A sentence of at least `minWords` words that occurs more than `max` times in the post.',
    defaultSeverity: 'warn',
    tags: ['duplication'],
    docs: 'docs/rules/repeated-sentence.md',
    schema: z.strictObject({
      /** Sentences with fewer words are not counted. */
      minWords: z.int().min(1).default(6),
      /** How many times a sentence may occur. */
      max: z.int().min(1).default(1),
    }),
  },
  check(post, context) {
    const { minWords, max } = context.options;
    const repeats = exactRepeats(post);
    const seen = new Map<string, { text: string; occurrences: Occurrence[] }>();
    for (const paragraph of proseParagraphs(post)) {
      if (repeats.has(paragraph.index)) continue;
      for (const sentence of splitSentences(paragraph.text)) {
        const sentenceWords = words(sentence.text);
        if (sentenceWords.length < minWords) continue;
        const key = sentenceWords.join(' ');
        let entry = seen.get(key);
        if (!entry) {
          entry = { text: sentence.text, occurrences: [] };
          seen.set(key, entry);
        }
        entry.occurrences.push({ line: paragraph.line, column: sentence.start + 1, endColumn: sentence.end + 1 });
      }
    }
    for (const { text, occurrences } of seen.values()) {
      if (occurrences.length <= max) continue;
      const first = occurrences[0]!;
      for (let index = max; index < occurrences.length; index++) {
        const occurrence = occurrences[index]!;
        context.report({
          line: occurrence.line,
          column: occurrence.column,
          endLine: occurrence.line,
          endColumn: occurrence.endColumn,
          message: `sentence ${quote(text, 60)} occurs ${occurrences.length} times (max ${max}); this is occurrence ${index + 1}, first at line ${first.line}`,
          related: [{ line: first.line, message: 'first occurrence' }],
        });
      }
    }
  },
});
