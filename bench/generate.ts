/**
 * A deterministic generator of articles in the sample format (docs/format.md), with
 * its own sentences, for the benchmark and as a corpus for tests. The same seed always
 * gives the same bytes (a small seeded PRNG, no Math.random, no clock).
 *
 * A fixed share of the articles carries the noise of format.md: line endings, BOM, blank
 * line habits, bullet styles, heading styles, separator-written and broken meta boxes,
 * fenced and non-python code, bad values and other date spellings, and the degenerate
 * files (empty, whitespace-only, a lone title, a 50 KB line, invalid UTF-8, a NUL byte).
 */

export const NOISE_KINDS = [
  'crlf',
  'cr',
  'bom',
  'no-blank-lines',
  'extra-blank-lines',
  'bullet-styles',
  'title-case-headings',
  'colon-headings',
  'separator-labels',
  'meta-missing',
  'meta-partial',
  'meta-unknown-field',
  'meta-duplicate-field',
  'meta-shuffled',
  'fenced-code',
  'other-language',
  'bad-values',
  'other-date',
  'tabs-and-nbsp',
  'long-line',
  'invalid-utf8',
] as const;

/** Whole-file cases: they replace the article instead of decorating it. */
export const DEGENERATE_KINDS = ['empty', 'whitespace-only', 'lone-title', 'nul-byte'] as const;

export type NoiseKind = (typeof NOISE_KINDS)[number] | (typeof DEGENERATE_KINDS)[number];

export interface GenerateOptions {
  /** Share of articles that get 1..3 noise kinds. Default 0.35. */
  noiseRate?: number;
  /** Share of articles that are degenerate files. Default 0.02. */
  degenerateRate?: number;
  /** Force exactly these noise kinds (ignores the rates). */
  noise?: readonly NoiseKind[];
}

export interface GeneratedArticle {
  bytes: Buffer;
  /** The noise applied, in a fixed order. */
  noise: NoiseKind[];
  /** The title line as written, or null for files without one. */
  title: string | null;
}

export const GENERATOR_VERSION = 1;

// ---------------------------------------------------------------------------------------
// Randomness

