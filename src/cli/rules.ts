/**
 * `anp rules [id]`: every rule (id, default severity, description and tags, fitted to the
 * terminal's width with a hanging indent); with
 * an id, the rule's docs page (docs/rules/<id>.md from the package) and its options with
 * their defaults. Plugin rules are listed too when a config or --rules-dir names them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Chalk } from 'chalk';
import type { Command } from 'commander';
import { z } from 'zod';
import { didYouMean } from '../config/suggest.js';
import { packageInfo, packagedDocsPath } from '../engine/package-info.js';
import { defaultOptions, UsageError, type ColorLevel, type Rule } from '../index.js';
import { DEFAULT_COLUMNS, displayWidth, hangingWrap, padEndTo, terminalColumns } from '../text/terminal.js';
import { stdoutColor, toStdout } from './io.js';
import type { CommandContext } from './main.js';
import { addShared, linterFor, type SharedValues } from './options.js';

export function registerRulesCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('rules')
    .description('list every rule; with an id, show its docs and options')
    .argument('[id]', 'a rule id, e.g. stale-review');
  addShared(command, ['config', 'rulesDir', 'json', 'color', 'noColor'], {
    config: 'config file whose plugins are listed too',
    rulesDir: 'also list the custom rules in this folder',
    json: 'print the rules (or the one rule) as JSON',
  })
    .addHelpText('after', '\nExamples:\n  anp rules\n  anp rules stale-review')
    .action(async (id: string | undefined, options: SharedValues) => {
      const { io } = context;
      const rules = await linterFor(options, io).rules();
      await toStdout(io, id === undefined ? listRules(rules, options.json === true, stdoutColor(options.color, io), terminalColumns(io.stdout)) : await showRule(rules, id, options.json === true));
    });
}

function defaultsOf(rule: Rule<any>): unknown {
  try {
    return defaultOptions(rule);
  } catch {
    return {};
  }
}

function summary(rule: Rule<any>): Record<string, unknown> {
  return {
    id: rule.meta.id,
    defaultSeverity: rule.meta.defaultSeverity,
    tags: [...(rule.meta.tags ?? [])],
    description: rule.meta.description,
    docs: rule.meta.docs,
    fixable: rule.meta.fixable === true,
    options: defaultsOf(rule),
  };
}

export function listRules(rules: readonly Rule<any>[], json: boolean, level: ColorLevel, columns = DEFAULT_COLUMNS): string {
  if (json) return `${JSON.stringify(rules.map(summary), null, 2)}\n`;
  const chalk = new Chalk({ level });
  // id and default in aligned columns; the description (tags after it) wraps to the terminal
  // with a hanging indent under its own column.
  const idWidth = Math.max(2, ...rules.map((rule) => displayWidth(rule.meta.id)));
  const severityWidth = 'default'.length;
  const paint = (severity: string) => (severity === 'error' ? chalk.red(severity) : severity === 'warn' ? chalk.yellow(severity) : chalk.dim(severity));
  const lines = [chalk.bold(`${padEndTo('id', idWidth)}  ${padEndTo('default', severityWidth)}  fix  description`.slice(0, Math.max(columns, 20)))];
  for (const rule of rules) {
    const prefix = `${padEndTo(rule.meta.id, idWidth)}  ${paint(padEndTo(rule.meta.defaultSeverity, severityWidth))}  ${padEndTo(rule.meta.fixable === true ? 'yes' : '', 3)}  `;
    const tags = (rule.meta.tags ?? []).length > 0 ? ` ${chalk.dim(`[${rule.meta.tags.join(', ')}]`)}` : '';
    lines.push(...hangingWrap(prefix, `${rule.meta.description}${tags}`, columns).map((line) => line.trimEnd()));
  }
  const fixable = rules.filter((rule) => rule.meta.fixable === true).length;
  lines.push(...hangingWrap('', `${rules.length} rules, ${fixable} can fix what they find (\`anp lint --fix\`). \`anp rules <id>\` shows one rule's docs and options.`, columns));
  return `${lines.join('\n')}\n`;
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
  const packaged = packagedDocsPath(rule);
  if (packaged !== undefined) {
    try {
      docs = await readFile(path.join(packageInfo().root, packaged), 'utf8');
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
  out.push(`fixable: ${rule.meta.fixable === true ? 'yes (anp lint --fix)' : 'no'}`);
  const options = optionLines(rule);
  out.push(options.length > 0 ? `options:\n${options.join('\n')}` : 'options: none');
  out.push(`configure: "rules": { "${rule.meta.id}": ${JSON.stringify(options.length > 0 ? [rule.meta.defaultSeverity === 'off' ? 'warn' : rule.meta.defaultSeverity, defaultsOf(rule)] : rule.meta.defaultSeverity)} }`);
  return `${out.join('\n')}\n`;
}
