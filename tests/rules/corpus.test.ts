/**
 * corpus-duplicate-paragraph and the engine's corpus phase: posts are linted as one run with
 * `lintPosts` (lintPost per post + the corpus rules' collect/finish), as `anp lint` does.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import corpusDuplicateParagraph, { MAX_LOCATIONS } from '../../rules/corpus-duplicate-paragraph.js';
import { builtinRules } from '../../rules/index.js';
import { CorpusLinter, lintPosts, mergeFindings, startCorpus } from '../../src/engine/corpus.js';
import { loadRuleModules } from '../../src/engine/plugins.js';
import { defineRule, type Rule } from '../../src/engine/rule.js';
import { defaultSettings, lintPost, type RuleSetting } from '../../src/engine/runner.js';
import type { Finding } from '../../src/model/finding.js';
import { parsePost } from '../../src/parser/index.js';
import { fingerprint } from '../../src/text/hash.js';
import { words } from '../../src/text/normalise.js';
import { hammingDistance, SimhashIndex, simhash64 } from '../../src/text/simhash.js';

const NOW = new Date('2026-11-23T00:00:00Z');
const RULE_ID = 'corpus-duplicate-paragraph';
const BOILERPLATE = 'the best result is not only a faster or cleaner implementation. it is a change that another developer can inspect, understand, and safely repeat.';

/** A small post: a title and these paragraphs (paragraph k is on line 3 + 2k). */
function article(title: string, ...paragraphs: string[]): string {
  return [title, '', ...paragraphs.flatMap((paragraph) => [paragraph, ''])].join('\n');
}

/** Post i: its own intro, then the given paragraphs. */
function post(index: number, ...paragraphs: string[]): string {
  return article(`notes on topic number ${index}`, `this is the unique introduction of post number ${index} about its own subject.`, ...paragraphs);
}

function sourcesOf(texts: readonly string[]) {
  return texts.map((text, index) => {
    const file = `post-${String(index + 1).padStart(3, '0')}.txt`;
    return { file, post: parsePost(text, { file, bytes: Buffer.byteLength(text) }), input: { invalidUtf8Lines: [] as number[] } };
  });
}

function settingsFor(rule: Rule<any>, severity: RuleSetting['severity'], options: Record<string, unknown> = {}): Map<string, RuleSetting> {
  return new Map([[rule.meta.id, { severity, options: rule.meta.schema.parse(options) }]]);
}

/** Lints the texts with only the corpus rule (at warn unless told) and returns every finding. */
function corpusFindings(texts: readonly string[], options: Record<string, unknown> = {}, severity: RuleSetting['severity'] = 'warn'): Finding[] {
  return lintPosts(sourcesOf(texts), [corpusDuplicateParagraph], settingsFor(corpusDuplicateParagraph, severity, options), NOW).flatMap((result) => result.findings);
}

const show = (findings: readonly Finding[]) => findings.map((finding) => `${finding.file}:${finding.line}: ${finding.message}`);

const LONG = 'monitoring should answer simple questions quickly: is the service up, is it slow, are jobs failing, and did the last deployment change anything. dashboards are useful only when the signals are easy to understand during pressure. keep the owner, the expected result and the rollback note in the same place.';
// Two phrases rewritten: 3 of the 64 SimHash bits differ.
const LONG_EDITED = LONG.replace('monitoring should answer simple questions quickly', 'a status page tells customers what happened').replace('dashboards are useful', 'charts help');
const LONG_OTHER = 'large content sites need predictable background work. queues, cron events and import scripts should be idempotent, logged and safe to run again, because that makes recovery much easier when a request stops halfway through and somebody has to finish the job by hand at night.';

