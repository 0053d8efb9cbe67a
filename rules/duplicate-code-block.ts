/** duplicate-code-block: a code block identical (ignoring trailing whitespace) to an earlier one. */
import { z } from 'zod';
import { removeLinesFix } from '../src/engine/fixer.js';
import { defineRule } from '../src/engine/rule.js';
import { codeKey } from '../src/text/code-key.js';
import { quote } from '../src/text/normalise.js';

export default defineRule({
  meta: {
    id: 'duplicate-code-block',
    description: 'A code block identical (ignoring trailing whitespace) to an earlier one.',
    defaultSeverity: 'warn',
    tags: ['duplication'],
    docs: 'docs/rules/duplicate-code-block.md',
    schema: z.strictObject({}),
    fixable: true,
  },
  check(post, context) {
    const first = new Map<string, { line: number; count: number }>();
    for (const block of post.codeBlocks) {
      const key = codeKey(block.text);
      if (key.length === 0) continue;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, { line: block.line, count: 1 });
        continue;
      }
      earlier.count++;
      const firstLine = key.split('\n', 1)[0]!;
      context.report({
        line: block.line,
        endLine: block.endLine,
        message: `code block starting ${quote(firstLine, 40)} repeats the code block at line ${earlier.line} (copy ${earlier.count}); expected each code block once`,
        related: [{ line: earlier.line, message: 'first occurrence' }],
        // The later copy goes whole (fences included), with the blank line after it.
        ...(context.source ? { fix: removeLinesFix(context.source, block.line, block.endLine) } : {}),
      });
    }
  },
});
