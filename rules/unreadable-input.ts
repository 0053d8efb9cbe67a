/**
 * unreadable-input: a file that is binary, too large, or could not be read. The finding is
 * produced by the runner's `unreadableFinding` before parsing (there is no post to check);
 * this module carries the rule's meta, severity and its `maxBytes` option for the reader.
 */
import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export default defineRule({
  meta: {
    id: 'unreadable-input',
    description: 'A file that is binary (NUL bytes), over the size limit, or could not be read; it is not parsed.',
    defaultSeverity: 'error',
    tags: ['input'],
    docs: 'docs/rules/unreadable-input.md',
    schema: z.strictObject({
      maxBytes: z.int().positive().default(DEFAULT_MAX_BYTES).describe('Files larger than this many bytes are not parsed.'),
    }),
  },
  check() {
    // Reported by the runner (unreadableFinding) from what the reader found.
  },
});
