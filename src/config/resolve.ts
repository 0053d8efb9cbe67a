/**
 * From a loaded config + the known rules (built-ins and plugins) + `--rule` overrides to
 * the settings map the runner takes: every rule id -> { severity, options }, where options
 * are the rule's own zod schema applied to what the config gave (defaults filled in).
 */
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import type { Severity } from '../model/finding.js';
import { defaultOptions, type Rule } from '../engine/rule.js';
import type { RuleSetting } from '../engine/runner.js';
import { ConfigError, UsageError } from '../errors.js';
import { configError, type LoadedConfig } from './load.js';
import { DEFAULT_INCLUDE, SEVERITIES, describeIssues, showValue } from './schema.js';
import { didYouMean } from './suggest.js';

export interface ResolvedConfig {
  /** Absolute path of the config file, or null. */
  file: string | null;
  include: string[];
  ignores: string[];
  /** The folder the config's `ignores` are relative to (the config file's, else the cwd). */
  ignoresDir: string;
  /** The config's `respectGitignore`. */
  respectGitignore: boolean;
  /** Absolute paths of plugin modules (config `plugins`, resolved against the config's folder). */
  plugins: string[];
  /** Every known rule, built-ins first, then plugins, each id once. */
  rules: Rule<any>[];
  settings: Map<string, RuleSetting>;
}

const SEVERITY_TEXT = `"error", "warn" or "off"`;

function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** Absolute plugin paths of a loaded config. */
export function pluginPaths(loaded: LoadedConfig): string[] {
  return (loaded.config.plugins ?? []).map((path) => (isAbsolute(path) ? path : resolve(loaded.dir, path)));
}

/** The top-level keys of an object schema (unwrapping defaults/optionals), if it is one. */
function objectKeys(schema: z.ZodType): string[] | undefined {
  let current: unknown = schema;
  for (let i = 0; i < 5; i++) {
    if (current instanceof z.ZodObject) return Object.keys(current.shape);
    if (current instanceof z.ZodDefault || current instanceof z.ZodOptional || current instanceof z.ZodPrefault) {
      current = current.unwrap();
      continue;
    }
    return undefined;
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The rule's options with defaults, from what the config gave (throws a ConfigError on bad options). */
function ruleOptions(rule: Rule<any>, given: Record<string, unknown>, loaded: LoadedConfig, id: string): unknown {
  const schema = rule.meta.schema as z.ZodType;
  const known = objectKeys(schema);
  if (known) {
    for (const key of Object.keys(given)) {
      if (!known.includes(key)) {
        const hint = didYouMean(key, known) || (known.length > 0 ? `; expected one of ${known.join(', ')}` : '; this rule has no options');
        throw configError(loaded, ['rules', id, 1, key], `unknown option${hint}`);
      }
    }
  }
  const parsed = schema.safeParse(given, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issues = describeIssues(parsed.error.issues, () => known);
  throw ConfigError.of(issues.map((issue) => configError(loaded, ['rules', id, 1, ...issue.path], issue.message).message));
}

/** `ID:SEVERITY` from `--rule`, checked against the known ids. */
export function parseRuleOverride(text: string, knownIds: readonly string[]): { id: string; severity: Severity } {
  const at = text.lastIndexOf(':');
  if (at <= 0) throw new UsageError(`--rule ${text}: expected ID:SEVERITY, e.g. stale-review:error`);
  const id = text.slice(0, at).trim();
  const severity = text.slice(at + 1).trim();
  if (!knownIds.includes(id)) throw new UsageError(`--rule ${text}: unknown rule "${id}"${didYouMean(id, knownIds)}`);
  if (!isSeverity(severity)) throw new UsageError(`--rule ${text}: expected a severity (${SEVERITY_TEXT}), got ${showValue(severity)}`);
  return { id, severity };
}

export function resolveConfig(loaded: LoadedConfig, rules: readonly Rule<any>[], ruleOverrides: readonly string[] = []): ResolvedConfig {
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]));
  const knownIds = [...byId.keys()];
  const settings = new Map<string, RuleSetting>();
  for (const rule of rules) {
    settings.set(rule.meta.id, { severity: rule.meta.defaultSeverity, options: defaultOptions(rule) });
  }

  // Every rule entry is checked, and all their problems reported at once.
  const problems: string[] = [];
  for (const [id, entry] of Object.entries(loaded.config.rules ?? {})) {
    try {
      resolveEntry(id, entry);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw ConfigError.of(problems);

  function resolveEntry(id: string, entry: unknown): void {
    const rule = byId.get(id);
    if (!rule) throw configError(loaded, ['rules', id], `unknown rule "${id}"${didYouMean(id, knownIds)}`);
    if (typeof entry === 'string') {
      if (!isSeverity(entry)) throw configError(loaded, ['rules', id], `expected ${SEVERITY_TEXT} or [severity, options], got ${showValue(entry)}`);
      settings.set(id, { severity: entry, options: defaultOptions(rule) });
      return;
    }
    if (!Array.isArray(entry)) {
      throw configError(loaded, ['rules', id], `expected ${SEVERITY_TEXT} or [severity, options], got ${showValue(entry)}`);
    }
    if (entry.length < 1 || entry.length > 2) {
      throw configError(loaded, ['rules', id], `expected [severity] or [severity, options], got an array of ${entry.length} items`);
    }
    const [severity, options] = entry as [unknown, unknown];
    if (!isSeverity(severity)) throw configError(loaded, ['rules', id, 0], `expected ${SEVERITY_TEXT}, got ${showValue(severity)}`);
    if (entry.length === 1) {
      settings.set(id, { severity, options: defaultOptions(rule) });
      return;
    }
    if (!isPlainObject(options)) throw configError(loaded, ['rules', id, 1], `expected an object of options, got ${showValue(options)}`);
    settings.set(id, { severity, options: ruleOptions(rule, options, loaded, id) });
  }

  for (const text of ruleOverrides) {
    const { id, severity } = parseRuleOverride(text, knownIds);
    const current = settings.get(id)!;
    settings.set(id, { severity, options: current.options });
  }

  return {
    file: loaded.file,
    include: loaded.config.include ?? [...DEFAULT_INCLUDE],
    ignores: loaded.config.ignores ?? [],
    ignoresDir: loaded.dir,
    respectGitignore: loaded.config.respectGitignore ?? false,
    plugins: pluginPaths(loaded),
    rules: [...rules],
    settings,
  };
}

/**
 * `--print-config`: the resolved config in the config file's own shape (so it can be
 * pasted back), with every rule as `[severity, options]`, sorted by id.
 */
export function printableConfig(resolved: ResolvedConfig): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  for (const id of [...resolved.settings.keys()].sort()) {
    const setting = resolved.settings.get(id)!;
    rules[id] = [setting.severity, setting.options ?? {}];
  }
  return {
    include: resolved.include,
    ignores: resolved.ignores,
    plugins: resolved.plugins,
    rules,
  };
}
