/**
 * Code in any language, as the code-snippets corpus README asks: a program pasted unfenced
 * between two paragraphs under a heading must come back as one code block, with the
 * article's heading and paragraphs intact. Shared by the test and the fitting script.
 */
import { parsePost } from '../src/parser/index.js';

const BEFORE = ['notes on a small program', '', 'this article shows one complete program and explains what it does.', '', 'the program', '', 'here is the whole file, exactly as it runs in production.', ''];
const AFTER = ['', 'the rest of this article explains each part of the program above in turn.', ''];

export function embedSnippet(code: string): { text: string; first: number; last: number } {
  const body = code.replace(/\r\n?/g, '\n').replace(/\s+$/, '').split('\n');
  while (body.length > 0 && body[0]!.trim() === '') body.shift();
  const first = BEFORE.length + 1;
  return { text: [...BEFORE, ...body, ...AFTER].join('\n'), first, last: first + body.length - 1 };
}

/** Whether the embedded program reads as one code block with the article intact, and why not. */
export function readsAsOneBlock(code: string): { ok: boolean; why: string } {
  const { text, first, last } = embedSnippet(code);
  const post = parsePost(text, { file: 'snippet.txt' });
  const headings = post.sections.map((s) => s.heading).filter((h) => h !== null);
  const paragraphs = post.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'paragraph').map((b) => b.line));
  const blocks = post.codeBlocks;
  if (headings.length !== 1 || headings[0] !== 'the program') return { ok: false, why: `headings ${JSON.stringify(headings)}` };
  if (paragraphs.join(',') !== `3,7,${last + 2}`) return { ok: false, why: `paragraph lines ${paragraphs.join(',')}` };
  if (blocks.length !== 1 || blocks[0]!.line !== first || blocks[0]!.endLine !== last) {
    return { ok: false, why: `code ${blocks.map((c) => `${c.line}-${c.endLine}`).join(' ')} (want ${first}-${last})` };
  }
  return { ok: true, why: '' };
}
