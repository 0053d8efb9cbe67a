/**
 * `github`: GitHub Actions workflow commands, one annotation per finding:
 * `::error file=…,line=…,col=…,title=…::message`. Escaping follows the runner's rules:
 * in the message (data) `%`, `\r`, `\n`; in property values also `:` and `,`.
 */
import type { Formatter } from './types.js';

export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const formatGithub: Formatter = (results) => {
  const lines: string[] = [];
  for (const result of results) {
    for (const finding of result.findings) {
      const properties: Array<[string, string | number]> = [['file', finding.file], ['line', finding.line]];
      if (finding.endLine !== undefined) properties.push(['endLine', finding.endLine]);
      if (finding.column !== undefined) properties.push(['col', finding.column]);
      if (finding.endColumn !== undefined) properties.push(['endColumn', finding.endColumn]);
      properties.push(['title', finding.ruleId]);
      const related = (finding.related ?? []).map((r) => `\nrelated: line ${r.line}${r.message ? ` (${r.message})` : ''}`).join('');
      const command = finding.severity === 'error' ? 'error' : 'warning';
      const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
      lines.push(`::${command} ${props}::${escapeData(`${finding.message}${related}`)}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};
