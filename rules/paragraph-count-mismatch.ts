/** paragraph-count-mismatch: `payload.paragraphs` differs from the prose paragraphs after the intro. */
import { z } from 'zod';
import { fieldLine, subInteger } from '../src/engine/meta-access.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'paragraph-count-mismatch',
    description: '`payload.paragraphs` differs from the number of prose paragraphs after the intro.',
    defaultSeverity: 'warn',
    tags: ['consistency'],
    docs: 'docs/rules/paragraph-count-mismatch.md',
    schema: z.strictObject({}),
  },
  check(post, context) {
    const declared = subInteger(post, 'payload', 'paragraphs');
    if (declared === undefined) return;
    let actual = 0;
    for (const section of post.sections) {
      if (section.heading === null) continue;
      for (const block of section.blocks) if (block.type === 'paragraph') actual++;
    }
    if (declared === actual) return;
    context.report({
      line: fieldLine(post, 'payload'),
      message: `payload.paragraphs is ${declared} but the body has ${actual} prose paragraphs after the intro; expected them to match`,
    });
  },
});
