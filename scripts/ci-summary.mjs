// Prints `N passed, N failed` from vitest's JSON report as the very last line, and exits
// non-zero when anything failed, a test file could not be loaded, or no test ran.
// Usage: node scripts/ci-summary.mjs REPORT.json VITEST_EXIT_STATUS
import { readFileSync } from 'node:fs';

const [reportPath, vitestStatus = '0'] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(reportPath, 'utf8'));
} catch (error) {
  process.stderr.write(`ci: no readable vitest report at ${reportPath} (${error.message})\n`);
  process.stdout.write('0 passed, 0 failed\n');
  process.exit(1);
}

const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
const brokenFiles = report.numFailedTestSuites ?? 0;
const problems = [];
if (failed > 0) problems.push(`${failed} test(s) failed`);
if (brokenFiles > 0 && failed === 0) problems.push(`${brokenFiles} test file(s) failed to run`);
if (passed + failed === 0) problems.push('no test ran');
if (vitestStatus !== '0' && problems.length === 0) problems.push(`vitest exited with status ${vitestStatus}`);
if (problems.length > 0) process.stderr.write(`ci: ${problems.join('; ')}\n`);

process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = problems.length > 0 ? 1 : 0;
