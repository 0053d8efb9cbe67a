/**
 * Scores a parse against the ground truth of a labelled article: the label of every
 * non-blank line (a confusion table) and the article-level fields (headings, paragraph
 * count, code blocks, duplicate findings), each right or wrong on its own.
 */
import type { Block, Post } from '../src/model/post.js';
import type { LabelledArticle, TruthKind } from './corpus.js';

export type PredictedKind = TruthKind | 'image' | 'residue' | 'meta' | 'none';
export const TRUTH_KINDS: readonly TruthKind[] = ['title', 'heading', 'paragraph', 'list', 'code'];
export const PREDICTED_KINDS: readonly PredictedKind[] = [...TRUTH_KINDS, 'image', 'residue', 'meta', 'none'];

/** The label the parse gives every line (index = 1-based line). */
export function predictedLabels(post: Post, lineCount: number): PredictedKind[] {
  const labels = new Array<PredictedKind>(lineCount + 1).fill('none');
  const range = (from: number, to: number, kind: PredictedKind) => {
    for (let line = from; line <= to && line <= lineCount; line++) labels[line] = kind;
  };
  const visit = (block: Block, inList: boolean) => {
    if (block.type === 'paragraph') labels[block.line] = inList ? 'list' : 'paragraph';
    else if (block.type === 'code') range(block.line, block.endLine, 'code');
    else if (block.type === 'image') range(block.line, block.endLine, 'image');
    else if (block.type === 'list') {
      for (const item of block.items) {
        labels[item.line] = 'list';
        for (const inner of (item as { blocks?: Block[] }).blocks ?? []) visit(inner, true);
      }
    }
  };
  post.sections.forEach((section, index) => {
    if (section.heading !== null) labels[section.line] = 'heading';
    else if (index === 0 && post.title !== null) labels[section.line] = 'title';
    for (const block of section.blocks) visit(block, false);
  });
  for (const residue of post.residue) labels[residue.line] = 'residue';
  if (post.meta) labels[post.meta.line] = 'meta';
  return labels;
}

export interface ArticleScore {
  name: string;
  lines: number;
  linesRight: number;
  headingsRight: boolean;
  paragraphsRight: boolean;
  codeRight: boolean;
  /** Duplicate findings the parse gives that the truth does not list. */
  falseDuplicates: string[];
  /** Non-optional duplicate findings of the truth that the parse misses. */
  missedDuplicates: string[];
  confusion: Map<string, number>;
  detail: { headings: [string[], string[]]; paragraphs: [number, number]; code: [string[], string[]] };
}

export interface DuplicateFinding { ruleId: string; line: number }

/** Code blocks as the ground truth writes them: first line without list indent, line count. */
export function codeSignature(post: Post): string[] {
  return post.codeBlocks.map((block) => {
    const first = block.text.split('\n', 1)[0] ?? '';
    return `${first.trimEnd()} (${block.endLine - block.line + 1})`;
  });
}

export function scoreArticle(article: LabelledArticle, post: Post, duplicates: DuplicateFinding[] = []): ArticleScore {
  const lineCount = article.labels.length - 1;
  const predicted = predictedLabels(post, lineCount);
  const confusion = new Map<string, number>();
  let lines = 0;
  let linesRight = 0;
  for (let line = 1; line <= lineCount; line++) {
    const truth = article.labels[line];
    if (truth === undefined) continue;
    lines++;
    const got = predicted[line]!;
    if (got === truth) linesRight++;
    const key = `${truth}>${got}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
  }
  const headings = post.sections.filter((s) => s.heading !== null).map((s) => s.heading!);
  const expectedCode = article.expected.codeBlocks.map((block) => `${block.firstLine.trimEnd()} (${block.lines})`);
  const gotCode = codeSignature(post);

  const truthDuplicates = article.expected.findings.filter((f) => f.kind === 'duplicate-paragraph' || f.kind === 'duplicate-code');
  const ruleOf = (kind: string) => (kind === 'duplicate-code' ? 'duplicate-code-block' : kind);
  const key = (rule: string, line: number | null) => `${rule}@${line}`;
  const truthKeys = new Set(truthDuplicates.map((f) => key(ruleOf(f.kind), f.line)));
  const gotKeys = new Set(duplicates.map((f) => key(f.ruleId, f.line)));
  return {
    name: article.name,
    lines,
    linesRight,
    headingsRight: sameList(headings, article.expected.headings),
    paragraphsRight: post.stats.paragraphs === article.expected.paragraphCount,
    codeRight: sameList(gotCode, expectedCode),
    falseDuplicates: [...gotKeys].filter((k) => !truthKeys.has(k)),
    missedDuplicates: truthDuplicates.filter((f) => !f.optional && !gotKeys.has(key(ruleOf(f.kind), f.line))).map((f) => key(ruleOf(f.kind), f.line)),
    confusion,
    detail: { headings: [headings, article.expected.headings], paragraphs: [post.stats.paragraphs, article.expected.paragraphCount], code: [gotCode, expectedCode] },
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

export interface CorpusScore {
  articles: number;
  lineAccuracy: number;
  headings: number;
  paragraphs: number;
  code: number;
  allThree: number;
  falseDuplicates: number;
  missedDuplicates: number;
  confusion: Map<string, number>;
}

export function summarise(scores: readonly ArticleScore[]): CorpusScore {
  const confusion = new Map<string, number>();
  let lines = 0, right = 0, headings = 0, paragraphs = 0, code = 0, all = 0, falseDup = 0, missedDup = 0;
  for (const score of scores) {
    lines += score.lines;
    right += score.linesRight;
    if (score.headingsRight) headings++;
    if (score.paragraphsRight) paragraphs++;
    if (score.codeRight) code++;
    if (score.headingsRight && score.paragraphsRight && score.codeRight) all++;
    falseDup += score.falseDuplicates.length;
    missedDup += score.missedDuplicates.length;
    for (const [k, v] of score.confusion) confusion.set(k, (confusion.get(k) ?? 0) + v);
  }
  const n = Math.max(1, scores.length);
  return {
    articles: scores.length,
    lineAccuracy: right / Math.max(1, lines),
    headings: headings / n,
    paragraphs: paragraphs / n,
    code: code / n,
    allThree: all / n,
    falseDuplicates: falseDup,
    missedDuplicates: missedDup,
    confusion,
  };
}

/** The confusion table as text: truth rows, predicted columns. */
export function confusionTable(confusion: Map<string, number>): string {
  const columns = PREDICTED_KINDS.filter((kind) => [...confusion.keys()].some((k) => k.endsWith(`>${kind}`)));
  const header = ['truth \\ parse', ...columns].map((cell) => cell.padStart(10)).join(' ');
  const rows = TRUTH_KINDS.map((truth) =>
    [truth, ...columns.map((column) => String(confusion.get(`${truth}>${column}`) ?? 0))].map((cell) => cell.padStart(10)).join(' '),
  );
  return [header, ...rows].join('\n');
}

export function formatSummary(label: string, summary: CorpusScore): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `${label}: ${summary.articles} articles; lines ${pct(summary.lineAccuracy)}; headings ${pct(summary.headings)}, paragraphs ${pct(summary.paragraphs)}, code ${pct(summary.code)} (all three ${pct(summary.allThree)}); duplicate findings: ${summary.falseDuplicates} false, ${summary.missedDuplicates} missed`,
    confusionTable(summary.confusion),
  ].join('\n');
}
