/**
 * What every formatter receives besides the results. Formatters are pure functions from
 * (results, context) to a string: they never read files, decide severity or exit codes.
 */
import type { FileResult, Severity } from '../model/finding.js';
import type { ReportLimits } from './limits.js';
import type { ReportSummary } from '../model/report-summary.js';

export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Absolute URL of the rule's docs page, when known. */
  helpUri?: string | undefined;
}

/** chalk's colour levels: 0 none, 1 16 colours, 2 256, 3 truecolor. */
export type ColorLevel = 0 | 1 | 2 | 3;

export interface FormatContext {
  /** The folder relative paths are relative to (SARIF makes absolute paths relative to it). */
  cwd: string;
  /** The version of anp (SARIF tool.driver.version). */
  version: string;
  /** chalk colour level: 0 = no colour. */
  colorLevel: ColorLevel;
  /** Every known rule (SARIF tool.driver.rules). */
  rules: readonly RuleInfo[];
  /** Home page of anp (SARIF tool.driver.informationUri). */
  informationUri?: string | undefined;
  /** Columns stylish fits its lines to (wrapping with a hanging indent); no wrapping when absent. */
  columns?: number | undefined;
  /** What sarif and github keep (src/formatters/limits.ts); the defaults when absent. */
  limits?: ReportLimits | undefined;
  /** Titles, review dates and repeated paragraphs, for the html report (absent: it shows findings only). */
  summary?: ReportSummary;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

/** `warn` -> `warning` in human-facing output (the JSON report keeps the config word). */
export function severityWord(severity: 'error' | 'warn'): 'error' | 'warning' {
  return severity === 'error' ? 'error' : 'warning';
}

/** A message on one line (formats that are line-based cannot carry line breaks). */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * A file name as one line-safe token for the line formats (compact, stylish): control
 * characters (a newline in a scraped file name would split one finding over two lines, an
 * escape sequence could repaint the terminal) are shown as `\n`, `\r`, `\t` or `\xHH`,
 * `\u2028`/`\u2029` as `\uHHHH`. Other names are returned unchanged.
 */
export function safeFileName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    const code = char.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

export function totals(results: readonly FileResult[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
  }
  return { errors, warnings };
}
