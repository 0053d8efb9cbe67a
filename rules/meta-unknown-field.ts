/** meta-unknown-field: a label the meta schema does not know, with a did-you-mean. */
import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { FIELD_SPECS, normaliseLabel, specForLabel } from '../src/meta/fields.js';
import { nearest } from '../src/text/levenshtein.js';

const LABELS = FIELD_SPECS.map((spec) => spec.label);

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
      context.report({ line: extra.line, message: `unknown meta field "${extra.label}"${hint}` });
    }
  },
});
