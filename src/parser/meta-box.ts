/**
 * Reads the `alphanode post meta` box line by line. Labels were separate HTML elements, so
 * the scrape glued them to their values (`reading time13`): a line is split by matching the
 * known labels longest first at its start, case- and spacing-insensitively, then skipping an
 * optional separator (`:`, `-`, `–`, `=`) for boxes written by hand (`reading time: 13`).
 * Bullets below a label belong to it. Unknown labels, repeated fields and stray lines go to
 * `extra`, verbatim, so nothing in the box is lost.
 */
import { LABELS_LONGEST_FIRST, fieldSpec, type FieldSpec, type MetaKey } from '../meta/fields.js';
import { rawText, typeField, type RawBullet, type RawField } from '../meta/typing.js';
import type { Meta, MetaExtra, MetaValue } from '../model/post.js';
import { labelEnd } from '../text/label.js';

interface OpenField {
  spec: FieldSpec | null;
  /** The label as written (for extra entries). */
  label: string;
  line: number;
  inline: string;
  bullets: RawBullet[];
  /** A known field seen before: exported under extra, first one wins. */
  duplicate: boolean;
}


export class MetaBoxReader {
  private readonly fields = new Map<MetaKey, RawField>();
  private readonly fieldLines = new Map<MetaKey, number>();
  private readonly extra: MetaExtra[] = [];
  private open: OpenField | null = null;

  constructor(private readonly markerLine: number) {}

  /** A non-blank line inside the box; `text` is trimmed. */
  addLine(text: string, line: number, bullet: string | null): void {
    if (bullet !== null) {
      if (this.open) this.open.bullets.push({ text: bullet, line });
      // A bullet before any label has no field to belong to; keep it verbatim.
      else this.extra.push({ label: '', value: text, line });
      return;
    }
    this.close();
    const label = matchLabel(text);
    if (label) {
      const duplicate = this.fields.has(label.spec.key);
      this.open = { spec: label.spec, label: label.written, line, inline: label.value, bullets: [], duplicate };
      return;
    }
    const separated = splitUnknownLabel(text);
    this.open = {
      spec: null,
      label: separated ? separated.label : text,
      line,
      inline: separated ? separated.value : '',
      bullets: [],
      duplicate: false,
    };
  }

  /** A line that is no field of this box (a second marker): kept verbatim under extra. */
  addStray(text: string, line: number): void {
    this.close();
    this.extra.push({ label: text, value: '', line });
  }

  finish(): Meta {
    this.close();
    const fields: Partial<Record<MetaKey, MetaValue>> = {};
    const fieldLines: Partial<Record<MetaKey, number>> = {};
    // File order: fields in the order their labels appeared.
    for (const [key, raw] of this.fields) {
      fields[key] = typeField(fieldSpec(key), raw);
      fieldLines[key] = this.fieldLines.get(key)!;
    }
    const extra = [...this.extra].sort((a, b) => a.line - b.line);
    return { line: this.markerLine, fields, fieldLines, extra };
  }

  private close(): void {
    const field = this.open;
    if (!field) return;
    this.open = null;
    if (field.spec && !field.duplicate) {
      this.fields.set(field.spec.key, { inline: field.inline, bullets: field.bullets });
      this.fieldLines.set(field.spec.key, field.line);
      return;
    }
    // Unknown labels and second copies are kept as written: label, raw value, line.
    this.extra.push({ label: field.label, value: rawText(field), line: field.line });
  }
}

interface LabelMatch {
  spec: FieldSpec;
  written: string;
  value: string;
}

/** Known labels by their first letter, longest first within each letter. */
const LABELS_BY_FIRST_LETTER = new Map<number, FieldSpec[]>();
for (const spec of LABELS_LONGEST_FIRST) {
  const first = spec.label.charCodeAt(0);
  const list = LABELS_BY_FIRST_LETTER.get(first) ?? [];
  list.push(spec);
  LABELS_BY_FIRST_LETTER.set(first, list);
}

/**
 * Matches a known label at the start of `text`, longest first, folding ASCII case and
 * letting one space of the label match any run of spaces, tabs or NBSPs. The value is cut
 * from the original text unchanged. Compares character codes in place: no allocation.
 */
function matchLabel(text: string): LabelMatch | null {
  const candidates = LABELS_BY_FIRST_LETTER.get(text.charCodeAt(0) | 0x20);
  if (!candidates) return null;
  for (const spec of candidates) {
    const end = labelEnd(text, spec.label);
    if (end !== -1) return { spec, written: text.slice(0, end), value: skipSeparator(text.slice(end)) };
  }
  return null;
}



/** `: 13`, ` - advanced`, ` = x`, `13` -> the value without the separator. */
function skipSeparator(rest: string): string {
  const value = rest.trimStart();
  const first = value.charAt(0);
  if (first === ':' || first === '=' || first === '|') return value.slice(1).trim();
  if ((first === '-' || first === '–' || first === '—') && rest.length > value.length) {
    // ` - advanced` is a separator; `-5` glued to the label is a (negative) value.
    return value.slice(1).trim();
  }
  return value.trimEnd();
}

/** `canonical url: https://…` -> label and value; a line with no separator -> null. */
function splitUnknownLabel(text: string): { label: string; value: string } | null {
  const colon = text.indexOf(': ');
  const at = colon > 0 ? colon : text.endsWith(':') ? text.length - 1 : -1;
  if (at <= 0 || at > 60) return null;
  return { label: text.slice(0, at).trim(), value: text.slice(at + 1).trim() };
}
