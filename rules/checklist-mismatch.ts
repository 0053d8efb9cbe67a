/** checklist-mismatch: the meta `checklist` and the body checklist differ. */
import { z } from 'zod';
import { fieldLine, stringArrayField } from '../src/engine/meta-access.js';
import { defineRule } from '../src/engine/rule.js';
import { normaliseText } from '../src/text/normalise.js';

function list(items: readonly string[]): string {
  return items.map((item) => JSON.stringify(item)).join(', ');
}

export default defineRule({
  meta: {
    id: 'checklist-mismatch',
    description: 'The meta `checklist` and the body checklist differ (the items missing on either side are named).',
    defaultSeverity: 'warn',
    tags: ['consistency'],
    docs: 'docs/rules/checklist-mismatch.md',
    schema: z.strictObject({}),
  },
  check(post, context) {
    const metaItems = stringArrayField(post, 'checklist');
    if (metaItems === undefined) return; // absent or raw: other rules say so
    const bodyKeys = new Set(post.checklist.map((item) => normaliseText(item.text)));
    const metaKeys = new Set(metaItems.map((item) => normaliseText(item)));
    const missingFromBody = metaItems.filter((item) => !bodyKeys.has(normaliseText(item)));
    const missingFromMeta = post.checklist.filter((item) => !metaKeys.has(normaliseText(item.text)));
    if (missingFromBody.length === 0 && missingFromMeta.length === 0) return;
    const parts: string[] = [];
    if (post.checklist.length === 0) parts.push(`the body has no checklist but the meta box lists ${metaItems.length} items`);
    else if (missingFromBody.length > 0) parts.push(`missing from the body: ${list(missingFromBody)}`);
    if (missingFromMeta.length > 0) parts.push(`missing from the meta box: ${list(missingFromMeta.map((item) => item.text))}`);
    const firstBody = post.checklist[0];
    context.report({
      line: fieldLine(post, 'checklist'),
      message: `meta checklist and body checklist differ: ${parts.join('; ')}; expected the same items`,
      ...(firstBody ? { related: [{ line: firstBody.line, message: 'body checklist' }] } : {}),
    });
  },
});
