/**
 * `npm run bench:fix` (or `node dist-bench/bench/fix-check.js [DIR | --files N]`): the
 * acceptance check of `anp lint --fix` (issue 11), too slow for `npm test`.
 *
 * Without DIR it generates the bench corpus (bench/generate.ts, default 10,000 files) into
 * a temp folder, never into the repo. On a copy of it, with the built CLI as child
 * processes (wall time from spawn to exit):
 *   1. `anp lint --fix-dry-run` must leave every byte unchanged;
 *   2. `anp lint` (the baseline: findings by rule before, and its time), and `anp lint
 *      --concurrency off` (fixing runs in one thread: the like-for-like time);
 *   3. `anp lint --fix` (its time against 2., and the fixes it could not apply, by reason,
 *      from its stderr);
 *   4. `anp lint` again: findings by rule after;
 *   5. a second `anp lint --fix` must change no byte;
 *   6. `anp export` of the original and of the fixed files: each fixed post must keep its
 *      title, headings, code blocks (less the later copies of a duplicate), checklist and
 *      meta values (a misspelt label may have become its field, with the same value).
 * Prints a report and exits 1 when a check fails or a duplicate-paragraph,
 * duplicate-code-block or repeated-sentence finding is left that no refusal explains.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusArticle, corpusPath } from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const BIN = path.join(repo, 'bin', 'anp.js');
const NOW = '2026-11-23';
const DUPLICATION = ['duplicate-paragraph', 'duplicate-code-block', 'repeated-sentence'];

const args = process.argv.slice(2);
const filesAt = args.indexOf('--files');
const count = filesAt === -1 ? 10_000 : Number(args[filesAt + 1]);
const given = args.find((arg, index) => !arg.startsWith('--') && (filesAt === -1 || index !== filesAt + 1));
const root = mkdtempSync(path.join(tmpdir(), 'anp-fix-check-'));
const failures: string[] = [];
const check = (ok: boolean, what: string): void => {
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${what}\n`);
  if (!ok) failures.push(what);
};

interface Run {
  seconds: number;
  status: number | null;
  stderr: string;
}

function anp(cwd: string, ...command: string[]): Run {
  const started = performance.now();
  const run = spawnSync(process.execPath, [BIN, ...command], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'ignore', 'pipe'] });
  if (run.error) throw run.error;
  return { seconds: (performance.now() - started) / 1000, status: run.status, stderr: run.stderr };
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listFiles(dir, relative));
    else if (entry.isFile()) out.push(relative);
  }
  return out;
}

function hashes(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((file) => [file, createHash('sha1').update(readFileSync(path.join(dir, file))).digest('hex')]));
}

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => before.get(key) !== after.get(key));
}

interface ReportFile { file: string; findings: Array<{ ruleId: string }> }

function countsByRule(reportFile: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of JSON.parse(readFileSync(reportFile, 'utf8')) as ReportFile[]) {
    for (const finding of file.findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  }
  return counts;
}

/** The refusal lines of `anp lint --fix`'s stderr: `  COUNT rule: reason`. */
function refusals(stderr: string): Array<{ count: number; rule: string; reason: string }> {
  const out: Array<{ count: number; rule: string; reason: string }> = [];
  for (const line of stderr.split('\n')) {
    const match = /^ {2}\s*(\d+) ([a-z0-9-]+): (.*)$/.exec(line);
    if (match) out.push({ count: Number(match[1]), rule: match[2]!, reason: match[3]! });
  }
  return out;
}

interface Exported {
  file: string;
  title: string | null;
  sections: Array<{ heading: string | null }>;
  codeBlocks: Array<{ lang: string | null; text: string }>;
  checklist: Array<{ text: string }>;
  meta: { fields: Record<string, unknown>; extra: Array<{ label: string; value: string }> } | null;
}

function exportAll(dir: string): Map<string, Exported> {
  // Exit 1 is expected: the NUL-byte files are reported and skipped.
  const out = spawnSync(process.execPath, [BIN, 'export', '.', '--ndjson'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }).stdout;
  const posts = new Map<string, Exported>();
  for (const line of out.split('\n')) {
    if (line.length === 0) continue;
    const post = JSON.parse(line) as Exported;
    posts.set(post.file, post);
  }
  return posts;
}

