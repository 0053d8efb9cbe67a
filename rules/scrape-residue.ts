/** scrape-residue: residue lines (`| | |`, `Similar Posts`, …) the parser kept out of the body. */
import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { quote } from '../src/text/normalise.js';

export default defineRule({
  meta: {
    id: 'scrape-residue',
    description: 'Residue lines (`| | |`, `Similar Posts`, …) kept out of the body.',
    defaultSeverity: 'off',
    tags: ['structure'],
    docs: 'docs/rules/scrape-residue.md',
    schema: z.strictObject({}),
  },
  check(post, context) {
    for (const residue of post.residue) {
      context.report({
        line: residue.line,
        message: `line ${quote(residue.text, 50)} is scrape residue, kept out of the body; expected only article content in the file`,
      });
    }
  },
});
