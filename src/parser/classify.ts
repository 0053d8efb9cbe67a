/**
 * Recognisers of the lines that are marked by their form (the layout pass uses them): the
 * meta marker, the trailer, table debris, bullets, figure sources and fences. Each looks at
 * one trimmed line; they scan characters or use anchored regexes without nested quantifiers,
 * so the cost is linear in the line and a 50 KB line is as safe as a short one. Headings,
 * paragraphs, code and list items are told apart by the classifier (classifier.ts).
 */

export const META_MARKER = 'alphanode post meta';

/** `alphanode post meta`, in any case, with an optional trailing colon. */
export function isMetaMarker(text: string): boolean {
  if (text.length < META_MARKER.length || text.length > META_MARKER.length + 1) return false;
  if ((text.charCodeAt(0) | 0x20) !== 97 /* a */) return false;
  const core = text.endsWith(':') ? text.slice(0, -1) : text;
  return core.toLowerCase() === META_MARKER;
}

const TRAILERS = new Set(['similar posts', 'related posts', 'you may also like', 'read next', 'more posts']);

/** Navigation debris that ends the article (`Similar Posts`). */
export function isTrailer(text: string): boolean {
  return text.length <= 20 && TRAILERS.has(text.toLowerCase());
}

/** Table debris from the scrape: `| | |`, `| |`, `|`. */
export function isTableResidue(text: string): boolean {
  let pipes = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 124) pipes++;
    else if (ch !== 32 && ch !== 9 && ch !== 0xa0) return false;
  }
  return pipes > 0;
}

const BULLET_MARKS = new Set(['•', '-', '*', '·', '–', '—', '◦', '▪']);

/**
 * A bullet item: `• x`, `- x`, `* x`, `· x`, `– x`, `1. x`, `1) x`. Returns the item text,
 * or null when the line is not a bullet.
 */
export function bulletText(text: string): string | null {
  const first = text.charAt(0);
  if (BULLET_MARKS.has(first)) {
    if (text.length === 1) return '';
    const next = text.charCodeAt(1);
    if (next === 32 || next === 9 || next === 0xa0) return text.slice(2).trim();
    return null;
  }
  // Numbered: up to three digits, then `.` or `)`, then whitespace.
  let i = 0;
  while (i < text.length && i < 3 && isDigit(text.charCodeAt(i))) i++;
  if (i === 0 || i >= text.length) return null;
  const mark = text.charAt(i);
  if (mark !== '.' && mark !== ')') return null;
  const after = text.charCodeAt(i + 1);
  if (after === 32 || after === 9 || after === 0xa0) return text.slice(i + 2).trim();
  return null;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}



/**
 * A cheap pre-check for `image source:` in any case. Colons are rare in prose, so it looks
 * backwards from the last few colons (a host may itself hold one: `https://…`) for the word
 * `source` right before it, instead of scanning every line for a common letter.
 */
export function mayNameImageSource(text: string): boolean {
  let colon = text.lastIndexOf(':');
  for (let tries = 0; colon >= 6 && tries < 4; tries++) {
    if (endsWithSource(text, colon)) return true;
    colon = text.lastIndexOf(':', colon - 1);
  }
  return false;
}

const SOURCE = 'source';

function endsWithSource(text: string, end: number): boolean {
  for (let i = 0; i < SOURCE.length; i++) {
    if ((text.charCodeAt(end - SOURCE.length + i) | 0x20) !== SOURCE.charCodeAt(i)) return false;
  }
  return true;
}

/** `… visual reference 1. image source: unsplash` -> { caption, source }, else null. */
export function figureSource(text: string): { caption: string; source: string } | null {
  const match = /image source:/i.exec(text);
  if (!match) return null;
  let caption = text.slice(0, match.index).trim();
  if (caption.endsWith('.')) caption = caption.slice(0, -1).trimEnd();
  return { caption, source: text.slice(match.index + match[0].length).trim() };
}

/** A fence line: ``` or ~~~, optionally with an info string. Returns the info string or null. */
export function fenceInfo(text: string): string | null {
  if (text.startsWith('```') || text.startsWith('~~~')) return text.slice(3).trim();
  return null;
}
