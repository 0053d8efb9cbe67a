/**
 * The built-in rules on the five real samples (fixtures/samples), now = 2026-11-23, every
 * rule at its default severity. Reviewed by hand against the files: the boilerplate
 * sentences repeat, every review date is stale, 001 has no meta box, 002 uses placeholder
 * image hosts, 003 repeats its code block, 000 is drafted and 003 needs human review.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { defaultSettings, lintPost } from '../../src/engine/runner.js';
import { parsePost } from '../../src/parser/index.js';

function lint(name: string): string[] {
  const text = readFileSync(new URL(`../../fixtures/samples/${name}`, import.meta.url), 'utf8');
  const post = parsePost(text, { file: name });
  const findings = lintPost({ file: name, post, input: { invalidUtf8Lines: [] } }, builtinRules, defaultSettings(builtinRules), new Date('2026-11-23T00:00:00Z'));
  return findings.map((finding) => `${finding.line}${finding.column ? `:${finding.column}` : ''} ${finding.ruleId}${finding.related ? ` -> ${finding.related.map((r) => r.line).join(',')}` : ''}`);
}

describe('the five samples', () => {
  it('000: boilerplate sentences repeated, drafted, stale', () => {
    expect(lint('000_456d147a9ef15f3b.txt')).toEqual([
      '24:236 repeated-sentence -> 16',
      '28:222 repeated-sentence -> 18',
      '32:274 repeated-sentence -> 16',
      '82 needs-review',
      '82 stale-review',
    ]);
  });
  it('001: no meta box', () => {
    expect(lint('001_845d92889121c476.txt')).toEqual(['1 meta-missing']);
  });
  it('002: placeholder hosts, boilerplate repeated 4 times, stale', () => {
    expect(lint('002_ad4a0e9d784e4b8a.txt')).toEqual([
      '5 placeholder-image',
      '22:184 repeated-sentence -> 14',
      '28:214 repeated-sentence -> 18',
      '30:222 repeated-sentence -> 14',
      '38:207 repeated-sentence -> 14',
      '47 placeholder-image',
      '84 stale-review',
      '108 placeholder-image',
      '108 placeholder-image',
    ]);
  });
  it('003: the code block three times, needs human review, stale', () => {
    expect(lint('003_a15b492db193f401.txt')).toEqual([
      '31:156 repeated-sentence -> 16',
      '35 duplicate-code-block -> 18',
      '44:222 repeated-sentence -> 27',
      '46:236 repeated-sentence -> 16',
      '52 duplicate-code-block -> 18',
      '101 stale-review',
      '107 needs-review',
    ]);
  });
  it('004: boilerplate twice, stale', () => {
    expect(lint('004_f9f3acc18acbde04.txt')).toEqual(['28:230 repeated-sentence -> 13', '74 stale-review']);
  });
});
