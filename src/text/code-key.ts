/** The key code blocks are compared by: trailing whitespace of each line and leading and trailing blank lines dropped. */
export function codeKey(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n+$/u, '')
    .replace(/^\n+/u, '');
}
