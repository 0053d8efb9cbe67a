/**
 * "No line is silently lost": counts, for every line of the input, how many things in the
 * exported post claim it. A non-blank line must be claimed exactly once.
 */
import type { Block, Post } from '../../src/model/post.js';

export function claimsPerLine(post: Post, lines: readonly string[]): number[] {
  const claims = new Array<number>(lines.length + 1).fill(0);
  const blank = (line: number) => lines[line - 1]!.trim().length === 0;
  const claim = (line: number) => {
    claims[line]!++;
  };
  const claimRange = (from: number, to: number) => {
    for (let line = from; line <= to; line++) if (!blank(line)) claim(line);
  };

  // A list item claims its own line; what is indented under it claims its lines.
  const visit = (block: Block) => {
    if (block.type === 'paragraph') claim(block.line);
    else if (block.type === 'list') {
      for (const item of block.items) {
        claim(item.line);
        item.blocks?.forEach(visit);
      }
    } else claimRange(block.line, block.endLine);
  };
  post.sections.forEach((section, index) => {
    // The intro's line is the title's line when there is a title; a heading's is its own.
    if (section.heading !== null || (index === 0 && post.title !== null)) claim(section.line);
    section.blocks.forEach(visit);
  });
  for (const residue of post.residue) claim(residue.line);
  if (post.meta) {
    // The box runs from each marker to the next residue line (the trailer) or the end.
    const residueLines = post.residue.map((residue) => residue.line);
    const markers = [post.meta.line, ...post.meta.extra.filter((e) => e.label.toLowerCase().startsWith('alphanode post meta')).map((e) => e.line)];
    const inBox = new Set<number>();
    for (const marker of markers) {
      const end = residueLines.find((line) => line > marker) ?? lines.length + 1;
      for (let line = marker; line < end; line++) if (!blank(line)) inBox.add(line);
    }
    inBox.forEach(claim);
  }
  return claims;
}

/** Lines (1-based) that are non-blank and not claimed exactly once, with their claim count. */
export function unaccountedLines(post: Post, lines: readonly string[]): Array<{ line: number; claims: number; text: string }> {
  const claims = claimsPerLine(post, lines);
  const wrong: Array<{ line: number; claims: number; text: string }> = [];
  for (let line = 1; line <= lines.length; line++) {
    const text = lines[line - 1]!;
    if (text.trim().length === 0) continue;
    if (claims[line] !== 1) wrong.push({ line, claims: claims[line]!, text });
  }
  return wrong;
}
