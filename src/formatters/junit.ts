/**
 * `junit`: JUnit XML for CI test reporters. One <testsuite> per file; one failing
 * <testcase> per finding (type = severity); a file with no findings gets one passing
 * testcase so it shows up as checked.
 */
import type { FileResult } from '../model/finding.js';
import type { Formatter } from './types.js';
import { severityWord } from './types.js';

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/F). */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escape for element text and attribute values (double-quoted); invalid characters become U+FFFD. */
export function escapeXml(value: string): string {
  return value
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** Element text keeps its line breaks. */
function escapeText(value: string): string {
  return escapeXml(value).replace(/&#10;/g, '\n').replace(/&#9;/g, '\t');
}

/** One file's <testsuite> (with its trailing newline) and its counts. */
export function junitSuite(result: FileResult): { text: string; tests: number; failures: number } {
  const file = escapeXml(result.file);
  const cases: string[] = [];
  if (result.findings.length === 0) {
    cases.push(`    <testcase classname="${file}" name="no problems" time="0"/>`);
  }
  for (const finding of result.findings) {
    const where = `${finding.line}:${finding.column ?? 1}`;
    const related = (finding.related ?? []).map((r) => `\nrelated: line ${r.line}${r.message ? ` (${r.message})` : ''}`).join('');
    const body = `${finding.file}:${where}: ${severityWord(finding.severity)} ${finding.message} [${finding.ruleId}]${related}`;
    cases.push(
      `    <testcase classname="${file}" name="${escapeXml(`${finding.ruleId} at ${where}`)}" time="0">\n` +
        `      <failure type="${severityWord(finding.severity)}" message="${escapeXml(finding.message)}">${escapeText(body)}</failure>\n` +
        `    </testcase>`,
    );
  }
  const count = Math.max(1, result.findings.length);
  return {
    text: `  <testsuite name="${file}" tests="${count}" failures="${result.findings.length}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>\n`,
    tests: count,
    failures: result.findings.length,
  };
}

/** What comes before the suites (the totals, so a streamed report writes it last, in front). */
export function junitHead(tests: number, failures: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="anp" tests="${tests}" failures="${failures}" errors="0" time="0">\n`;
}

export const JUNIT_END = `</testsuites>\n`;

export const formatJunit: Formatter = (results) => {
  let tests = 0;
  let failures = 0;
  let suites = '';
  for (const result of results) {
    const suite = junitSuite(result);
    tests += suite.tests;
    failures += suite.failures;
    suites += suite.text;
  }
  return junitHead(tests, failures) + suites + JUNIT_END;
};
