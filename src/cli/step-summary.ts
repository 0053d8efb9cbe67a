/**
 * With `-f github` (or a github report) and `GITHUB_STEP_SUMMARY` set, as in a GitHub Actions
 * step, a Markdown summary is appended to that file: totals, findings by rule and the files
 * with most findings. GitHub refuses a step summary over 1 MiB, so the tables are capped
 * and the text is cut to fit.
 */
import { appendFile } from 'node:fs/promises';
import { UsageError, type LintResult } from '../index.js';
import { countByRule } from '../model/finding.js';
import { describeIoError } from '../io/read.js';
import { plural } from '../text/plural.js';

/** GitHub's limit is 1 MiB per step summary; stay well under it. */
export const STEP_SUMMARY_MAX_BYTES = 1024 * 1024 - 1024;
const MAX_RULE_ROWS = 100;
const MAX_FILE_ROWS = 20;

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/`/g, "'");
}

export function stepSummary(results: readonly LintResult[], fullReport: readonly string[]): string {
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
  }
  const withFindings = results.filter((result) => result.findings.length > 0);
  const lines = [
    '## anp lint',
    '',
    errors + warnings === 0
      ? `No problems in ${plural(results.length, 'file')}.`
      : `**${plural(errors, 'error')}** and **${plural(warnings, 'warning')}** in ${plural(withFindings.length, 'file')} (of ${results.length} linted).`,
  ];
  if (fullReport.length > 0) lines.push('', `Full report: ${fullReport.map((file) => `\`${cell(file)}\``).join(', ')}.`);
  const rules = countByRule(results);
  if (rules.length > 0) {
    lines.push('', '### By rule', '', '| rule | errors | warnings |', '| --- | ---: | ---: |');
    for (const row of rules.slice(0, MAX_RULE_ROWS)) lines.push(`| \`${cell(row.ruleId)}\` | ${row.errors} | ${row.warnings} |`);
    if (rules.length > MAX_RULE_ROWS) lines.push(`| … ${rules.length - MAX_RULE_ROWS} more rules | | |`);
  }
  if (withFindings.length > 0) {
    const worst = [...withFindings].sort((a, b) => b.errorCount - a.errorCount || b.findings.length - a.findings.length || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    lines.push('', `### Files with the most findings`, '', '| file | errors | warnings |', '| --- | ---: | ---: |');
    for (const result of worst.slice(0, MAX_FILE_ROWS)) lines.push(`| \`${cell(result.file)}\` | ${result.errorCount} | ${result.warningCount} |`);
    if (worst.length > MAX_FILE_ROWS) lines.push(`| … ${worst.length - MAX_FILE_ROWS} more files | | |`);
  }
  let text = `${lines.join('\n')}\n\n`;
  if (Buffer.byteLength(text) > STEP_SUMMARY_MAX_BYTES) {
    // Only very long file or rule names get here; cut at a line, under the limit.
    const cut = Buffer.from(text).subarray(0, STEP_SUMMARY_MAX_BYTES - 100).toString('utf8');
    text = `${cut.slice(0, cut.lastIndexOf('\n'))}\n\n(summary cut to stay under 1 MiB)\n\n`;
  }
  return text;
}

export async function appendStepSummary(file: string, results: readonly LintResult[], fullReport: readonly string[]): Promise<void> {
  try {
    await appendFile(file, stepSummary(results, fullReport));
  } catch (error) {
    throw new UsageError(`cannot append to GITHUB_STEP_SUMMARY (${file}): ${describeIoError(error)}`);
  }
}
