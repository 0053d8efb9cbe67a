/** Results used by the formatter tests: engine-independent, built by hand. */
import type { FileResult } from '../../src/model/finding.js';
import type { FormatContext } from '../../src/formatters/types.js';

export const results: FileResult[] = [
  {
    file: 'content/guides/logs.txt',
    findings: [
      {
        ruleId: 'duplicate-paragraph',
        severity: 'error',
        message: 'paragraph repeats the one at line 5 <exactly> & "verbatim"',
        file: 'content/guides/logs.txt',
        line: 12,
        column: 3,
        endLine: 12,
        endColumn: 40,
        related: [{ line: 5, message: 'first copy' }],
      },
      {
        ruleId: 'stale-review',
        severity: 'warn',
        message: 'revision.lastReviewed is 2019-08-03, 100% stale: expected a review, within 365 days',
        file: 'content/guides/logs.txt',
        line: 80,
      },
    ],
    errorCount: 1,
    warningCount: 1,
  },
  { file: 'content/clean.txt', findings: [], errorCount: 0, warningCount: 0 },
  {
    file: 'odd dir/a,b:c.txt',
    findings: [
      {
        ruleId: 'plugin-rule',
        severity: 'warn',
        message: 'line one\nline two\r\nwith a control \u0001 character',
        file: 'odd dir/a,b:c.txt',
        line: 1,
        column: 1,
        related: [{ line: 2 }, { line: 3 }],
      },
    ],
    errorCount: 0,
    warningCount: 1,
  },
];

export const context: FormatContext = {
  cwd: '/work/project',
  version: '1.2.3',
  colorLevel: 0,
  informationUri: 'https://example.com/anp',
  rules: [
    { id: 'duplicate-paragraph', description: 'A paragraph equal to an earlier one.', defaultSeverity: 'error', helpUri: 'https://example.com/anp/docs/rules/duplicate-paragraph.md' },
    { id: 'stale-review', description: 'The review date is too old.', defaultSeverity: 'warn', helpUri: 'https://example.com/anp/docs/rules/stale-review.md' },
    { id: 'scrape-residue', description: 'Residue lines.', defaultSeverity: 'off' },
  ],
};
