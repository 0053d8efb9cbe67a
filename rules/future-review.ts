/** future-review: `revision.lastReviewed` after now. */
import { z } from 'zod';
import { dayOf, fieldLine, isoDay, isoOfDay, plural, subValue } from '../src/engine/meta-access.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'future-review',
    description: '`revision.lastReviewed` is after now.',
    defaultSeverity: 'error',
    tags: ['freshness'],
    docs: 'docs/rules/future-review.md',
    schema: z.strictObject({}),
  },
  check(post, context) {
    const value = subValue(post, 'revision', 'lastReviewed');
    const reviewed = isoDay(value);
    if (reviewed === undefined) return;
    const today = dayOf(context.now);
    if (reviewed <= today) return;
    context.report({
      line: fieldLine(post, 'revision'),
      message: `revision.lastReviewed is ${String(value)}, ${plural(reviewed - today, 'day')} after now (${isoOfDay(today)}); expected a date on or before today`,
    });
  },
});
