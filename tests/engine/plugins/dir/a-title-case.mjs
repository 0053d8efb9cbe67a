import { z } from 'zod';

const rule = {
  meta: {
    id: 'max-title-length',
    description: 'A title longer than `max` characters.',
    defaultSeverity: 'error',
    schema: z.strictObject({ max: z.int().positive().default(80) }),
  },
  check(post, context) {
    if (post.title !== null && post.title.length > context.options.max) {
      context.report({ line: 1, message: `title is ${post.title.length} characters; expected at most ${context.options.max}` });
    }
  },
};
export default rule;
