/**
 * The fix kit: what rules build their fixes with (positions over the source text, removing
 * whole lines, which misspelt meta label is unambiguous). The engine applies and checks the
 * fixes (src/engine/fix.ts); the positions are described there.
 */
import { FIELD_SPECS, normaliseLabel, specForLabel, type MetaKey } from '../meta/fields.js';
import type { Fix } from '../model/finding.js';
import { editDistance } from '../text/levenshtein.js';

/** A text with its line starts: offsets for (line, column) positions, and the lines themselves. */
export class SourceText {
  /** Each line's text, without its terminator. */
  readonly lines: readonly string[];
  /** Offset of each line's first character; one more entry: the end of the text. */
  private readonly starts: number[];

  constructor(readonly text: string) {
    const lines: string[] = [];
    const starts: number[] = [];
    let at = 0;
    while (at < text.length) {
      starts.push(at);
      let end = at;
      while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      lines.push(text.slice(at, end));
      if (end < text.length) end += text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1;
      at = end;
    }
    starts.push(text.length);
    this.lines = lines;
    this.starts = starts;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** True when the last line ends with a line break (or the text is empty). */
  get endsWithNewline(): boolean {
    const last = this.text.charCodeAt(this.text.length - 1);
    return this.text.length === 0 || last === 10 || last === 13;
  }

  /** The offset of a position, or -1 when it is outside the text. */
  offset(line: number, column: number): number {
    if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1) return -1;
    if (line === this.lines.length + 1) return column === 1 ? this.text.length : -1;
    const text = this.lines[line - 1];
    if (text === undefined || column > text.length + 1) return -1;
    return this.starts[line - 1]! + column - 1;
  }

  /** Whether a line exists and holds only whitespace. */
  isBlank(line: number): boolean {
    const text = this.lines[line - 1];
    return text !== undefined && text.trim().length === 0;
  }
}

/**
 * The fix that removes lines `first`..`last` whole, with the blank line after them (or,
 * when there is none, the blank line before), so paragraphs stay one blank line apart.
 * The last line of a file without a final newline takes the line break before it instead,
 * so the file's final-newline state does not change.
 */
export function removeLinesFix(source: SourceText, first: number, last: number): Fix {
  let from = first;
  let to = last;
  if (source.isBlank(to + 1)) to++;
  else if (source.isBlank(from - 1)) from--;
  if (to === source.lineCount && !source.endsWithNewline && from > 1) {
    const previous = source.lines[from - 2]!;
    return { edits: [{ line: from - 1, column: previous.length + 1, endLine: to, endColumn: source.lines[to - 1]!.length + 1, text: '' }] };
  }
  return { edits: [{ line: from, column: 1, endLine: to + 1, endColumn: 1, text: '' }] };
}

/** The key of the known label an unknown label is a misspelling of (the unique nearest), if any. */
export function labelTypoOf(label: string): MetaKey | undefined {
  const normalised = normaliseLabel(label);
  if (normalised.length === 0 || specForLabel(normalised)) return undefined;
  return uniqueNearestLabel(normalised);
}

/** The one known label nearest to `label` within meta-unknown-field's distance, or undefined when none or a tie. */
export function uniqueNearestLabel(label: string): MetaKey | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(label.length / 3)));
  let best: MetaKey | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const spec of FIELD_SPECS) {
    const distance = editDistance(label, spec.label, limit);
    if (distance < bestDistance) {
      best = spec.key;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) tie = true;
  }
  return bestDistance <= limit && !tie ? best : undefined;
}

