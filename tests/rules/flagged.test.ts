/**
 * fixtures/rules/flagged.txt: one article with most of what the rules look for (reviewed by
 * hand), linted with every rule on (scrape-residue too) at 2026-11-23. Rules that cannot
 * fire together with these (meta-missing, empty-post, future-review, invalid-encoding,
 * unreadable-input) are covered by their own tables; the corpus rules need many
 * posts (tests/rules/corpus.test.ts).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { lintPost } from '../../src/engine/runner.js';
import { parsePost } from '../../src/parser/index.js';

it('the flagged article gets exactly the expected findings', () => {
  const text = readFileSync(new URL('../../fixtures/rules/flagged.txt', import.meta.url), 'utf8');
  const post = parsePost(text, { file: 'flagged.txt' });
  const settings = new Map(builtinRules.map((rule) => [rule.meta.id, { severity: 'warn' as const, options: rule.meta.schema.parse({}) }]));
  const findings = lintPost({ file: 'flagged.txt', post, input: { invalidUtf8Lines: [] }, text }, builtinRules, settings, new Date('2026-11-23T00:00:00Z'));
  expect(findings.map((finding) => `${finding.line} ${finding.ruleId}`)).toEqual([
    '1 scrape-residue', // | | |
    '7 placeholder-image', // figure from placehold.co
    '16 duplicate-paragraph', // copy of line 12
    '22 near-duplicate-paragraph', // line 20 plus one sentence
    '22 repeated-sentence', // both sentences of line 20 again
    '22 repeated-sentence',
    '27 empty-section', // production checks
    '31 duplicate-code-block', // copy of line 24
    '44 meta-field-missing', // aiBrief
    '46 topic-mismatch', // reducing memory usage vs caching api responses
    '59 meta-invalid', // difficulty expert
    '62 meta-invalid', // score.quality 140
    '67 meta-invalid', // revision.version 2.0
    '67 needs-review', // drafted
    '67 stale-review', // 2024-03-01
    '71 reference-mismatch', // seed 4243
    '73 needs-review', // needs human review 1
    '78 checklist-mismatch', // set a short ttl / invalidate on writes
    '85 image-mismatch', // 2 sources, 1 figure
    '85 placeholder-image', // picsum.photos url
    '92 paragraph-count-mismatch', // 9 declared, 6 found
    '98 meta-duplicate-field', // reading time again
    '99 meta-unknown-field', // canonical url
    '103 scrape-residue', // Similar Posts
  ]);
  const fired = new Set(findings.map((finding) => finding.ruleId));
  // meta-label-style: its docs example and the fix tables (tests/engine/fix.test.ts) cover it.
  const notHere = ['unreadable-input', 'invalid-encoding', 'empty-post', 'meta-missing', 'meta-label-style', 'future-review', 'corpus-duplicate-paragraph', 'near-duplicate-article'];
  expect(builtinRules.map((rule) => rule.meta.id).filter((id) => !fired.has(id))).toEqual(notHere);
});
