/**
 * Bulk suppressions, played as a CI would: accept today's findings of the samples, then a
 * change adds one problem (exactly one finding, exit 1), then a fix makes an entry unused
 * (reported) and --prune-suppressions drops it.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyToResult, parseSuppressions, pruneSuppressions, recordResult, type Suppressions } from '../../src/engine/suppressions.js';
import type { FileResult, Finding } from '../../src/model/finding.js';
import { REPO_ROOT, makeTree, runAnp } from '../cli/helpers.js';

const NOW = ['--now', '2026-11-23'];
const env = { NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_STEP_SUMMARY: undefined };
const STAGING =
  'treat staging as a rehearsal, not just a place to click around. copy the important configuration, test the real deployment command, and confirm that a rollback can be executed without searching through old notes.';
const DEVEX =
  'developer experience also matters. if the setup requires five manual steps, put those steps in a command, a make target, or a short runbook. small automation saves time every time the project is moved to another machine. the alphanode approach is to prefer a small verified change over a broad rewrite.';

async function samplesCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'anp-play-'));
  await cp(path.join(REPO_ROOT, 'fixtures', 'samples'), dir, { recursive: true });
  for (const name of await readdir(dir)) if (!name.endsWith('.txt')) await rm(path.join(dir, name));
  return dir;
}

function finding(ruleId: string, line: number, severity: 'error' | 'warn' = 'error'): Finding {
  return { ruleId, severity, message: `m${line}`, file: 'a.txt', line };
}
function result(findings: Finding[]): FileResult {
  return { file: 'a.txt', findings, errorCount: findings.filter((f) => f.severity === 'error').length, warningCount: findings.filter((f) => f.severity === 'warn').length };
}
const keys = { cwd: '/w', dir: '/w' };

describe('suppressions (engine)', () => {
  it('records counts per file and rule, and reports only the findings beyond them', () => {
    const s: Suppressions = {};
    recordResult(s, result([finding('x', 1), finding('x', 5), finding('y', 2, 'warn')]), keys, null);
    expect(s).toEqual({ 'a.txt': { x: { count: 2 }, y: { count: 1 } } });
    const later = applyToResult(s, result([finding('x', 3), finding('x', 7), finding('x', 9), finding('y', 2, 'warn')]), keys);
    expect(later.suppressed).toBe(3);
    expect(later.result.findings.map((f) => f.line)).toEqual([9]);
    expect(later.result.errorCount).toBe(1);
    expect(later.unused).toEqual([]);
  });

  it('names unused entries and prunes them', () => {
    const s: Suppressions = { 'a.txt': { x: { count: 2 }, y: { count: 1 } }, 'gone.txt': { x: { count: 1 } } };
    const applied = applyToResult(s, result([finding('x', 3)]), keys);
    expect(applied.unused).toEqual([
      { file: 'a.txt', ruleId: 'x', unused: 1 },
      { file: 'a.txt', ruleId: 'y', unused: 1 },
    ]);
    const pruned = pruneSuppressions(s, new Map([['a.txt', new Map([['x', 1]])]]), () => false);
    expect(pruned.suppressions).toEqual({ 'a.txt': { x: { count: 1 } } });
    expect(pruned.removed).toBe(3);
  });

  it('--suppress-rule replaces the counts of that rule only', () => {
    const s: Suppressions = { 'a.txt': { x: { count: 4 }, y: { count: 1 } } };
    recordResult(s, result([finding('x', 1)]), keys, new Set(['x']));
    expect(s).toEqual({ 'a.txt': { x: { count: 1 }, y: { count: 1 } } });
  });

  it('rejects a malformed file', () => {
    expect(parseSuppressions([])).toMatch(/object/);
    expect(parseSuppressions({ 'a.txt': { x: { count: 0 } } })).toMatch(/count/);
  });
});

describe('suppressions (a CI, played)', () => {
  it('accepts today, fails on one new finding, prunes after a fix', async () => {
    const dir = await samplesCopy();
    const before = await runAnp(['lint', '.', '-f', 'compact', ...NOW], { cwd: dir, env });
    expect(before.stdout).not.toBe('');

    const accept = await runAnp(['lint', '.', '--suppress-all', '-f', 'compact', ...NOW], { cwd: dir, env });
    expect(accept.code).toBe(0);
    expect(accept.stdout).toBe('');
    expect(accept.stderr).toMatch(/recorded \d+ findings in anp-suppressions\.json/);
    const recorded = JSON.parse(await readFile(path.join(dir, 'anp-suppressions.json'), 'utf8')) as Suppressions;
    expect(Object.keys(recorded).length).toBeGreaterThan(0);

    const quiet = await runAnp(['lint', '.', '-f', 'compact', ...NOW], { cwd: dir, env });
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toMatch(/\d+ findings suppressed by anp-suppressions\.json/);

    // A change: one paragraph becomes a copy of another (the paragraph count stays the same).
    const article = path.join(dir, '000_456d147a9ef15f3b.txt');
    const original = await readFile(article, 'utf8');
    expect(original).toContain(DEVEX);
    await writeFile(article, original.replace(DEVEX, STAGING));
    const changed = await runAnp(['lint', '.', '-f', 'compact', ...NOW], { cwd: dir, env });
    expect(changed.code).toBe(1);
    const lines = changed.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^000_456d147a9ef15f3b\.txt:\d+:1: error .*\[duplicate-paragraph\]$/);

    // The fix: the paragraph back, and one accepted finding fixed too (the stale review date).
    const fixed = original.replace(/(last reviewed: )\d{4}-\d{2}-\d{2}/, '$12026-11-01');
    expect(fixed).not.toBe(original);
    await writeFile(article, fixed);
    const unused = await runAnp(['lint', '.', '-f', 'compact', ...NOW], { cwd: dir, env });
    expect(unused.code).toBe(0);
    expect(unused.stderr).toMatch(/1 suppression in anp-suppressions\.json no longer occur: 000_456d147a9ef15f3b\.txt stale-review \(1\)/);

    const prune = await runAnp(['lint', '.', '--prune-suppressions', '-f', 'compact', ...NOW], { cwd: dir, env });
    expect(prune.code).toBe(0);
    expect(prune.stderr).toMatch(/pruned 1 suppression/);
    const after = JSON.parse(await readFile(path.join(dir, 'anp-suppressions.json'), 'utf8')) as Suppressions;
    expect(after['000_456d147a9ef15f3b.txt']?.['stale-review']).toBeUndefined();
    const clean = await runAnp(['lint', '.', '-f', 'compact', ...NOW], { cwd: dir, env });
    expect(clean.stderr).not.toMatch(/no longer occur/);
  });

  it('--suppress-rule and --suppressions-location', async () => {
    const dir = await samplesCopy();
    const result = await runAnp(['lint', '.', '--suppress-rule', 'stale-review', '--suppressions-location', 'ci/supp.json', '-f', 'compact', ...NOW], { cwd: dir, env });
    expect(result.stderr).toMatch(/cannot write ci\/supp\.json/);
    expect(result.code).toBe(2);
    const tree = await makeTree({ 'ci/.keep': '' });
    await cp(dir, path.join(tree, 'content'), { recursive: true });
    const ok = await runAnp(['lint', 'content', '--suppress-rule', 'stale-review', '--suppressions-location', 'ci/supp.json', '-f', 'compact', ...NOW], { cwd: tree, env });
    expect(ok.stdout).not.toMatch(/stale-review/);
    expect(ok.stdout).toMatch(/needs-review/);
    const file = JSON.parse(await readFile(path.join(tree, 'ci', 'supp.json'), 'utf8')) as Suppressions;
    expect(Object.keys(file).every((key) => key.startsWith('../content/'))).toBe(true);
    const bad = await runAnp(['lint', 'content', '--suppress-rule', 'no-such-rule'], { cwd: tree, env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown rule "no-such-rule"/);
  });
});
