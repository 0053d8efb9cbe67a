/**
 * `stylish` (the default): findings grouped by file, `line:col  severity  message  rule`
 * in aligned columns, then a totals line and a table of findings per rule. Nothing at all
 * when there are no findings. Colour comes from the context's level (0 = plain text).
 * With `context.columns` (the CLI gives the terminal's width, 80 when unknown) the message
 * and rule wrap to fit, with a hanging indent under the message column.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { ColorLevel, Formatter } from './types.js';
import { countByRule, type FileResult, type RuleCount } from '../model/finding.js';
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
  const stream = stylishStream(context.colorLevel, context.columns);
  let out = '';
  for (const result of results) out += stream.file(result);
  return out + stream.end();
};

/**
 * stylish built file by file (what `anp lint` streams): `file(result)` gives that file's
 * block as soon as it is known, `end()` the totals line and the table by rule. The parts
 * joined are exactly formatStylish of all the results.
 */
export function stylishStream(colorLevel: ColorLevel, columns?: number): { file(result: FileResult): string; end(): string } {
  const chalk = new Chalk({ level: colorLevel });
  const counts = new Map<string, RuleCount>();
  let errors = 0;
  let warnings = 0;
  let problems = 0;
  return {
    file(result) {
      if (result.findings.length === 0) return '';
      countByRule([result], counts);
      const total = totals([result]);
      errors += total.errors;
      warnings += total.warnings;
      problems += result.findings.length;
      const rows = result.findings.map((finding) => ({
        where: `${finding.line}:${finding.column ?? 1}`,
        severity: severityWord(finding.severity),
        message: oneLine(finding.message),
        ruleId: finding.ruleId,
      }));
      const whereWidth = Math.max(...rows.map((row) => width(row.where)));
      const severityWidth = Math.max(...rows.map((row) => width(row.severity)));
      const messageWidth = Math.max(...rows.map((row) => width(row.message)));
      let out = `${chalk.underline(safeFileName(result.file))}\n`;
      for (const row of rows) {
        const severity = padEnd(row.severity, severityWidth);
        if (columns !== undefined) {
          // Fitted to the terminal: message and rule wrap under the message column.
          const prefix = `  ${chalk.dim(padStart(row.where, whereWidth))}  ${row.severity === 'error' ? chalk.red(severity) : chalk.yellow(severity)}  `;
          for (const line of hangingWrap(prefix, `${row.message}  ${chalk.dim(row.ruleId)}`, columns)) out += `${line.trimEnd()}\n`;
          continue;
        }
        out += `${`  ${chalk.dim(padStart(row.where, whereWidth))}  ${row.severity === 'error' ? chalk.red(severity) : chalk.yellow(severity)}  ${padEnd(row.message, messageWidth)}  ${chalk.dim(row.ruleId)}`.trimEnd()}\n`;
      }
      return `${out}\n`;
    },
    end() {
      if (problems === 0) return '';
      const summary = `✖ ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
      const table = new Table({
        head: ['rule', 'errors', 'warnings'].map((head) => chalk.bold(head)),
        colAligns: ['left', 'right', 'right'],
        style: { head: [], border: [] },
      });
      for (const row of countByRule([], counts)) {
        table.push([row.ruleId, row.errors > 0 ? chalk.red(String(row.errors)) : '0', row.warnings > 0 ? chalk.yellow(String(row.warnings)) : '0']);
      }
      return `${(errors > 0 ? chalk.red : chalk.yellow).bold(summary)}\n\n${table.toString()}\n`;
    },
  };
}
