/**
 * No false positives: every built-in rule, each switched on (scrape-residue too), finds
 * nothing on a complete, well-formed article (fixtures/rules/clean.txt).
 */
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { CLEAN, runRule } from './rule-tester.js';

describe('the clean article', () => {
  for (const rule of builtinRules) {
    it(`${rule.meta.id} does not fire`, () => {
      expect(runRule(rule, { text: CLEAN }).map((finding) => `${finding.line}: ${finding.message}`)).toEqual([]);
    });
  }
  it('also with Windows line endings, a BOM and tabs', () => {
    const noisy = `\uFEFF${CLEAN.replace(/\n/g, '\r\n').replace('  • capture', '\t• capture')}`;
    for (const rule of builtinRules) expect(runRule(rule, { text: noisy }), rule.meta.id).toEqual([]);
  });
});
