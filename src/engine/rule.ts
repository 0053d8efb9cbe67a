/**
 * The rule interface. Built-in rules (rules/*.ts) and plugin rules are written against
 * exactly this: a `meta` describing the rule and a `check` over one parsed post that
 * reports through its context. Rules know nothing of files, the CLI or formatters.
 *
 * A rule that needs the whole corpus (corpus-duplicate-paragraph) also provides `corpus`:
 * called once per lint run, it returns a `CorpusRun` whose `collect` sees every parsed post
 * (after `check`, in lint order) and whose `finish`, after the last post, reports findings
 * for any file. The run keeps only what `finish` needs (fingerprints, counts, a few
 * locations), never the posts. See src/engine/corpus.ts.
 */
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { Post } from '../model/post.js';
import type { Fix, FindingGroup, RelatedLocation, Severity } from '../model/finding.js';
import type { SourceText } from './fixer.js';

export interface RuleMeta<Options> {
  /** kebab-case id, as used in config and reports: `duplicate-paragraph`. */
  id: string;
  /** One line: what the rule flags. */
  description: string;
  defaultSeverity: Severity;
  /** Grouping used by `anp rules` and the docs: input, duplication, meta, freshness, consistency, structure, corpus. */
  tags: readonly string[];
  /** Path of the docs page relative to the package root: `docs/rules/<id>.md`. */
  docs: string;
  /** Options with defaults; `schema.parse({})` must give the defaults. */
  schema: z.ZodType<Options>;
  /** True when the rule attaches fixes to (some of) its findings; `anp rules` shows it. */
  fixable?: boolean;
}

export interface ReportDescriptor {
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  related?: RelatedLocation[];
  /** A repair, applied by `anp lint --fix` when it re-parses to the same structure (see src/engine/fix.ts). */
  fix?: Fix;
}

/** What the runner knows about the input besides the post (decoding, not parsing). */
export interface InputFacts {
  /** 1-based lines that held bytes that are not valid UTF-8 (decoded as U+FFFD). */
  invalidUtf8Lines: readonly number[];
}

export interface RuleContext<Options> {
  file: string;
  options: Options;
  /** "Now" for freshness rules: --now, else SOURCE_DATE_EPOCH, else the clock. UTC midnight-based. */
  now: Date;
  input: InputFacts;
  /**
   * The text the post was parsed from, by line (what fixes are positioned on); null when
   * the runner was given only the post.
   */
  readonly source: SourceText | null;
  report(descriptor: ReportDescriptor): void;
}

/** A corpus-phase finding: like ReportDescriptor, for any file collected in the run. */
export interface CorpusReportDescriptor extends ReportDescriptor {
  /** The file, exactly as `collect` was given it. Related locations are lines of this file. */
  file: string;
  /** Ties findings in several files together (see FindingGroup); `first` must be a collected file. */
  group?: FindingGroup;
}

/** What a rule's corpus phase is given once per run. */
export interface CorpusContext<Options> {
  options: Options;
  now: Date;
  /** Reports a finding for a file of the run; valid until (and during) `finish`. */
  report(descriptor: CorpusReportDescriptor): void;
}

/** The post being collected: its file (as reported) and what the reader knew of it. */
export interface CollectContext {
  file: string;
  input: InputFacts;
}

/** One lint run's state for a corpus rule. */
export interface CorpusRun {
  /** Called once per parsed post (unreadable files are not collected). Must not keep `post`. */
  collect(post: Post, context: CollectContext): void;
  /** Called once, after the last post; reports through the run's CorpusContext. */
  finish(): void;
  /**
   * Optional: collects what the rule's `corpusSummary` made of a post (in another thread),
   * exactly as `collect` would have collected the post. With it, lint runs may use workers.
   */
  collectSummary?(summary: unknown, context: CollectContext): void;
}

/** What `corpusSummary` is given besides the post. */
export interface CorpusSummaryContext<Options> {
  file: string;
  options: Options;
  input: InputFacts;
}

export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta<Options>;
  check(post: Post, context: RuleContext<Options>): void;
  /**
   * Optional corpus phase. Called at the start of each run in which the rule is not `off`,
   * with the rule's options; the returned run collects every post and reports in `finish`.
   */
  corpus?(context: CorpusContext<Options>): CorpusRun;
  /**
   * Optional, with `CorpusRun.collectSummary`: the part of one post the corpus phase needs,
   * as structured-cloneable data (fingerprints and lines, not the post). Runs in a worker
   * thread next to `check`; the summary is handed to `collectSummary` in path order.
   */
  corpusSummary?(post: Post, context: CorpusSummaryContext<Options>): unknown;
}

/** What `defineRule` takes: a Rule whose `tags`, `docs` and `schema` may be left out. */
export interface RuleDefinition<Options> extends Omit<Rule<Options>, 'meta'> {
  meta: Omit<RuleMeta<Options>, 'tags' | 'docs' | 'schema'> & Partial<Pick<RuleMeta<Options>, 'tags' | 'docs' | 'schema'>>;
}

/**
 * Lets a rule file declare its options type once (through `meta.schema`) and have `check`
 * typed by it. The built-in rules use it; so can custom rules (`import { defineRule } from
 * 'anp'`). Left out: `tags` is `[]`, `docs` is `''` and `schema` takes no options.
 */
export function defineRule<Options = Record<string, never>>(rule: RuleDefinition<Options>): Rule<Options> {
  const { tags = [], docs = '', schema = z.strictObject({}) as unknown as z.ZodType<Options>, ...meta } = rule.meta;
  return { ...rule, meta: { ...meta, tags, docs, schema } };
}

/** Each option's `.describe()` text, by option name (from the options' JSON Schema). */
export function optionDescriptions(rule: Rule<any>): Record<string, string> {
  const out: Record<string, string> = {};
  try {
    const schema = z.toJSONSchema(rule.meta.schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { description?: string }> };
    for (const [name, property] of Object.entries(schema.properties ?? {})) if (property.description) out[name] = property.description;
  } catch {
    // not representable as JSON Schema: no descriptions
  }
  return out;
}

/**
 * A rule's default options: its options schema applied to `{}` (plain `{}` when it has no
 * schema). A schema that rejects `{}` has no defaults: a UsageError naming the rule.
 */
export function defaultOptions<Options>(rule: Rule<Options>): Options {
  const schema = rule.meta.schema as z.ZodType<Options> | undefined;
  if (schema === undefined) return {} as Options;
  const parsed = schema.safeParse({});
  if (!parsed.success) throw new UsageError(`rule "${rule.meta.id}": its options schema has no defaults (schema.parse({}) fails)`);
  return parsed.data;
}
