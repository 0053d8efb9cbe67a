/**
 * The public API of anp: what `import … from 'anp'` gives. The CLI is its first client.
 *
 *   import { parse, createLinter, defineRule } from 'anp';
 *
 * See docs/api.md for a tour with a runnable example.
 */
import { textSource } from './io/read.js';
import type { Post } from './model/post.js';
import { parsePost } from './parser/index.js';

export interface ParseOptions {
  /** The path copied into `post.file` (default `<text>`). */
  file?: string;
}

/**
 * Parses one article into the record `anp export` writes (docs/export.md). Never throws;
 * a leading BOM is dropped and every line-ending style is accepted.
 */
export function parse(text: string, options: ParseOptions = {}): Post {
  const source = textSource(text);
  return parsePost(source.text, { file: options.file ?? '<text>', bytes: source.bytes });
}

// The linter
export { createLinter, type FormatOptions, type LintFilesOptions, type Linter, type LinterOptions, type LintResult, type LintTextOptions, type ReadPost } from './engine/linter.js';
export { resolveNow } from './engine/now.js';
export { ReportSummaryCollector } from './engine/report-summary.js';
export { applyFixes, checkStructure, fixText, structureOf, MAX_FIX_PASSES, type FixTextOptions, type FixTextResult, type LintedText, type Structure } from './engine/fix.js';
export { removeLinesFix, SourceText } from './engine/fixer.js';

// Rules: the kit the built-in rules are written with, and the built-ins themselves
export {
  defineRule,
  defaultOptions,
  optionDescriptions,
  type CollectContext,
  type CorpusContext,
  type CorpusReportDescriptor,
  type CorpusRun,
  type InputFacts,
  type ReportDescriptor,
  type Rule,
  type RuleContext,
  type RuleDefinition,
  type RuleMeta,
} from './engine/rule.js';
export { builtinRules } from '../rules/index.js';

// Config
export { loadConfig, findConfigFile, CONFIG_FILE_NAMES, type LoadedConfig, type LoadOptions } from './config/load.js';
export { resolveConfig, type ResolvedConfig } from './config/resolve.js';
export type { ConfigFile as Config, RuleEntry } from './config/schema.js';
export type { RuleSetting, RuleSettings } from './engine/runner.js';

// Reports
export { formatters, FORMAT_NAMES, type ColorLevel, type FormatContext, type FormatName, type Formatter, type RuleInfo } from './formatters/index.js';

// The data model and its JSON Schemas
export type { Finding, FileResult, Fix, FixRefusal, LintReport, RelatedLocation, Severity, ReportedSeverity, TextEdit } from './model/finding.js';
export type { ReportSummary } from './model/report-summary.js';
export type { Block, CodeBlock, ImageBlock, ListBlock, ListItem, Meta, MetaExtra, MetaValue, ParagraphBlock, Post, Residue, Section, Stats } from './model/post.js';
export { jsonSchema, schemaText, SCHEMA_KINDS, type SchemaKind } from './engine/schemas.js';

// Errors any layer may throw (exit code 2 in the CLI)
export { ConfigError, PluginError, UsageError } from './errors.js';
