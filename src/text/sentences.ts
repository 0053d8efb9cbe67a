/**
 * Sentence splitting for prose paragraphs: a sentence ends at `.`, `!` or `?` (possibly
 * repeated, and followed by closing quotes or brackets) followed by whitespace or the end of
 * the text. Dots inside tokens (`1.3.1`, `example.com`) do not split. One linear regex scan.
 */

export interface Sentence {
  text: string;
  /** 0-based offset of the sentence's first character in the paragraph text. */
  start: number;
  /** 0-based offset just past its last character. */
  end: number;
}

const END = /[.!?]+["'’”)\]]*(?=\s|$)/gu;

export function splitSentences(text: string): Sentence[] {
  const result: Sentence[] = [];
  let from = 0;
  const push = (to: number) => {
    const slice = text.slice(from, to);
    const trimmed = slice.trim();
    if (trimmed.length > 0) {
      const start = from + (slice.length - slice.trimStart().length);
      result.push({ text: trimmed, start, end: start + trimmed.length });
    }
  };
  END.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = END.exec(text)) !== null) {
    const to = match.index + match[0].length;
    push(to);
    from = to;
  }
  if (from < text.length) push(text.length);
  return result;
}

/** A sentence found by `sentenceKeys`: where it is, how many words it has, and a hash of its normalised key. */
export interface SentenceKey {
  start: number;
  end: number;
  /** Normalised words (same as words(text).length). */
  words: number;
  /** 53-bit hash of the normalised key (words joined by single spaces); equal keys give equal hashes. */
  hash: number;
}

const NON_ASCII = /[^\x00-\x7f]/;
const PRIME_1 = 0x01000193;
const PRIME_2 = 0x5bd1e995;
const BASIS_1 = 0x811c9dc5 | 0;
const BASIS_2 = 0x12345678;

/** The 53-bit hash `sentenceKeys` gives a normalised key (for keys computed another way). */
export function keyHash(key: string): number {
  let h1 = BASIS_1;
  let h2 = BASIS_2;
  for (let index = 0; index < key.length; index++) {
    const code = key.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, PRIME_1);
    h2 = Math.imul(h2 ^ code, PRIME_2);
  }
  return (h1 >>> 0) * 2_097_152 + ((h2 >>> 0) & 0x1fffff);
}

const isAsciiSpace = (code: number) => code === 32 || (code >= 9 && code <= 13);
const isTerminal = (code: number) => code === 46 || code === 33 || code === 63; // . ! ?
const isAsciiCloser = (code: number) => code === 34 || code === 39 || code === 41 || code === 93; // " ' ) ]

/**
 * The sentences of a paragraph with their normalised-key hashes, in one allocation-free pass
 * over ASCII text (the hot path of repeated-sentence); other text goes through
 * splitSentences + normalisation. Same boundaries and keys either way.
 */
export function sentenceKeys(text: string, normalise: (sentence: string) => { key: string; count: number }): SentenceKey[] {
  if (NON_ASCII.test(text)) {
    return splitSentences(text).map((sentence) => {
      const { key, count } = normalise(sentence.text);
      return { start: sentence.start, end: sentence.end, words: count, hash: keyHash(key) };
    });
  }
  const result: SentenceKey[] = [];
  const length = text.length;
  let start = -1;
  let h1 = BASIS_1;
  let h2 = BASIS_2;
  let words = 0;
  let inWord = false;
  const finish = (end: number) => {
    result.push({ start, end, words, hash: (h1 >>> 0) * 2_097_152 + ((h2 >>> 0) & 0x1fffff) });
    start = -1;
  };
  for (let index = 0; index < length; index++) {
    let code = text.charCodeAt(index);
    if (start === -1) {
      if (isAsciiSpace(code)) continue;
      start = index;
      h1 = BASIS_1;
      h2 = BASIS_2;
      words = 0;
      inWord = false;
    }
    if (isTerminal(code)) {
      let after = index + 1;
      while (after < length && isTerminal(text.charCodeAt(after))) after++;
      while (after < length && isAsciiCloser(text.charCodeAt(after))) after++;
      if (after === length || isAsciiSpace(text.charCodeAt(after))) {
        finish(after);
        index = after - 1;
        continue;
      }
    }
    if (code >= 65 && code <= 90) code += 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (!inWord) {
        if (words > 0) {
          h1 = Math.imul(h1 ^ 32, PRIME_1);
          h2 = Math.imul(h2 ^ 32, PRIME_2);
        }
        words++;
        inWord = true;
      }
      h1 = Math.imul(h1 ^ code, PRIME_1);
      h2 = Math.imul(h2 ^ code, PRIME_2);
    } else {
      inWord = false;
    }
  }
  if (start !== -1) {
    let end = length;
    while (end > start && isAsciiSpace(text.charCodeAt(end - 1))) end--;
    finish(end);
  }
  return result;
}
