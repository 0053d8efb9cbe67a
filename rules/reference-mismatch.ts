/** reference-mismatch: `reference`, `payload.sourceId` and `payload.seed` carry different numbers. */
import { z } from 'zod';
import { fieldLine, stringField, subValue } from '../src/engine/meta-access.js';
import { defineRule } from '../src/engine/rule.js';

/** `anp-ref-026366-4281` -> 26366 (the first number). */
export function referenceNumber(reference: string): number | undefined {
  const match = /(\d+)/u.exec(reference);
  return match ? Number(match[1]) : undefined;
}

/** `alphanode-026366` -> 26366 (the last number). */
export function sourceIdNumber(sourceId: string): number | undefined {
  const match = /(\d+)\D*$/u.exec(sourceId);
  return match ? Number(match[1]) : undefined;
}

export default defineRule({
  meta: {
    id: 'reference-mismatch',
    description: '`reference`, `payload.sourceId` and `payload.seed` do not carry the same number.',
    defaultSeverity: 'warn',
    tags: ['consistency'],
    docs: 'docs/rules/reference-mismatch.md',
    schema: z.strictObject({}),
  },
  check(post, context) {
    const carriers: Array<{ name: string; value: string; number: number }> = [];
    const reference = stringField(post, 'reference');
    const referenceNo = reference === undefined ? undefined : referenceNumber(reference);
    if (reference !== undefined && referenceNo !== undefined) carriers.push({ name: 'reference', value: reference, number: referenceNo });
    const sourceId = subValue(post, 'payload', 'sourceId');
    const sourceNo = typeof sourceId === 'string' ? sourceIdNumber(sourceId) : undefined;
    if (typeof sourceId === 'string' && sourceNo !== undefined) carriers.push({ name: 'payload.sourceId', value: sourceId, number: sourceNo });
    const seed = subValue(post, 'payload', 'seed');
    if (typeof seed === 'number' && Number.isInteger(seed)) carriers.push({ name: 'payload.seed', value: String(seed), number: seed });
    if (carriers.length < 2) return;
    if (carriers.every((carrier) => carrier.number === carriers[0]!.number)) return;
    const described = carriers.map((carrier) => `${carrier.name} ${carrier.value} carries ${carrier.number}`);
    const line = reference !== undefined ? fieldLine(post, 'reference') : fieldLine(post, 'payload');
    const related = reference !== undefined && post.meta?.fieldLines.payload !== undefined ? [{ line: post.meta.fieldLines.payload, message: 'payload' }] : [];
    context.report({
      line,
      message: `${described.join(', ')}; expected the same number in all of them`,
      ...(related.length > 0 ? { related } : {}),
    });
  },
});
