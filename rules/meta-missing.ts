/** meta-missing: the post has no `alphanode post meta` box. */
import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'meta-missing',
    description: 'The post has no `alphanode post meta` box.',
    defaultSeverity: 'error',
    tags: ['meta'],
    docs: 'docs/rules/meta-missing.md',
    schema: z.strictObject({}),
  },
  check(post, context) {
    // An empty post (no title) is reported by empty-post alone.
    if (post.meta !== null || post.title === null) return;
    context.report({
      line: 1,
      message: 'post has no meta box; expected an `alphanode post meta` section after the body',
    });
  },
});
