/**
 * The cache and shards are generic over corpus rules: a custom rule whose summary holds a
 * typed array and a Map (what structured clone carries to a worker) gets them back from the
 * cache and from shard reports, with the findings of a plain run.
 */
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter, type LintResult } from '../../src/index.js';
import { makeTree, runAnp } from '../cli/helpers.js';

const NOW = '2026-11-23';

const SAME_TITLE = `
function hash(text) { let h = 2166136261; for (const c of text.toLowerCase()) h = Math.imul(h ^ c.charCodeAt(0), 16777619); return h >>> 0; }
export const meta = { id: 'same-title', description: 'Posts with the same title.', defaultSeverity: 'warn' };
export function check() {}
export function corpusSummary(post) {
  return { sig: Uint32Array.of(hash(post.title)), facts: new Map([['length', post.title.length]]), tags: new Set(['t']) };
}
export function corpus(context) {
  const first = new Map();
  return {
    collect(post, where) { this.collectSummary(corpusSummary(post), where); },
    collectSummary(summary, { file }) {
      if (!(summary.sig instanceof Uint32Array) || !(summary.facts instanceof Map) || !(summary.tags instanceof Set)) throw new Error('summary lost its types: ' + JSON.stringify(summary));
      const key = summary.sig[0];
      const seen = first.get(key);
      if (seen === undefined) first.set(key, file);
      else context.report({ file, line: 1, message: 'same title as ' + seen + ' (' + summary.facts.get('length') + ' characters)' });
    },
    finish() {},
  };
}
`;

async function tree(): Promise<string> {
  const files: Record<string, string> = { 'rules/same-title.mjs': SAME_TITLE };
  for (let i = 0; i < 12; i++) files[`posts/p${String(i).padStart(2, '0')}.txt`] = `Title number ${i % 4}\n\nSome text for post ${i}.\n`;
  const root = await makeTree(files);
  await writeFile(path.join(root, 'anp.config.json'), JSON.stringify({ ignores: ['rules/**'] }));
  return root;
}

describe('a custom corpus rule with typed summaries', () => {
  it('the cache gives them back: cached run = plain run', async () => {
    const root = await tree();
    const lint = async (cache: boolean): Promise<LintResult[]> => {
      const linter = createLinter({ cwd: root, config: 'anp.config.json', now: NOW, rulesDirs: ['rules'] });
      const out: LintResult[] = [];
      for await (const result of linter.lintFiles('posts', { concurrency: 'off', ...(cache ? { cache: {} } : {}) })) out.push(result);
      return out;
    };
    const plain = await lint(false);
    expect(plain.flatMap((r) => r.findings).filter((f) => f.ruleId === 'same-title')).toHaveLength(8);
    expect(await lint(true)).toEqual(plain);
    expect(await lint(true)).toEqual(plain);
  });

  it('shard reports give them back: merged = one run', async () => {
    const root = await tree();
    const common = ['--now', NOW, '--rules-dir', 'rules', '-c', 'anp.config.json'];
    const first = await runAnp(['lint', 'posts', '-f', 'json', '-o', 's1.json', '--shard', '1/2', ...common], { cwd: root });
    expect(first.stderr).toBe('');
    await runAnp(['lint', 'posts', '-f', 'json', '-o', 's2.json', '--shard', '2/2', ...common], { cwd: root });
    const whole = await runAnp(['lint', 'posts', '-f', 'json', ...common], { cwd: root });
    const merged = await runAnp(['merge', 's1.json', 's2.json', '-f', 'json', ...common], { cwd: root });
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe(whole.stdout);
    expect(whole.stdout).toContain('same title as posts/p00.txt');
    // The merge job may have the project in another folder (another CI runner): the key is the same.
    const elsewhere = await makeTree({});
    await cp(root, elsewhere, { recursive: true });
    const moved = await runAnp(['merge', 's1.json', 's2.json', '-f', 'json', ...common], { cwd: elsewhere });
    expect(moved.stderr).toBe('');
    expect(moved.stdout).toBe(whole.stdout);
  });
});
