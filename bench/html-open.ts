/**
 * `npm run bench:html` (or `node dist-bench/bench/html-open.js [DIR | --files N] [--runs R]`):
 * how long the html report of the bench corpus takes to open in a real browser (issue 11:
 * the 10k report opens in Chromium in under 3 s with no console error).
 *
 * Generates the corpus (bench/generate.ts, default 10,000 files) into a temp folder, writes
 * `anp lint -f html -o report.html` with the built CLI, then opens it from file:// in
 * Debian's headless Chromium (/usr/bin/chromium, driven by playwright-core; no browser is
 * downloaded) R times (default 3), each in a new page: the time from navigation to the
 * page's `data-ready` mark (cards, chart and the first table rows drawn), and then a filter
 * typed into the table until the rows show. Console errors, page errors and any request
 * that is not file:// fail the check. Exit 1 when a run fails or the best open is 3 s or more.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, watchPageErrors } from './browser.js';
import { corpusArticle, corpusPath } from './generate.js';

const LIMIT_SECONDS = 3;

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const count = option('--files', 10_000);
const runs = option('--runs', 3);
const given = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));

if (!existsSync(CHROMIUM)) {
  process.stderr.write(`bench:html: no ${CHROMIUM}; install it with: apt-get install -y chromium\n`);
  process.exit(2);
}

const root = mkdtempSync(path.join(tmpdir(), 'anp-html-open-'));
let failed = false;
try {
  let content = given ? path.resolve(given) : path.join(root, 'content');
  if (!given) {
    for (let i = 0; i < count; i++) {
      const file = path.join(content, corpusPath(i));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, corpusArticle(i, 1).bytes);
    }
  }
  content = path.relative(root, content) || '.';
  const report = path.join(root, 'report.html');
  const started = performance.now();
  const lint = spawnSync(process.execPath, [path.join(repo, 'bin', 'anp.js'), 'lint', content, '--now', '2026-11-23', '-f', 'html', '-o', report], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const writeSeconds = (performance.now() - started) / 1000;
  if (!existsSync(report)) throw new Error(`anp lint -f html wrote no report (exit ${lint.status}): ${lint.stderr}`);
  process.stdout.write(`report: ${given ?? `${count} generated files`}, ${(statSync(report).size / 1e6).toFixed(1)} MB html, written by anp lint -f html in ${writeSeconds.toFixed(1)} s\n`);

  const context = await chromium.launchPersistentContext(path.join(root, 'profile'), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1280, height: 900 } });
  const opens: number[] = [];
  const filters: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const page = await context.newPage();
      const errors = watchPageErrors(page);
      const t0 = performance.now();
      await page.goto(`file://${report}`, { waitUntil: 'commit', timeout: 60_000 });
      await page.waitForSelector('html[data-ready=true]', { timeout: 60_000 });
      // One frame more, so the first paint of what data-ready announced is counted.
      await page.evaluate(() => new Promise((resolve) => (globalThis as unknown as { requestAnimationFrame(callback: () => void): void }).requestAnimationFrame(() => resolve(null))));
      const open = (performance.now() - t0) / 1000;
      const rows = await page.$$eval('.row', (nodes) => nodes.length);
      const t1 = performance.now();
      await page.fill('#filter', 'post-000123');
      await page.waitForFunction(() => (globalThis as unknown as { document: { querySelectorAll(selector: string): { length: number } } }).document.querySelectorAll('.row').length === 1, null, { timeout: 30_000 });
      const filter = (performance.now() - t1) / 1000;
      opens.push(open);
      filters.push(filter);
      process.stdout.write(`run ${run + 1}: opened in ${open.toFixed(2)} s (${rows} rows drawn), filter to one file ${filter.toFixed(2)} s, console errors ${errors.length}${errors.length > 0 ? `: ${errors.slice(0, 3).join(' | ')}` : ''}\n`);
      if (errors.length > 0) failed = true;
      await page.close();
    }
  } finally {
    await context.close();
  }
  const best = Math.min(...opens);
  const median = [...opens].sort((a, b) => a - b)[Math.floor(opens.length / 2)]!;
  process.stdout.write(`open: best ${best.toFixed(2)} s, median ${median.toFixed(2)} s of ${runs} (limit ${LIMIT_SECONDS} s: ${median < LIMIT_SECONDS ? 'met' : 'NOT met'}); filter: best ${Math.min(...filters).toFixed(2)} s\n`);
  const version = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim();
  process.stdout.write(`${version}, node ${process.version}, ${process.platform} ${process.arch}\n`);
  if (median >= LIMIT_SECONDS) failed = true;
} finally {
  rmSync(root, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
