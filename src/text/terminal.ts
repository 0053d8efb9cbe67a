/**
 * Fitting text to a terminal: the width (`process.stdout.columns`, 80 when unknown) and
 * wrapping with a hanging indent. string-width and wrap-ansi measure what a terminal shows
 * (East Asian wide characters take two columns, emoji, combining marks and ANSI colour codes
 * none), which counting code points gets wrong.
 */
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

export const DEFAULT_COLUMNS = 80;
/** Narrower than this, wrapping makes output worse, not better. */
const MIN_TEXT_COLUMNS = 20;

/** The width of a stream that may be a terminal (`columns` is set on a TTY). */
export function terminalColumns(stream: { columns?: number | undefined; isTTY?: boolean | undefined } | undefined): number {
  const columns = stream?.columns;
  return typeof columns === 'number' && Number.isInteger(columns) && columns > 0 ? columns : DEFAULT_COLUMNS;
}

export function displayWidth(text: string): number {
  return stringWidth(text);
}

export function padEndTo(text: string, size: number): string {
  return text + ' '.repeat(Math.max(0, size - stringWidth(text)));
}

export function padStartTo(text: string, size: number): string {
  return ' '.repeat(Math.max(0, size - stringWidth(text))) + text;
}

/**
 * `prefix` then `text` wrapped to `columns`, continuation lines indented to the text's column
 * (a hanging indent). Words longer than a line are broken. When the prefix leaves too little
 * room, the text goes under it, indented by `fallbackIndent`.
 */
export function hangingWrap(prefix: string, text: string, columns: number, fallbackIndent = 4): string[] {
  const indent = stringWidth(prefix);
  const room = columns - indent;
  if (room < MIN_TEXT_COLUMNS) {
    const under = ' '.repeat(fallbackIndent);
    const lines = wrapAnsi(text, Math.max(MIN_TEXT_COLUMNS, columns - fallbackIndent), { hard: true, trim: true }).split('\n');
    return [prefix.trimEnd(), ...lines.map((line) => under + line)];
  }
  const lines = wrapAnsi(text, room, { hard: true, trim: true }).split('\n');
  const pad = ' '.repeat(indent);
  return lines.map((line, index) => (index === 0 ? prefix : pad) + line);
}
