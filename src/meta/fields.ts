/**
 * The meta box's vocabulary: every known label, its canonical export key, its shape, and
 * the zod schema a well-formed value must satisfy. This table is the single source for the
 * parser (which labels to recognise), the export schema (what a field may hold) and the
 * `meta-invalid` rule (what a value should have been).
 */
import { z } from 'zod';
import { detach } from '../text/detach.js';

/** How a field is written in the box, which decides how the parser gathers its raw value. */
export type FieldShape =
  | 'string' // a value glued or separated on the label line
  | 'integer' // same, digits
  | 'enum' // same, one of a few words
  | 'list' // bullets below the label (or a comma list on the label line)
  | 'object' // `key: value` bullets below the label
  | 'objectList'; // `key: value` bullets; a new object starts when its first key repeats

const semver = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const percent = z.int().min(0).max(100);
const httpUrl = z.url({ protocol: /^https?$/ });

/** Strict schemas: what a value must be to count as valid (used by `meta-invalid`). */
export const strictFieldSchemas = {
  topic: z.string().min(1),
  summary: z.string().min(1),
  aiOutline: z.object({
    context: z.string(),
    problem: z.string(),
    stack: z.string(),
    recommendedAction: z.string(),
  }),
  aiBrief: z.string().min(1),
  stack: z.array(z.string()),
  tools: z.array(z.string()),
  codeLanguage: z.string().min(1),
  difficulty: z.enum(['beginner', 'intermediate', 'advanced']),
  readingTime: z.int().min(0),
  viewCount: z.int().min(0),
  score: z.object({ quality: percent, freshness: percent, depth: percent, clarity: percent }),
  revision: z.object({
    status: z.string().min(1),
    version: z.string().regex(semver, 'a semantic version such as 1.3.1'),
    lastReviewed: z.iso.date(),
  }),
  reference: z.string().regex(/^anp-ref-\d{6}-\d{4}$/, 'a reference such as anp-ref-026366-4281'),
  hash: z.string().regex(/^[0-9a-f]{24}$/, '24 lowercase hex characters'),
  flags: z.object({
    aiGeneratedStyle: z.boolean(),
    hasImages: z.boolean(),
    imageHeavy: z.boolean(),
    needsHumanReview: z.boolean(),
  }),
  checklist: z.array(z.string()),
  entities: z.array(z.object({ name: z.string(), type: z.string() })),
  imageSources: z.array(z.object({ source: z.string(), url: httpUrl, caption: z.string() })),
  payload: z.object({
    sourceId: z.string(),
    generator: z.string(),
    paragraphs: z.int().min(0),
    scenario: z.string(),
    seed: z.int().min(0),
  }),
  notes: z.array(z.string()),
} as const;

export type MetaKey = keyof typeof strictFieldSchemas;

export interface FieldSpec {
  /** The label as the scrape writes it, lower case, single spaces. */
  readonly label: string;
  readonly key: MetaKey;
  readonly shape: FieldShape;
}

/** In the order the samples write them; the export keeps file order, not this order. */
export const FIELD_SPECS: readonly FieldSpec[] = [
  { label: 'topic', key: 'topic', shape: 'string' },
  { label: 'summary', key: 'summary', shape: 'string' },
  { label: 'ai outline', key: 'aiOutline', shape: 'object' },
  { label: 'ai brief', key: 'aiBrief', shape: 'string' },
  { label: 'stack', key: 'stack', shape: 'list' },
  { label: 'tools', key: 'tools', shape: 'list' },
  { label: 'code language', key: 'codeLanguage', shape: 'string' },
  { label: 'difficulty', key: 'difficulty', shape: 'enum' },
  { label: 'reading time', key: 'readingTime', shape: 'integer' },
  { label: 'view count', key: 'viewCount', shape: 'integer' },
  { label: 'score', key: 'score', shape: 'object' },
  { label: 'revision', key: 'revision', shape: 'object' },
  { label: 'reference', key: 'reference', shape: 'string' },
  { label: 'hash', key: 'hash', shape: 'string' },
  { label: 'flags', key: 'flags', shape: 'object' },
  { label: 'checklist', key: 'checklist', shape: 'list' },
  { label: 'entities', key: 'entities', shape: 'objectList' },
  { label: 'image sources', key: 'imageSources', shape: 'objectList' },
  { label: 'payload', key: 'payload', shape: 'object' },
  { label: 'notes', key: 'notes', shape: 'list' },
];

export const META_KEYS: readonly MetaKey[] = FIELD_SPECS.map((spec) => spec.key);

/** Longest label first, so `image sources` wins over a shorter label sharing its start. */
export const LABELS_LONGEST_FIRST: readonly FieldSpec[] = [...FIELD_SPECS].sort(
  (a, b) => b.label.length - a.label.length,
);

const specByKey = new Map(FIELD_SPECS.map((spec) => [spec.key, spec]));
const specByLabel = new Map(FIELD_SPECS.map((spec) => [spec.label, spec]));

export function fieldSpec(key: MetaKey): FieldSpec {
  return specByKey.get(key)!;
}

/** The spec for a label written in any case and spacing, or undefined. */
export function specForLabel(label: string): FieldSpec | undefined {
  return specByLabel.get(normaliseLabel(label));
}

/** `Last  Reviewed` -> `last reviewed`: lower case, whitespace (incl. NBSP, tabs) folded. */
export function normaliseLabel(label: string): string {
  return label.trim().toLowerCase().split(/\s+/).join(' ');
}

/** Sub-keys repeat in every box (`quality`, `last reviewed`): convert each spelling once. */
const camelCache = new Map<string, string>();

/** `last reviewed` -> `lastReviewed`, `source id` -> `sourceId`. */
export function camelKey(words: string): string {
  const cached = camelCache.get(words);
  if (cached !== undefined) return cached;
  const key = toCamel(words);
  // Bounded: a corpus of odd spellings must not grow memory without limit.
  // Detached: a key cut from an article would keep the whole article alive.
  if (camelCache.size < 10_000) camelCache.set(detach(words), detach(key));
  return key;
}

function toCamel(words: string): string {
  const parts = normaliseLabel(words).split(' ').filter((part) => part.length > 0);
  return parts
    .map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
}

/** For an object-shaped field: the sub-keys of its strict schema, in schema order. */
export function objectKeys(key: MetaKey): readonly string[] {
  const schema = strictFieldSchemas[key] as z.ZodType;
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodArray && schema.element instanceof z.ZodObject) {
    return Object.keys(schema.element.shape);
  }
  return [];
}
