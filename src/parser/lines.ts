/**
 * Text -> lines. CRLF, CR and LF each end a line; a final line break does not start a new
 * (empty) line, so `stats.lines` matches what an editor shows.
 */
export function splitLines(text: string): string[] {
  if (text.length === 0) return [];
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** True for lines with nothing but whitespace (spaces, tabs, NBSP, other Unicode spaces). */
export function isBlank(line: string): boolean {
  return line.length === 0 || line.trim().length === 0;
}

/** True when the raw line starts with indentation (a space, a tab or a non-breaking space). */
export function isIndented(line: string): boolean {
  const first = line.charCodeAt(0);
  return first === 32 || first === 9 || first === 0xa0;
}

/** Number of whitespace-separated words, counted without allocating. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || code === 9 || code === 0xa0 || code === 10 || code === 13;
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words;
}
