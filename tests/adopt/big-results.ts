/** A big set of lint results built in memory, for the report-limit tests. */
import type { FileResult, Finding } from '../../src/model/finding.js';

/** 400 files x 30 findings: one error in every tenth finding, one finding with 150 related lines. */
export function bigResults(): FileResult[] {
  const results: FileResult[] = [];
  for (let f = 0; f < 400; f++) {
    const file = `content/batch-${f % 4}/post-${String(f).padStart(4, '0')}.txt`;
    const findings: Finding[] = [];
    for (let i = 0; i < 30; i++) {
      const severity = i % 10 === 3 ? 'error' : 'warn';
      findings.push({ ruleId: severity === 'error' ? 'duplicate-paragraph' : 'repeated-sentence', severity, message: `finding ${i}`, file, line: i + 1 });
    }
    if (f === 7) findings[3] = { ...findings[3]!, related: Array.from({ length: 150 }, (_, i) => ({ line: i + 2, message: `copy ${i}` })) };
    const errorCount = findings.filter((x) => x.severity === 'error').length;
    results.push({ file, findings, errorCount, warningCount: findings.length - errorCount });
  }
  return results;
}

