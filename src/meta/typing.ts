/**
 * Raw meta values (the strings the box holds) -> typed export values. A value is typed only
 * when the typed form satisfies the field's strict schema; otherwise the raw string is kept
 * unchanged, so the export never drops or silently "fixes" data and `meta-invalid` can say
 * exactly what was written.
 */
import { z } from 'zod';
import { camelKey, strictFieldSchemas, type FieldSpec } from './fields.js';
import { detach } from '../text/detach.js';
import { readDate } from './dates.js';
import type { MetaValue } from '../model/post.js';

/** One `key: value` bullet as the parser found it. */
export interface RawBullet {
  text: string;
  line: number;
}

/** A field as the parser gathered it: what followed the label, and the bullets below it. */
export interface RawField {
  inline: string;
  bullets: readonly RawBullet[];
}

/** The raw text of a field, as one string: the inline value and bullet texts, one per line. */
export function rawText(field: RawField): string {
  const parts = field.inline.length > 0 ? [field.inline] : [];
  for (const bullet of field.bullets) parts.push(bullet.text);
  return parts.join('\n');
}

export function typeField(spec: FieldSpec, field: RawField): MetaValue {
  const schema = strictFieldSchemas[spec.key] as z.ZodType;
  switch (spec.shape) {
    case 'string':
    case 'integer':
    case 'enum':
      if (field.bullets.length > 0) return rawText(field);
      return typeScalar(schema, field.inline);
    case 'list':
      return typeList(field);
    case 'object':
      return typeObject(schema as z.ZodObject, field);
    case 'objectList':
      return typeObjectList((schema as z.ZodArray<z.ZodObject>).element, field);
  }
}

/**
 * Scalars repeat across a corpus (scores, statuses, versions, dates, flag values), and typing
 * one is a pure function of (schema, raw text): remember the answers, boundedly, so a
 * 100,000-file export validates each distinct value through zod once.
 */
const MEMO_LIMIT = 4096;
const scalarMemo = new Map<z.ZodType, Map<string, string | number | boolean>>();

/** Types one scalar against its strict schema: integer, boolean, date, enum or string. */
export function typeScalar(schema: z.ZodType, raw: string): string | number | boolean {
  let memo = scalarMemo.get(schema);
  if (!memo) {
    memo = new Map();
    scalarMemo.set(schema, memo);
  }
  const known = memo.get(raw);
  if (known !== undefined) return known;
  const text = raw.trim();
  const candidate = coerce(schemaKind(schema), text);
  const value = candidate !== undefined && schema.safeParse(candidate).success ? candidate : text;
  // Cached strings are detached: a key cut from an article would pin the whole article.
  if (memo.size < MEMO_LIMIT) memo.set(detach(raw), typeof value === 'string' ? detach(value) : value);
  return value;
}

type ScalarKind = 'integer' | 'boolean' | 'enum' | 'date' | 'string';
const kinds = new WeakMap<z.ZodType, ScalarKind>();

/** What a scalar schema wants, worked out once per schema rather than once per value. */
function schemaKind(schema: z.ZodType): ScalarKind {
  let kind = kinds.get(schema);
  if (kind === undefined) {
    if (schema instanceof z.ZodNumber) kind = 'integer';
    else if (schema instanceof z.ZodBoolean) kind = 'boolean';
    else if (schema instanceof z.ZodEnum) kind = 'enum';
    // zod 4's ISO date is a string format, not a ZodString subclass: ask for its format.
    else if ((schema as { format?: unknown }).format === 'date') kind = 'date';
    else kind = 'string';
    kinds.set(schema, kind);
  }
  return kind;
}

function coerce(kind: ScalarKind, text: string): string | number | boolean | undefined {
  switch (kind) {
    case 'integer':
      return isDigits(text) ? Number(text) : undefined;
    case 'boolean': {
      const lower = text.toLowerCase();
      if (lower === '1' || lower === 'true' || lower === 'yes') return true;
      if (lower === '0' || lower === 'false' || lower === 'no') return false;
      return undefined;
    }
    case 'enum':
      return text.toLowerCase();
    case 'date': {
      const reading = readDate(text);
      return reading.kind === 'date' ? reading.iso : undefined;
    }
    case 'string':
      return text;
  }
}

function isDigits(text: string): boolean {
  if (text.length === 0 || text.length > 15) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function typeList(field: RawField): string[] {
  const items: string[] = [];
  // `tools: fastapi, pytest` on the label line is the same list written inline.
  if (field.inline.length > 0) {
    for (const part of field.inline.split(',')) {
      const item = part.trim();
      if (item.length > 0) items.push(item);
    }
  }
  for (const bullet of field.bullets) items.push(bullet.text);
  return items;
}

interface KeyValue {
  key: string;
  value: string;
}

/** `last reviewed: 2019-08-03` -> { key: 'lastReviewed', value: '2019-08-03' }, or null. */
export function splitKeyValue(text: string): KeyValue | null {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon > 40) return null;
  const key = camelKey(text.slice(0, colon));
  if (key.length === 0) return null;
  return { key, value: text.slice(colon + 1).trim() };
}

function splitAll(field: RawField): KeyValue[] | null {
  if (field.inline.length > 0 || field.bullets.length === 0) return null;
  const pairs: KeyValue[] = [];
  for (const bullet of field.bullets) {
    const pair = splitKeyValue(bullet.text);
    if (!pair) return null;
    pairs.push(pair);
  }
  return pairs;
}

function typeObjectEntries(schema: z.ZodObject, pairs: readonly KeyValue[]): Record<string, string | number | boolean> {
  const shape = schema.shape as Record<string, z.ZodType>;
  const object: Record<string, string | number | boolean> = {};
  for (const { key, value } of pairs) {
    const subSchema = shape[key];
    // An unknown sub-key is kept as written; meta-invalid decides whether it matters.
    object[key] = subSchema ? typeScalar(subSchema, value) : value;
  }
  return object;
}

function typeObject(schema: z.ZodObject, field: RawField): MetaValue {
  const pairs = splitAll(field);
  if (!pairs) return rawText(field);
  return typeObjectEntries(schema, pairs);
}

/** A list of objects: a new object starts when a key repeats within the current one. */
function typeObjectList(schema: z.ZodObject, field: RawField): MetaValue {
  const pairs = splitAll(field);
  if (!pairs) return rawText(field);
  const objects: Array<Record<string, string>> = [];
  let current: KeyValue[] = [];
  const seen = new Set<string>();
  for (const pair of pairs) {
    if (seen.has(pair.key)) {
      objects.push(typeObjectEntries(schema, current) as Record<string, string>);
      current = [];
      seen.clear();
    }
    current.push(pair);
    seen.add(pair.key);
  }
  if (current.length > 0) objects.push(typeObjectEntries(schema, current) as Record<string, string>);
  return objects;
}
