/**
 * Worker threads (--concurrency): the same results, in the same order, byte for byte,
 * whatever the number of threads; corpus duplicates found across workers; a worker that
 * dies on one file costs that file only.
 */
import { describe, expect, it } from 'vitest';
import { createLinter, type LintResult, type RuleEntry } from '../../src/index.js';
import { makeTree, runAnp } from '../cli/helpers.js';
import { benchCorpus, EXIT_ON_BOOM_RULE } from './corpus.js';

const NOW = '2026-11-23';

async function collect(iterable: AsyncIterable<LintResult>): Promise<LintResult[]> {
  const out: LintResult[] = [];
  for await (const result of iterable) out.push(result);
  return out;
}

const corpusRule: Record<string, RuleEntry> = { 'corpus-duplicate-paragraph': ['warn', { minPosts: 2 }] };

describe('lintFiles with concurrency', () => {
  it('gives the same report, in path order, off and with 3 workers (corpus rule on)', async () => {
    const root = await benchCorpus(80);
    const linter = createLinter({ cwd: root, config: false, now: NOW, rules: { ...corpusRule } });
    const off = await collect(linter.lintFiles('.', { concurrency: 'off' }));
    expect(off.length).toBe(80);
    expect(off.some((r) => r.findings.some((f) => f.ruleId === 'corpus-duplicate-paragraph' && / first seen in /.test(f.message)))).toBe(true);
    const files = off.map((r) => r.file);
    expect(files).toEqual([...files].sort());
    const report = linter.format(off, 'json');
    for (const concurrency of [3] as const) {
      const parallel = await collect(linter.lintFiles('.', { concurrency }));
      expect(linter.format(parallel, 'json')).toBe(report);
    }
  });

  it('streams without the corpus rule, same bytes in every format', async () => {
    const root = await benchCorpus(60, 7);
    const linter = createLinter({ cwd: root, config: false, now: NOW });
    const off = await collect(linter.lintFiles('.', { concurrency: 'off' }));
    const two = await collect(linter.lintFiles('.', { concurrency: 2 }));
    for (const format of ['stylish', 'sarif', 'junit', 'compact']) expect(linter.format(two, format)).toBe(linter.format(off, format));
  });

  it('a worker that dies on one file: that file gets an unreadable-input error, the run completes', async () => {
    const root = await makeTree({
      'rules/exit.mjs': EXIT_ON_BOOM_RULE,
      'a.txt': 'first post\n\nfine text here.\n',
      'b.txt': 'BOOM post\n\ntext.\n',
      'c.txt': 'third post\n\nmore fine text.\n',
    });
    const linter = createLinter({ cwd: root, config: false, now: NOW, rulesDirs: ['rules'] });
    const results = await collect(linter.lintFiles(['a.txt', 'b.txt', 'c.txt'], { concurrency: 2 }));
    expect(results.map((r) => r.file)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    const boom = results[1]!;
    expect(boom.errorCount).toBe(1);
    expect(boom.findings[0]).toMatchObject({ ruleId: 'unreadable-input', severity: 'error', line: 1 });
    expect(boom.findings[0]!.message).toMatch(/worker thread stopped .*exited with code 3/);
    expect(results[0]!.findings.some((f) => f.ruleId === 'unreadable-input')).toBe(false);
  });

  it('auto stays in this thread for a handful of files, and with fewer than 3 cores', async () => {
    const { workerCount, AUTO_MIN_FILES } = await import('../../src/engine/parallel.js');
    const { autoWorkers } = await import('../../src/engine/pool.js');
    expect(workerCount('auto', 10)).toBe(0);
    expect(workerCount('auto', AUTO_MIN_FILES)).toBe(autoWorkers() >= 2 ? Math.min(autoWorkers(), AUTO_MIN_FILES) : 0);
    expect(workerCount('off', 10_000)).toBe(0);
    expect(workerCount(4, 2)).toBe(2);
  });
});

describe('CLI --concurrency', () => {
  it('export --ndjson and --pretty: identical bytes off and with 2 workers (lint through the API above)', async () => {
    const root = await benchCorpus(40, 3);
    for (const args of [['export', '--ndjson', '.'], ['export', '--pretty', '.']]) {
      const off = await runAnp([...args, '--concurrency', 'off'], { cwd: root });
      const two = await runAnp([...args, '--concurrency', '2'], { cwd: root });
      expect(two.stdout).toBe(off.stdout);
      expect(two.stderr).toBe(off.stderr);
      expect(two.code).toBe(off.code);
      expect(off.stdout.length).toBeGreaterThan(1000);
    }
  });

  it('rejects a bad value', async () => {
    const result = await runAnp(['lint', '--concurrency', 'many', '.']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/auto or off/);
  });
});