describe('corpus-duplicate-paragraph: near-duplicates (SimHash)', () => {
  it('reports a 40+ word paragraph within 3 bits of one in an earlier post, naming its file and line', () => {
    expect(hammingDistance(...simhash64(words(LONG)), ...simhash64(words(LONG_EDITED)))).toBe(3);
    expect(show(corpusFindings([post(1, LONG), post(2, 'another intro paragraph.', LONG_EDITED), post(3, LONG_OTHER)]))).toEqual([
      'post-002.txt:7: paragraph "a status page tells customers what happened: is t…" is nearly the same as one first seen in post-001.txt line 5 (SimHash 3 of 64 bits apart): template boilerplate; expected text unique to this post',
    ]);
  });

  it('is off with near: false; exact copies stay exact (minPosts); a near copy in the same post is not its business', () => {
    expect(corpusFindings([post(1, LONG), post(2, LONG_EDITED)], { near: false })).toEqual([]);
    expect(corpusFindings([post(1, LONG), post(2, LONG)])).toEqual([]);
    expect(corpusFindings([post(1, LONG, 'between.', LONG_EDITED)])).toEqual([]);
    // Short paragraphs are never compared by SimHash.
    expect(corpusFindings([post(1, BOILERPLATE), post(2, BOILERPLATE.replace('faster', 'quicker'))])).toEqual([]);
  });

  it('SimhashIndex: finds the earliest hash within 3 bits through one equal 16-bit chunk, not one 4 bits away', () => {
    const index = new SimhashIndex();
    // Bits differ in three different chunks: only the fourth chunk is equal.
    const base: [number, number] = [0x12345678, 0x9abcdef0];
    index.add(0xffffffff, 0xffffffff);
    index.add((base[0] ^ 0x00010001) >>> 0, (base[1] ^ 0x00010000) >>> 0);
    index.add(base[0], base[1]);
    expect(hammingDistance(base[0], base[1], (base[0] ^ 0x00010001) >>> 0, (base[1] ^ 0x00010000) >>> 0)).toBe(3);
    expect(index.nearest(base[0], base[1])).toEqual({ id: 1, distance: 3 });
    expect(index.nearest((base[0] ^ 0x00010001) >>> 0, (base[1] ^ 0x00010001) >>> 0)).toEqual({ id: 1, distance: 1 });
    const far = new SimhashIndex();
    far.add((base[0] ^ 0x00010001) >>> 0, (base[1] ^ 0x00010001) >>> 0);
    expect(far.nearest(base[0], base[1])).toBeNull();
  });
});

