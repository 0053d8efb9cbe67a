/**
 * Text normalisation shared by the duplication rules: two paragraphs that differ only in
 * case, whitespace (incl. NBSP, tabs) or punctuation normalise to the same string.
 * Hot path (every paragraph of every post): ASCII text, the common case, skips NFKC and the
 * Unicode-property regex.
 */

const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_SEPARATORS = /[^a-z0-9]+/;
const SEPARATORS = /[\p{P}\p{S}\p{Cc}\s]+/u;

/** Lower case, NFKC, punctuation, symbols and control characters dropped, whitespace folded. */
export function normaliseText(text: string): string {
  return words(text).join(' ');
}

/** The words of a text after normalisation (see normaliseText). */
export function words(text: string): string[] {
  const lower = text.toLowerCase();
  const parts = NON_ASCII.test(lower) ? lower.normalize('NFKC').split(SEPARATORS) : lower.split(ASCII_SEPARATORS);
  // split leaves an empty string at either end when the text starts or ends with a separator.
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length > 0 && parts[0] === '') parts.shift();
  return parts;
}

/** Whitespace folded to single spaces and lower case, punctuation kept (for phrase matching). */
export function foldSpaces(text: string): string {
  return text.normalize('NFKC').toLowerCase().split(/\s+/u).filter((part) => part.length > 0).join(' ');
}

/** `"a long text…"`: quoted, cut at `max` characters, for messages. */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}

const ASCII_SEPARATOR_RUNS = /[^a-z0-9]+/g;

/**
 * The normalised key of a short text and its word count, without building a word array
 * for ASCII text (the hot path of sentence comparison). Same result as words(text).join(' ').
 */
export function keyAndCount(text: string): { key: string; count: number } {
  const lower = text.toLowerCase();
  if (NON_ASCII.test(lower)) {
    const list = words(text);
    return { key: list.join(' '), count: list.length };
  }
  const key = lower.replace(ASCII_SEPARATOR_RUNS, ' ').trim();
  if (key.length === 0) return { key, count: 0 };
  let count = 1;
  for (let index = 0; index < key.length; index++) if (key.charCodeAt(index) === 32) count++;
  return { key, count };
}
