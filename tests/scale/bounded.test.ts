/**
 * Bounded memory: results held for a corpus rule spill to a temp file past a limit and come
 * back in order; sarif keeps only its candidates and junit spills its suites, with the bytes
 * of the whole-report formatters.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { heldResults } from '../../src/engine/linter.js';
import { selectFindings } from '../../src/formatters/limits.js';
import { buildSarif } from '../../src/formatters/sarif.js';
import { createLinter, type LintResult } from '../../src/index.js';
import type { Finding } from '../../src/model/finding.js';
import { ItemSpill, TextSpill } from '../../src/io/spill.js';
import { liveTempFiles } from '../../src/io/write.js';
import { runAnp } from '../cli/helpers.js';
import { benchCorpus } from './corpus.js';

const NOW = '2026-11-23';

async function spillDirs(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((name) => name.startsWith(`anp-spill-${process.pid}-`));
}

describe('spills', () => {
  it('ItemSpill gives every item back in order, from memory then disk, and removes its file', async () => {
    const before = await spillDirs();
    const spill = new ItemSpill<{ n: number; text: string }>(10);
    const items = Array.from({ length: 2500 }, (_, n) => ({ n, text: `é${'x'.repeat(n % 2000)}\u{1F600}` }));
    for (const item of items) spill.push(item);
    expect(spill.spilled).toBe(true);
    expect((await spillDirs()).length).toBe(before.length + 1);
    // Registered for the interrupt handler while it exists.
    expect(liveTempFiles().filter((file) => file.includes('anp-spill-'))).toHaveLength(1);
    expect([...spill.drain()]).toEqual(items);
    expect(await spillDirs()).toEqual(before);
    expect(liveTempFiles().filter((file) => file.includes('anp-spill-'))).toEqual([]);
  });

  it('TextSpill: chunks join to the text, multi-byte characters across 1 MB boundaries included', () => {
    const spill = new TextSpill();
    const parts = Array.from({ length: 3000 }, (_, i) => `${'ü'.repeat(i % 500)}€${i}\n`);
    for (const part of parts) spill.append(part);
    expect([...spill.chunks()].join('')).toBe(parts.join(''));
    spill.dispose();
    const small = new TextSpill();
    small.append('a');
    expect([...small.chunks()]).toEqual(['a']);
  });
});

describe('results held for the corpus rule', () => {
  const saved = heldResults.inMemory;
  afterEach(() => {
    heldResults.inMemory = saved;
  });

  it('spilled past the limit, they come back in order with the same corpus findings', async () => {
    const root = await benchCorpus(20, 31);
    const rules = { 'corpus-duplicate-paragraph': ['warn', { minPosts: 2 }] as ['warn', { minPosts: number }] };
    const linter = createLinter({ cwd: root, config: false, now: NOW, rules });
    const lint = async (): Promise<LintResult[]> => {
      const out: LintResult[] = [];
      for await (const result of linter.lintFiles('.', { concurrency: 'off' })) out.push(result);
      return out;
    };
    const inMemory = await lint();
    heldResults.inMemory = 3;
    const before = await spillDirs();
    const spilled = await lint();
    expect(linter.format(spilled, 'json')).toBe(linter.format(inMemory, 'json'));
    expect(inMemory.some((r) => r.findings.some((f) => f.ruleId === 'corpus-duplicate-paragraph'))).toBe(true);
    expect(await spillDirs()).toEqual(before);
  });
});

describe('streamed sarif and junit', () => {
  it('SarifBuilder keeps what sorting every finding keeps, whatever the order of the results', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const results: LintResult[] = Array.from({ length: 40 }, (_, i) => {
      const file = `f${String(random(15)).padStart(2, '0')}-${i}.txt`;
      const findings: Finding[] = Array.from({ length: random(6) }, (_, j) => ({
        ruleId: `r${random(3)}`,
        severity: random(4) === 0 ? 'error' : 'warn',
        message: `m${i}.${j}`,
        file,
        line: 1 + random(5),
        ...(random(2) === 0 ? { column: 1 + random(3) } : {}),
      }));
      return { file, findings, errorCount: findings.filter((f) => f.severity === 'error').length, warningCount: findings.filter((f) => f.severity === 'warn').length };
    });
    const total = results.reduce((sum, r) => sum + r.findings.length, 0);
    for (const max of [1, 5, 13, total, total + 5]) {
      const sarif = buildSarif(results, { cwd: '/', version: '0', colorLevel: 0, rules: [], limits: { sarifMaxResults: max } }) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
      const kept = selectFindings(results, max);
      const expected = results.flatMap((r) => r.findings).filter((f) => kept === null || kept.has(f)).map((f) => f.message);
      expect(sarif.runs[0]!.results.map((r) => r.message.text), `max ${max}`).toEqual(expected);
    }
  });

  it('anp lint -f sarif / -f junit (and --report) give the bytes of formatting every result at once', async () => {
    const root = await benchCorpus(15, 32);
    const linter = createLinter({ cwd: root, config: false, now: NOW });
    const results: LintResult[] = [];
    for await (const result of linter.lintFiles('.')) results.push(result);
    const sarif = await runAnp(['lint', '.', '--now', NOW, '-f', 'sarif', '--sarif-max-results', '50', '--report', 'junit=out.xml'], { cwd: root });
    expect(sarif.stdout === linter.format(results, 'sarif', { limits: { sarifMaxResults: 50, fullReport: ['out.xml'] } })).toBe(true);
    expect(sarif.stdout).toMatch(/results left out: at most 50 per run/);
    const junit = await runAnp(['lint', '.', '--now', NOW, '-f', 'junit'], { cwd: root });
    expect(junit.stdout === linter.format(results, 'junit')).toBe(true);
    expect(existsSync(`${root}/out.xml`)).toBe(true);
  });
});
