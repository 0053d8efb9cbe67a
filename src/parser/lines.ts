/**
 * Text -> lines. CRLF, CR and LF each end a line; a final line break does not start a new
 * (empty) line, so `stats.lines` matches what an editor shows.
 */
export function splitLines(text: string): string[] {
  if (text.length === 0) return [];
  // Most files use LF only: a single-character split is much cheaper than the regex.
  const lines = text.indexOf('\r') === -1 ? text.split('\n') : text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Number of whitespace-separated words. Lines of single-space-separated words (nearly all)
 * are counted by hopping from space to space with the native `indexOf`; others character by
 * character.
 */
export function countWords(text: string): number {
  // Tabs and NBSP (line breaks cannot occur: the text is already split) take the careful
  // count; two single-character indexOf scans are cheaper than one character-class regex.
  if (text.indexOf('\t') !== -1 || text.indexOf('\u00a0') !== -1) return countWordsByCharacter(text);
  let words = text.length > 0 && text.charCodeAt(0) !== 32 ? 1 : 0;
  for (let space = text.indexOf(' '); space !== -1; space = text.indexOf(' ', space + 1)) {
    // A word starts after each space that is followed by something other than a space.
    if (space + 1 < text.length && text.charCodeAt(space + 1) !== 32) words++;
  }
  return words;
}

function countWordsByCharacter(text: string): number {
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
