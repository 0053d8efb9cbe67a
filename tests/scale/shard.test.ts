/**
 * `--shard i/n` + `anp merge`: a stable split by path hash (adding a file moves only it), and
 * the shards' json reports merged give the report and exit code of one unsharded run, corpus
 * findings across shards included, in every format.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShard, shardFiles, shardOf } from '../../src/engine/shard.js';
import { createLinter } from '../../src/index.js';
import { runAnp } from '../cli/helpers.js';
import { benchCorpus } from './corpus.js';

const NOW = '2026-11-23';
const CORPUS_RULE = ['-c', 'anp.config.json'];

/** A bench corpus with the corpus rule on at minPosts 2 (so duplicates across shards abound). */
async function corpus(count: number, seed: number): Promise<string> {
  const root = await benchCorpus(count, seed);
  await writeFile(path.join(root, 'anp.config.json'), JSON.stringify({ rules: { 'corpus-duplicate-paragraph': ['warn', { minPosts: 2 }], 'near-duplicate-article': 'warn' } }));
  return root;
}

describe('shards', () => {
  it('split the files into disjoint shares; adding a file moves only that file', async () => {
    const root = await benchCorpus(60, 11);
    const linter = createLinter({ cwd: root, config: false, now: NOW });
    const files = await linter.files('.');
    const shares = [1, 2, 3].map((index) => shardFiles(files, { index, count: 3 }));
    expect(shares.flat().sort()).toEqual(files);
    expect(shares.every((share) => share.length > 5)).toBe(true);
    await writeFile(path.join(root, 'new-post.txt'), 'A new post\n\nWith text.\n');
    const after = await linter.files('.');
    const sharesAfter = [1, 2, 3].map((index) => shardFiles(after, { index, count: 3 }));
    const moved = sharesAfter.map((share, i) => share.filter((file) => !shares[i]!.includes(file)));
    expect(moved.flat()).toEqual(['new-post.txt']);
    expect(sharesAfter.map((share) => share.filter((file) => file !== 'new-post.txt'))).toEqual(shares);
    expect(shardOf('a/b.txt', 4)).toBe(shardOf('a\\b.txt', 4));
  });

  it('parses i/n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(/i\/n/);
  });
});

describe('anp lint --shard + anp merge', () => {
  it('1/2 + 2/2 merged equal one run: json, sarif, compact, junit and the exit code (corpus duplicates across shards)', async () => {
    const root = await corpus(14, 12);
    const common = ['--now', NOW, ...CORPUS_RULE, '--concurrency', 'off'];
    for (const shard of ['1/2', '2/2']) {
      const run = await runAnp(['lint', '.', '-f', 'json', '-o', `shard-${shard[0]}.json`, '--shard', shard, ...common], { cwd: root });
      expect(run.stderr).toBe('');
    }
    const head = (await readFile(path.join(root, 'shard-1.json'), 'utf8')).split('\n')[0]!;
    expect(head).toMatch(/^\{"anpShard":\{"version":"[^"]+","index":1,"count":2,"key":"[0-9a-f]{40}","corpusRules":\["corpus-duplicate-paragraph","near-duplicate-article"\]\},"results":\[$/);
    const shardReport = JSON.parse(await readFile(path.join(root, 'shard-2.json'), 'utf8')) as { results: Array<{ corpus?: { summaries: Record<string, unknown> } }> };
    expect(shardReport.results.every((result) => result.corpus !== undefined && 'corpus-duplicate-paragraph' in result.corpus.summaries)).toBe(true);
    // A shard reports no corpus findings (they need every file); the merge makes them.
    expect(shardReport.results.flatMap((result) => (result as unknown as { findings: Array<{ ruleId: string }> }).findings).some((f) => f.ruleId === 'corpus-duplicate-paragraph')).toBe(false);
    for (const format of ['json', 'sarif', 'compact', 'junit']) {
      const whole = await runAnp(['lint', '.', '-f', format, '--no-color', ...common], { cwd: root });
      const merged = await runAnp(['merge', 'shard-1.json', 'shard-2.json', '-f', format, '--no-color', '--now', NOW, ...CORPUS_RULE], { cwd: root });
      expect(merged.stderr, format).toBe('');
      expect(merged.stdout === whole.stdout, format).toBe(true);
      expect(merged.code, format).toBe(whole.code);
    }
    const whole = await runAnp(['lint', '.', '-f', 'json', ...common], { cwd: root });
    expect(/first seen in/.test(whole.stdout)).toBe(true);
    // The exit code with a warning gate, and with --quiet; the report order of the arguments does not matter.
    for (const extra of [['--max-warnings', '3'], ['--quiet']]) {
      const one = await runAnp(['lint', '.', '-f', 'compact', ...common, ...extra], { cwd: root });
      const merged = await runAnp(['merge', 'shard-2.json', 'shard-1.json', '-f', 'compact', '--now', NOW, ...CORPUS_RULE, ...extra], { cwd: root });
      expect([merged.code, merged.stdout === one.stdout, merged.stderr]).toEqual([one.code, true, one.stderr]);
    }
  });

  it('with workers on a shard and three shards, the merged json equals one run', async () => {
    const root = await corpus(14, 13);
    const common = ['--now', NOW, ...CORPUS_RULE];
    // Shard 1 on two worker threads (summaries made in workers), the others in this thread.
    for (const shard of ['1/3', '2/3', '3/3']) await runAnp(['lint', '.', '-f', 'json', '-o', `s${shard[0]}.json`, '--shard', shard, ...common, '--concurrency', shard === '1/3' ? '2' : 'off'], { cwd: root });
    const whole = await runAnp(['lint', '.', '-f', 'json', ...common, '--concurrency', 'off'], { cwd: root });
    const merged = await runAnp(['merge', 's1.json', 's2.json', 's3.json', '-f', 'json', ...common], { cwd: root });
    expect(merged.stdout === whole.stdout).toBe(true);
    expect(merged.code).toBe(whole.code);
  });

  it('refuses a missing or doubled shard, other settings, a report that is not a shard', async () => {
    const root = await corpus(10, 14);
    const common = ['--now', NOW, ...CORPUS_RULE];
    await runAnp(['lint', '.', '-f', 'json', '-o', 'a.json', '--shard', '1/2', ...common], { cwd: root });
    await runAnp(['lint', '.', '-f', 'json', '-o', 'b.json', '--shard', '2/2', ...common], { cwd: root });
    await runAnp(['lint', '.', '-f', 'json', '-o', 'plain.json', ...common], { cwd: root });
    const cases: Array<[string[], RegExp]> = [
      [['a.json'], /shard 2\/2 missing/],
      [['a.json', 'a.json', 'b.json'], /are both shard 1\/2/],
      [['a.json', 'plain.json'], /plain\.json: not a shard report/],
      [['a.json', 'nope.json'], /cannot read nope\.json/],
    ];
    for (const [files, message] of cases) {
      const result = await runAnp(['merge', ...files, ...common], { cwd: root });
      expect(result.code, files.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    const other = await runAnp(['merge', 'a.json', 'b.json', '--now', '2026-11-24', ...CORPUS_RULE], { cwd: root });
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/other settings than this merge's/);
    const text = await readFile(path.join(root, 'b.json'), 'utf8');
    await writeFile(path.join(root, 'b.json'), text.slice(0, text.length - 10));
    const cut = await runAnp(['merge', 'a.json', 'b.json', ...common], { cwd: root });
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/b\.json:\d+: expected one file's result|ends early/);
  });
});
