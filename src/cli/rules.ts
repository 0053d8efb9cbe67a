/**
 * `anp rules [id]`: the table of every rule (id, default severity, tags, description); with
 * an id, the rule's docs page (docs/rules/<id>.md from the package) and its options with
 * their defaults. Plugin rules are listed too when a config or --rules-dir names them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Table from 'cli-table3';
import { Chalk } from 'chalk';
import type { Command } from 'commander';
import { z } from 'zod';
import type { Rule } from '../engine/rule.js';
import { didYouMean } from '../config/suggest.js';
import { UsageError } from '../errors.js';
import { colorLevel, packageInfo, setupRules } from './shared.js';

interface RulesOptions {
  config?: string;
  rulesDir?: string;
  json?: boolean;
  color?: boolean;
}

export function registerRulesCommand(program: Command): void {
  program
    .command('rules')
    .description('list every rule; with an id, show its docs and options')
    .argument('[id]', 'a rule id, e.g. stale-review')
    .option('-c, --config <file>', 'config file whose plugins are listed too')
    .option('--rules-dir <dir>', 'also list the custom rules in this folder')
    .option('--json', 'print the rules (or the one rule) as JSON')
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output')
    .addHelpText('after', '\nExamples:\n  anp rules\n  anp rules stale-review')
    .action(async (id: string | undefined, options: RulesOptions) => {
      const resolved = await setupRules({ cwd: process.cwd(), config: options.config, rulesDir: options.rulesDir });
      const level = colorLevel(options.color, process.env, process.stdout.isTTY === true);
      process.stdout.write(id === undefined ? listRules(resolved.rules, options.json === true, level) : await showRule(resolved.rules, id, options.json === true));
    });
}

function defaultsOf(rule: Rule<any>): unknown {
  const parsed = (rule.meta.schema as z.ZodType).safeParse({});
  return parsed.success ? parsed.data : {};
}

function summary(rule: Rule<any>): Record<string, unknown> {
  return {
    id: rule.meta.id,
    defaultSeverity: rule.meta.defaultSeverity,
    tags: [...(rule.meta.tags ?? [])],
    description: rule.meta.description,
    docs: rule.meta.docs,
    options: defaultsOf(rule),
  };
}

export function listRules(rules: readonly Rule<any>[], json: boolean, level: 0 | 1 | 2 | 3): string {
  if (json) return `${JSON.stringify(rules.map(summary), null, 2)}\n`;
  const chalk = new Chalk({ level });
  const table = new Table({
    head: ['id', 'default', 'tags', 'description'].map((head) => chalk.bold(head)),
    style: { head: [], border: [] },
    colWidths: [28, 9, 14, 60],
    wordWrap: true,
  });
  const paint = (severity: string) => (severity === 'error' ? chalk.red(severity) : severity === 'warn' ? chalk.yellow(severity) : chalk.dim(severity));
  for (const rule of rules) {
    table.push([rule.meta.id, paint(rule.meta.defaultSeverity), (rule.meta.tags ?? []).join(', '), rule.meta.description]);
  }
  return `${table.toString()}\n${rules.length} rules. \`anp rules <id>\` shows one rule's docs and options.\n`;
}

/** One option per line: name, type, default (from the options' JSON Schema). */
function optionLines(rule: Rule<any>): string[] {
  const defaults = defaultsOf(rule) as Record<string, unknown>;
  let properties: Record<string, { type?: string; description?: string; items?: { type?: string } }> = {};
  try {
    const schema = z.toJSONSchema(rule.meta.schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as { properties?: typeof properties };
    properties = schema.properties ?? {};
  } catch {
    // not representable: fall back to the defaults alone
  }
  const names = [...new Set([...Object.keys(properties), ...Object.keys(defaults ?? {})])];
  return names.map((name) => {
    const property = properties[name] ?? {};
    const type = property.type === 'array' ? `${property.items?.type ?? 'value'}[]` : (property.type ?? typeof defaults[name]);
    const description = property.description ? ` — ${property.description}` : '';
    return `  ${name} (${type}, default ${JSON.stringify(defaults[name])})${description}`;
  });
}

export async function showRule(rules: readonly Rule<any>[], id: string, json: boolean): Promise<string> {
  const rule = rules.find((candidate) => candidate.meta.id === id);
  if (!rule) throw new UsageError(`unknown rule "${id}"${didYouMean(id, rules.map((r) => r.meta.id))} (see anp rules)`);
  if (json) return `${JSON.stringify(summary(rule), null, 2)}\n`;
  let docs: string | undefined;
  if (rule.meta.docs && /^docs\/rules\/[\w.-]+\.md$/.test(rule.meta.docs)) {
    try {
      docs = await readFile(path.join(packageInfo().root, rule.meta.docs), 'utf8');
    } catch {
      docs = undefined;
    }
  }
  const out: string[] = [];
  out.push(docs !== undefined ? docs.trimEnd() : `# ${rule.meta.id}\n\n${rule.meta.description}`);
  out.push('');
  out.push('---');
  out.push(`default severity: ${rule.meta.defaultSeverity}`);
  if ((rule.meta.tags ?? []).length > 0) out.push(`tags: ${rule.meta.tags.join(', ')}`);
  const options = optionLines(rule);
  out.push(options.length > 0 ? `options:\n${options.join('\n')}` : 'options: none');
  out.push(`configure: "rules": { "${rule.meta.id}": ${JSON.stringify(options.length > 0 ? [rule.meta.defaultSeverity === 'off' ? 'warn' : rule.meta.defaultSeverity, defaultsOf(rule)] : rule.meta.defaultSeverity)} }`);
  return `${out.join('\n')}\n`;
}
