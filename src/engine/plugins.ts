/**
 * Custom rule modules (config `plugins`, `--rules-dir`): plain ES modules written against
 * the same interface as the built-ins. A module may export
 *   - `meta` and `check` (one rule, the module is the rule),
 *   - a default export that is a rule or an array of rules,
 *   - or `rules`, an array of rules.
 * A rule may also have `corpus(context)`, the optional corpus phase (see rule.ts).
 * Each rule's shape is checked with zod; anything wrong is a `PluginError` naming the path
 * and the problem, which the CLI turns into exit code 2.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { Severity } from '../model/finding.js';
import type { Rule } from './rule.js';

import { PluginError } from '../errors.js';

export { PluginError };

const isFunction = (value: unknown): value is (...args: unknown[]) => unknown => typeof value === 'function';

const OptionsSchema = z.custom<z.ZodType>(
  (value) => typeof value === 'object' && value !== null && isFunction((value as { safeParse?: unknown }).safeParse),
  { message: 'expected a zod schema (an object with safeParse)' },
);

export const PluginRuleShape = z.object({
  meta: z.object({
    id: z.string().regex(/^[a-z0-9]+(?:[-/][a-z0-9]+)*$/, 'expected a kebab-case id such as no-todo'),
    description: z.string().min(1),
    defaultSeverity: Severity,
    tags: z.array(z.string()).optional(),
    docs: z.string().optional(),
    schema: OptionsSchema.optional(),
  }),
  check: z.custom<Rule['check']>(isFunction, { message: 'expected a function check(post, context)' }),
  corpus: z
    .custom<NonNullable<Rule['corpus']>>(isFunction, { message: 'expected a function corpus(context) returning { collect, finish }' })
    .optional(),
  corpusSummary: z
    .custom<NonNullable<Rule['corpusSummary']>>(isFunction, { message: 'expected a function corpusSummary(post, context)' })
    .optional(),
});

/** Loadable rule module extensions, for `loadRulesDir`. */
export const RULE_MODULE_EXTENSIONS = new Set(['.js', '.mjs', '.cjs']);

/** Imports each path (relative to the cwd) and returns its rules, in path order. */
export async function loadRuleModules(paths: readonly string[]): Promise<Rule[]> {
  const rules: Rule[] = [];
  const seen = new Map<string, string>();
  for (const path of paths) {
    for (const rule of await loadRuleModule(path)) {
      const earlier = seen.get(rule.meta.id);
      if (earlier !== undefined) {
        throw new PluginError(path, `rule id "${rule.meta.id}" is already defined by ${earlier}`);
      }
      seen.set(rule.meta.id, path);
      rules.push(rule);
    }
  }
  return rules;
}

/** Every rule module (`.js`, `.mjs`, `.cjs`) directly inside `dir`, in name order. */
export async function loadRulesDir(dir: string): Promise<Rule[]> {
  let names: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw new PluginError(dir, 'not a directory');
    names = await readdir(dir);
  } catch (error) {
    if (error instanceof PluginError) throw error;
    throw new PluginError(dir, `cannot read the rules directory (${(error as Error).message})`);
  }
  const files = names.filter((name) => RULE_MODULE_EXTENSIONS.has(extname(name))).sort();
  return loadRuleModules(files.map((name) => join(dir, name)));
}

/**
 * Built-ins followed by plugin rules. A plugin may not reuse a built-in id, nor an id that
 * another plugin (from the config or --rules-dir) already brought.
 */
export function mergeRules(builtins: readonly Rule<any>[], plugins: readonly Rule<any>[], sources?: ReadonlyMap<Rule<any>, string>): Rule<any>[] {
  const builtinIds = new Set(builtins.map((rule) => rule.meta.id));
  const pluginIds = new Set<string>();
  for (const rule of plugins) {
    const id = rule.meta.id;
    const where = sources?.get(rule) ?? id;
    if (builtinIds.has(id)) throw new PluginError(where, `rule id "${id}" clashes with a built-in rule`);
    if (pluginIds.has(id)) throw new PluginError(where, `rule id "${id}" is defined by more than one plugin`);
    pluginIds.add(id);
  }
  return [...builtins, ...plugins];
}

async function loadRuleModule(path: string): Promise<Rule[]> {
  const absolute = resolve(path);
  try {
    if (!(await stat(absolute)).isFile()) throw new PluginError(path, 'not a file');
  } catch (error) {
    if (error instanceof PluginError) throw error;
    throw new PluginError(path, 'file not found');
  }
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(pathToFileURL(absolute).href)) as Record<string, unknown>;
  } catch (error) {
    throw new PluginError(path, `cannot be imported: ${(error as Error).message}`);
  }
  const candidates = candidatesOf(namespace);
  if (candidates.length === 0) {
    throw new PluginError(path, 'exports no rule; expected `meta` and `check`, a default export of a rule or an array of rules, or `rules`');
  }
  return candidates.map((candidate, index) => validate(path, candidate, candidates.length > 1 ? index : undefined));
}

function candidatesOf(namespace: Record<string, unknown>): unknown[] {
  if ('meta' in namespace || 'check' in namespace) return [{ meta: namespace.meta, check: namespace.check, corpus: namespace.corpus, corpusSummary: namespace.corpusSummary }];
  const fallback = namespace.default ?? namespace.rules;
  if (Array.isArray(fallback)) return fallback;
  if (fallback !== undefined && fallback !== null) {
    const inner = fallback as Record<string, unknown>;
    if (Array.isArray(inner.rules)) return inner.rules;
    return [fallback];
  }
  return [];
}

/**
 * A rule object given directly (`createLinter({ customRules })`), checked and completed like a
 * plugin module's rule; `where` names it in a PluginError.
 */
export function validateRule(candidate: unknown, where: string): Rule {
  return validate(where, candidate, undefined);
}

function validate(path: string, candidate: unknown, index: number | undefined): Rule {
  const where = index === undefined ? '' : `rule #${index + 1}: `;
  const parsed = PluginRuleShape.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.length > 0 ? issue.path.join('.') : 'the export';
    throw new PluginError(path, `${where}${at}: ${issue.message}`);
  }
  const { meta, check, corpus, corpusSummary } = parsed.data;
  const schema: z.ZodType = meta.schema ?? z.object({}).loose();
  const defaults = schema.safeParse({});
  if (!defaults.success) {
    throw new PluginError(path, `${where}meta.schema: parsing {} must give the default options (${defaults.error.issues[0]?.message ?? 'failed'})`);
  }
  const rule: Rule = {
    meta: {
      id: meta.id,
      description: meta.description,
      defaultSeverity: meta.defaultSeverity,
      tags: meta.tags?.length ? meta.tags : ['plugin'],
      docs: meta.docs || path,
      schema: schema as z.ZodType<Record<string, unknown>>,
    },
    check: check.bind(candidate),
  };
  if (corpus) rule.corpus = corpus.bind(candidate);
  // With it (and the run's collectSummary), the rule's corpus phase works across worker threads, the cache and shards.
  if (corpusSummary) rule.corpusSummary = corpusSummary.bind(candidate);
  return rule;
}
