/**
 * Line-level recognisers. Each looks at one trimmed line (and never at its neighbours: the
 * assembler supplies context). They scan characters or use anchored regexes without nested
 * quantifiers, so the cost is linear in the line and a 50 KB line is as safe as a short one.
 */
import { countWords } from './lines.js';

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

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 0xbf;
}

function isIdentChar(code: number): boolean {
  return isLetter(code) || isDigit(code) || code === 95;
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

/**
 * What prose and code detection both need from a line: its word count and whether it has
 * code punctuation, packed into one number (words * 2 + codeBit) so nothing is allocated.
 * Both parts run on native string scans (indexOf, a character-class regex) rather than a
 * JavaScript loop over every character: this is the parser's hottest function.
 */
export function measureLine(text: string): number {
  return countWords(text) * 2 + (hasCodePunctuation(text) ? 1 : 0);
}

export function wordsOf(measure: number): number {
  return measure >>> 1;
}

function codeBitOf(measure: number): boolean {
  return (measure & 1) === 1;
}

/**
 * Prose: a sentence-like line, several words ending in sentence punctuation, with none of
 * the punctuation that marks code. Checked before code so that prose starting with a word
 * like `import` or `git` stays prose.
 */
export function isProse(text: string, measure: number = measureLine(text)): boolean {
  const last = text.charCodeAt(text.length - 1);
  if (last !== 46 /* . */ && last !== 33 /* ! */ && last !== 63 /* ? */) return false;
  return wordsOf(measure) >= 6 && !codeBitOf(measure);
}

/** Characters that can start a mark of code; the regex engine finds them natively. */
const CODE_MARK_START = /[{}=($<:-]/g;

/** Punctuation that prose rarely has: braces, assignments, arrows, calls, `$var`, tags. */
export function hasCodePunctuation(text: string): boolean {
  if (text.length === 0) return false;
  if (endsLikeStatement(text)) return true;
  // `test` on a global regex advances lastIndex without allocating a match.
  CODE_MARK_START.lastIndex = 0;
  while (CODE_MARK_START.test(text)) {
    const at = CODE_MARK_START.lastIndex - 1;
    if (isCodeMarkAt(text, at, text.charCodeAt(at))) return true;
  }
  return false;
}

/** Statement and block endings: `;`, `{`, `}`. */
function endsLikeStatement(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 59 /* ; */ || last === 123 /* { */ || last === 125; /* } */
}

/** Whether the character `ch` at `i` starts a mark of code. */
function isCodeMarkAt(text: string, i: number, ch: number): boolean {
  const next = text.charCodeAt(i + 1);
  const previous = i > 0 ? text.charCodeAt(i - 1) : -1;
  switch (ch) {
    case 123: // {
    case 125: // }
      return true;
    case 61: // =  (`a = b`, `==`, `=>`, `a=b`)
      return next === 61 || next === 62 || previous === 32 || isIdentChar(previous);
    case 40: // (  directly after an identifier: a call or definition
      return isIdentChar(previous);
    case 36: // $var, ${…}, $(…)
      return isLetter(next) || next === 123 || next === 40 || next === 95;
    case 45: // ->, and command-line flags: ` -x`, ` --flag`
      return next === 62 || (previous === 32 && (isLetter(next) || (next === 45 && isLetter(text.charCodeAt(i + 2)))));
    case 60: // </ , <?
      return next === 47 || next === 63;
    case 58: // ::
      return next === 58;
    default:
      return false;
  }
}

const CODE_STARTS = [
  // python
  'def ', 'async def ', 'class ', 'return', 'import ', 'from ', 'elif ', 'else:', 'try:', 'except', 'finally:', 'raise ', 'yield ', 'pass', 'print(', 'if __name__',
  // javascript / typescript
  'const ', 'let ', 'var ', 'function ', 'export ', 'module.exports', 'require(', 'console.', 'await ', 'interface ',
  // php
  '<?php', '?>', 'namespace ', 'public function', 'private function', 'protected function', 'echo ',
  // shell
  '#!', '$ ', 'sudo ', 'npm ', 'npx ', 'pip ', 'pip3 ', 'apt ', 'apt-get ', 'cd ', 'curl ', 'docker ', 'systemctl ', 'git ', 'mkdir ', 'chmod ', 'chown ', 'ls ', 'cp ', 'mv ', 'rm ', 'ssh ', 'python ', 'python3 ', 'node ', 'uvicorn ', 'gunicorn ', 'composer ', 'php ', 'wp ', 'yarn ', 'pnpm ', 'fi', 'done', 'then',
  // sql
  'SELECT ', 'INSERT ', 'UPDATE ', 'DELETE ', 'CREATE ', 'ALTER ', 'DROP ', 'WITH ', 'FROM ', 'WHERE ', 'JOIN ', 'EXPLAIN ',
  // nginx and friends
  'server {', 'location ', 'listen ', 'server_name ', 'proxy_pass ', 'upstream ',
  // comments and markup
  '//', '/*', '*/', '<!--', '---',
] as const;

/** Code keywords a line may start with (only consulted when the line is not prose). */
export function hasCodeStart(text: string): boolean {
  // `@app.get(...)`, `@dataclass`: decorators.
  if (text.charCodeAt(0) === 64 && isLetter(text.charCodeAt(1))) return true;
  for (const start of CODE_STARTS) {
    if (!text.startsWith(start)) continue;
    if (start === 'from ') return text.includes(' import ');
    // A start ending in a space or bracket is a whole token. A bare word (`return`, `fi`,
    // `then`) counts only alone or followed by `;`, `(` or `:`, so prose that merely opens
    // with the word ("then keep it cheap.") stays prose.
    if (!isIdentChar(start.charCodeAt(start.length - 1))) return true;
    if (start.length === text.length) return true;
    const after = text.charCodeAt(start.length);
    return after === 59 || after === 40 || after === 58;
  }
  return false;
}

/** A YAML-like `key:` or `key: value` line with a one-token key (`jobs:`, `runs-on: x`, `- uses: y`). */
export function isYamlKeyLine(text: string): boolean {
  let i = text.startsWith('- ') ? 2 : 0;
  const start = i;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isIdentChar(code) || code === 45 || code === 46) i++;
    else break;
  }
  if (i === start || text.charCodeAt(i) !== 58) return false;
  return i + 1 === text.length || text.charCodeAt(i + 1) === 32;
}