describe('corpus-duplicate-paragraph', () => {
  it('is off by default, tagged corpus, with minPosts 10 (an integer >= 2)', () => {
    expect(corpusDuplicateParagraph.meta.defaultSeverity).toBe('off');
    expect(corpusDuplicateParagraph.meta.tags).toEqual(['corpus']);
    expect(corpusDuplicateParagraph.meta.schema.parse({})).toEqual({ minPosts: 10, near: true });
    expect(corpusDuplicateParagraph.meta.schema.safeParse({ minPosts: 2 }).success).toBe(true);
    for (const bad of [1, 0, -3, 2.5, '10', null]) expect(corpusDuplicateParagraph.meta.schema.safeParse({ minPosts: bad }).success, String(bad)).toBe(false);
    expect(corpusDuplicateParagraph.meta.schema.safeParse({ minPost: 3 }).success).toBe(false);
  });

  it('flags a paragraph in exactly minPosts posts (default 10), once per post', () => {
    const texts = Array.from({ length: 10 }, (_, index) => post(index + 1, BOILERPLATE));
    const findings = corpusFindings(texts);
    expect(findings).toHaveLength(10);
    expect(findings.every((finding) => finding.ruleId === RULE_ID && finding.severity === 'warn' && finding.line === 5)).toBe(true);
    expect(new Set(findings.map((finding) => finding.file)).size).toBe(10);
    expect(findings[0]!.message).toBe(
      'paragraph "the best result is not only a faster or cleaner i…" appears in 10 posts (minPosts 10): template boilerplate; expected text unique to this post',
    );
    expect(findings[1]!.message).toBe(
      'paragraph "the best result is not only a faster or cleaner i…" appears in 10 posts (minPosts 10): template boilerplate; expected text unique to this post; first seen in post-001.txt line 5',
    );
    expect(findings.every((finding) => finding.related === undefined)).toBe(true);
  });

  it('does not flag a paragraph in minPosts - 1 posts', () => {
    expect(show(corpusFindings(Array.from({ length: 9 }, (_, index) => post(index + 1, BOILERPLATE))))).toEqual([]);
    expect(show(corpusFindings(Array.from({ length: 2 }, (_, index) => post(index + 1, BOILERPLATE)), { minPosts: 3 }))).toEqual([]);
  });

  it('honours minPosts: 3 posts flag with minPosts 3, and only the shared paragraph', () => {
    const texts = [post(1, BOILERPLATE, 'a paragraph only the first post has.'), post(2, 'something else first.', BOILERPLATE), post(3, BOILERPLATE)];
    expect(show(corpusFindings(texts, { minPosts: 3 }))).toEqual([
      'post-001.txt:5: paragraph "the best result is not only a faster or cleaner i…" appears in 3 posts (minPosts 3): template boilerplate; expected text unique to this post',
      'post-002.txt:7: paragraph "the best result is not only a faster or cleaner i…" appears in 3 posts (minPosts 3): template boilerplate; expected text unique to this post; first seen in post-001.txt line 5',
      'post-003.txt:5: paragraph "the best result is not only a faster or cleaner i…" appears in 3 posts (minPosts 3): template boilerplate; expected text unique to this post; first seen in post-001.txt line 5',
    ]);
  });

  it('counts a post once however often it repeats the paragraph, and reports its first copy', () => {
    const texts = [post(1, BOILERPLATE, 'between the copies.', BOILERPLATE, BOILERPLATE), post(2, BOILERPLATE)];
    expect(show(corpusFindings(texts, { minPosts: 3 }))).toEqual([]);
    const flagged = corpusFindings([...texts, post(3, BOILERPLATE)], { minPosts: 3 });
    expect(flagged.map((finding) => `${finding.file}:${finding.line}`)).toEqual(['post-001.txt:5', 'post-002.txt:5', 'post-003.txt:5']);
    expect(flagged[0]!.message).toContain('appears in 3 posts');
  });

  it('normalises like duplicate-paragraph: case, whitespace and punctuation do not matter', () => {
    const variants = [BOILERPLATE, BOILERPLATE.toUpperCase(), BOILERPLATE.replace(/ /g, '\u00a0 ').replace(/\./g, '!')];
    expect(new Set(variants.map((text) => fingerprint(text))).size).toBe(1);
    const findings = corpusFindings(variants.map((text, index) => post(index + 1, text)), { minPosts: 3 });
    expect(findings).toHaveLength(3);
    // The quote is the text of the post that brought the count to minPosts.
    expect(findings[0]!.message).toContain('appears in 3 posts');
  });

  it('ignores paragraphs that normalise to nothing', () => {
    expect(show(corpusFindings([1, 2, 3].map((index) => post(index, '... !!! ...')), { minPosts: 2 }))).toEqual([]);
  });

  it(`reports the first ${MAX_LOCATIONS} posts of a paragraph and counts the rest`, () => {
    const extra = 7;
    const texts = Array.from({ length: MAX_LOCATIONS + extra }, (_, index) => post(index + 1, BOILERPLATE));
    const findings = corpusFindings(texts);
    expect(findings).toHaveLength(MAX_LOCATIONS);
    expect(findings[0]!.file).toBe('post-001.txt');
    expect(findings.at(-1)!.file).toBe(`post-${MAX_LOCATIONS}.txt`);
    for (const finding of findings) {
      expect(finding.message).toContain(`appears in ${MAX_LOCATIONS + extra} posts (minPosts 10)`);
      expect(finding.message).toContain(`; reported in the first ${MAX_LOCATIONS} posts only (and ${extra} more posts)`);
    }
  });

  it('says "1 more post" for a single unlisted post', () => {
    const findings = corpusFindings(Array.from({ length: MAX_LOCATIONS + 1 }, (_, index) => post(index + 1, BOILERPLATE)));
    expect(findings).toHaveLength(MAX_LOCATIONS);
    expect(findings[0]!.message).toMatch(/\(and 1 more post\)$/);
  });

  it('produces nothing at its default severity, off, even through the full registry', () => {
    const texts = Array.from({ length: 12 }, (_, index) => post(index + 1, BOILERPLATE));
    expect(startCorpus(builtinRules.filter((rule) => rule.meta.id !== 'near-duplicate-article'), defaultSettings(builtinRules), NOW)).toBeNull();
    const results = lintPosts(sourcesOf(texts), builtinRules, defaultSettings(builtinRules), NOW);
    expect(results.flatMap((result) => result.findings).filter((finding) => finding.ruleId === RULE_ID)).toEqual([]);
    expect(corpusFindings(texts, {}, 'off')).toEqual([]);
  });

  it('reports at error when set to error, merged and sorted with the per-post findings', () => {
    const texts = Array.from({ length: 3 }, (_, index) => post(index + 1, BOILERPLATE, BOILERPLATE));
    const rules = builtinRules.filter((rule) => rule.meta.id === 'duplicate-paragraph' || rule.meta.id === RULE_ID);
    const settings = new Map([
      ['duplicate-paragraph', { severity: 'error' as const, options: {} }],
      [RULE_ID, { severity: 'error' as const, options: { minPosts: 3 } }],
    ]);
    const [first] = lintPosts(sourcesOf(texts), rules, settings, NOW);
    expect(first!.findings.map((finding) => `${finding.line} ${finding.severity} ${finding.ruleId}`)).toEqual([
      `5 error ${RULE_ID}`,
      '7 error duplicate-paragraph',
    ]);
  });
});

