/**
 * The rule interface. Built-in rules (rules/*.ts) and plugin rules are written against
 * exactly this: a `meta` describing the rule and a `check` over one parsed post that
 * reports through its context. Rules know nothing of files, the CLI or formatters.
 */
import type { z } from 'zod';
import type { Post } from '../model/post.js';
import type { RelatedLocation, Severity } from '../model/finding.js';

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
}

export interface ReportDescriptor {
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  related?: RelatedLocation[];
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
  report(descriptor: ReportDescriptor): void;
}

export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta<Options>;
  check(post: Post, context: RuleContext<Options>): void;
}

/** Lets a rule file declare its options type once and have `check` typed by it. */
export function defineRule<Options>(rule: Rule<Options>): Rule<Options> {
  return rule;
}
