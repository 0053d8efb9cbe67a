/**
 * Planted near-duplicates: a deterministic corpus of bench articles (bench/generate.ts) and
 * edited copies of some of them, with each planted pair's true word 5-gram Jaccard
 * similarity, then near-duplicate-article's clusters scored against it.
 *
 * `node dist-bench/bench/planted.js [--articles N (10000)] [--seed S (1)]`
 * (`npx tsc -p tsconfig.bench.json` first). Half of the N articles are originals (bench articles
 * without noise, re-rendered from their parsed body: headings, paragraphs, list items), half
 * edited copies, one per original, each edited by, in this order:
 *   - words replaced: 2-30% of the paragraph words (0.02 + 0.28·u^5 for u uniform in [0, 1):
 *     most copies lightly edited, a few heavily), in runs of 1-6 consecutive words (a rewritten phrase);
 *   - sentences reordered: in each paragraph with probability 0.3, two sentences swapped;
 *   - a paragraph dropped (probability 0.15) and one appended from an unrelated article (0.15).
 * Every copy sits at a random place in path order (its file name is a shuffled number), so
 * it is sometimes before its original.
 *
 * Scores (a pair is "reported" when both articles are in one cluster):
 *   - recall of the planted pairs with true Jaccard >= 0.85, and in [0.80, 0.85);
 *   - precision: reported pairs (each member with its cluster's first) that are true
 *     near-duplicates: true Jaccard >= minSimilarity - 0.1 or true containment >= minContainment - 0.1
 *     (the verification accepts estimates within the margin documented in docs/rules/near-duplicate-article.md);
 *     also given strictly (true Jaccard >= 0.8 or containment >= 0.9);
 *   - the lowest true Jaccard of any reported pair (to be at least 0.6).
 * The suite runs a small version (tests/rules/near-duplicate-planted.test.ts).
 */
import { fileURLToPath } from 'node:url';
import rule, { bodyWords } from '../rules/near-duplicate-article.js';
import { lintPosts } from '../src/engine/corpus.js';
import type { Post } from '../src/model/post.js';
import { parsePost } from '../src/parser/index.js';
import { shingleHashes } from '../src/text/minhash.js';
import { corpusArticle, createRandom } from './generate.js';

export interface PlantedArticle {
  file: string;
  text: string;
}

export interface PlantedPair {
  original: string;
  copy: string;
  /** True word 5-gram Jaccard similarity of the two bodies. */
  jaccard: number;
}

export interface PlantedCorpus {
  articles: PlantedArticle[];
  pairs: PlantedPair[];
}

/** A section re-rendered from a parsed post: its heading, then paragraphs and `- ` list items. */
interface Rendered {
  heading: string | null;
  lines: string[];
}

function render(post: Post): Rendered[] {
  const sections: Rendered[] = [];
  for (const section of post.sections) {
    const lines: string[] = [];
    for (const block of section.blocks) {
      if (block.type === 'paragraph') lines.push(block.text);
      else if (block.type === 'list') for (const item of block.items) lines.push(`- ${item.text}`);
    }
    if (lines.length > 0) sections.push({ heading: section.heading, lines });
  }
  return sections;
}

function toText(title: string, sections: readonly Rendered[]): string {
  return `${title}\n\n${sections.map((section) => [...(section.heading === null ? [] : [section.heading]), ...section.lines].join('\n\n')).join('\n\n')}\n`;
}

/** The paragraphs (not list items) of rendered sections, as [section, line] pairs. */
function paragraphSlots(sections: readonly Rendered[]): Array<[number, number]> {
  const slots: Array<[number, number]> = [];
  sections.forEach((section, s) =>
    section.lines.forEach((line, l) => {
      if (!line.startsWith('- ')) slots.push([s, l]);
    }),
  );
  return slots;
}

const REPLACEMENTS = ['quickly', 'carefully', 'system', 'request', 'the', 'update', 'version', 'reliable', 'team', 'server', 'record', 'simple', 'change', 'review', 'daily'];

