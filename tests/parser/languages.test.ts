/**
 * Articles in other languages and scripts (fixtures/languages/<lang>/input.txt, the outline a
 * correct reading gives in expected.json beside it). The classifier was fitted on English
 * text only: Chinese and Japanese words are not split by spaces and their sentences end in
 * `。`, Russian capitals are not A-Z; the features read them as prose all the same.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePost } from '../../src/parser/index.js';

const root = 'fixtures/languages';
const languages = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

interface Outline {
  title: string;
  headings: string[];
  paragraphs: number;
  code: string[];
}

describe.each(languages)('an article in %s', (language) => {
  it('reads as its outline: title, headings, paragraph count, code blocks', () => {
    const text = readFileSync(`${root}/${language}/input.txt`, 'utf8');
    const expected = JSON.parse(readFileSync(`${root}/${language}/expected.json`, 'utf8')) as Outline;
    const post = parsePost(text, { file: `${language}.txt` });
    const outline: Outline = {
      title: post.title ?? '',
      headings: post.sections.flatMap((section) => (section.heading === null ? [] : [section.heading])),
      paragraphs: post.stats.paragraphs,
      code: post.codeBlocks.map((block) => block.text.split('\n')[0]!),
    };
    expect(outline).toEqual(expected);
  });
});

it('covers the scripts it is about', () => {
  expect(languages).toEqual(expect.arrayContaining(['ar', 'de', 'hi', 'ja', 'ko', 'ru', 'vi', 'zh']));
});
