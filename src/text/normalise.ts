/**
 * Text normalisation shared by the duplication rules: two paragraphs that differ only in
 * case, whitespace (incl. NBSP, tabs) or punctuation normalise to the same string.
 */

const PUNCTUATION = /[\p{P}\p{S}]+/gu;
const WHITESPACE = /\s+/u;

/** Lower case, NFKC, punctuation and symbols dropped, whitespace folded to single spaces. */
export function normaliseText(text: string): string {
  return words(text).join(' ');
}

/** The words of a text after normalisation (see normaliseText). */
export function words(text: string): string[] {
  const folded = text.normalize('NFKC').toLowerCase().replace(PUNCTUATION, ' ');
  return folded.split(WHITESPACE).filter((word) => word.length > 0);
}

/** Whitespace folded to single spaces and lower case, punctuation kept (for phrase matching). */
export function foldSpaces(text: string): string {
  return text.normalize('NFKC').toLowerCase().split(WHITESPACE).filter((part) => part.length > 0).join(' ');
}

/** `"a long text…"`: quoted, cut at `max` characters, for messages. */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}
