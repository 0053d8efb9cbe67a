/**
 * SARIF and finding groups: a cluster of near-duplicate articles is one result at its first
 * article, the members as related locations (at most 99 besides the result's own location,
 * and a count of the rest).
 */
import { describe, expect, it } from 'vitest';
import { formatters } from '../../src/formatters/index.js';
import type { FileResult, Finding } from '../../src/model/finding.js';
import { context } from './fixtures.js';
import { describeValidation, ensureMultitool, multitoolSupported, validateSarif } from './sarif-multitool.js';

const RULE = 'near-duplicate-article';

function member(file: string, size: number, similarity = 90): Finding {
  return {
    ruleId: RULE,
    severity: 'warn',
    file,
    line: 3,
    message: `near-duplicate article: ${similarity}% similar to a.txt, in a cluster of ${size} articles; expected text of its own`,
    group: { first: 'a.txt', line: 2, size },
  };
}

function fileResult(file: string, findings: Finding[]): FileResult {
  return { file, findings, errorCount: 0, warningCount: findings.length };
}

function sarifOf(results: FileResult[]) {
  return JSON.parse(formatters.sarif(results, context)) as { runs: Array<{ results: Array<Record<string, any>>; invocations?: Array<Record<string, any>>; artifacts: unknown[] }> };
}

describe('sarif: finding groups', () => {
  const stale: Finding = { ruleId: 'stale-review', severity: 'warn', file: 'c.txt', line: 9, message: 'stale' };
  const results = [
    fileResult('a.txt', []),
    fileResult('b.txt', [member('b.txt', 3, 91)]),
    fileResult('c.txt', [stale, member('c.txt', 3, 88)]),
  ];

  it('makes one result of a cluster, at the first article, with the members as related locations', () => {
    const run = sarifOf(results).runs[0]!;
    expect(run.results.map((result) => result.ruleId)).toEqual([RULE, 'stale-review']);
    const cluster = run.results[0]!;
    expect(cluster.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'a.txt', index: 0 }, region: { startLine: 2, startColumn: 1, endLine: 2 } } }]);
    expect(cluster.relatedLocations.map((related: any) => [related.id, related.physicalLocation.artifactLocation.uri, related.physicalLocation.region.startLine])).toEqual([
      [1, 'b.txt', 3],
      [2, 'c.txt', 3],
    ]);
    expect(cluster.relatedLocations[1].message.text).toContain('88% similar to a.txt');
    expect(cluster.message.text).toBe(
      'a cluster of 3 articles: 2 others near-duplicate of this one (related locations); first of them: near-duplicate article: 91% similar to a.txt, in a cluster of 3 articles; expected text of its own',
    );
    expect(run.invocations).toBeUndefined();
  });

  it('lists at most 99 members and counts the rest', () => {
    const size = 151;
    const many = [fileResult('a.txt', []), ...Array.from({ length: size - 1 }, (_, i) => fileResult(`m${String(i).padStart(3, '0')}.txt`, [member(`m${String(i).padStart(3, '0')}.txt`, size)]))];
    const run = sarifOf(many).runs[0]!;
    expect(run.results).toHaveLength(1);
    expect(run.results[0]!.relatedLocations).toHaveLength(99);
    expect(run.results[0]!.message.text).toMatch(/^a cluster of 151 articles: 150 others near-duplicate of this one \(the first 99 are related locations, 51 more not listed\)/);
    expect(run.invocations![0]!.toolExecutionNotifications[0].message.text).toBe('51 related locations left out of 1 results: at most 100 locations per result are kept');
  });

  it.runIf(multitoolSupported)('is valid SARIF (Multitool)', async () => {
    ensureMultitool();
    const found = await validateSarif(formatters.sarif(results, context));
    const problems = found.filter((r) => r.level === 'error' || r.level === undefined || r.level === 'warning');
    expect(problems, describeValidation(problems)).toEqual([]);
  }, 60_000);
});
