/**
 * The five real samples, linted as a user would (`anp lint fixtures/samples --now
 * 2026-11-23`), against the findings written down in fixtures/samples/expected-lint.compact.
 * Reviewed by hand: the boilerplate sentences that 000, 002, 003 and 004 repeat 2 to 4 times,
 * four stale review dates, no meta box in 001, placeholder hosts in 002, the code block 003
 * repeats, 000 still drafted and 003 flagged for human review.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runAnp } from './helpers.js';

const expected = readFileSync(path.join(REPO_ROOT, 'fixtures/samples/expected-lint.compact'), 'utf8');

describe('anp lint on the five samples', () => {
  it('reports exactly the reviewed findings and exits 1', async () => {
    const result = await runAnp(['lint', 'fixtures/samples', '--now', '2026-11-23', '-f', 'compact'], { cwd: REPO_ROOT });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(expected);
    expect(result.code).toBe(1);
  });

  it('has the counts the issue names', () => {
    const lines = expected.trim().split('\n');
    const count = (rule: string) => lines.filter((line) => line.endsWith(`[${rule}]`)).length;
    expect(lines).toHaveLength(24);
    expect(count('repeated-sentence')).toBe(11);
    expect(count('stale-review')).toBe(4);
    expect(count('meta-missing')).toBe(1);
    expect(count('placeholder-image')).toBe(4);
    expect(count('duplicate-code-block')).toBe(2);
    expect(count('needs-review')).toBe(2);
    for (const sample of ['000', '002', '003', '004']) {
      expect(lines.some((line) => line.startsWith(`fixtures/samples/${sample}_`) && line.endsWith('[stale-review]'))).toBe(true);
      expect(lines.some((line) => line.startsWith(`fixtures/samples/${sample}_`) && line.endsWith('[repeated-sentence]'))).toBe(true);
    }
  });

  it('stylish ends with the totals line and the per-rule table', async () => {
    const result = await runAnp(['lint', 'fixtures/samples', '--now', '2026-11-23', '--no-color'], { cwd: REPO_ROOT });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✖ 24 problems (1 error, 23 warnings)');
    expect(result.stdout).toMatch(/│ repeated-sentence\s+│\s+0 │\s+11 │/);
  });
});