function edit(sections: readonly Rendered[], random: () => number, donor: readonly Rendered[]): Rendered[] {
  const out = sections.map((section) => ({ heading: section.heading, lines: [...section.lines] }));
  const slots = paragraphSlots(out);
  // Words replaced, in runs.
  const share = 0.02 + 0.28 * random() ** 5;
  const words = slots.map(([s, l]) => out[s]!.lines[l]!.split(' '));
  const total = words.reduce((sum, list) => sum + list.length, 0);
  let toReplace = Math.round(total * share);
  let guard = 0;
  while (toReplace > 0 && guard++ < 100000 && words.length > 0) {
    const paragraph = words[Math.floor(random() * words.length)]!;
    const run = Math.min(1 + Math.floor(random() * 6), toReplace, paragraph.length);
    const start = Math.floor(random() * (paragraph.length - run + 1));
    for (let i = start; i < start + run; i++) paragraph[i] = `${REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)]!}${Math.floor(random() * 100)}`;
    toReplace -= run;
  }
  slots.forEach(([s, l], i) => {
    let text = words[i]!.join(' ');
    // Two sentences swapped.
    if (random() < 0.3) {
      const sentences = text.split('. ');
      if (sentences.length >= 2) {
        const a = Math.floor(random() * sentences.length);
        const b = Math.floor(random() * sentences.length);
        [sentences[a], sentences[b]] = [sentences[b]!, sentences[a]!];
        text = sentences.join('. ');
      }
    }
    out[s]!.lines[l] = text;
  });
  if (random() < 0.15 && slots.length > 2) {
    const [s, l] = slots[Math.floor(random() * slots.length)]!;
    out[s]!.lines.splice(l, 1);
  }
  if (random() < 0.15) {
    const donorSlots = paragraphSlots(donor);
    if (donorSlots.length > 0) {
      const [s, l] = donorSlots[Math.floor(random() * donorSlots.length)]!;
      out[out.length - 1]!.lines.push(donor[s]!.lines[l]!);
    }
  }
  return out.filter((section) => section.lines.length > 0);
}

function shingleSet(text: string, file: string): Set<number> {
  return new Set(shingleHashes(bodyWords(parsePost(text, { file, bytes: Buffer.byteLength(text) })).words));
}

function jaccardOf(a: ReadonlySet<number>, b: ReadonlySet<number>): { jaccard: number; containment: number } {
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) shared++;
  const union = a.size + b.size - shared;
  return { jaccard: union === 0 ? 1 : shared / union, containment: small.size === 0 ? 0 : shared / small.size };
}

/** `count` articles (half originals, half copies), deterministic for a seed. */
export function plantedCorpus(count: number, seed = 1): PlantedCorpus {
  const random = createRandom(seed * 7919 + 17);
  const originals = Math.ceil(count / 2);
  const copies = count - originals;
  const rendered: Array<{ title: string; sections: Rendered[] }> = [];
  for (let i = 0; rendered.length < originals + 1; i++) {
    const text = corpusArticle(i, seed, { noiseRate: 0, degenerateRate: 0 }).bytes.toString('utf8');
    const post = parsePost(text, { file: `o${i}`, bytes: Buffer.byteLength(text) });
    const sections = render(post);
    if (sections.length === 0 || post.title === null) continue;
    rendered.push({ title: post.title, sections });
  }
  // File names: a shuffled numbering, so copies and originals interleave in path order.
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const name = (slot: number) => `planted/a${String(order[slot]).padStart(6, '0')}.txt`;
  const articles: PlantedArticle[] = [];
  for (let i = 0; i < originals; i++) articles.push({ file: name(i), text: toText(rendered[i]!.title, rendered[i]!.sections) });
  const pairs: PlantedPair[] = [];
  for (let c = 0; c < copies; c++) {
    const source = rendered[c]!;
    const donor = rendered[(c + 1 + Math.floor(random() * (originals - 1))) % originals]!.sections;
    const text = toText(source.title, edit(source.sections, random, donor));
    const file = name(originals + c);
    articles.push({ file, text });
    const { jaccard } = jaccardOf(shingleSet(articles[c]!.text, articles[c]!.file), shingleSet(text, file));
    pairs.push({ original: articles[c]!.file, copy: file, jaccard });
  }
  articles.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { articles, pairs };
}

export interface PlantedScore {
  articles: number;
  pairs: { high: number; band: number; below: number };
  recallHigh: number;
  recallBand: number;
  reportedPairs: number;
  precision: number;
  strictPrecision: number;
  plantedShare: number;
  lowestReportedJaccard: number | null;
  lintSeconds: number;
}

