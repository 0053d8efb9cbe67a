/** stale-review: `revision.lastReviewed` more than `maxAgeDays` days before now. */
import { z } from 'zod';
import { dayOf, fieldLine, isoDay, isoOfDay, subValue } from '../src/engine/meta-access.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'stale-review',
    description: '`revision.lastReviewed` is older than `maxAgeDays` days before now.',
    defaultSeverity: 'warn',
    tags: ['freshness'],
    docs: 'docs/rules/stale-review.md',
    schema: z.strictObject({
      maxAgeDays: z.int().min(0).default(365).describe('A review exactly this many days old is still fresh; one day more is stale.'),
    }),
  },
  check(post, context) {
    const value = subValue(post, 'revision', 'lastReviewed');
    const reviewed = isoDay(value);
    if (reviewed === undefined) return; // absent or invalid: meta-field-missing / meta-invalid
    const today = dayOf(context.now);
    const age = today - reviewed;
    const { maxAgeDays } = context.options;
    if (age <= maxAgeDays) return;
    context.report({
      line: fieldLine(post, 'revision'),
      message: `revision.lastReviewed is ${String(value)}, ${age} days before ${isoOfDay(today)}; expected a review within the last ${maxAgeDays} days`,
    });
  },
});
