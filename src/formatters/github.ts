/**
 * `github`: GitHub Actions workflow commands, one annotation per finding:
 * `::error file=…,line=…,col=…,title=…::message`. Escaping follows the runner's rules:
 * in the message (data) `%`, `\r`, `\n`; in property values also `:` and `,`.
 *
 * A step keeps at most 10 error and 10 warning annotations and drops the rest silently, so
 * at most `limits.maxAnnotations` (10) of each level are written, errors first, each level
 * by file and line, then one `::notice` with the totals and where the full report is.
 */
import type { Finding } from '../model/finding.js';
import { plural } from '../text/plural.js';
import { GITHUB_DEFAULT_MAX_ANNOTATIONS, topFindings } from './limits.js';
import type { Formatter } from './types.js';

export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(finding: Finding): string {
  const properties: Array<[string, string | number]> = [['file', finding.file], ['line', finding.line]];
  if (finding.endLine !== undefined) properties.push(['endLine', finding.endLine]);
  if (finding.column !== undefined) properties.push(['col', finding.column]);
  if (finding.endColumn !== undefined) properties.push(['endColumn', finding.endColumn]);
  properties.push(['title', finding.ruleId]);
  const related = (finding.related ?? []).map((r) => `\nrelated: line ${r.line}${r.message ? ` (${r.message})` : ''}`).join('');
  const command = finding.severity === 'error' ? 'error' : 'warning';
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${command} ${props}::${escapeData(`${finding.message}${related}`)}`;
}

export const formatGithub: Formatter = (results, context) => {
  const max = context.limits?.maxAnnotations ?? GITHUB_DEFAULT_MAX_ANNOTATIONS;
  const errors = topFindings(results, 'error', max);
  const warnings = topFindings(results, 'warn', max);
  if (errors.total + warnings.total === 0) return '';
  const lines = [...errors.shown, ...warnings.shown].map(annotation);
  const files = results.filter((result) => result.findings.length > 0).length;
  const shown = errors.shown.length + warnings.shown.length;
  const left = errors.total + warnings.total - shown;
  const where = context.limits?.fullReport && context.limits.fullReport.length > 0 ? `the full report: ${context.limits.fullReport.join(', ')}` : 'the full report: anp lint -f stylish (or --report json=FILE)';
  const annotated = left > 0 ? `${shown} annotated (at most ${max} per level, errors first), ${left} not; ${where}` : `all annotated`;
  lines.push(`::notice title=anp::${escapeData(`anp: ${plural(errors.total, 'error')} and ${plural(warnings.total, 'warning')} in ${plural(files, 'file')}; ${annotated}`)}`);
  return `${lines.join('\n')}\n`;
};