/** mulberry32: tiny, fast, and good enough to pick words. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Picker {
  constructor(readonly random: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  /** `count` distinct items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, Math.min(count, copy.length));
  }
}

// ---------------------------------------------------------------------------------------
// Vocabulary (written for this generator; not taken from the samples)

const STACKS = [
  'node services', 'go workers', 'php storefronts', 'rails backends', 'static site builds',
  'django dashboards', 'rust command line tools', 'java batch jobs', 'laravel queues', 'kotlin api servers',
];
const PROBLEMS = [
  'reducing cold start latency', 'taming noisy alerts', 'cleaning up stale caches after deploys',
  'keeping cron jobs idempotent', 'shrinking container images', 'rotating secrets without downtime',
  'tracing slow database calls', 'hardening file uploads', 'keeping feature flags tidy',
  'planning safe schema migrations', 'cutting build times', 'handling retries without duplicates',
];
const SCENARIOS = [
  'behind a shared load balancer', 'on a small team budget', 'during a traffic spike',
  'after a hosting migration', 'with a read replica', 'in a monorepo', 'on managed kubernetes',
  'for an internal admin panel',
];
const SENTENCES = [
  'most of the time {problem} is not a code problem but a visibility problem.',
  'before touching the {stack}, write down the symptom in one sentence and the number that proves it.',
  'a rollback that nobody has rehearsed is only a hope, so run it once in staging.',
  'keep the change small enough that a reviewer can read it between two meetings.',
  'when the graphs disagree with the logs, trust neither and add a probe that measures the exact path.',
  'the cheapest fix is often a default that was never revisited after launch.',
  'teams running {stack} tend to notice {problem} late, usually after the third incident with the same cause.',
  'pin the versions you depend on and record why each pin exists.',
  'measure under realistic load, because a quiet laptop hides most contention.',
  'document the owner of every scheduled task next to the task itself.',
  'if a step needs a wiki page to explain it, it probably wants to be a script.',
  'error budgets make the trade-off between speed and safety explicit instead of emotional.',
  'prefer one plain dashboard that everyone reads over five clever ones nobody opens.',
  'a health endpoint should check the dependencies that can actually fail, not only return ok.',
  'write the migration so that the old and the new code can both run against it for a day.',
  'log the identifiers you will search for later, and nothing you would regret leaking.',
  'alerts that fire every night teach people to ignore alerts.',
  'the review checklist lives in the repository so that it changes with the code.',
  'batch sizes deserve a named constant and a comment explaining the limit.',
  'compare the p95 before and after, not the average, because users feel the tail.',
  'for {problem}, the first week of data is worth more than any benchmark run on a weekend.',
  'a feature flag without an expiry date slowly turns into configuration nobody understands.',
  'put the timeout next to the call it protects, and make the unit part of the name.',
  'when two services share a cache, write down which one is allowed to invalidate it.',
  'a runbook is finished when someone who did not write it can follow it at night.',
  'the {stack} setup should fail loudly at startup rather than quietly at the first request.',
  'keep secrets out of the build output, and check it with a search rather than a promise.',
  'small, reversible releases make {problem} a routine task instead of a project.',
  'note the load, the time of day and the version next to every number you report.',
  'a retry without a limit and a jitter is just a slower outage.',
];
const INTROS = [
  'this guide looks at {problem} in {stack} {scenario}, and keeps every step small enough to verify.',
  'here is a practical walk through {problem} for {stack} {scenario}, written for the person on call.',
  'the notes below cover {problem} with {stack}, from the first measurement to the final check.',
];
const HEADINGS = [
  'why this matters', 'the practical approach', 'production checks', 'security and maintenance notes',
  'what to measure first', 'common mistakes', 'rollout plan',
];
const CHECKLIST = [
  'write down the baseline numbers', 'rehearse the rollback', 'check the alert thresholds',
  'review the access rules', 'pin the dependency versions', 'tag the release', 'update the runbook',
  'confirm the backup restores', 'remove the temporary flag', 'note the owner of the job',
];
const TOOLS = ['git', 'docker', 'grafana', 'prometheus', 'sentry', 'terraform', 'make', 'curl', 'jq', 'redis'];
const HOSTS = ['unsplash', 'pexels', 'placehold.co', 'picsum.photos'];
const UNKNOWN_FIELDS = ['canonical url', 'author handle', 'internal note', 'layout'];

interface CodeSample {
  lang: string;
  lines: string[];
}

const CODE: Record<string, CodeSample[]> = {
  python: [
    { lang: 'python', lines: ['import logging', 'log = logging.getLogger(__name__)', '', 'def handle(event):', "    log.info('handling %s', event['id'])", "    return {'status': 'ok'}"] },
    { lang: 'python', lines: ['from time import monotonic', '', 'def timed(fn):', '    start = monotonic()', '    result = fn()', '    return result, monotonic() - start'] },
  ],
  php: [{ lang: 'php', lines: ['<?php', 'function cache_key(string $route): string {', "    return 'page:' . md5($route);", '}', '', "echo cache_key('/pricing');"] }],
  javascript: [{ lang: 'javascript', lines: ["const express = require('express');", 'const app = express();', '', "app.get('/health', (req, res) => {", '  res.json({ ok: true });', '});'] }],
  bash: [{ lang: 'bash', lines: ['#!/usr/bin/env bash', 'set -euo pipefail', '', 'rsync -a --delete build/ /srv/site/', 'systemctl reload nginx'] }],
};

// ---------------------------------------------------------------------------------------
// The article

/** Markers replaced by raw bytes when the text is encoded (they never occur in the vocabulary). */
const INVALID_MARK = '\u0001INVALID\u0001';
const NUL_MARK = '\u0001NUL\u0001';

