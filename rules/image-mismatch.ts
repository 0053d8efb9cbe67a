/** image-mismatch: `flags.hasImages` or the `imageSources` count disagrees with the figures. */
import { z } from 'zod';
import { arrayField, fieldLine, plural, subBoolean } from '../src/engine/meta-access.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'image-mismatch',
    description: '`flags.hasImages` disagrees with the figures in the body, or the `imageSources` count differs from the figure count.',
    defaultSeverity: 'warn',
    tags: ['consistency'],
    docs: 'docs/rules/image-mismatch.md',
    schema: z.strictObject({}),
  },
  check(post, context) {
    const figures = post.images.length;
    const related = post.images.slice(0, 10).map((image) => ({ line: image.line, message: 'figure' }));
    const hasImages = subBoolean(post, 'flags', 'hasImages');
    if (hasImages === true && figures === 0) {
      context.report({ line: fieldLine(post, 'flags'), message: 'flags.hasImages is 1 but the body has no figures; expected 0, or figures in the body' });
    } else if (hasImages === false && figures > 0) {
      context.report({
        line: fieldLine(post, 'flags'),
        message: `flags.hasImages is 0 but the body has ${plural(figures, 'figure')}; expected 1`,
        related,
      });
    }
    const sources = arrayField(post, 'imageSources');
    if (sources !== undefined && sources.length !== figures) {
      context.report({
        line: fieldLine(post, 'imageSources'),
        message: `imageSources lists ${plural(sources.length, 'image')} but the body has ${plural(figures, 'figure')}; expected one source per figure`,
        ...(related.length > 0 ? { related } : {}),
      });
    }
  },
});
