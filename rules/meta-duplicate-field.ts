/** meta-duplicate-field: a known meta field given twice (the first copy wins). */
import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { specForLabel } from '../src/meta/fields.js';

export default defineRule({
  meta: {
    id: 'meta-duplicate-field',
    description: 'A meta field given twice; the first value wins in the export and the second is kept under `extra`.',
    defaultSeverity: 'warn',
    tags: ['meta'],
    docs: 'docs/rules/meta-duplicate-field.md',
    schema: z.strictObject({}),
  },
  check(post, context) {
    const meta = post.meta;
    if (!meta) return;
    for (const extra of meta.extra) {
      const spec = specForLabel(extra.label);
      if (!spec) continue;
      const firstLine = meta.fieldLines[spec.key];
      const first = firstLine === undefined ? 'earlier' : `first at line ${firstLine}`;
      context.report({
        line: extra.line,
        message: `meta field ${spec.key} (label "${spec.label}") is given again (${first}); expected it once — the first value is used`,
        ...(firstLine === undefined ? {} : { related: [{ line: firstLine, message: 'first copy' }] }),
      });
    }
  },
});
