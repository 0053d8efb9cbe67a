/** meta-field-missing: a required meta field is absent from a present meta box. */
import { z } from 'zod';
import { subBoolean } from '../src/engine/meta-access.js';
import { defineRule } from '../src/engine/rule.js';
import { fieldSpec, META_KEYS, type MetaKey } from '../src/meta/fields.js';

const MetaKeySchema = z.enum(META_KEYS as [MetaKey, ...MetaKey[]]);

export default defineRule({
  meta: {
    id: 'meta-field-missing',
    description: 'A field listed in `required` is absent from the meta box (`imageSources` only when `flags.hasImages` is true).',
    defaultSeverity: 'error',
    tags: ['meta'],
    docs: 'docs/rules/meta-field-missing.md',
    schema: z.strictObject({
      /** Canonical keys that must be present; `imageSources` is only required when `flags.hasImages` is true. */
      required: z.array(MetaKeySchema).default(() => [...META_KEYS]),
    }),
  },
  check(post, context) {
    const meta = post.meta;
    if (!meta) return;
    const hasImages = subBoolean(post, 'flags', 'hasImages') === true;
    for (const key of new Set(context.options.required)) {
      if (meta.fields[key] !== undefined) continue;
      if (key === 'imageSources' && !hasImages) continue;
      const why = key === 'imageSources' ? ' (flags.hasImages is 1)' : '';
      context.report({
        line: meta.line,
        message: `meta field ${key} (label "${fieldSpec(key).label}") is missing${why}; expected it in the meta box`,
      });
    }
  },
});