const trimEnds = (text: string): string => text.split('\n').map((line) => line.trimEnd()).join('\n').trim();

/** What differs between a post before and after fixing, beyond what the fixes may change; empty when nothing. */
function compare(before: Exported, after: Exported): string[] {
  const problems: string[] = [];
  if (before.title !== after.title) problems.push('title');
  if (JSON.stringify(before.sections.map((s) => s.heading)) !== JSON.stringify(after.sections.map((s) => s.heading))) problems.push('headings');
  // Code: the blocks of `after` are those of `before` without later copies of an earlier block.
  const seen = new Set<string>();
  const expected = before.codeBlocks.filter((block) => {
    const key = trimEnds(block.text);
    if (key.length > 0 && seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const same = (a: Exported['codeBlocks'], b: Exported['codeBlocks']): boolean => a.length === b.length && a.every((block, i) => block.text === b[i]!.text && block.lang === b[i]!.lang);
  if (!same(before.codeBlocks, after.codeBlocks) && !same(expected, after.codeBlocks)) problems.push('code blocks');
  if (JSON.stringify(before.checklist.map((item) => item.text)) !== JSON.stringify(after.checklist.map((item) => item.text))) problems.push('checklist');
  const fieldsBefore = before.meta?.fields ?? {};
  const fieldsAfter = after.meta?.fields ?? {};
  for (const [key, value] of Object.entries(fieldsBefore)) if (JSON.stringify(fieldsAfter[key]) !== JSON.stringify(value)) problems.push(`meta ${key}`);
  // A field that appeared must come from an unknown label of before (a misspelling fixed).
  const added = Object.keys(fieldsAfter).filter((key) => !(key in fieldsBefore));
  const extraBefore = before.meta?.extra ?? [];
  const extraAfter = after.meta?.extra ?? [];
  if (added.length > extraBefore.length - extraAfter.length) problems.push('meta fields appeared');
  const values = extraBefore.map((entry) => entry.value);
  for (const entry of extraAfter) {
    const at = values.indexOf(entry.value);
    if (at === -1) problems.push('meta extra entry changed');
    else values.splice(at, 1);
  }
  if ((before.meta === null) !== (after.meta === null)) problems.push('meta box');
  return problems;
}

const mb = (dir: string): number => listFiles(dir).reduce((sum, file) => sum + readFileSync(path.join(dir, file)).length, 0) / 1e6;

try {
  const original = path.join(root, 'original');
  if (given) cpSync(path.resolve(given), original, { recursive: true });
  else {
    for (let i = 0; i < count; i++) {
      const file = path.join(original, corpusPath(i));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, corpusArticle(i, 1).bytes);
    }
  }
  const work = path.join(root, 'work');
  cpSync(original, work, { recursive: true });
  const files = listFiles(original).length;
  process.stdout.write(`corpus: ${files} files, ${mb(original).toFixed(1)} MB, ${given ? `copied from ${given}` : `generated (seed 1)`}, in ${root}\n`);
  const originalHashes = hashes(original);

  const dry = anp(work, 'lint', '.', '--now', NOW, '--fix-dry-run', '-f', 'json', '-o', path.join(root, 'dry.json'));
  check(changedFiles(originalHashes, hashes(work)).length === 0, `--fix-dry-run: ${changedFiles(originalHashes, hashes(work)).length} files changed (expected 0); ${dry.stderr.split('\n')[0]}`);

  const lint = anp(work, 'lint', '.', '--now', NOW, '-f', 'json', '-o', path.join(root, 'before.json'));
  // Fixing runs in one thread (each pass re-parses the text it just fixed): the like-for-like baseline.
  const lintOneThread = anp(work, 'lint', '.', '--now', NOW, '--concurrency', 'off', '-f', 'json', '-o', path.join(root, 'before-1.json'));
  const fix = anp(work, 'lint', '.', '--now', NOW, '--fix', '-f', 'json', '-o', path.join(root, 'fixed.json'));
  check(fix.status === 0 || fix.status === 1, `--fix exits ${fix.status}`);
  const fixedHashes = hashes(work);
  const fixedCount = changedFiles(originalHashes, fixedHashes).length;
  process.stdout.write(`--fix: ${fix.stderr.split('\n')[0]} (${fixedCount} files differ)\n`);
  anp(work, 'lint', '.', '--now', NOW, '-f', 'json', '-o', path.join(root, 'after.json'));
  const second = anp(work, 'lint', '.', '--now', NOW, '--fix', '-f', 'json', '-o', path.join(root, 'second.json'));
  const secondChanged = changedFiles(fixedHashes, hashes(work));
  check(secondChanged.length === 0, `a second --fix: ${secondChanged.length} files changed (expected 0)${secondChanged.length > 0 ? `: ${secondChanged.slice(0, 5).join(', ')}` : ''}; ${second.stderr.split('\n')[0]}`);

  const before = countsByRule(path.join(root, 'before.json'));
  const after = countsByRule(path.join(root, 'after.json'));
  const refused = refusals(fix.stderr);
  process.stdout.write('\nfindings by rule        before     after\n');
  const rules = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => (before.get(b) ?? 0) - (before.get(a) ?? 0));
  for (const rule of rules) process.stdout.write(`${rule.padEnd(26)} ${String(before.get(rule) ?? 0).padStart(7)} ${String(after.get(rule) ?? 0).padStart(9)}\n`);
  process.stdout.write('\nfixes not applied (the structure guard), by reason:\n');
  for (const { count: n, rule, reason } of refused) process.stdout.write(`  ${String(n).padStart(6)} ${rule}: ${reason}\n`);
  if (refused.length === 0) process.stdout.write('  none\n');
  for (const rule of DUPLICATION) {
    const left = after.get(rule) ?? 0;
    const explained = refused.filter((entry) => entry.rule === rule).reduce((sum, entry) => sum + entry.count, 0);
    check(left === explained, `${rule}: ${left} left after --fix, ${explained} explained by a refusal`);
  }

  const exportedBefore = exportAll(original);
  const exportedAfter = exportAll(work);
  const problems = new Map<string, number>();
  const examples: string[] = [];
  let compared = 0;
  for (const [file, post] of exportedBefore) {
    const fixed = exportedAfter.get(file);
    if (!fixed) {
      problems.set('missing from the export after', (problems.get('missing from the export after') ?? 0) + 1);
      continue;
    }
    compared++;
    for (const problem of compare(post, fixed)) {
      problems.set(problem, (problems.get(problem) ?? 0) + 1);
      if (examples.length < 5) examples.push(`${file}: ${problem}`);
    }
  }
  check(exportedAfter.size === exportedBefore.size, `export: ${exportedBefore.size} posts before, ${exportedAfter.size} after`);
  check(problems.size === 0, `export of ${compared} posts (${fixedCount} fixed): title, headings, code blocks, checklist and meta values kept${problems.size > 0 ? `; differ: ${[...problems].map(([what, n]) => `${what} ${n}`).join(', ')} (${examples.join('; ')})` : ''}`);

  process.stdout.write(
    `\ntimes (wall, child processes, same run): anp lint ${lint.seconds.toFixed(1)} s (workers), anp lint --concurrency off ${lintOneThread.seconds.toFixed(1)} s, ` +
      `anp lint --fix ${fix.seconds.toFixed(1)} s (${(fix.seconds / lint.seconds).toFixed(2)}x lint, ${(fix.seconds / lintOneThread.seconds).toFixed(2)}x lint in one thread), ` +
      `--fix-dry-run ${dry.seconds.toFixed(1)} s, second --fix ${second.seconds.toFixed(1)} s\n`,
  );
  process.stdout.write(`node ${process.version}, ${process.platform} ${process.arch}\n`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
if (failures.length > 0) {
  process.stdout.write(`\n${failures.length} check(s) failed\n`);
  process.exit(1);
}
