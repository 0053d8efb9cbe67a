/**
 * The export contract (docs/export.md) as zod schemas. The TypeScript types of the
 * parsed post come from here, and so does the published JSON Schema (`anp schema post`):
 * one definition, three uses.
 */
import { z } from 'zod';
import { FIELD_SPECS, strictFieldSchemas, type MetaKey } from '../meta/fields.js';

/** 2: list items may hold `blocks` (paragraphs, nested lists and code indented under them). */
export const SCHEMA_VERSION = 2 as const;

const line = z.int().min(1);

export const ParagraphBlock = z.object({
  type: z.literal('paragraph'),
  text: z.string(),
  line,
});
export const ImageBlock = z.object({
  type: z.literal('image'),
  caption: z.string(),
  source: z.string().nullable(),
  line,
  endLine: line,
});
export const CodeBlock = z.object({
  type: z.literal('code'),
  lang: z.string().nullable(),
  text: z.string(),
  line,
  endLine: line,
});
/** A checklist entry: an item's own text and line. */
export const ChecklistItem = z.object({ text: z.string(), line });
/**
 * A list item; `blocks` holds what is indented under it (further paragraphs, nested lists,
 * code), and is absent when there is none. The getters make the schema recursive.
 */
export const ListItem = z.object({
  text: z.string(),
  line,
  get blocks() {
    return z.array(Block).optional();
  },
});
export const ListBlock = z.object({
  type: z.literal('list'),
  get items() {
    return z.array(ListItem);
  },
  line,
  endLine: line,
});
export const Block: z.ZodType<Block> = z.lazy(() => z.discriminatedUnion('type', [ParagraphBlock, ImageBlock, CodeBlock, ListBlock])) as z.ZodType<Block>;

export const Section = z.object({
  heading: z.string().nullable(),
  line,
  blocks: z.array(Block),
});

/**
 * What a meta value may be in the export: its typed form when it parses, else the raw
 * string exactly as written ("nothing is dropped"). Derived from the strict schema so the
 * two can never drift apart. Object sub-keys are optional (a partial box is exported as
 * found) and unknown sub-keys are kept as raw strings.
 */
function lenient(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodString) return z.string();
  if (schema instanceof z.ZodObject) {
    const shape: Record<string, z.ZodType> = {};
    for (const [key, value] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      shape[key] = lenient(value).optional();
    }
    return z.union([z.object(shape).catchall(z.string()), z.string()]);
  }
  if (schema instanceof z.ZodArray) {
    const element = schema.element as z.ZodType;
    const item = element instanceof z.ZodObject ? objectOnly(lenient(element)) : lenient(element);
    return z.union([z.array(item), z.string()]);
  }
  return z.union([schema, z.string()]);
}

/** Inside an array, an element is always an object (a raw field is a string as a whole). */
function objectOnly(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodUnion ? (schema.options[0] as z.ZodType) : schema;
}

const fieldShape: Record<string, z.ZodType> = {};
for (const spec of FIELD_SPECS) {
  fieldShape[spec.key] = lenient(strictFieldSchemas[spec.key]).optional();
}
export const MetaFields = z.object(fieldShape).strict();

export const MetaExtra = z.object({ label: z.string(), value: z.string(), line });

export const Meta = z.object({
  line,
  fields: MetaFields,
  fieldLines: z.record(z.string(), line),
  extra: z.array(MetaExtra),
});

export const Residue = z.object({ text: z.string(), line });

export const Stats = z.object({
  lines: z.int().min(0),
  words: z.int().min(0),
  paragraphs: z.int().min(0),
  bytes: z.int().min(0),
});

export const Post = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    file: z.string(),
    title: z.string().nullable(),
    sections: z.array(Section),
    codeBlocks: z.array(
      z.object({ lang: z.string().nullable(), text: z.string(), line, endLine: line, section: z.string().nullable() }),
    ),
    checklist: z.array(ChecklistItem),
    images: z.array(z.object({ caption: z.string(), source: z.string().nullable(), line })),
    meta: Meta.nullable(),
    residue: z.array(Residue),
    stats: Stats,
  })
  .meta({ title: 'anp post', description: 'One parsed article, as written by `anp export`.' });

export type ParagraphBlock = z.infer<typeof ParagraphBlock>;
export type ImageBlock = z.infer<typeof ImageBlock>;
export type CodeBlock = z.infer<typeof CodeBlock>;
export type ChecklistItem = z.infer<typeof ChecklistItem>;
export interface ListItem {
  text: string;
  line: number;
  blocks?: Block[];
}
export interface ListBlock {
  type: 'list';
  items: ListItem[];
  line: number;
  endLine: number;
}
export type Block = ParagraphBlock | ImageBlock | CodeBlock | ListBlock;
export interface Section {
  heading: string | null;
  line: number;
  blocks: Block[];
}
export type MetaExtra = z.infer<typeof MetaExtra>;
export type Residue = z.infer<typeof Residue>;
export type Stats = z.infer<typeof Stats>;

/** A meta value as exported: typed where it parsed, raw string where it did not. */
export type MetaValue =
  | string
  | number
  | boolean
  | string[]
  | Record<string, string | number | boolean>
  | Array<Record<string, string>>;

export interface Meta {
  line: number;
  fields: Partial<Record<MetaKey, MetaValue>>;
  fieldLines: Partial<Record<MetaKey, number>>;
  extra: MetaExtra[];
}

export interface Post {
  schemaVersion: typeof SCHEMA_VERSION;
  file: string;
  title: string | null;
  sections: Section[];
  codeBlocks: Array<{ lang: string | null; text: string; line: number; endLine: number; section: string | null }>;
  checklist: ChecklistItem[];
  images: Array<{ caption: string; source: string | null; line: number }>;
  meta: Meta | null;
  residue: Residue[];
  stats: Stats;
}

/** The JSON Schema published as `anp schema post` and in schema/post.json. */
export function postJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Post, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
