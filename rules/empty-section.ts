/** empty-section: a heading with nothing under it before the next heading. */
import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { quote } from '../src/text/normalise.js';

export default defineRule({
  meta: {
    id: 'empty-section',
    description: 'A heading with nothing under it before the next heading.',
    defaultSeverity: 'warn',
    tags: ['structure'],
    docs: 'docs/rules/empty-section.md',
    schema: z.strictObject({}),
  },
  check(post, context) {
    for (const section of post.sections) {
      if (section.heading === null || section.blocks.length > 0) continue;
      context.report({
        line: section.line,
        message: `section ${quote(section.heading, 50)} is empty; expected a paragraph, list, code block or figure before the next heading`,
      });
    }
  },
});