/** Lints the corpus with near-duplicate-article (defaults) and scores its clusters. */
export function scorePlanted(corpus: PlantedCorpus, options: Record<string, unknown> = {}): PlantedScore {
  const settings = new Map([[rule.meta.id, { severity: 'warn' as const, options: rule.meta.schema.parse(options) }]]);
  const { minSimilarity, minContainment } = rule.meta.schema.parse(options);
  const texts = new Map(corpus.articles.map((article) => [article.file, article.text]));
  const started = performance.now();
  const sources = corpus.articles.map((article) => ({ file: article.file, post: parsePost(article.text, { file: article.file, bytes: Buffer.byteLength(article.text) }), input: { invalidUtf8Lines: [] as number[] } }));
  const results = lintPosts(sources, [rule], settings, new Date('2026-11-23T00:00:00Z'));
  const lintSeconds = (performance.now() - started) / 1000;
  // Cluster of each article: its first member (an article that is a first has itself).
  const clusterOf = new Map<string, string>();
  const reported: Array<[string, string]> = [];
  for (const result of results) {
    for (const finding of result.findings) {
      if (!finding.group) continue;
      clusterOf.set(finding.file, finding.group.first);
      clusterOf.set(finding.group.first, finding.group.first);
      reported.push([finding.group.first, finding.file]);
    }
  }
  const together = (a: string, b: string) => clusterOf.has(a) && clusterOf.get(a) === clusterOf.get(b);
  const high = corpus.pairs.filter((pair) => pair.jaccard >= 0.85);
  const band = corpus.pairs.filter((pair) => pair.jaccard >= 0.8 && pair.jaccard < 0.85);
  const planted = new Set(corpus.pairs.map((pair) => `${pair.original}\u0000${pair.copy}`));
  let good = 0;
  let strict = 0;
  let plantedReported = 0;
  let lowest: number | null = null;
  for (const [first, member] of reported) {
    const truth = jaccardOf(shingleSet(texts.get(first)!, first), shingleSet(texts.get(member)!, member));
    if (truth.jaccard >= minSimilarity - 0.1 || truth.containment >= minContainment - 0.1) good++;
    if (truth.jaccard >= minSimilarity || truth.containment >= minContainment) strict++;
    if (planted.has(`${first}\u0000${member}`) || planted.has(`${member}\u0000${first}`)) plantedReported++;
    lowest = lowest === null ? truth.jaccard : Math.min(lowest, truth.jaccard);
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    articles: corpus.articles.length,
    pairs: { high: high.length, band: band.length, below: corpus.pairs.length - high.length - band.length },
    recallHigh: ratio(high.filter((pair) => together(pair.original, pair.copy)).length, high.length),
    recallBand: ratio(band.filter((pair) => together(pair.original, pair.copy)).length, band.length),
    reportedPairs: reported.length,
    precision: ratio(good, reported.length),
    strictPrecision: ratio(strict, reported.length),
    plantedShare: ratio(plantedReported, reported.length),
    lowestReportedJaccard: lowest,
    lintSeconds,
  };
}

function main(argv: string[]): void {
  let articles = 10_000;
  let seed = 1;
  for (let i = 0; i < argv.length; i += 2) {
    const value = Number(argv[i + 1]);
    if (argv[i] === '--articles' && Number.isInteger(value) && value >= 2) articles = value;
    else if (argv[i] === '--seed' && Number.isInteger(value)) seed = value;
    else {
      process.stderr.write(`planted: unknown option ${argv[i]}; see the header of bench/planted.ts\n`);
      process.exit(2);
    }
  }
  const started = performance.now();
  const corpus = plantedCorpus(articles, seed);
  const generated = (performance.now() - started) / 1000;
  const score = scorePlanted(corpus);
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
  process.stdout.write(
    [
      `planted corpus: ${score.articles} articles, seed ${seed} (generated in ${generated.toFixed(1)} s)`,
      `planted pairs: ${score.pairs.high} with true Jaccard >= 0.85, ${score.pairs.band} in [0.80, 0.85), ${score.pairs.below} below 0.80`,
      `recall: ${pct(score.recallHigh)} (J >= 0.85, target 95%), ${pct(score.recallBand)} (0.80-0.85, target 90%)`,
      `reported pairs: ${score.reportedPairs}; precision ${pct(score.precision)} (true J >= minSimilarity - 0.1 or containment >= minContainment - 0.1, target 97%), strict ${pct(score.strictPrecision)} (J >= 0.8 or containment >= 0.9); planted pairs ${pct(score.plantedShare)}`,
      `lowest true Jaccard of a reported pair: ${score.lowestReportedJaccard === null ? 'n/a' : score.lowestReportedJaccard.toFixed(3)} (target >= 0.6)`,
      `lint (parse + near-duplicate-article, one thread): ${score.lintSeconds.toFixed(1)} s`,
      '',
    ].join('\n'),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
