// Prints `N passed, N failed` from vitest's JSON reports as the very last line, and exits
// non-zero when anything failed, a test file could not be loaded, or no test ran. Before it,
// the robustness counts (fuzzed documents, fault runs) that tests/fuzz and tests/faults
// recorded in .tmp/robustness/.
// Usage: node scripts/ci-summary.mjs REPORT.json VITEST_EXIT_STATUS [REPORT.json STATUS]...
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const runs = [];
for (let i = 0; i < args.length; i += 2) runs.push({ reportPath: args[i], status: args[i + 1] ?? '0' });

let passed = 0;
let failed = 0;
const problems = [];
for (const { reportPath, status } of runs) {
  let report;
  try {
    report = JSON.parse(readFileSync(reportPath, 'utf8'));
  } catch (error) {
    problems.push(`no readable vitest report at ${reportPath} (${error.message})`);
    continue;
  }
  const p = report.numPassedTests ?? 0;
  const f = report.numFailedTests ?? 0;
  const brokenFiles = report.numFailedTestSuites ?? 0;
  passed += p;
  failed += f;
  const name = path.basename(reportPath);
  if (f > 0) problems.push(`${name}: ${f} test(s) failed`);
  if (brokenFiles > 0 && f === 0) problems.push(`${name}: ${brokenFiles} test file(s) failed to run`);
  if (p + f === 0) problems.push(`${name}: no test ran`);
  if (status !== '0' && f === 0 && brokenFiles === 0 && p > 0) problems.push(`${name}: vitest exited with status ${status}`);
}

const countsDir = path.join(path.dirname(runs[0]?.reportPath ?? '.tmp/x'), 'robustness');
if (runs.length > 1) {
  const records = existsSync(countsDir)
    ? readdirSync(countsDir).filter((name) => name.endsWith('.json')).map((name) => JSON.parse(readFileSync(path.join(countsDir, name), 'utf8')))
    : [];
  const sum = (kind) => records.filter((r) => r.kind === kind).reduce((acc, r) => ({ count: acc.count + r.count, ms: acc.ms + r.ms }), { count: 0, ms: 0 });
  const fuzz = sum('fuzz');
  const fault = sum('fault');
  const parts = records.filter((r) => r.kind === 'fuzz').map((r) => `${r.name.replace(/^fuzz-/, '')} ${r.count}`).join(', ');
  process.stdout.write(`fuzz: ${fuzz.count} generated documents (${parts || 'none'}; ${(fuzz.ms / 1000).toFixed(1)} s of test time)\n`);
  process.stdout.write(`faults: ${fault.count} interrupted or killed runs of anp lint -o / anp export -o / anp lint --fix (${(fault.ms / 1000).toFixed(1)} s)\n`);
  if (fuzz.count < 100_000) problems.push(`only ${fuzz.count} fuzzed documents (at least 100000 expected)`);
  if (fault.count < 30) problems.push(`only ${fault.count} fault runs (at least 30 expected)`);
}

if (problems.length > 0) process.stderr.write(`ci: ${problems.join('; ')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = problems.length > 0 ? 1 : 0;
