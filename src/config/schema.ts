/**
 * The config file (`anp.config.json`, `.anprc.json`, `package.json#anp`) as a zod schema,
 * the human-readable rendering of its validation issues, and the JSON Schema published as
 * `anp schema config` (schema/config.json) so that editors can autocomplete it.
 *
 * The top level is validated here; each rule entry is validated in resolve.ts against the
 * rule's own options schema, because which rules exist depends on the plugins.
 */
import { z } from 'zod';
import { Severity } from '../model/finding.js';
import { defaultOptions, type Rule } from '../engine/rule.js';
import { builtinRules } from '../../rules/index.js';
import { didYouMean } from './suggest.js';

export const SEVERITIES = Severity.options;

/** The value of one entry of `rules`: a severity, or `[severity]`, or `[severity, options]`. */
export const RuleEntry = z.union([
  Severity,
  z.tuple([Severity]),
  z.tuple([Severity, z.record(z.string(), z.unknown())]),
]);
export type RuleEntry = z.infer<typeof RuleEntry>;

export const ConfigFile = z
  .object({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
    include: z
      .array(z.string().min(1))
      .optional()
      .describe('Globs of the files to lint inside folders given on the command line (default ["**/*.txt"]).'),
    ignores: z
      .array(z.string().min(1))
      .optional()
      .describe('Globs of files and folders to skip (named files too), relative to this config file.'),
    respectGitignore: z
      .boolean()
      .optional()
      .describe('Also skip the files .gitignore ignores (the .gitignore files from the current directory up to the repository root), as --respect-gitignore.'),
    plugins: z
      .array(z.string().min(1))
      .optional()
      .describe('Paths of custom rule modules, relative to this config file.'),
    rules: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Rule id -> "error" | "warn" | "off" | [severity, options].'),
  })
  .strict()
  .meta({ title: 'anp config', description: 'The configuration of `anp lint` (anp.config.json).' });
export type ConfigFile = z.infer<typeof ConfigFile>;

export const DEFAULT_INCLUDE = ['**/*.txt'] as const;
export const SCHEMA_REFERENCE = './node_modules/anp/schema/config.json';

/** The default config, as `anp init` writes it: every rule at its default severity and options. */
export function defaultConfig(rules: readonly Rule<any>[] = builtinRules): Record<string, unknown> {
  const entries: Record<string, unknown> = {};
  for (const rule of rules) {
    const options: unknown = defaultOptions(rule);
    const hasOptions = typeof options === 'object' && options !== null && Object.keys(options).length > 0;
    entries[rule.meta.id] = hasOptions ? [rule.meta.defaultSeverity, options] : rule.meta.defaultSeverity;
  }
  return { $schema: SCHEMA_REFERENCE, include: [...DEFAULT_INCLUDE], ignores: [], rules: entries };
}

