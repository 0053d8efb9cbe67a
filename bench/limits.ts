/**
 * `npm run bench:limits`: the platform-limits check of issue 15 on the 10k bench corpus,
 * too slow for `npm test`. Generates the corpus (bench/generate.ts) in a temp folder, runs
 * `anp lint -f github --report sarif=… --report json=…` once with GITHUB_STEP_SUMMARY set, and
 * checks: ≤ 10 ::error and ≤ 10 ::warning lines and one ::notice; the summary under 1 MiB;
 * the SARIF with ≤ 5,000 results, every error among them when they fit, ≤ 100 locations per
 * result, the notification, and (on Linux) no errors or warnings from the SARIF Multitool.
 * Exit 1 on any failed check.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusArticle, corpusPath } from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const count = Number(process.argv[2] ?? 10_000);
const root = mkdtempSync(path.join(tmpdir(), 'anp-limits-'));
const failures: string[] = [];
const check = (ok: boolean, what: string): void => {
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${what}\n`);
  if (!ok) failures.push(what);
};

try {
  const content = path.join(root, 'content');
  for (let i = 0; i < count; i++) {
    const file = path.join(content, corpusPath(i));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, corpusArticle(i, 1).bytes);
  }
  const summary = path.join(root, 'summary.md');
  writeFileSync(summary, '');
  let stdout = '';
  try {
    stdout = execFileSync(process.execPath, [path.join(repo, 'bin', 'anp.js'), 'lint', 'content', '--now', '2026-11-23', '-f', 'github', '--report', 'sarif=anp.sarif', '--report', 'json=anp.json'], {
      cwd: root,
      env: { ...process.env, GITHUB_STEP_SUMMARY: summary },
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    check(failed.status === 1, `anp lint exits 1 on the findings (got ${failed.status})`);
    stdout = failed.stdout;
  }
  const lines = stdout.trimEnd().split('\n');
  const errors = lines.filter((line) => line.startsWith('::error ')).length;
  const warnings = lines.filter((line) => line.startsWith('::warning ')).length;
  const notices = lines.filter((line) => line.startsWith('::notice '));
  check(errors <= 10 && warnings <= 10, `github: ${errors} ::error and ${warnings} ::warning lines (at most 10 each)`);
  check(notices.length === 1, `github: one ::notice with the totals: ${notices[0] ?? '(none)'}`);
  const summaryBytes = statSync(summary).size;
  check(summaryBytes > 0 && summaryBytes < 1 << 20, `step summary: ${summaryBytes} bytes (under 1 MiB)`);

  const report = JSON.parse(readFileSync(path.join(root, 'anp.json'), 'utf8')) as Array<{ errorCount: number; findings: unknown[] }>;
  const totalErrors = report.reduce((sum, file) => sum + file.errorCount, 0);
  const total = report.reduce((sum, file) => sum + file.findings.length, 0);
  const sarifText = readFileSync(path.join(root, 'anp.sarif'), 'utf8');
  const run = (JSON.parse(sarifText) as { runs: Array<{ results: Array<{ level: string; relatedLocations?: unknown[] }>; invocations?: Array<{ toolExecutionNotifications?: Array<{ message: { text: string } }> }> }> }).runs[0]!;
  const keptErrors = run.results.filter((result) => result.level === 'error').length;
  check(run.results.length <= 5000, `sarif: ${run.results.length} results of ${total} (at most 5,000)`);
  check(keptErrors === Math.min(totalErrors, 5000), `sarif: ${keptErrors} errors kept of ${totalErrors}`);
  check(run.results.every((result) => 1 + (result.relatedLocations?.length ?? 0) <= 100), 'sarif: at most 100 locations per result');
  const note = run.invocations?.[0]?.toolExecutionNotifications?.[0]?.message.text;
  check(total <= 5000 || note !== undefined, `sarif: notification: ${note ?? '(none)'}`);
  if (process.platform === 'linux') {
    const multitool = path.join(repo, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');
    const output = path.join(root, 'validation.sarif');
    execFileSync(multitool, ['validate', path.join(root, 'anp.sarif'), '--output', output, '--log', 'ForceOverwrite', '--level', 'Error;Warning'], {
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
      stdio: 'ignore',
    });
    const found = (JSON.parse(readFileSync(output, 'utf8')) as { runs: Array<{ results?: unknown[] }> }).runs.flatMap((r) => r.results ?? []);
    check(found.length === 0, `sarif: the SARIF Multitool reports ${found.length} errors or warnings`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
process.exitCode = failures.length > 0 ? 1 : 0;
