/**
 * The fuzz harness shared by tests/fuzz/*.fuzz.ts (run by `npm run fuzz`, not `npm test`):
 * each generated document is decoded as a file would be, parsed twice, and checked for the
 * four properties the issue asks for — no throw, a schema-valid export, every position in
 * range, determinism. Counts and times are written to .tmp/robustness/ for .ci/run's summary.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parsePost } from '../../src/parser/index.js';
import { decodeBytes } from '../../src/io/read.js';
import { postValidator } from '../parser/schema-validator.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The shared corpora sit beside the repository (../shared). */
export const SNIPPETS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'corpora', 'code-snippets', 'snippets');

/**
 * Documents per fuzz file. The four files together run FUZZ_TOTAL (default 100,000; set
 * ANP_FUZZ_DOCS to change it, e.g. 2000 for a quick local run). Shares follow the cost of a
 * document: token soup is short (~0.2 ms), a mutated sample is a whole article (~1.4 ms).
 */
export const FUZZ_TOTAL = Number(process.env.ANP_FUZZ_DOCS ?? 100_000);
const SHARES = { soup: 0.4, samples: 0.2, snippets: 0.2, bytes: 0.2 } as const;
export function runsFor(kind: keyof typeof SHARES): number {
  return Math.ceil(FUZZ_TOTAL * SHARES[kind]);
}

export function readTexts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(path.join(dir, name), 'utf8'));
}

const validate = postValidator();

/**
 * Checks one document; returns a problem description, or null when every property holds.
 * (Returning instead of throwing keeps fast-check's shrinking output short and readable.)
 */
export function checkDocument(input: string | Uint8Array): string | null {
  let text: string;
  let bytes: number | undefined;
  if (typeof input === 'string') {
    text = input;
  } else {
    const read = decodeBytes(input);
    if (read.kind !== 'text') return null; // binary or too large: reported, not parsed
    text = read.text;
    bytes = read.bytes;
  }
  let first: string;
  let second: string;
  try {
    first = JSON.stringify(parsePost(text, bytes === undefined ? { file: 'fuzz.txt' } : { file: 'fuzz.txt', bytes }));
    second = JSON.stringify(parsePost(text, bytes === undefined ? { file: 'fuzz.txt' } : { file: 'fuzz.txt', bytes }));
  } catch (error) {
    return `parsePost threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
  }
  if (first !== second) return 'two parses of the same text differ';
  const post = JSON.parse(first) as { stats: { lines: number } };
  if (!validate(post)) return `export does not validate: ${JSON.stringify(validate.errors).slice(0, 500)}`;
  const out = positionsOutOfRange(post, post.stats.lines);
  return out.length > 0 ? `positions out of range (lines: ${post.stats.lines}): ${out.slice(0, 5).join('; ')}` : null;
}

/** Every `line`, `endLine` and `fieldLines` value is 1..lines, and endLine >= line. */
export function positionsOutOfRange(value: unknown, lines: number, where = '$'): string[] {
  const problems: string[] = [];
  const inRange = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= lines;
  const stack: Array<{ value: unknown; where: string }> = [{ value, where }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const node = item.value;
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      node.forEach((child, index) => stack.push({ value: child, where: `${item.where}[${index}]` }));
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const [key, child] of Object.entries(record)) {
      if ((key === 'line' || key === 'endLine') && !inRange(child)) problems.push(`${item.where}.${key}=${String(child)}`);
      if (key === 'fieldLines' && typeof child === 'object' && child !== null) {
        for (const [field, n] of Object.entries(child)) if (!inRange(n)) problems.push(`${item.where}.fieldLines.${field}=${String(n)}`);
        continue;
      }
      stack.push({ value: child, where: `${item.where}.${key}` });
    }
    if (typeof record.line === 'number' && typeof record.endLine === 'number' && record.endLine < record.line) {
      problems.push(`${item.where}: endLine ${record.endLine} < line ${record.line}`);
    }
  }
  return problems;
}

/** Records what one fuzz or fault file ran, for the CI summary (scripts/robustness-summary.mjs). */
export function recordCount(name: string, kind: 'fuzz' | 'fault', count: number, ms: number): void {
  const dir = path.join(REPO_ROOT, '.tmp', 'robustness');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify({ name, kind, count, ms: Math.round(ms) })}\n`);
}

/** Line-level mutations of a document: the kinds of damage scraping does. */
export type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'insert'; at: number; line: string }
  | { op: 'truncate'; at: number; keep: number }
  | { op: 'indent'; at: number; by: string }
  | { op: 'case'; at: number };

export function mutateLines(lines: readonly string[], mutations: readonly Mutation[]): string[] {
  const out = [...lines];
  for (const mutation of mutations) {
    if (out.length === 0) {
      if (mutation.op === 'insert') out.push(mutation.line);
      continue;
    }
    const at = mutation.at % out.length;
    switch (mutation.op) {
      case 'delete':
        out.splice(at, 1);
        break;
      case 'duplicate':
        out.splice(at, 0, out[at]!);
        break;
      case 'swap': {
        const other = mutation.with % out.length;
        [out[at], out[other]] = [out[other]!, out[at]!];
        break;
      }
      case 'insert':
        out.splice(at, 0, mutation.line);
        break;
      case 'truncate':
        out[at] = out[at]!.slice(0, mutation.keep % (out[at]!.length + 1));
        break;
      case 'indent':
        out[at] = mutation.by + out[at]!;
        break;
      case 'case':
        out[at] = out[at]!.toUpperCase();
        break;
    }
  }
  return out;
}

/** Pieces of the scraped-article format and of everything around it: the soup's tokens. */
export const TOKENS = [
  '| |', '|', 'Similar Posts', 'alphanode post meta', 'ALPHANODE POST META:', 'why this matters', 'Implementation Checklist:',
  '##', '#', '•', '-', '*', '1.', '2)', '·', 'visual reference 1', 'image source:', 'unsplash', 'picsum.photos',
  'from', 'import', 'def', 'return', '{', '}', '(', ')', '[', ']', ';', ':', '=', '=>', '```', '```python', '~~~', '<?php', '$x',
  'SELECT', 'FROM', 'server', 'name:', 'jobs:', 'runs-on:', 'topic', 'reading time', 'difficulty', 'score', 'quality:',
  'revision', 'last reviewed:', '03/08/2019', 'Aug 3, 2019', '2024-02-30', 'entities', 'flags', 'has images:', 'true',
  'payload', 'url:', 'https://x.test/a?b=c', 'hash0123456789abcdef01234567', 'the', 'a', 'paragraph', 'of', 'prose.',
  'café', '\ufffd', '\ufeff', '\u00a0', '\t', '  ', '\u200b', '\u2028', 'ﬁ', '日本語', 'العربية', '😀', '&amp;', '&#x27;',
  '<b>', '</b>', '\\', '"', "'", '%', '0', '-1', '1e999', 'NaN', '99999999999999999999',
];

/** One random line-level mutation. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), line: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 30 })) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat(), keep: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), at: fc.nat(), by: fc.constantFrom(' ', '    ', '\t', '\u00a0', '• ') }),
  fc.record({ op: fc.constant('case' as const), at: fc.nat() }),
);

