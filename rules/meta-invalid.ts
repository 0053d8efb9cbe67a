/**
 * meta-invalid: a present meta value that fails its strict schema (src/meta/fields.ts).
 * Object fields are checked key by key, lists element by element, so the message names the
 * exact value (`score.quality is 140; expected an integer from 0 to 100`). A raw string
 * where a typed value is expected is invalid; an ambiguous date is reported, never guessed.
 */
import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { readDate } from '../src/meta/dates.js';
import { FIELD_SPECS, strictFieldSchemas } from '../src/meta/fields.js';

export default defineRule({
  meta: {
    id: 'meta-invalid',
    description: 'A present meta value that fails its schema (ranges, enums, calendar dates, semver, hash, reference, URLs, 0/1 flags).',
    defaultSeverity: 'error',
    tags: ['meta'],
    docs: 'docs/rules/meta-invalid.md',
    schema: z.strictObject({}),
  },
  check(post, context) {
    const meta = post.meta;
    if (!meta) return;
    for (const spec of FIELD_SPECS) {
      const value = meta.fields[spec.key];
      if (value === undefined) continue;
      const line = meta.fieldLines[spec.key] ?? meta.line;
      for (const message of problems(spec.key, strictFieldSchemas[spec.key] as z.ZodType, value)) {
        context.report({ line, message });
      }
    }
  },
});

/** Every problem of `value` against `schema`, as messages naming `path`. */
export function problems(path: string, schema: z.ZodType, value: unknown): string[] {
  // Fast path: a valid value (the common case) is checked once, without walking it.
  if (schema.safeParse(value).success && !hasUnknownKeys(schema, value)) return [];
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const keys = Object.keys(shape);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return [`${path} is ${show(value)}; expected \`key: value\` bullets for ${keys.join(', ')}`];
    }
    const record = value as Record<string, unknown>;
    const result: string[] = [];
    for (const key of keys) {
      const sub = record[key];
      if (sub === undefined) result.push(`${path}.${key} is missing; expected ${expectation(shape[key]!, undefined)}`);
      else result.push(...problems(`${path}.${key}`, shape[key]!, sub));
    }
    for (const key of Object.keys(record)) {
      if (!(key in shape)) result.push(`${path}.${key} is not a key of ${path}; expected only ${keys.join(', ')}`);
    }
    return result;
  }
  if (schema instanceof z.ZodArray) {
    if (!Array.isArray(value)) return [`${path} is ${show(value)}; expected a list of bullets`];
    const element = schema.element as z.ZodType;
    return value.flatMap((item, index) => problems(`${path}[${index}]`, element, item));
  }
  if ((schema as { format?: unknown }).format === 'date' && typeof value === 'string') {
    const reading = readDate(value);
    if (reading.kind === 'ambiguous') {
      const [monthFirst, dayFirst] = reading.readings;
      return [`${path} is ${show(value)}, an ambiguous date (${monthFirst} or ${dayFirst}); expected an unambiguous date (YYYY-MM-DD)`];
    }
  }
  return [`${path} is ${show(value)}; expected ${expectation(schema, value)}`];
}

/** Whether an object (or a list of objects) holds keys its schema does not know (zod strips them). */
function hasUnknownKeys(schema: z.ZodType, value: unknown): boolean {
  if (schema instanceof z.ZodObject && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const shape = schema.shape as Record<string, z.ZodType>;
    return Object.keys(value).some((key) => !(key in shape));
  }
  if (schema instanceof z.ZodArray && Array.isArray(value)) {
    return value.some((item) => hasUnknownKeys(schema.element as z.ZodType, item));
  }
  return false;
}

/** What a leaf value should have been, in words. */
function expectation(schema: z.ZodType, value: unknown): string {
  if ((schema as { format?: unknown }).format === 'date') return dateExpectation(value);
  if (schema instanceof z.ZodNumber) {
    const { minValue, maxValue, isInt } = schema as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
    const kind = isInt ? 'an integer' : 'a number';
    const finite = (bound: number | null): bound is number => bound !== null && Number.isFinite(bound) && Math.abs(bound) < Number.MAX_SAFE_INTEGER;
    if (finite(minValue) && finite(maxValue)) return `${kind} from ${minValue} to ${maxValue}`;
    if (finite(minValue)) return minValue === 0 ? `a non-negative ${isInt ? 'integer' : 'number'}` : `${kind} of at least ${minValue}`;
    return kind;
  }
  if (schema instanceof z.ZodBoolean) return '0 or 1';
  if (schema instanceof z.ZodEnum) return `one of ${(schema.options as string[]).join(', ')}`;
  if (value === undefined) return 'a value';
  const result = schema.safeParse(value);
  const issue = result.success ? undefined : result.error.issues[0];
  if (!issue) return 'a valid value';
  if (issue.code === 'invalid_format' && issue.format === 'url') return 'an http(s) URL';
  if (issue.code === 'invalid_format' && issue.format === 'regex') return issue.message;
  if (issue.code === 'too_small') return 'a non-empty value';
  if (issue.code === 'invalid_type') return `a ${issue.expected}`;
  return issue.message;
}

function dateExpectation(value: unknown): string {
  if (typeof value !== 'string') return 'a real calendar date (YYYY-MM-DD)';
  const reading = readDate(value);
  if (reading.kind === 'date') return `an ISO date (YYYY-MM-DD) such as ${reading.iso}`;
  return 'a real calendar date (YYYY-MM-DD)';
}

/** A value as written: strings verbatim (cut when long), `empty` for an empty string. */
function show(value: unknown): string {
  if (typeof value === 'string') {
    const flat = value.replace(/\s+/gu, ' ').trim();
    if (flat.length === 0) return 'empty';
    return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
  }
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
