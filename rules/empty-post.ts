/** empty-post: no title, or nothing (paragraph, code, list, figure) after the title. */
import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { quote } from '../src/text/normalise.js';

export default defineRule({
  meta: {
    id: 'empty-post',
    description: 'A post with no title, or no body after its title (no paragraph, code, list or figure).',
    defaultSeverity: 'error',
    tags: ['input'],
    docs: 'docs/rules/empty-post.md',
    schema: z.strictObject({}),
  },
  check(post, context) {
    const blocks = post.sections.reduce((count, section) => count + section.blocks.length, 0);
    if (post.title === null && blocks === 0) {
      context.report({ line: 1, message: 'post is empty: no title and no body; expected a title line followed by the article' });
    } else if (post.title === null) {
      context.report({ line: 1, message: 'post has no title; expected a title as the first meaningful line' });
    } else if (blocks === 0) {
      const line = post.sections[0]?.line ?? 1;
      context.report({
        line,
        message: `post ${quote(post.title)} has no body after its title; expected at least one paragraph, code block, list or figure`,
      });
    }
  },
});