export function generateArticle(seed: number, options: GenerateOptions = {}): GeneratedArticle {
  const p = new Picker(createRandom(seed));
  const noise = options.noise ? [...options.noise] : chooseNoise(p, options);
  const has = (kind: NoiseKind): boolean => noise.includes(kind);

  const stack = p.pick(STACKS);
  const problem = p.pick(PROBLEMS);
  const scenario = p.pick(SCENARIOS);
  const fill = (template: string): string =>
    template.replaceAll('{stack}', stack).replaceAll('{problem}', problem).replaceAll('{scenario}', scenario);
  const title = fill(
    p.pick([
      '{stack} notes: {problem} {scenario}',
      'how to handle {problem} in {stack}',
      'production checklist for {problem} in {stack}',
      '{problem} with {stack}: a field guide',
    ]),
  );

  if (has('empty')) return finish('', noise, null);
  if (has('whitespace-only')) return finish(' \n\t\n   \n', noise, null);
  if (has('lone-title')) return finish(`${title}\n`, noise, title);

  const paragraph = (): string =>
    Array.from({ length: p.int(2, 4) }, () => fill(p.pick(SENTENCES))).join(' ');
  const lang = has('other-language') ? p.pick(['php', 'javascript', 'bash']) : 'python';
  const code = p.pick(CODE[lang]!);
  const checklist = p.sample(CHECKLIST, p.int(4, 6));
  const hosts = [p.pick(HOSTS), p.pick(HOSTS)];
  const caption = (n: number): string => `${problem} with ${stack} visual reference ${n}`;

  // Blocks are separated by one blank line; a block is one or more lines.
  const blocks: string[][] = [];
  const headings: number[] = []; // indexes into blocks, for heading noise
  const bullets: number[] = [];
  if (p.chance(0.7)) blocks.push([p.pick(['| | |', '| |'])]);
  blocks.push([title]);
  blocks.push([fill(p.pick(INTROS))]);
  blocks.push([caption(1), `${caption(1)}. image source: ${hosts[0]}`]);

  let bodyParagraphs = 0;
  const sections = p.sample(HEADINGS, p.int(3, 4));
  const codeSection = p.int(0, sections.length - 1);
  const longLineSection = has('long-line') ? p.int(0, sections.length - 1) : -1;
  const invalidSection = has('invalid-utf8') ? p.int(0, sections.length - 1) : -1;
  for (const [index, heading] of sections.entries()) {
    headings.push(blocks.length);
    blocks.push([heading]);
    const count = p.int(2, 4);
    for (let i = 0; i < count; i++) {
      let text = paragraph();
      if (index === longLineSection && i === 0) text = longParagraph(p, fill);
      if (index === invalidSection && i === 0) text = text.replace(' ', ` broken${INVALID_MARK}byte `);
      blocks.push([text]);
      bodyParagraphs++;
    }
    if (index === codeSection) {
      const fenced = has('fenced-code');
      const lines = fenced ? [`\`\`\`${code.lang}`, ...code.lines, '```'] : [...code.lines];
      // One block with a blank line inside, as the scrape writes it.
      blocks.push(lines);
    }
  }
  headings.push(blocks.length);
  blocks.push(['implementation checklist']);
  bullets.push(blocks.length);
  blocks.push(checklist.map((item) => `  • ${item}`));
  // The second figure is glued to the checklist, as in the samples.
  blocks[blocks.length - 1]!.push(caption(2), `${caption(2)}. image source: ${hosts[1]}`);
  headings.push(blocks.length);
  blocks.push(['final notes']);
  blocks.push([paragraph()]);
  bodyParagraphs++;

  if (!has('meta-missing')) {
    blocks.push(['alphanode post meta']);
    blocks.push(metaBox(p, noise, { stack, problem, scenario, lang: code.lang, checklist, hosts, caption, paragraphs: bodyParagraphs }));
  }
  blocks.push(['Similar Posts']);

  // Heading and bullet styles.
  for (const index of headings) {
    let heading = blocks[index]![0]!;
    if (has('title-case-headings')) heading = heading.replace(/\b\w/g, (c) => c.toUpperCase());
    if (has('colon-headings')) heading = `${heading}:`;
    blocks[index] = [heading];
  }
  if (has('bullet-styles')) {
    for (const index of bullets) {
      blocks[index] = blocks[index]!.map((line) =>
        line.startsWith('  • ') ? `${' '.repeat(p.int(0, 4))}${p.pick(['- ', '* ', '· ', '– ', '1. ', '1) ', '• '])}${line.slice(4)}` : line,
      );
    }
  }

  let lines: string[] = [];
  const gap = has('extra-blank-lines') ? ['', ''] : [''];
  for (const [i, block] of blocks.entries()) {
    if (i > 0) lines.push(...gap);
    lines.push(...block);
  }
  if (has('no-blank-lines')) lines = lines.filter((line) => line.trim() !== '');
  if (has('tabs-and-nbsp')) {
    lines = lines.map((line, i) => (i % 5 === 1 && line !== '' ? `${line.replace(' ', '\u00a0')}  \t` : line));
  }
  const eol = has('crlf') ? '\r\n' : has('cr') ? '\r' : '\n';
  let text = lines.join(eol);
  if (has('nul-byte')) text = text.replace(eol, `${eol}${NUL_MARK}`);
  return finish(text, noise, title);
}

