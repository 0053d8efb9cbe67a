/**
 * Sentence splitting for prose paragraphs: a sentence ends at `.`, `!` or `?` (possibly
 * repeated or followed by a closing quote or bracket) followed by whitespace or the end of
 * the text. Dots inside tokens (`1.3.1`, `example.com`, `e.g.x`) do not split.
 */

export interface Sentence {
  text: string;
  /** 0-based offset of the sentence's first character in the paragraph text. */
  start: number;
  /** 0-based offset just past its last character. */
  end: number;
}

const SENTENCE = /[^\s][^]*?(?:[.!?]+["'’”)\]]*(?=\s|$)|$)/gu;

export function splitSentences(text: string): Sentence[] {
  const result: Sentence[] = [];
  SENTENCE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = SENTENCE.exec(text)) !== null) {
    if (match[0].length === 0) {
      SENTENCE.lastIndex++;
      continue;
    }
    const sentence = match[0].trimEnd();
    if (sentence.length > 0) result.push({ text: sentence, start: match.index, end: match.index + sentence.length });
    if (SENTENCE.lastIndex >= text.length) break;
  }
  return result;
}
