/**
 * meta-label-style: a known meta label written differently from the rest of its box: in
 * another case or spacing than the schema's (`READING TIME`, `reading  time`), or with
 * another separator before its value than the box's usual one (`reading time: 13` in a box
 * that glues its values, `difficulty - advanced`). Fixable: the label and separator are
 * rewritten, the value is left as it is.
 */
import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { fieldSpec, type FieldSpec, type MetaKey } from '../src/meta/fields.js';
import { labelEnd } from '../src/text/label.js';

type Style = 'glued' | 'colon';
const SEPARATOR: Record<Style, string> = { glued: '', colon: ': ' };

interface LabelLine {
  spec: FieldSpec;
  line: number;
  indent: number;
  /** The label as written. */
  written: string;
  /** What stands between the label and the value (`''`, `': '`, ` - `, …). */
  separator: string;
  value: string;
}



/** The separator at the start of `rest`, as the parser skips it; the value is what follows. */
function splitSeparator(rest: string): { separator: string; value: string } {
  const value = rest.trimStart();
  const first = value.charAt(0);
  const spaced = rest.length > value.length;
  if (first === ':' || first === '=' || first === '|' || ((first === '-' || first === '–' || first === '—') && spaced)) {
    const after = value.slice(1).trimStart();
    return { separator: rest.slice(0, rest.length - after.length), value: after.trimEnd() };
  }
  return { separator: rest.slice(0, rest.length - value.length), value: value.trimEnd() };
}

/** A glued value that the parser would read differently: it must not start with a space or a separator character. */
function gluable(value: string): boolean {
  return !/^[\s:=|\-–—]/u.test(value);
}

export default defineRule({
  meta: {
    id: 'meta-label-style',
    description: 'A meta label written in another case, spacing or separator style than the rest of its box.',
    defaultSeverity: 'warn',
    tags: ['meta'],
    docs: 'docs/rules/meta-label-style.md',
    schema: z.strictObject({
      separator: z
        .enum(['consistent', 'glued', 'colon'])
        .default('consistent')
        .describe('`consistent`: the separator most of the box uses (glued on a tie); `glued`: `reading time13`; `colon`: `reading time: 13`.'),
    }),
    fixable: true,
  },
  check(post, context) {
    const meta = post.meta;
    const source = context.source;
    if (!meta || !source) return;
    const lines: LabelLine[] = [];
    for (const [key, line] of Object.entries(meta.fieldLines) as Array<[MetaKey, number]>) {
      const spec = fieldSpec(key);
      const raw = source.lines[line - 1];
      if (raw === undefined) continue;
      const indent = raw.length - raw.trimStart().length;
      const text = raw.slice(indent);
      const end = labelEnd(text, spec.label);
      if (end === -1) continue;
      const { separator, value } = splitSeparator(text.slice(end));
      lines.push({ spec, line, indent, written: text.slice(0, end), separator, value });
    }
    let style: Style;
    if (context.options.separator !== 'consistent') style = context.options.separator;
    else {
      const withValue = lines.filter((entry) => entry.value.length > 0);
      const colon = withValue.filter((entry) => entry.separator === SEPARATOR.colon).length;
      const glued = withValue.filter((entry) => entry.separator === '').length;
      style = colon > glued ? 'colon' : 'glued';
    }
    const wanted = SEPARATOR[style];
    for (const entry of lines) {
      const labelOk = entry.written === entry.spec.label;
      const separatorOk = entry.value.length === 0 || entry.separator === wanted;
      if (labelOk && separatorOk) continue;
      const problems: string[] = [];
      if (!labelOk) problems.push(`label "${entry.written}" is not written "${entry.spec.label}"`);
      if (!separatorOk) problems.push(`its value follows ${entry.separator === '' ? 'glued to the label' : `"${entry.separator}"`} where the box ${style === 'glued' ? 'glues values to their labels' : 'writes ": "'}`);
      // Only the label and separator change; a value the parser would read differently is not fixed.
      const fixable = entry.value.length === 0 || style === 'colon' || gluable(entry.value);
      const start = entry.indent + 1;
      const end = start + entry.written.length + (entry.value.length > 0 ? entry.separator.length : 0);
      const replacement = entry.spec.label + (entry.value.length > 0 ? wanted : '');
      context.report({
        line: entry.line,
        column: start,
        message: `meta field "${entry.spec.label}": ${problems.join('; ')}`,
        ...(fixable ? { fix: { edits: [{ line: entry.line, column: start, endLine: entry.line, endColumn: end, text: replacement }] } } : {}),
      });
    }
  },
});
