/**
 * One hand-written fixture per noise item of spec/format.md: fixtures/noise/<case>/input.txt
 * with its expected result beside it (expected.json: the decoder's verdict and the post).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePost } from '../../src/parser/index.js';
import { decodeBytes } from '../../src/io/read.js';
import { splitLines } from '../../src/parser/lines.js';
import { unaccountedLines } from './accounting.js';
import { postValidator } from './schema-validator.js';
import type { Post } from '../../src/model/post.js';

const root = 'fixtures/noise';
const cases = readdirSync(root).sort();

interface Expected {
  invalidUtf8Lines?: number[];
  post?: Post;
  unreadable?: string;
}

function run(name: string) {
  const path = `${root}/${name}/input.txt`;
  const read = decodeBytes(readFileSync(path));
  const expected = JSON.parse(readFileSync(`${root}/${name}/expected.json`, 'utf8')) as Expected;
  return { path, read, expected };
}

describe.each(cases)('noise case %s', (name) => {
  it('matches its expected result', () => {
    const { path, read, expected } = run(name);
    if (expected.unreadable) {
      expect(read.kind).toBe('unreadable');
      if (read.kind === 'unreadable') expect(read.reason).toBe(expected.unreadable);
      return;
    }
    expect(read.kind).toBe('text');
    if (read.kind !== 'text') return;
    expect(read.invalidUtf8Lines).toEqual(expected.invalidUtf8Lines);
    const post = parsePost(read.text, { file: path, bytes: read.bytes });
    expect(JSON.parse(JSON.stringify(post))).toEqual(expected.post);
    expect(unaccountedLines(post, splitLines(read.text))).toEqual([]);
    const validate = postValidator();
    expect(validate(JSON.parse(JSON.stringify(post))), JSON.stringify(validate.errors)).toBe(true);
  });
});

/** The point of each case, asserted directly so a regenerated golden cannot hide a regression. */
describe('what each noise case is about', () => {
  const post = (name: string): Post => {
    const { path, read } = run(name);
    if (read.kind !== 'text') throw new Error(`${name} is unreadable`);
    return parsePost(read.text, { file: path, bytes: read.bytes });
  };
  const shape = (p: Post) => ({
    title: p.title,
    headings: p.sections.map((s) => s.heading),
    blocks: p.sections.flatMap((s) => s.blocks.map((b) => b.type)),
    meta: p.meta?.fields,
    residue: p.residue.map((r) => r.text),
  });

  it('CRLF, CR-only, BOM, tabs/NBSP/trailing spaces and blank-line variations parse to the same article', () => {
    const reference = shape(post('crlf'));
    expect(reference.headings).toEqual([null, 'why this matters', 'implementation checklist']);
    expect(reference.meta).toEqual({
      topic: 'keeping api responses fresh / node services',
      readingTime: 4,
      revision: { status: 'reviewed', version: '2.0.1', lastReviewed: '2026-01-15' },
    });
    for (const name of ['cr-only', 'bom', 'tabs-nbsp-trailing', 'no-blank-lines', 'many-blank-lines']) {
      expect(shape(post(name)), name).toEqual(reference);
    }
    expect(post('bom').title).toBe('caching notes: keeping api responses fresh on a small team');
    expect(post('crlf').stats.lines).toBe(25);
    expect(post('many-blank-lines').meta?.fieldLines.readingTime).toBe(35);
  });

  it('every bullet style becomes one list item', () => {
    const p = post('bullet-styles');
    expect(p.checklist.map((item) => item.text)).toEqual([
      'bullet dot', 'hyphen', 'asterisk', 'middle dot', 'en dash', 'numbered with a dot', 'numbered with a parenthesis', 'deeply indented',
    ]);
  });

  it('Title Case, trailing-colon and markdown headings are headings', () => {
    expect(post('title-case-and-colon-headings').sections.map((s) => s.heading)).toEqual([null, 'Why This Matters', 'The Practical Approach']);
  });

  it('separator-written labels in any case are read like glued ones', () => {
    expect(post('separator-meta-labels').meta?.fields).toEqual({
      topic: 'separator labels / python services',
      readingTime: 13,
      difficulty: 'advanced',
      viewCount: 42,
      codeLanguage: 'python',
      score: { quality: 80, freshness: 70, depth: 60, clarity: 50 },
      tools: ['fastapi', 'pytest', 'ruff'],
    });
  });

  it('missing, partial, unknown and duplicate meta fields are kept as found', () => {
    expect(post('meta-missing').meta).toBeNull();
    expect(Object.keys(post('meta-partial-out-of-order').meta!.fields)).toEqual(['hash', 'readingTime', 'topic']);
    const meta = post('meta-unknown-and-duplicate').meta!;
    expect(meta.fields.readingTime).toBe(5);
    expect(meta.extra).toEqual([
      { label: 'canonical url', value: 'https://example.com/posts/unknown-fields', line: 8 },
      { label: 'redaing time12', value: '', line: 9 },
      { label: 'reading time', value: '6', line: 11 },
      { label: 'related', value: 'first related post\nsecond related post', line: 12 },
    ]);
  });

  it.each([
    ['fenced-code', 'yaml', 7, 14],
    ['code-php', 'php', 7, 12],
    ['code-javascript', 'javascript', 7, 11],
    ['code-typescript', 'typescript', 7, 10],
    ['code-bash', 'bash', 7, 11],
    ['code-sql', 'sql', 7, 10],
    ['code-nginx', 'nginx', 7, 12],
  ])('%s: one %s block on lines %i-%i, prose after it stays prose', (name, lang, line, endLine) => {
    const p = post(name);
    expect(p.codeBlocks.map((c) => [c.lang, c.line, c.endLine])).toEqual([[lang, line, endLine]]);
    expect(p.sections.at(-1)!.blocks.at(-1)!.type).toBe('paragraph');
  });

  it('a short prose line after a code block and a blank line is not swallowed by the block', () => {
    const text = "code then prose\n\nintro paragraph that is long enough to be prose here.\n\nfrom fastapi import FastAPI\napp = FastAPI()\n\nthen keep it cheap.\n\nfrom fastapi import FastAPI\n";
    const p = parsePost(text, { file: 'inline.txt' });
    expect(p.codeBlocks.map((c) => [c.line, c.endLine])).toEqual([[5, 6], [10, 10]]);
    expect(p.sections[0]!.blocks.map((b) => b.type)).toEqual(['paragraph', 'code', 'paragraph', 'code']);
  });

  it('values that do not fit their type are kept raw, the rest typed', () => {
    const fields = post('bad-values').meta!.fields;
    expect(fields.readingTime).toBe('abc');
    expect(fields.viewCount).toBe('12k');
    expect(fields.difficulty).toBe('expert');
    expect(fields.score).toEqual({ quality: '140', freshness: 73, depth: 68, clarity: 84 });
    expect(fields.revision).toEqual({ status: 'drafted', version: '1.3', lastReviewed: '2023-02-30' });
    expect((fields.flags as Record<string, unknown>).hasImages).toBe('maybe');
  });

  it('other date spellings are normalised; an ambiguous one is kept raw', () => {
    const reviewed = (name: string) => (post(name).meta!.fields.revision as { lastReviewed: string }).lastReviewed;
    expect(reviewed('date-spellings')).toBe('2019-08-03');
    expect(reviewed('date-slashes')).toBe('2019-08-03');
    expect(reviewed('date-ambiguous')).toBe('03/08/2019');
  });

  it('empty, whitespace-only and lone-title files give an (almost) empty post', () => {
    expect(post('empty')).toMatchObject({ title: null, sections: [], stats: { lines: 0, bytes: 0 } });
    expect(post('whitespace-only')).toMatchObject({ title: null, sections: [], stats: { lines: 4 } });
    expect(post('lone-title')).toMatchObject({ title: 'just a title and nothing else', sections: [{ heading: null, line: 1, blocks: [] }] });
  });

  it('a 50 KB line is one paragraph, kept whole', () => {
    const p = post('long-line');
    const block = p.sections[0]!.blocks[0]!;
    expect(block.type).toBe('paragraph');
    expect(block.type === 'paragraph' && block.text.length).toBe(51200);
  });

  it('invalid UTF-8 is reported at its line and the file is still parsed in full', () => {
    const { read } = run('invalid-utf8');
    expect(read.kind === 'text' && read.invalidUtf8Lines).toEqual([4]);
    const p = post('invalid-utf8');
    expect(p.stats.paragraphs).toBe(3);
    expect(p.sections[0]!.blocks[1]).toEqual({ type: 'paragraph', text: 'caf\ufffd au lait \ufffd\ufffd is not utf-8 text at all.', line: 4 });
  });

  it('a NUL byte makes the file unreadable, not parsed', () => {
    const { read } = run('nul-byte');
    expect(read).toMatchObject({ kind: 'unreadable', reason: 'binary' });
  });
});

describe('html entities', () => {
  it('are decoded in prose and kept as written in code', () => {
    const text = readFileSync(`${root}/html-entities/input.txt`, 'utf8');
    const post = parsePost(text, { file: 'entities.txt' });
    expect(post.title).toBe("Tom & Jerry's guide to caching");
    const paragraphs = post.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'paragraph').map((b) => (b as { text: string }).text));
    expect(paragraphs[0]).toContain('caching & invalidation, <head> tags and "quotes"');
    expect(post.codeBlocks).toHaveLength(1);
    expect(post.codeBlocks[0]!.text).toContain('Fish &amp; chips');
  });
});
