/** duplicate-paragraph: a paragraph equal to an earlier one after normalisation. */
import { z } from 'zod';
import { removeLinesFix } from '../src/engine/fixer.js';
import { exactRepeats, proseParagraphs } from '../src/engine/post-index.js';
import { defineRule } from '../src/engine/rule.js';
import { quote } from '../src/text/normalise.js';

export default defineRule({
  meta: {
    id: 'duplicate-paragraph',
    description: 'A paragraph equal to an earlier one after normalising case, whitespace and punctuation.',
    defaultSeverity: 'error',
    tags: ['duplication'],
    docs: 'docs/rules/duplicate-paragraph.md',
    schema: z.strictObject({}),
    fixable: true,
  },
  check(post, context) {
    const repeats = exactRepeats(post);
    for (const paragraph of proseParagraphs(post)) {
      const first = repeats.get(paragraph.index);
      if (!first) continue;
      context.report({
        line: paragraph.line,
        message: `paragraph ${quote(paragraph.text, 50)} duplicates the paragraph at line ${first.line}; expected each paragraph once`,
        related: [{ line: first.line, message: 'first occurrence' }],
        // The later copy goes, with the blank line that separated it; when that is refused
        // (the copy is all its section holds), the first copy goes instead.
        ...(context.source
          ? { fix: { ...removeLinesFix(context.source, paragraph.line, paragraph.line), alternatives: [removeLinesFix(context.source, first.line, first.line)] } }
          : {}),
      });
    }
  },
});
