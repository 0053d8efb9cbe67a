/** meta-field-missing: a required meta field is absent from a present meta box. */
import { z } from 'zod';
import { expectedMetaFields } from '../src/engine/meta-access.js';
import { defineRule } from '../src/engine/rule.js';
import { fieldSpec, META_KEYS, type MetaKey } from '../src/meta/fields.js';

const MetaKeySchema = z.enum(META_KEYS as [MetaKey, ...MetaKey[]]);

export default defineRule({
  meta: {
    id: 'meta-field-missing',
    description: 'Fields listed in `required` are absent from the meta box (`imageSources` only when `flags.hasImages` is true).',
    defaultSeverity: 'error',
    tags: ['meta'],
    docs: 'docs/rules/meta-field-missing.md',
    schema: z.strictObject({
      required: z.array(MetaKeySchema).default(() => [...META_KEYS]).describe('Canonical keys that must be present; `imageSources` is only required when `flags.hasImages` is true.'),
    }),
  },
  check(post, context) {
    const meta = post.meta;
    if (!meta) return;
    // In catalog order, whatever order the option lists them in.
    const { missing } = expectedMetaFields(post, context.options.required);
    if (missing.length === 0) return;
    // One finding per box: a stub box would otherwise produce a screenful of lines.
    const names = missing.map((key) => `${key} (label "${fieldSpec(key).label}")`);
    const why = missing.includes('imageSources') ? '; imageSources is required because flags.hasImages is 1' : '';
    context.report({
      line: meta.line,
      message:
        missing.length === 1
          ? `meta field ${names[0]} is missing${why}; expected it in the meta box`
          : `meta box is missing ${missing.length} required fields: ${names.join(', ')}${why}; expected them in the meta box`,
    });
  },
});
