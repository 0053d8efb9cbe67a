/**
 * `stylish` (the default): findings grouped by file, `line:col  severity  message  rule`
 * in aligned columns, then a totals line and a table of findings per rule. Nothing at all
 * when there are no findings. Colour comes from the context's level (0 = plain text).
 * With `context.columns` (the CLI gives the terminal's width, 80 when unknown) the message
 * and rule wrap to fit, with a hanging indent under the message column.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { Formatter } from './types.js';
import { countByRule } from '../model/finding.js';
import { plural } from '../text/plural.js';
import { hangingWrap } from '../text/terminal.js';
import { oneLine, safeFileName, severityWord, totals } from './types.js';

/** Visible width (code points; the messages are plain text). */
function width(text: string): number {
  return [...text].length;
}

function padEnd(text: string, size: number): string {
  return text + ' '.repeat(Math.max(0, size - width(text)));
}

function padStart(text: string, size: number): string {
  return ' '.repeat(Math.max(0, size - width(text))) + text;
}

export const formatStylish: Formatter = (results, context) => {
  const chalk = new Chalk({ level: context.colorLevel });
  const out: string[] = [];
  for (const result of results) {
    if (result.findings.length === 0) continue;
    const rows = result.findings.map((finding) => ({
      where: `${finding.line}:${finding.column ?? 1}`,
      severity: severityWord(finding.severity),
      message: oneLine(finding.message),
      ruleId: finding.ruleId,
    }));
    const whereWidth = Math.max(...rows.map((row) => width(row.where)));
    const severityWidth = Math.max(...rows.map((row) => width(row.severity)));
    const messageWidth = Math.max(...rows.map((row) => width(row.message)));
    out.push(chalk.underline(safeFileName(result.file)));
    for (const row of rows) {
      const severity = padEnd(row.severity, severityWidth);
      if (context.columns !== undefined) {
        const prefix = `  ${chalk.dim(padStart(row.where, whereWidth))}  ${row.severity === 'error' ? chalk.red(severity) : chalk.yellow(severity)}  `;
        out.push(...hangingWrap(prefix, `${row.message}  ${chalk.dim(row.ruleId)}`, context.columns).map((line) => line.trimEnd()));
        continue;
      }
      out.push(
        `  ${chalk.dim(padStart(row.where, whereWidth))}  ${row.severity === 'error' ? chalk.red(severity) : chalk.yellow(severity)}  ${padEnd(row.message, messageWidth)}  ${chalk.dim(row.ruleId)}`.trimEnd(),
      );
    }
    out.push('');
  }
  const { errors, warnings } = totals(results);
  const problems = results.reduce((sum, result) => sum + result.findings.length, 0);
  if (problems === 0) return '';
  const summary = `✖ ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  out.push((errors > 0 ? chalk.red : chalk.yellow).bold(summary));
  out.push('');

  const table = new Table({
    head: ['rule', 'errors', 'warnings'].map((head) => chalk.bold(head)),
    colAligns: ['left', 'right', 'right'],
    style: { head: [], border: [] },
  });
  for (const row of countByRule(results)) {
    table.push([row.ruleId, row.errors > 0 ? chalk.red(String(row.errors)) : '0', row.warnings > 0 ? chalk.yellow(String(row.warnings)) : '0']);
  }
  out.push(table.toString());
  return `${out.join('\n')}\n`;
};
