/**
 * The labelled corpora beside the repository (../shared/corpora): real articles with
 * line-level ground truth, and the code snippets. Shared by the tests that score the parser
 * and by the classifier's fitting script, so both read the ground truth the same way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

/** The project root: the nearest folder upward holding package.json (tools/ or dist-tools/tools/). */
export function projectRoot(): string {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = resolve(dir, '..');
  }
  return resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
}

/** The `shared/` folder beside the project root (the repo is `<work>/<tree>/`). */
export function sharedDir(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  // tools/ in the source tree, dist-tools/tools/ when compiled: walk up to the project root.
  let dir = here;
  for (let i = 0; i < 4; i++) {
    const candidate = resolve(dir, '..', 'shared');
    if (existsSync(join(candidate, 'corpora'))) return candidate;
    dir = resolve(dir, '..');
  }
  return resolve(here, '..', '..', 'shared');
}

export type TruthKind = 'title' | 'heading' | 'paragraph' | 'list' | 'code';

export interface Span {
  kind: TruthKind;
  start: number;
  end: number;
  level?: number;
  code?: Array<{ start: number; end: number; indent: number }>;
}

export interface ExpectedArticle {
  title: string;
  headings: string[];
  paragraphCount: number;
  codeBlocks: Array<{ lang: string | null; firstLine: string; lines: number }>;
  findings: Array<{ kind: string; detail: string; line: number | null; optional?: boolean }>;
}

export interface LabelledArticle {
  name: string;
  text: string;
  /** Truth label per 1-based line; undefined for blank lines. */
  labels: Array<TruthKind | undefined>;
  expected: ExpectedArticle;
}

export function articleNames(folder: string): string[] {
  const dir = join(sharedDir(), 'corpora', folder, 'articles');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => name.slice(0, -4))
    .sort();
}

export function readArticle(folder: string, name: string): LabelledArticle {
  const dir = join(sharedDir(), 'corpora', folder, 'articles');
  const text = readFileSync(join(dir, `${name}.txt`), 'utf8');
  const spans = (JSON.parse(readFileSync(join(dir, `${name}.spans.json`), 'utf8')) as { spans: Span[] }).spans;
  const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as ExpectedArticle;
  const lineCount = text.split('\n').length;
  const labels = new Array<TruthKind | undefined>(lineCount + 1);
  const lines = text.split('\n');
  for (const span of spans) {
    for (let line = span.start; line <= span.end; line++) if (lines[line - 1]!.trim() !== '') labels[line] = span.kind;
    for (const code of span.code ?? []) {
      for (let line = code.start; line <= code.end; line++) if (lines[line - 1]!.trim() !== '') labels[line] = 'code';
    }
  }
  return { name, text, labels, expected };
}

export function readArticles(folder: string): LabelledArticle[] {
  return articleNames(folder).map((name) => readArticle(folder, name));
}

/** The code snippets: `{ language, text }`, sorted by file name. */
export function readSnippets(): Array<{ language: string; text: string }> {
  const dir = join(sharedDir(), 'corpora', 'code-snippets', 'snippets');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ language: name.slice(0, -4), text: readFileSync(join(dir, name), 'utf8') }));
}

/** Snippets that are prose or markup, not programs (the corpus README lists them). */
export const PROSE_SNIPPETS = new Set(['plaintext', 'markdown', 'asciidoc', 'inform7', 'gherkin', 'tap', 'subunit', 'nestedtext', 'ldif']);
