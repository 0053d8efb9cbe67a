/** meta-unknown-field: a label the meta schema does not know, with a did-you-mean. */
import { z } from 'zod';
import { labelTypoOf, type SourceText } from '../src/engine/fixer.js';
import { defineRule } from '../src/engine/rule.js';
import type { Fix } from '../src/model/finding.js';
import { FIELD_SPECS, normaliseLabel, specForLabel } from '../src/meta/fields.js';
import { nearest } from '../src/text/levenshtein.js';

const LABELS = FIELD_SPECS.map((spec) => spec.label);

/**
 * The fix: the misspelt label rewritten as the known one, when that label is the unique
 * nearest, the field is not in the box already and the line starts with the label as
 * reported (its value and separator are left as they are).
 */
function labelFix(source: SourceText | null, label: string, line: number, fields: object): { fix?: Fix } {
  if (!source || label.length === 0) return {};
  const key = labelTypoOf(label);
  if (key === undefined || key in fields) return {};
  const raw = source.lines[line - 1] ?? '';
  const indent = raw.length - raw.trimStart().length;
  if (!raw.startsWith(label, indent)) return {};
  const spec = FIELD_SPECS.find((candidate) => candidate.key === key)!;
  return { fix: { edits: [{ line, column: indent + 1, endLine: line, endColumn: indent + 1 + label.length, text: spec.label }] } };
}

export default defineRule({
  meta: {
    id: 'meta-unknown-field',
    description: 'A meta label the schema does not know (often a typo of a known one, which is suggested).',
    defaultSeverity: 'warn',
    tags: ['meta'],
    docs: 'docs/rules/meta-unknown-field.md',
    schema: z.strictObject({
      allow: z.array(z.string()).default([]).describe('Extra labels your pipeline adds on purpose; not reported (any case and spacing).'),
    }),
    fixable: true,
  },
  check(post, context) {
    const meta = post.meta;
    if (!meta) return;
    const allowed = new Set(context.options.allow.map(normaliseLabel));
    for (const extra of meta.extra) {
      if (specForLabel(extra.label)) continue;
      const label = normaliseLabel(extra.label);
      if (allowed.has(label)) continue;
      const suggestion = nearest(label, LABELS);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : '; expected one of the known labels (see `anp schema post`)';
      context.report({ line: extra.line, message: `unknown meta field "${extra.label}"${hint}`, ...labelFix(context.source, extra.label, extra.line, meta.fields) });
    }
  },
});