/** Code when seen on its own: not prose, and a code keyword start or code punctuation. */
export function looksLikeCode(text: string, measure: number = measureLine(text)): boolean {
  return !isProse(text, measure) && (codeBitOf(measure) || hasCodeStart(text));
}

/** Lines that continue an open code block: comments and closing brackets. */
export function continuesCode(text: string): boolean {
  const first = text.charCodeAt(0);
  return first === 35 /* # */ || first === 125 /* } */ || first === 41 /* ) */ || first === 93 /* ] */ || text.startsWith('//') || text.startsWith('--');
}

/**
 * A heading: a short line without sentence punctuation (`why this matters`, `Production
 * Checks:`). Returns the heading text (trailing colon and markdown `#`s removed) or null.
 */
export function headingText(text: string): string | null {
  let heading = text;
  if (heading.charCodeAt(0) === 35 /* # */) {
    let i = 0;
    while (heading.charCodeAt(i) === 35) i++;
    if (heading.charCodeAt(i) !== 32) return null;
    heading = heading.slice(i + 1).trim();
  }
  if (heading.endsWith(':')) heading = heading.slice(0, -1).trimEnd();
  if (heading.length === 0 || heading.length > 80) return null;
  if (!isLetter(heading.charCodeAt(0)) && !isDigit(heading.charCodeAt(0))) return null;
  const last = heading.charAt(heading.length - 1);
  if (last === '.' || last === '!' || last === '?' || last === ',' || last === ';') return null;
  if (heading.includes('. ') || hasCodePunctuation(heading)) return null;
  return countWords(heading) <= 10 ? heading : null;
}
