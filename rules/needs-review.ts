/** needs-review: `flags.needsHumanReview` is true, or `revision.status` is a draft status. */
import { z } from 'zod';
import { fieldLine, subBoolean, subString } from '../src/engine/meta-access.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'needs-review',
    description: '`flags.needsHumanReview` is true, or `revision.status` is `drafted`.',
    defaultSeverity: 'warn',
    tags: ['freshness'],
    docs: 'docs/rules/needs-review.md',
    schema: z.strictObject({
      statuses: z.array(z.string()).default(['drafted']).describe('`revision.status` values that mean the post was not reviewed yet (compared case-insensitively).'),
    }),
  },
  check(post, context) {
    if (subBoolean(post, 'flags', 'needsHumanReview') === true) {
      context.report({
        line: fieldLine(post, 'flags'),
        message: 'flags.needsHumanReview is 1; the post is marked for human review before publishing (expected 0)',
      });
    }
    const status = subString(post, 'revision', 'status');
    const drafts = new Set(context.options.statuses.map((entry) => entry.trim().toLowerCase()));
    if (status !== undefined && drafts.has(status.trim().toLowerCase())) {
      context.report({
        line: fieldLine(post, 'revision'),
        message: `revision.status is ${status}; the post has not been reviewed (expected a status other than ${[...drafts].join(', ')})`,
      });
    }
  },
});
