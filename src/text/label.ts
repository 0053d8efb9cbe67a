/**
 * Matching a known label at the start of a line the way the meta box writes them: case
 * folded, and a space in the label matching any run of spaces, tabs or NBSPs in the text
 * (`Reading  Time13` starts with `reading time`). Shared by the meta box reader and the
 * label-style rule, so both read a label the same way.
 */

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

/** Where `label` (lower-case ASCII letters and single spaces) ends at the start of `text`, or -1. */
export function labelEnd(text: string, label: string): number {
  let at = 0;
  for (let l = 0; l < label.length; l++) {
    const want = label.charCodeAt(l);
    if (want === 32) {
      const start = at;
      while (at < text.length && isSpace(text.charCodeAt(at))) at++;
      if (at === start) return -1;
      continue;
    }
    const got = text.charCodeAt(at);
    // Labels hold only lower-case ASCII letters, so `| 0x20` folds exactly the upper case.
    if (got !== want && (got | 0x20) !== want) return -1;
    at++;
  }
  return at;
}