function chooseNoise(p: Picker, options: GenerateOptions): NoiseKind[] {
  if (p.chance(options.degenerateRate ?? 0.02)) return [p.pick(DEGENERATE_KINDS)];
  if (!p.chance(options.noiseRate ?? 0.35)) return [];
  const kinds = p.sample(NOISE_KINDS, p.int(1, 3));
  // crlf and cr exclude each other; keep the first in the fixed order.
  const chosen = NOISE_KINDS.filter((kind) => kinds.includes(kind));
  return chosen.includes('crlf') ? chosen.filter((kind) => kind !== 'cr') : chosen;
}

/** One paragraph line of about 50 KB: the "50 KB single line" of format.md. */
function longParagraph(p: Picker, fill: (template: string) => string): string {
  const parts: string[] = [];
  let length = 0;
  while (length < 50 * 1024) {
    const sentence = fill(p.pick(SENTENCES));
    parts.push(sentence);
    length += sentence.length + 1;
  }
  return parts.join(' ');
}

interface MetaFacts {
  stack: string;
  problem: string;
  scenario: string;
  lang: string;
  checklist: string[];
  hosts: string[];
  caption: (n: number) => string;
  paragraphs: number;
}

/** The meta box, one entry per field (label line + bullets), glued as the scrape writes it. */
function metaBox(p: Picker, noise: NoiseKind[], facts: MetaFacts): string[] {
  const has = (kind: NoiseKind): boolean => noise.includes(kind);
  const id = p.int(1, 999_999);
  const idText = String(id).padStart(6, '0');
  const suffix = String(p.int(0, 9999)).padStart(4, '0');
  const hex = Array.from({ length: 24 }, () => '0123456789abcdef'[p.int(0, 15)]).join('');
  const year = p.int(2017, 2025);
  const month = p.int(1, 12);
  const day = p.int(1, 28);
  const pad = (n: number): string => String(n).padStart(2, '0');
  let reviewed = `${year}-${pad(month)}-${pad(day)}`;
  if (has('other-date')) {
    const monthName = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1];
    reviewed = p.pick([`${monthName} ${day}, ${year}`, `${year}/${pad(month)}/${pad(day)}`, `${pad(day)}/${pad(month)}/${year}`]);
  }
  const bad = has('bad-values');
  const bullet = (items: string[]): string[] => items.map((item) => `  • ${item}`);
  const entries: Array<{ label: string; value?: string; bullets?: string[] }> = [
    { label: 'topic', value: `${facts.problem} / ${facts.stack}` },
    { label: 'summary', value: `a generated overview of ${facts.problem} for ${facts.stack}, focused on measurement and reversible steps.` },
    { label: 'ai outline', bullets: bullet([`context: ${facts.scenario}`, `problem: ${facts.problem}`, `stack: ${facts.stack}`, 'recommended action: measure, change one thing, write it down']) },
    { label: 'ai brief', value: 'a machine-written engineering note that lists checks and avoids promising a single fix.' },
    { label: 'stack', bullets: bullet([facts.stack, 'backend', facts.lang]) },
    { label: 'tools', bullets: bullet(p.sample(TOOLS, p.int(3, 6))) },
    { label: 'code language', value: facts.lang },
    { label: 'difficulty', value: bad ? 'expert' : p.pick(['beginner', 'intermediate', 'advanced']) },
    { label: 'reading time', value: bad ? 'abc' : String(p.int(3, 25)) },
    { label: 'view count', value: String(p.int(100, 999_999)) },
    { label: 'score', bullets: bullet([`quality: ${bad ? 140 : p.int(40, 100)}`, `freshness: ${p.int(40, 100)}`, `depth: ${p.int(40, 100)}`, `clarity: ${p.int(40, 100)}`]) },
    { label: 'revision', bullets: bullet([`status: ${p.pick(['drafted', 'reviewed', 'published'])}`, `version: ${p.int(0, 3)}.${p.int(0, 9)}.${p.int(0, 9)}`, `last reviewed: ${bad ? '2023-02-30' : reviewed}`]) },
    { label: 'reference', value: `anp-ref-${idText}-${suffix}` },
    { label: 'hash', value: hex },
    { label: 'flags', bullets: bullet(['ai generated style: 1', 'has images: 1', `image heavy: ${p.int(0, 1)}`, `needs human review: ${p.int(0, 1)}`]) },
    { label: 'checklist', bullets: bullet(facts.checklist) },
    { label: 'entities', bullets: bullet([`name: ${facts.stack}`, 'type: stack', `name: ${facts.problem}`, 'type: problem']).map((line) => `  ${line}`) },
    {
      label: 'image sources',
      bullets: [1, 2].flatMap((n) =>
        bullet([`source: ${facts.hosts[n - 1]}`, `url: https://img.example.org/${idText}/${n}.jpg?w=1200`, `caption: ${facts.caption(n)}`]).map((line) => `  ${line}`),
      ),
    },
    { label: 'payload', bullets: bullet([`source id: alphanode-${idText}`, 'generator: bench corpus generator', `paragraphs: ${facts.paragraphs}`, `scenario: ${facts.scenario}`, `seed: ${id}`]) },
    { label: 'notes', bullets: bullet(['generated for load testing', 'values are synthetic']) },
  ];

  let chosen = entries;
  if (has('meta-partial')) chosen = chosen.filter(() => p.chance(0.5));
  if (has('meta-shuffled')) chosen = p.sample(chosen, chosen.length);
  if (has('meta-duplicate-field') && chosen.length > 0) chosen = [...chosen, p.pick(chosen)];
  if (has('meta-unknown-field')) chosen = [...chosen, { label: p.pick(UNKNOWN_FIELDS), value: 'https://example.org/kept-verbatim' }];

  const lines: string[] = [];
  for (const entry of chosen) {
    if (entry.value !== undefined) {
      const separated = has('separator-labels') && p.chance(0.5);
      if (separated) {
        const label = p.chance(0.5) ? entry.label.toUpperCase() : entry.label;
        lines.push(`${label}${p.pick([': ', ' - ', ':'])}${entry.value}`);
      } else {
        lines.push(`${entry.label}${entry.value}`);
      }
    } else {
      lines.push(entry.label, ...(entry.bullets ?? []));
    }
  }
  return lines;
}

function finish(text: string, noise: NoiseKind[], title: string | null): GeneratedArticle {
  const parts = text.split(/(\u0001INVALID\u0001|\u0001NUL\u0001)/);
  const buffers = parts.map((part) =>
    part === INVALID_MARK ? Buffer.from([0xff, 0xe2, 0x82]) : part === NUL_MARK ? Buffer.from([0x00]) : Buffer.from(part, 'utf8'),
  );
  if (noise.includes('bom')) buffers.unshift(Buffer.from([0xef, 0xbb, 0xbf]));
  return { bytes: Buffer.concat(buffers), noise, title };
}

/** File name of the n-th corpus article: 1000 per folder, like a real content tree. */
export function corpusPath(index: number): string {
  const folder = `batch-${String(Math.floor(index / 1000)).padStart(4, '0')}`;
  return `${folder}/post-${String(index).padStart(6, '0')}.txt`;
}

/** The n-th article of the corpus with base seed `seed`. */
export function corpusArticle(index: number, seed = 1, options: GenerateOptions = {}): GeneratedArticle {
  // Spread the seeds so neighbouring articles do not share PRNG streams.
  return generateArticle((Math.imul(index + 1, 0x9e3779b1) ^ seed) >>> 0, options);
}