/** `["rules", "stale-review", 1, "maxAgeDays"]` -> `rules.stale-review[1].maxAgeDays`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** A value as shown in a message: JSON, shortened. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    // undefined for functions and symbols, which JSON cannot show.
    text = JSON.stringify(value) ?? `a ${typeof value}`;
  } catch {
    // A BigInt or a cycle.
    text = typeof value === 'bigint' ? value.toString() : `a ${typeof value}`;
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  bigint: 'an integer',
  date: 'a date',
  null: 'null',
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? `a ${expected}`;
}

function bound(issue: { origin?: string; inclusive?: boolean }, value: unknown, small: boolean): string {
  const origin = issue.origin ?? 'number';
  if (origin === 'string') return `${small ? 'at least' : 'at most'} ${String(value)} characters`;
  if (origin === 'array' || origin === 'set') return `${small ? 'at least' : 'at most'} ${String(value)} items`;
  const op = small ? (issue.inclusive === false ? '>' : '>=') : issue.inclusive === false ? '<' : '<=';
  return `a number ${op} ${String(value)}`;
}

export interface DescribedIssue {
  path: PropertyKey[];
  message: string;
}

/**
 * One zod issue as `expected …, got …`. Unknown keys are described one by one (with a
 * suggestion among `knownKeys` of the object they sit in, when given).
 */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  knownKeys?: (path: readonly PropertyKey[]) => readonly string[] | undefined,
): DescribedIssue[] {
  const out: DescribedIssue[] = [];
  for (const issue of issues) {
    const input = (issue as { input?: unknown }).input;
    const got = `got ${showValue(input)}`;
    switch (issue.code) {
      case 'invalid_type': {
        if (input === undefined) out.push({ path: issue.path, message: `is required (expected ${typeName(issue.expected)})` });
        else out.push({ path: issue.path, message: `expected ${typeName(issue.expected)}, ${got}` });
        break;
      }
      case 'too_small':
        out.push({ path: issue.path, message: `expected ${bound(issue, issue.minimum, true)}, ${got}` });
        break;
      case 'too_big':
        out.push({ path: issue.path, message: `expected ${bound(issue, issue.maximum, false)}, ${got}` });
        break;
      case 'invalid_value':
        out.push({
          path: issue.path,
          message: `expected ${issue.values.length === 1 ? showValue(issue.values[0]) : `one of ${issue.values.map((v) => showValue(v)).join(', ')}`}, ${got}`,
        });
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const known = knownKeys?.(issue.path) ?? [];
          const hint = didYouMean(key, known) || (known.length > 0 ? `; expected one of ${known.join(', ')}` : '');
          out.push({ path: [...issue.path, key], message: `unknown key${hint}` });
        }
        break;
      case 'invalid_format':
        out.push({ path: issue.path, message: `expected ${issue.format === 'regex' ? `a string matching ${String((issue as { pattern?: string }).pattern)}` : `a valid ${issue.format}`}, ${got}` });
        break;
      case 'not_multiple_of':
        out.push({ path: issue.path, message: `expected a multiple of ${String(issue.divisor)}, ${got}` });
        break;
      case 'invalid_union': {
        // Report the branch that got furthest (the one with the deepest issue path).
        const branches = issue.errors.map((branch) => describeIssues(branch, knownKeys));
        const best = branches
          .filter((branch) => branch.length > 0)
          .sort((a, b) => Math.max(...b.map((d) => d.path.length)) - Math.max(...a.map((d) => d.path.length)))[0];
        if (best && best.some((d) => d.path.length > 0)) {
          for (const d of best) out.push({ path: [...issue.path, ...d.path], message: d.message });
        } else {
          out.push({ path: issue.path, message: `${issue.message.replace(/^Invalid input:?\s*/i, '') || 'invalid value'}, ${got}` });
        }
        break;
      }
      default:
        out.push({ path: issue.path, message: `${issue.message}${input !== undefined ? ` (${got})` : ''}` });
    }
  }
  return out;
}

/** The JSON Schema of a rule's options (input side: every option optional), or a plain object. */
function optionsJsonSchema(rule: Rule<any>): Record<string, unknown> {
  try {
    const schema = z.toJSONSchema(rule.meta.schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    delete schema.$schema;
    return schema;
  } catch {
    return { type: 'object' };
  }
}

/**
 * The JSON Schema of the config file (draft 2020-12). Every known rule gets its own entry
 * with its options' schema, so editors can complete rule ids and option names; other ids
 * (plugin rules) are accepted with the generic entry shape.
 */
export function configJsonSchema(rules: readonly Rule<any>[] = builtinRules): Record<string, unknown> {
  const base = z.toJSONSchema(ConfigFile, { target: 'draft-2020-12', io: 'input' }) as Record<string, any>;
  const severity = { type: 'string', enum: [...SEVERITIES] };
  const generic = {
    anyOf: [
      severity,
      { type: 'array', prefixItems: [severity], minItems: 1, maxItems: 1 },
      { type: 'array', prefixItems: [severity, { type: 'object' }], minItems: 2, maxItems: 2 },
    ],
  };
  const properties: Record<string, unknown> = {};
  for (const rule of [...rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id))) {
    properties[rule.meta.id] = {
      description: `${rule.meta.description} (default: ${rule.meta.defaultSeverity})`,
      anyOf: [
        severity,
        { type: 'array', prefixItems: [severity], minItems: 1, maxItems: 1 },
        { type: 'array', prefixItems: [severity, optionsJsonSchema(rule)], minItems: 2, maxItems: 2 },
      ],
    };
  }
  const baseProperties = base.properties as Record<string, unknown>;
  const rulesProperty = baseProperties.rules as Record<string, unknown> | undefined;
  baseProperties.rules = {
    ...(rulesProperty?.description ? { description: rulesProperty.description } : {}),
    type: 'object',
    properties,
    additionalProperties: generic,
  };
  return base;
}
