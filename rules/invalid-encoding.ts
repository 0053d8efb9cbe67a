/** invalid-encoding: bytes that are not valid UTF-8, one finding per affected line. */
import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'invalid-encoding',
    description: 'Bytes that are not valid UTF-8; the file is still decoded (as U+FFFD), parsed and exported.',
    defaultSeverity: 'error',
    tags: ['input'],
    docs: 'docs/rules/invalid-encoding.md',
    schema: z.strictObject({}),
  },
  check(_post, context) {
    const lines = [...new Set(context.input.invalidUtf8Lines)].sort((a, b) => a - b);
    for (const line of lines) {
      context.report({
        line,
        message: 'line holds bytes that are not valid UTF-8 (decoded as U+FFFD); expected UTF-8 text',
      });
    }
  },
});
