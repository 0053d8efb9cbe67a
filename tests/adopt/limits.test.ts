/**
 * Platform limits: SARIF keeps at most 5,000 results (errors first), 100 locations per result,
 * and says what it left out; github writes at most 10 + 10 annotations and one notice; the
 * step summary stays under 1 MiB. The big report is built in memory (12,000 findings); the
 * SARIF Multitool validates it in the fault suite (tests/faults/sarif-multitool.fault.ts), where
 * its ~10 s do not count against `npm test`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatters } from '../../src/formatters/index.js';
import { stepSummary, STEP_SUMMARY_MAX_BYTES } from '../../src/cli/step-summary.js';
import { context } from '../formatters/fixtures.js';
import { bigResults } from './big-results.js';
import { REPO_ROOT, makeTree, runAnp } from '../cli/helpers.js';

interface SarifRun {
  results: Array<{ level: string; relatedLocations?: unknown[]; locations: unknown[] }>;
  invocations?: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ message: { text: string } }> }>;
}

describe('SARIF limits', () => {
  it('keeps 5,000 results, every error among them, at most 100 locations each, and says so', () => {
    const results = bigResults();
    const text = formatters.sarif(results, context);
    const run = (JSON.parse(text) as { runs: SarifRun[] }).runs[0]!;
    expect(run.results).toHaveLength(5000);
    expect(run.results.filter((r) => r.level === 'error')).toHaveLength(1200);
    for (const result of run.results) expect(result.locations.length + (result.relatedLocations?.length ?? 0)).toBeLessThanOrEqual(100);
    const notes = run.invocations![0]!.toolExecutionNotifications.map((n) => n.message.text);
    expect(notes[0]).toMatch(/^7000 of 12000 results left out: at most 5000 per run/);
    expect(notes[1]).toMatch(/^51 related locations left out of 1 results/);
  });

  it('--sarif-max-results N (1 to 25,000) and no invocations when nothing is left out', async () => {
    expect(JSON.parse(formatters.sarif(bigResults(), { ...context, limits: { sarifMaxResults: 20_000 } })).runs[0].results).toHaveLength(12_000);
    expect(JSON.parse(formatters.sarif(bigResults(), { ...context, limits: { sarifMaxResults: 20_000 } })).runs[0].invocations).toBeDefined(); // the related-locations cut
    const small = bigResults().slice(0, 2).map((r) => ({ ...r, findings: r.findings.map((f) => ({ ...f, related: [] })) }));
    expect(JSON.parse(formatters.sarif(small, context)).runs[0].invocations).toBeUndefined();
    const cli = await runAnp(['lint', path.join(REPO_ROOT, 'fixtures', 'samples'), '-f', 'sarif', '--sarif-max-results', '3', '--now', '2026-11-23']);
    const run = (JSON.parse(cli.stdout) as { runs: SarifRun[] }).runs[0]!;
    expect(run.results).toHaveLength(3);
    expect(run.results.map((r) => r.level)).toContain('error');
    for (const bad of ['0', '25001', 'x']) {
      const result = await runAnp(['lint', '-f', 'sarif', '--sarif-max-results', bad]);
      expect(result.code, bad).toBe(2);
    }
  });
});

describe('github limits', () => {
  it('at most 10 errors and 10 warnings, errors first, then one notice with the totals', () => {
    const lines = formatters.github(bigResults(), context).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(10);
    expect(lines.slice(0, 10).every((l) => l.startsWith('::error '))).toBe(true);
    expect(lines[0]).toMatch(/^::error file=content\/batch-0\/post-0000\.txt,line=4,/);
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('::notice title=anp::anp: 1200 errors and 10800 warnings in 400 files; 20 annotated (at most 10 per level, errors first), 11980 not; the full report: anp lint -f stylish (or --report json=FILE)');
    const three = formatters.github(bigResults(), { ...context, limits: { maxAnnotations: 3, fullReport: ['anp.sarif'] } }).trimEnd().split('\n');
    expect(three).toHaveLength(7);
    expect(three[6]).toMatch(/the full report: anp\.sarif$/);
  });

  it('with GITHUB_STEP_SUMMARY: <= 10 + 10 annotations, one notice, a summary under 1 MiB', async () => {
    const dir = await makeTree({ 'summary.md': '# earlier step\n' });
    const summary = path.join(dir, 'summary.md');
    const samples = path.join(REPO_ROOT, 'fixtures', 'samples');
    const result = await runAnp(['lint', samples, '-f', 'github', '--report', 'sarif=anp.sarif', '--now', '2026-11-23'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBeLessThanOrEqual(10);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBeLessThanOrEqual(10);
    expect(lines.filter((l) => l.startsWith('::notice '))).toEqual([expect.stringMatching(/^::notice title=anp::anp: 1 error and 23 warnings in 5 files; 11 annotated .*the full report: anp\.sarif$/)]);
    const text = await readFile(summary, 'utf8');
    expect(text.startsWith('# earlier step\n## anp lint\n')).toBe(true);
    expect(text).toContain('| `repeated-sentence` |');
    expect(text).toContain('Full report: `anp.sarif`');
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
  });

  it('a summary of huge names is cut under 1 MiB', async () => {
    const results = bigResults().map((r, i) => ({ ...r, file: `${'x'.repeat(60_000)}-${i}.txt` }));
    const text = stepSummary(results, []);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(STEP_SUMMARY_MAX_BYTES);
    expect(text).toContain('summary cut');
    await writeFile(path.join(await makeTree({}), 's.md'), text);
  });
});