describe('the corpus phase of the engine', () => {
  /** A test corpus rule: counts posts, reports the total on every post's line 1 in finish. */
  const counter = defineRule<{ min: number }>({
    meta: {
      id: 'post-counter',
      description: 'Reports how many posts the run had.',
      defaultSeverity: 'warn',
      tags: ['corpus'],
      docs: 'docs/none.md',
      schema: z.strictObject({ min: z.int().default(1) }),
    },
    check(post, context) {
      context.report({ line: 1, message: 'check ran' });
    },
    corpus(context) {
      const files: string[] = [];
      return {
        collect(_post, { file }) {
          files.push(file);
        },
        finish() {
          if (files.length < context.options.min) return;
          for (const file of files) {
            context.report({ file, line: 3, message: `${files.length} posts`, related: [{ line: 1, message: 'title' }] });
          }
        },
      };
    },
  });

  const texts = [post(1), post(2)];

  it('keeps check-only rules as they were: lintPosts equals lintPost per post', () => {
    const rules = builtinRules.filter((rule) => !rule.corpus);
    const settings = defaultSettings(rules);
    const sources = sourcesOf(texts);
    expect(lintPosts(sources, rules, settings, NOW).map((result) => result.findings)).toEqual(
      sources.map((source) => lintPost(source, rules, settings, NOW)),
    );
    expect(startCorpus(rules, settings, NOW)).toBeNull();
  });

  it('runs check per post, then collect, then finish; findings keep related lines and are sorted', () => {
    const results = lintPosts(sourcesOf(texts), [counter], settingsFor(counter, 'warn'), NOW);
    expect(results.map((result) => result.findings.map((finding) => `${finding.line}: ${finding.message} ${JSON.stringify(finding.related ?? [])}`))).toEqual([
      ['1: check ran []', '3: 2 posts [{"line":1,"message":"title"}]'],
      ['1: check ran []', '3: 2 posts [{"line":1,"message":"title"}]'],
    ]);
  });

  it('gives each run fresh state and its options', () => {
    const settings = settingsFor(counter, 'error', { min: 3 });
    expect(lintPosts(sourcesOf(texts), [counter], settings, NOW).flatMap((result) => result.findings).map((finding) => finding.message)).toEqual(['check ran', 'check ran']);
    const three = lintPosts(sourcesOf([...texts, post(3)]), [counter], settings, NOW).flatMap((result) => result.findings);
    expect(three.filter((finding) => finding.message === '3 posts').map((finding) => finding.severity)).toEqual(['error', 'error', 'error']);
  });

  it('turns a crash into one error finding and keeps the other rules going', () => {
    const crashing = (where: 'start' | 'collect' | 'finish' | 'report' | 'shape'): Rule => ({
      meta: { ...counter.meta, id: `crash-${where}`, schema: z.object({}) },
      check() {},
      corpus(context) {
        if (where === 'start') throw new Error('no start');
        if (where === 'shape') return {} as never;
        let seen = 0;
        return {
          collect() {
            seen++;
            if (where === 'collect' && seen === 2) throw new Error('bad post');
          },
          finish() {
            if (where === 'finish') throw new Error('no finish');
            if (where === 'report') context.report({ file: 'elsewhere.txt', line: 1, message: 'x' });
          },
        };
      },
    });
    const rules = [crashing('start'), crashing('collect'), crashing('finish'), crashing('report'), crashing('shape'), counter];
    const settings = new Map(rules.map((rule) => [rule.meta.id, { severity: 'warn' as const, options: rule.meta.schema.parse({}) }]));
    const results = lintPosts(sourcesOf(texts), rules, settings, NOW);
    expect(results.map((result) => show(result.findings))).toEqual([
      [
        'post-001.txt:1: rule crash-finish crashed in its corpus phase (finish) and was skipped: no finish',
        'post-001.txt:1: rule crash-report crashed in its corpus phase (finish) and was skipped: a corpus report names "elsewhere.txt", which was not collected',
        'post-001.txt:1: rule crash-shape crashed when its corpus phase started and was skipped: corpus(context) must return { collect(post, context), finish() }',
        'post-001.txt:1: rule crash-start crashed when its corpus phase started and was skipped: no start',
        'post-001.txt:1: check ran',
        'post-001.txt:3: 2 posts',
      ],
      // sorted by line, then rule id: crash-* before post-counter
      ['post-002.txt:1: rule crash-collect crashed in its corpus phase (collect) and was skipped: bad post', 'post-002.txt:1: check ran', 'post-002.txt:3: 2 posts'],
    ]);
    expect(results.flatMap((result) => result.findings).filter((finding) => finding.message.includes('crashed')).every((finding) => finding.severity === 'error')).toBe(true);
  });

  it('CorpusLinter: finish once, no collect after it; mergeFindings sorts', () => {
    const linter = new CorpusLinter([counter], settingsFor(counter, 'warn'), NOW);
    expect(linter.active).toBe(true);
    const [source] = sourcesOf([post(1)]);
    linter.collect(source!.file, source!.post, source!.input);
    const first = linter.finish();
    expect(linter.finish()).toBe(first);
    expect(() => linter.collect('b.txt', source!.post, source!.input)).toThrow(/after finish/);
    const a: Finding = { ruleId: 'a', severity: 'warn', message: 'm', file: 'f', line: 9 };
    const b: Finding = { ruleId: 'b', severity: 'warn', message: 'm', file: 'f', line: 2 };
    expect(mergeFindings([a], [b])).toEqual([b, a]);
    const list = [a];
    expect(mergeFindings(list, [])).toBe(list);
  });

  it('a plugin module can bring a corpus rule', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'anp-corpus-plugin-'));
    const file = path.join(dir, 'corpus-plugin.mjs');
    await writeFile(
      file,
      `export const meta = { id: 'plugin-corpus', description: 'counts the posts of the run', defaultSeverity: 'warn' };
export function check() {}
export function corpus(context) {
  const files = [];
  return {
    collect(post, { file }) { files.push(file); },
    finish() { for (const file of files) context.report({ file, line: 1, message: files.length + ' posts' }); },
  };
}
`,
    );
    const [rule] = await loadRuleModules([file]);
    expect(typeof rule!.corpus).toBe('function');
    const results = lintPosts(sourcesOf(texts), [rule!], settingsFor(rule!, 'warn'), NOW);
    expect(results.map((result) => show(result.findings))).toEqual([['post-001.txt:1: 2 posts'], ['post-002.txt:1: 2 posts']]);

    const bad = path.join(dir, 'bad-corpus.mjs');
    await writeFile(bad, `export const meta = { id: 'bad-corpus', description: 'x', defaultSeverity: 'warn' };\nexport function check() {}\nexport const corpus = 3;\n`);
    await expect(loadRuleModules([bad])).rejects.toThrow(/corpus: expected a function corpus\(context\)/);
  });
});
