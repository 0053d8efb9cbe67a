/**
 * near-duplicate-article: the five samples (001 contained in 002, 000 in 003), edited copies,
 * one article or unrelated ones give nothing, the body only (not the meta box), clusters,
 * and the same findings whatever the concurrency.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/near-duplicate-article.js';
import { lintPosts } from '../../src/engine/corpus.js';
import { createLinter, type LintResult } from '../../src/index.js';
import type { Finding } from '../../src/model/finding.js';
import { parsePost } from '../../src/parser/index.js';
import { makeTree } from '../cli/helpers.js';

const NOW = new Date('2026-11-23T00:00:00Z');
const SAMPLES = new URL('../../fixtures/samples/', import.meta.url);
const sampleFiles = readdirSync(SAMPLES).filter((name) => name.endsWith('.txt')).sort();
const sampleText = (name: string) => readFileSync(new URL(name, SAMPLES), 'utf8');

function lint(texts: ReadonlyArray<readonly [string, string]>, options: Record<string, unknown> = {}): Finding[] {
  const sources = texts.map(([file, text]) => ({ file, post: parsePost(text, { file, bytes: Buffer.byteLength(text) }), input: { invalidUtf8Lines: [] as number[] } }));
  const settings = new Map([[rule.meta.id, { severity: 'warn' as const, options: rule.meta.schema.parse(options) }]]);
  return lintPosts(sources, [rule], settings, NOW).flatMap((result) => result.findings);
}

const show = (findings: readonly Finding[]) => findings.map((finding) => `${finding.file}:${finding.line}: ${finding.message}`);

/** Words 0..n of a deterministic text with its own vocabulary (seeded). */
function prose(seed: number, words: number): string {
  let state = seed * 2654435761;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state;
  };
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(`w${next() % 3000}`);
  const paragraphs: string[] = [];
  for (let i = 0; i < out.length; i += 60) paragraphs.push(`${out.slice(i, i + 60).join(' ')}.`);
  return paragraphs.join('\n\n');
}

const article = (title: string, body: string) => `${title}\n\n${body}\n`;

describe('near-duplicate-article', () => {
  it('is off by default (until it meets the corpus budget), tagged corpus, with minSimilarity 0.8, minContainment 0.9, minWords 50', () => {
    expect(rule.meta.defaultSeverity).toBe('off');
    expect(rule.meta.tags).toEqual(['corpus']);
    expect(rule.meta.schema.parse({})).toEqual({ minSimilarity: 0.8, minContainment: 0.9, minWords: 50 });
    for (const bad of [{ minSimilarity: 0 }, { minSimilarity: 1.2 }, { minContainment: -1 }, { minWords: 0 }, { minWords: 2.5 }, { min: 1 }]) {
      expect(rule.meta.schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('the five samples: 001 is reported as contained in 002, and 000 in 003 (minContainment 0.75); nothing at the defaults', () => {
    const texts = sampleFiles.map((name) => [name, sampleText(name)] as const);
    // Their true containments (word 5-grams of the body) are 83.7% and 79.7%: under the default 0.9.
    expect(show(lint(texts))).toEqual([]);
    expect(show(lint(texts, { minContainment: 0.75 }))).toEqual([
      '002_ad4a0e9d784e4b8a.txt:3: near-duplicate article: contains 83% of the word 5-grams of 001_845d92889121c476.txt (similarity 41%), in a cluster of 2 articles; expected text of its own',
      '003_a15b492db193f401.txt:5: near-duplicate article: contains 83% of the word 5-grams of 000_456d147a9ef15f3b.txt (similarity 64%), in a cluster of 2 articles; expected text of its own',
    ]);
    const [finding] = lint(texts, { minContainment: 0.75 });
    expect(finding!.group).toEqual({ first: '001_845d92889121c476.txt', line: 2, size: 2 });
  });

  it('one article, or unrelated articles, give no finding', () => {
    expect(lint([['a.txt', sampleText(sampleFiles[2]!)]])).toEqual([]);
    expect(lint(Array.from({ length: 30 }, (_, i) => [`p${i}.txt`, article(`post ${i}`, prose(i + 1, 400))] as const))).toEqual([]);
  });

  it('flags edited copies as one cluster, each member naming the first, with the similarity', () => {
    const base = prose(7, 600);
    const words = base.split(' ');
    const edited = (every: number) => words.map((word, i) => (i % every === 3 ? `${word}x` : word)).join(' ');
    const findings = lint([
      ['a.txt', article('original', base)],
      ['b.txt', article('unrelated', prose(8, 500))],
      ['c.txt', article('copy one', edited(200))],
      ['d.txt', article('copy two', edited(150))],
    ]);
    expect(findings.map((finding) => finding.file)).toEqual(['c.txt', 'd.txt']);
    for (const finding of findings) {
      expect(finding.message).toMatch(/^near-duplicate article: \d+% similar to a\.txt, in a cluster of 3 articles; expected text of its own$/);
      expect(finding.group).toEqual({ first: 'a.txt', line: 3, size: 3 });
      expect(finding.severity).toBe('warn');
    }
    expect(Number(/(\d+)%/.exec(findings[0]!.message)![1])).toBeGreaterThanOrEqual(85);
  });

  it('looks at the body only: the same body under other meta boxes is flagged, a shared meta box alone is not', () => {
    const meta = (topic: string) => `\nTopic: ${topic}\nDifficulty: beginner\nReviewed: 2026-01-05\n`;
    const body = prose(11, 300);
    expect(lint([['a.txt', article('one', body) + meta('caching')], ['b.txt', article('two', body) + meta('queues, cron and imports')]]).map((f) => f.file)).toEqual(['b.txt']);
    expect(lint([['a.txt', article('one', prose(12, 300)) + meta('caching')], ['b.txt', article('two', prose(13, 300)) + meta('caching')]])).toEqual([]);
  });

  it('skips articles under minWords', () => {
    const body = prose(14, 40);
    expect(lint([['a.txt', article('a', body)], ['b.txt', article('b', body)]])).toEqual([]);
    expect(lint([['a.txt', article('a', body)], ['b.txt', article('b', body)]], { minWords: 20 }).map((f) => f.file)).toEqual(['b.txt']);
  });

  it('gives the same report with concurrency off and 2 workers', async () => {
    const files: Record<string, string> = {};
    for (const name of sampleFiles) files[name] = sampleText(name);
    files['005_copy.txt'] = sampleText(sampleFiles[0]!).replace('the ', 'a ');
    files['006_copy.txt'] = sampleText(sampleFiles[2]!);
    const root = await makeTree(files);
    const linter = createLinter({ cwd: root, config: false, now: '2026-11-23', rules: { 'near-duplicate-article': ['warn', { minContainment: 0.75 }] } });
    const collect = async (concurrency: 'off' | 2) => {
      const out: LintResult[] = [];
      for await (const result of linter.lintFiles('.', { concurrency })) out.push(result);
      return out;
    };
    const off = await collect('off');
    const near = off.flatMap((result) => result.findings.filter((finding) => finding.ruleId === 'near-duplicate-article'));
    expect(near.map((finding) => finding.file)).toEqual(['002_ad4a0e9d784e4b8a.txt', '003_a15b492db193f401.txt', '005_copy.txt', '006_copy.txt']);
    expect(linter.format(await collect(2), 'json')).toBe(linter.format(off, 'json'));
  });
});
