import futureReview from '../../rules/future-review.js';
import needsReview from '../../rules/needs-review.js';
import staleReview from '../../rules/stale-review.js';
import { CLEAN, cleanWith, ruleTester } from './rule-tester.js';

const REVISION = 68;
const FLAGS = 74;
const reviewed = (date: string) => cleanWith(['last reviewed: 2026-06-01', `last reviewed: ${date}`]);

ruleTester(staleReview, {
  valid: [
    { name: 'the clean article (reviewed 175 days ago)', text: CLEAN },
    { name: 'exactly maxAgeDays (365) old is not stale', text: reviewed('2025-11-23') },
    { name: 'reviewed today', text: reviewed('2026-11-23') },
    { name: 'a future date is left to future-review', text: reviewed('2027-01-01') },
    { name: 'an invalid date is left to meta-invalid', text: reviewed('2019-02-30') },
    { name: 'exactly maxAgeDays 30 old', text: reviewed('2026-10-24'), options: { maxAgeDays: 30 } },
    { name: 'now is configurable', text: reviewed('2019-08-03'), now: '2020-01-01' },
  ],
  invalid: [
    {
      name: 'one day past maxAgeDays',
      text: reviewed('2025-11-22'),
      errors: [{ line: REVISION, messageIncludes: 'revision.lastReviewed is 2025-11-22, 366 days before 2026-11-23; expected a review within the last 365 days' }],
    },
    {
      name: 'a sample-like old review',
      text: reviewed('2019-08-03'),
      errors: [{ line: REVISION, messageIncludes: ['2019-08-03', '2669 days'] }],
    },
    {
      name: 'a custom maxAgeDays',
      text: reviewed('2026-10-23'),
      options: { maxAgeDays: 30 },
      errors: [{ line: REVISION, messageIncludes: ['31 days before', 'within the last 30 days'] }],
    },
  ],
});

ruleTester(futureReview, {
  valid: [
    { name: 'the clean article', text: CLEAN },
    { name: 'reviewed today', text: reviewed('2026-11-23') },
    { name: 'an invalid date is left to meta-invalid', text: reviewed('2030-02-30') },
  ],
  invalid: [
    {
      name: 'tomorrow is in the future',
      text: reviewed('2026-11-24'),
      errors: [{ line: REVISION, messageIncludes: 'revision.lastReviewed is 2026-11-24, 1 day after now (2026-11-23); expected a date on or before today' }],
    },
    { name: 'next year', text: reviewed('2027-11-23'), errors: [{ line: REVISION, messageIncludes: '365 days after now' }] },
    { name: 'relative to the given now', text: reviewed('2026-06-01'), now: '2026-01-01', errors: [{ line: REVISION, messageIncludes: '151 days after now (2026-01-01)' }] },
  ],
});

ruleTester(needsReview, {
  valid: [
    { name: 'the clean article (reviewed, no review flag)', text: CLEAN },
    { name: 'a status outside the statuses option', text: cleanWith(['status: reviewed', 'status: drafted']), options: { statuses: ['draft', 'pending'] } },
  ],
  invalid: [
    {
      name: 'flags.needsHumanReview is 1',
      text: cleanWith(['needs human review: 0', 'needs human review: 1']),
      errors: [{ line: FLAGS, messageIncludes: 'flags.needsHumanReview is 1' }],
    },
    {
      name: 'revision.status drafted',
      text: cleanWith(['status: reviewed', 'status: drafted']),
      errors: [{ line: REVISION, messageIncludes: 'revision.status is drafted' }],
    },
    {
      name: 'both, one finding each at its field',
      text: cleanWith(['status: reviewed', 'status: Drafted'], ['needs human review: 0', 'needs human review: 1']),
      errors: [
        { line: REVISION, messageIncludes: 'revision.status is Drafted' },
        { line: FLAGS, messageIncludes: 'flags.needsHumanReview is 1' },
      ],
    },
    {
      name: 'custom statuses',
      text: cleanWith(['status: reviewed', 'status: pending']),
      options: { statuses: ['pending'] },
      errors: [{ line: REVISION, messageIncludes: ['revision.status is pending', 'other than pending'] }],
    },
  ],
});
