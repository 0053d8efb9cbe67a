/** `anp stats` as a child process, on the five samples. */
import { describe, expect, it } from 'vitest';
import { makeTree, runAnp } from './helpers.js';
import type { CorpusStats } from '../../src/engine/stats.js';

const env = { FORCE_COLOR: undefined, NO_COLOR: undefined, SOURCE_DATE_EPOCH: undefined };

type Stats = CorpusStats;

describe.concurrent('anp stats', () => {
  it('--json: the corpus of the five samples', async () => {
    const result = await runAnp(['stats', 'fixtures/samples', '--now', '2026-11-23', '--json'], { env });
    expect(result.code).toBe(0);
    const stats = JSON.parse(result.stdout) as Stats;
    expect(stats).toMatchObject({ now: '2026-11-23', files: 5, posts: 5, unreadable: 0, withMeta: 4, staleAfterDays: 365, stale: 4 });
    // sample 001 has no meta box; the other four have complete boxes
    expect(stats.byDifficulty['(none)']).toBe(1);
    expect(Object.values(stats.byDifficulty).reduce((a, b) => a + b, 0)).toBe(5);
    expect(stats.metaCompleteness).toBeGreaterThan(90);
    const rules = new Map(stats.findings.byRule.map((row) => [row.ruleId, row]));
    expect(rules.get('meta-missing')).toEqual({ ruleId: 'meta-missing', errors: 1, warnings: 0 });
    expect(rules.get('stale-review')?.warnings).toBe(4);
    expect(stats.findings.total).toBe(stats.findings.errors + stats.findings.warnings);
    // the closing paragraph template is shared by every sample
    expect(stats.repeatedParagraphs.length).toBeGreaterThan(0);
    expect(stats.repeatedParagraphs.length).toBeLessThanOrEqual(5);
    expect(stats.repeatedParagraphs[0]!.posts).toBe(5);
    expect(stats.repeatedParagraphs[0]!.text).toMatch(/^the best result is not only/);
    for (let i = 1; i < stats.repeatedParagraphs.length; i++) {
      expect(stats.repeatedParagraphs[i]!.posts).toBeLessThanOrEqual(stats.repeatedParagraphs[i - 1]!.posts);
    }
  });

  it('lists the largest clusters of near-duplicate articles (near-duplicate-article findings)', async () => {
    const { readFileSync } = await import('node:fs');
    const sample = readFileSync('fixtures/samples/002_ad4a0e9d784e4b8a.txt', 'utf8');
    const other = readFileSync('fixtures/samples/000_456d147a9ef15f3b.txt', 'utf8');
    const root = await makeTree({ 'a.txt': sample, 'b.txt': other, 'c.txt': sample, 'd.txt': other, 'e.txt': sample });
    const on = ['--rule', 'near-duplicate-article:warn'];
    const result = await runAnp(['stats', '.', '--now', '2026-11-23', '--json', ...on], { cwd: root, env });
    const stats = JSON.parse(result.stdout) as Stats;
    expect(stats.clusters).toEqual([
      { size: 3, first: 'a.txt', members: ['c.txt', 'e.txt'] },
      { size: 2, first: 'b.txt', members: ['d.txt'] },
    ]);
    const table = await runAnp(['stats', '.', '--now', '2026-11-23', '--no-color', ...on], { cwd: root, env });
    expect(table.stdout).toContain('Largest clusters of near-duplicate articles');
    expect(table.stdout).toMatch(/│ +3 │ a\.txt +│ c\.txt +│/);
    const off = await runAnp(['stats', '.', '--now', '2026-11-23', '--json'], { cwd: root, env });
    expect((JSON.parse(off.stdout) as Stats).clusters).toEqual([]);
  });

  it('staleness follows --now', async () => {
    const result = await runAnp(['stats', 'fixtures/samples', '--now', '2019-01-01', '--json'], { env });
    const stats = JSON.parse(result.stdout) as Stats;
    expect(stats.stale).toBeLessThan(4);
  });

  it('prints tables by default', async () => {
    const result = await runAnp(['stats', 'fixtures/samples', '--now', '2026-11-23'], { env });
    expect(result.code).toBe(0);
    for (const title of ['Corpus', 'By difficulty', 'Findings by rule', 'Most repeated paragraphs across posts']) expect(result.stdout).toContain(title);
    expect(result.stdout).toMatch(/│ posts +│ 5 +│/);
    expect(result.stdout).toMatch(/│ with meta +│ 4 \(80%\) +│/);
    expect(result.stdout).toMatch(/│ stale \(reviewed > 365 days before 2026-11-23\) +│ 4 \(80%\) +│/);
  });

  it('--top limits the repeated paragraphs', async () => {
    const result = await runAnp(['stats', 'fixtures/samples', '--now', '2026-11-23', '--json', '--top', '1'], { env });
    expect((JSON.parse(result.stdout) as Stats).repeatedParagraphs).toHaveLength(1);
  });

  it('counts unreadable files apart', async () => {
    const dir = await makeTree({ 'a.txt': new Uint8Array([0, 1, 2]), 'b.txt': 'a title\n\nsome body.\n' });
    const stats = JSON.parse((await runAnp(['stats', '--json', '--now', '2026-11-23'], { cwd: dir, env })).stdout) as Stats;
    expect(stats).toMatchObject({ files: 2, posts: 1, unreadable: 1, withMeta: 0, metaCompleteness: null });
    expect(stats.findings.byRule.find((row) => row.ruleId === 'unreadable-input')?.errors).toBe(1);
  });

  it('usage errors: exit 2', async () => {
    expect((await runAnp(['stats', 'nope'], { env })).code).toBe(2);
    expect((await runAnp(['stats', '--now', 'today'], { env })).code).toBe(2);
    expect((await runAnp(['stats', '--top', '0'], { env })).code).toBe(2);
  });
});
