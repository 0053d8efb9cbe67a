/**
 * Typed reads of meta values for rules. A field may be absent, typed, or the raw string
 * the parser could not type (which `meta-invalid` reports); these helpers return the typed
 * value or undefined, so consistency rules simply skip what they cannot trust.
 */
import { dayOf, dayToIsoDate, isoDateToDay } from '../meta/dates.js';
import { META_KEYS, type MetaKey } from '../meta/fields.js';
import type { Post } from '../model/post.js';

export function field(post: Post, key: MetaKey): unknown {
  return post.meta?.fields[key];
}

/** The line where a field starts, else the meta box line, else 1. */
export function fieldLine(post: Post, key: MetaKey): number {
  return post.meta?.fieldLines[key] ?? post.meta?.line ?? 1;
}

export function objectField(post: Post, key: MetaKey): Record<string, unknown> | undefined {
  const value = field(post, key);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function arrayField(post: Post, key: MetaKey): unknown[] | undefined {
  const value = field(post, key);
  return Array.isArray(value) ? value : undefined;
}

export function stringArrayField(post: Post, key: MetaKey): string[] | undefined {
  const value = arrayField(post, key);
  return value?.every((item) => typeof item === 'string') ? (value) : undefined;
}

export function stringField(post: Post, key: MetaKey): string | undefined {
  const value = field(post, key);
  return typeof value === 'string' ? value : undefined;
}

export function subValue(post: Post, key: MetaKey, sub: string): unknown {
  return objectField(post, key)?.[sub];
}

/** `true`/`false` for a typed boolean sub-value, else undefined. */
export function subBoolean(post: Post, key: MetaKey, sub: string): boolean | undefined {
  const value = subValue(post, key, sub);
  return typeof value === 'boolean' ? value : undefined;
}

export function subInteger(post: Post, key: MetaKey, sub: string): number | undefined {
  const value = subValue(post, key, sub);
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

export function subString(post: Post, key: MetaKey, sub: string): string | undefined {
  const value = subValue(post, key, sub);
  return typeof value === 'string' ? value : undefined;
}

/** Days since the epoch (UTC) of a real ISO calendar date, else undefined. */
export function isoDay(value: unknown): number | undefined {
  return typeof value === 'string' ? isoDateToDay(value) : undefined;
}

/** The UTC calendar day of `now`, as days since the epoch; `2026-11-23` for a day number. */
export { dayOf, dayToIsoDate as isoOfDay };

export { plural } from '../text/plural.js';

/**
 * The fields of `required` that a post with a meta box is expected to have (`imageSources`
 * only when `flags.hasImages` is true), in catalog order, and which of them are missing.
 * meta-field-missing reports the missing ones; `anp stats` measures completeness with them.
 */
export function expectedMetaFields(post: Post, required: Iterable<MetaKey>): { expected: MetaKey[]; missing: MetaKey[] } {
  const wanted = new Set(required);
  const hasImages = subBoolean(post, 'flags', 'hasImages') === true;
  const expected = META_KEYS.filter((key) => wanted.has(key) && (key !== 'imageSources' || hasImages));
  const fields = post.meta?.fields ?? {};
  return { expected, missing: expected.filter((key) => (fields as Record<string, unknown>)[key] === undefined) };
}
