/**
 * Properties over thousands of generated inputs: the parser returns a post and never throws,
 * every non-blank line is accounted for exactly once, parsing is deterministic, and the
 * export validates against the published JSON Schema.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePost } from '../../src/parser/index.js';
import { splitLines } from '../../src/parser/lines.js';
import { Post } from '../../src/model/post.js';
import { unaccountedLines } from './accounting.js';
import { postValidator } from './schema-validator.js';
import { corpusArticle } from '../../bench/generate.js';
import { decodeBytes } from '../../src/io/read.js';

/** Lines that exercise every classifier and the transitions between them. */
const interestingLines = [
  '| | |', '| |', 'Similar Posts', 'alphanode post meta', 'ALPHANODE POST META:', '',
  '   ', '\t', '\u00a0', 'why this matters', 'Implementation Checklist:', '## The Practical Approach',
  'a paragraph of prose that ends like a sentence should end.', 'short line.',
  '  • confirm inputs are validated', '- check permissions', '* add a path', '1. first', '2) second', '·', '• ',
  'x visual reference 1', 'x visual reference 1. image source: unsplash', 'image source: picsum.photos',
  'from fastapi import FastAPI', 'app = FastAPI()', "@app.get('/health')", 'def health():', "    return {'ok': True}",
  '```', '```python', '~~~', 'name: ci', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '- uses: actions/checkout@v4',
  '<?php', '$x = 1;', 'const a = require("a");', 'SELECT * FROM t;', 'server {', '}', '# a comment', 'set -euo pipefail',
  'topicsome topic / stack', 'reading time13', 'reading time: abc', 'difficulty - advanced', 'score', '  • quality: 140',
  'revision', '  • last reviewed: 03/08/2019', '  • last reviewed: Aug 3, 2019', 'entities', '    • name: a', '    • type: b',
  'image sources', '  • url: not a url', 'flags', '  • has images: 1', 'canonical url: https://x.test', 'redaing time12',
  'tools: a, b, c', 'hash0123456789abcdef01234567', 'payload', '  • paragraphs: 3', '\ufeffbom line', 'café\ufffd',
];

const line = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...interestingLines) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ')) },
);
const lineBreak = fc.constantFrom('\n', '\r\n', '\r');
const article = fc
  .tuple(fc.array(line, { maxLength: 60 }), lineBreak, fc.boolean())
  .map(([lines, br, trailing]) => lines.join(br) + (trailing ? br : ''));
const anyText = fc.oneof(article, fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ maxLength: 400 }));

describe('parser properties', () => {
  it('never throws and accounts for every non-blank line exactly once', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const post = parsePost(text, { file: 'generated.txt' });
        expect(unaccountedLines(post, splitLines(text))).toEqual([]);
      }),
      { numRuns: 4000 },
    );
  });

  it('is deterministic: two parses of the same text are byte-identical', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const first = JSON.stringify(parsePost(text, { file: 'a.txt' }));
        const second = JSON.stringify(parsePost(text, { file: 'a.txt' }));
        expect(second).toBe(first);
      }),
      { numRuns: 2000 },
    );
  });

  it('always produces an export that validates against the JSON Schema and the zod schema', () => {
    const validate = postValidator();
    fc.assert(
      fc.property(anyText, (text) => {
        const post = JSON.parse(JSON.stringify(parsePost(text, { file: 'generated.txt' })));
        const valid = validate(post);
        expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
        expect(valid).toBe(true);
        expect(Post.safeParse(post).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts lines the way an editor does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b c', ''), { maxLength: 30 }).map((lines) => [...lines, 'last']), lineBreak, (lines, br) => {
        expect(parsePost(lines.join(br), { file: 'x' }).stats.lines).toBe(lines.length);
        expect(parsePost(lines.join(br) + br, { file: 'x' }).stats.lines).toBe(lines.length);
      }),
      { numRuns: 500 },
    );
  });

  it('accounts for every line of a generated noisy corpus (1,000 articles) and exports valid posts', () => {
    const validate = postValidator();
    let parsed = 0;
    let withMeta = 0;
    for (let index = 0; index < 1000; index++) {
      const read = decodeBytes(corpusArticle(index, 7).bytes);
      if (read.kind !== 'text') continue;
      const post = parsePost(read.text, { file: `generated/${index}.txt`, bytes: read.bytes });
      expect(unaccountedLines(post, splitLines(read.text)), `article ${index}`).toEqual([]);
      expect(validate(JSON.parse(JSON.stringify(post))), JSON.stringify(validate.errors)).toBe(true);
      parsed++;
      if (post.meta) withMeta++;
    }
    // The generator's mix: a few NUL files are unreadable, most articles carry a meta box.
    expect(parsed).toBeGreaterThan(970);
    expect(withMeta).toBeGreaterThan(800);
  });
});
