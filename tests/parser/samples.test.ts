import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePost } from '../../src/parser/index.js';
import { decodeBytes } from '../../src/io/read.js';
import { splitLines } from '../../src/parser/lines.js';
import { unaccountedLines } from './accounting.js';
import type { Post } from '../../src/model/post.js';

const dir = 'fixtures/samples';
const samples = readdirSync(dir).filter((name) => name.endsWith('.txt')).sort();

function parseSample(name: string): { post: Post; text: string } {
  const path = `${dir}/${name}`;
  const read = decodeBytes(readFileSync(path));
  if (read.kind !== 'text') throw new Error(`${path}: ${read.message}`);
  return { post: parsePost(read.text, { file: path, bytes: read.bytes }), text: read.text };
}

describe('the five real samples', () => {
  it('are all there', () => {
    expect(samples).toHaveLength(5);
  });

  describe.each(samples)('%s', (name) => {
    const { post, text } = parseSample(name);
    const golden = JSON.parse(readFileSync(`${dir}/${name.replace(/\.txt$/, '.export.json')}`, 'utf8')) as Post;

    it('exports exactly the reviewed golden JSON', () => {
      expect(JSON.parse(JSON.stringify(post))).toEqual(golden);
    });

    it('accounts for every non-blank line exactly once', () => {
      expect(unaccountedLines(post, splitLines(text))).toEqual([]);
    });

    it('has payload.paragraphs equal to the prose paragraphs after the intro', () => {
      const afterIntro = post.sections
        .filter((section) => section.heading !== null)
        .flatMap((section) => section.blocks)
        .filter((block) => block.type === 'paragraph').length;
      const payload = post.meta?.fields.payload as { paragraphs?: number } | undefined;
      if (post.meta === null) {
        // 001 has no meta box at all; its body still counts one intro paragraph.
        expect(post.stats.paragraphs - afterIntro).toBe(1);
        return;
      }
      expect(payload?.paragraphs).toBe(afterIntro);
      expect(post.stats.paragraphs).toBe(afterIntro + 1);
    });
  });
});

describe('sample details checked by hand', () => {
  it('000: title, headings in order, checklist, two unsplash figures, typed meta', () => {
    const { post } = parseSample('000_456d147a9ef15f3b.txt');
    expect(post.title).toBe('python services notes: making logs useful during incidents on a single vps');
    expect(post.sections.map((s) => s.heading)).toEqual([
      null, 'security and maintenance notes', 'the practical approach', 'why this matters', 'implementation checklist', 'final notes',
    ]);
    expect(post.codeBlocks).toEqual([]);
    expect(post.checklist.map((item) => item.text)).toEqual([
      'confirm inputs are validated', 'check permissions', 'add a retry-safe path', 'record the expected response', 'review the failure mode',
    ]);
    expect(post.images).toEqual([
      { caption: 'making logs useful during incidents with python services visual reference 1', source: 'unsplash', line: 7 },
      { caption: 'making logs useful during incidents with python services visual reference 2', source: 'unsplash', line: 45 },
    ]);
    expect(post.meta?.line).toBe(52);
    expect(post.meta?.fields.readingTime).toBe(13);
    expect(post.meta?.fields.viewCount).toBe(729670);
    expect(post.meta?.fields.revision).toEqual({ status: 'drafted', version: '1.3.1', lastReviewed: '2019-08-03' });
    expect(post.meta?.fields.flags).toEqual({ aiGeneratedStyle: true, hasImages: true, imageHeavy: false, needsHumanReview: false });
    expect(post.meta?.fields.entities).toEqual([
      { name: 'python services', type: 'stack' },
      { name: 'backend', type: 'area' },
      { name: 'making logs useful during incidents', type: 'problem' },
    ]);
    expect(post.meta?.extra).toEqual([]);
    expect(post.residue).toEqual([{ text: '| | |', line: 1 }, { text: 'Similar Posts', line: 124 }]);
  });

  it('001: no blank lines at all, no meta box, dash bullets', () => {
    const { post } = parseSample('001_845d92889121c476.txt');
    expect(post.meta).toBeNull();
    expect(post.sections.map((s) => [s.heading, s.line])).toEqual([
      [null, 1], ['production checks', 3], ['the practical approach', 8], ['implementation checklist', 10], ['final notes', 16],
    ]);
    expect(post.checklist).toHaveLength(5);
    expect(post.checklist[0]).toEqual({ text: 'inspect cache headers', line: 11 });
    expect(post.stats.lines).toBe(17);
  });

  it('002: placeholder image hosts are kept as the figure sources', () => {
    const { post } = parseSample('002_ad4a0e9d784e4b8a.txt');
    expect(post.images.map((image) => image.source)).toEqual(['placehold.co', 'picsum.photos']);
    expect((post.meta?.fields.imageSources as Array<{ url: string }>).map((s) => s.url)).toEqual([
      'https://placehold.co/1200x630/png?text=building+practical+monitoring+checks+with+',
      'https://picsum.photos/seed/anp-000218/1200/630',
    ]);
  });

  it('003: the same python block three times, blank line inside each, with line ranges', () => {
    const { post } = parseSample('003_a15b492db193f401.txt');
    expect(post.codeBlocks.map((block) => [block.lang, block.line, block.endLine, block.section])).toEqual([
      ['python', 18, 23, 'why this matters'],
      ['python', 35, 40, 'security and maintenance notes'],
      ['python', 52, 57, 'the practical approach'],
    ]);
    expect(post.codeBlocks[0]!.text).toBe("from fastapi import FastAPI\napp = FastAPI()\n\n@app.get('/health')\ndef health():\n    return {'ok': True}");
  });

  it('004: no figures, has images 0, no image sources field', () => {
    const { post } = parseSample('004_f9f3acc18acbde04.txt');
    expect(post.images).toEqual([]);
    expect((post.meta?.fields.flags as { hasImages: boolean }).hasImages).toBe(false);
    expect(post.meta?.fields.imageSources).toBeUndefined();
    expect(post.codeBlocks).toHaveLength(1);
  });
});
