/** `compact`: one line per finding, `file:line:col: severity message [rule]`. */
import type { Formatter } from './types.js';
import { oneLine, safeFileName, severityWord } from './types.js';

export const formatCompact: Formatter = (results) => {
  const lines: string[] = [];
  for (const result of results) {
    for (const finding of result.findings) {
      lines.push(
        `${safeFileName(finding.file)}:${finding.line}:${finding.column ?? 1}: ${severityWord(finding.severity)} ${oneLine(finding.message)} [${finding.ruleId}]`,
      );
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};
