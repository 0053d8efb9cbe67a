/**
 * The html report: its escaping as text, then in a real browser (Debian's headless
 * Chromium through playwright-core; no browser is ever downloaded): the cards' numbers, one
 * bar per firing rule, filtering and sorting the table, the details of a file, no console
 * error. The screenshot goes to .tmp/html-report.png, or to docs/img/html-report.png (the
 * one the README shows) with ANP_UPDATE_SCREENSHOT=1.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinter, ReportSummaryCollector, type LintResult } from '../../src/index.js';
import { escapeHtml, scriptJson } from '../../src/formatters/html.js';
import { makeTree, REPO_ROOT } from '../cli/helpers.js';
import { CHROMIUM, CHROMIUM_FLAGS, watchPageErrors } from '../../bench/browser.js';

/** The test's tsconfig has no DOM types; what the callbacks read of an element. */
type Dataset = { dataset: Record<string, string | undefined> };
/** Runs in the page (as a function: the report's CSP forbids evaluating strings). */
const rowsAre = (count: number): boolean =>
  (globalThis as unknown as { document: { querySelectorAll(selector: string): { length: number } } }).document.querySelectorAll('.row').length === count;
const NOW = '2026-11-23';
const EVIL = 'a title with <script>window.__pwned = 1</script> & "quotes"';
const P1 = 'caching keeps the slowest endpoint fast when traffic grows quickly.';
const P2 = 'measure the hit rate before and after every change you make to it.';

async function report(): Promise<{ html: string; results: LintResult[] }> {
  const samples = path.join(REPO_ROOT, 'fixtures/samples');
  const copies = Object.fromEntries(readdirSync(samples).filter((name) => name.endsWith('.txt')).map((name) => [`samples/${name}`, readFileSync(path.join(samples, name))]));
  const root = await makeTree({
    ...copies,
    'evil.txt': `${EVIL}\n\n${P1}\n\n${P1}\n`,
    'clean.txt': `a clean post about caching\n\n${P2}\n`,
  });
  const linter = createLinter({ now: NOW, config: false, cwd: root });
  const resolved = await linter.config();
  const summary = new ReportSummaryCollector(linter.now, resolved);
  const results: LintResult[] = [];
  const onPost = { onPost: (post: Parameters<ReportSummaryCollector['addPost']>[0], file: string) => summary.addPost(post, file) };
  for await (const result of linter.lintFiles('.', onPost)) results.push(result);
  return { html: linter.format(results, 'html', { summary: summary.result() }), results };
}

describe('html report, as text', () => {
  it('escapes what it interpolates and keeps the JSON island closed', async () => {
    const { html } = await report();
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).toContain('a title with \\u003cscript\\u003ewindow.__pwned');
    expect(escapeHtml(EVIL)).toBe('a title with &#60;script&#62;window.__pwned = 1&#60;/script&#62; &#38; &#34;quotes&#34;');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(scriptJson('</script><!--\u2028')).toBe('"\\u003c/script\\u003e\\u003c!--\\u2028"');
    // Nothing is loaded from anywhere: no src or href to a URL (the CSP forbids it too).
    expect(html).not.toMatch(/(?:src|href)=["']?[a-z]+:/i);
  });
});

describe.skipIf(!existsSync(CHROMIUM))(`html report in headless Chromium (${CHROMIUM})`, () => {
  let dir: string;
  let file: string;
  let results: LintResult[];
  let context: import('playwright-core').BrowserContext;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    dir = mkdtempSync(path.join(tmpdir(), 'anp-html-'));
    const built = await report();
    results = built.results;
    file = path.join(dir, 'report.html');
    writeFileSync(file, built.html);
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1280, height: 900 },
    });
  }, 30_000);

  afterAll(async () => {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the cards, one bar per firing rule, a working filter and details, with no console error', async () => {
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`file://${file}`);
    await page.waitForSelector('html[data-ready=true]');

    const cards = Object.fromEntries(await page.$$eval('.card', (nodes) => nodes.map((node) => [(node as unknown as Dataset).dataset.card, node.querySelector('.value')!.textContent])));
    const errorsTotal = results.reduce((sum, result) => sum + result.errorCount, 0);
    const warningsTotal = results.reduce((sum, result) => sum + result.warningCount, 0);
    const passing = results.filter((result) => result.errorCount === 0).length;
    expect(cards).toEqual({
      posts: String(results.length),
      errors: String(errorsTotal),
      warnings: String(warningsTotal),
      passing: `${((passing / results.length) * 100).toFixed(1)}%`,
      stale: String(results.filter((result) => result.findings.some((finding) => finding.ruleId === 'stale-review')).length),
    });
    const firing = new Set(results.flatMap((result) => result.findings.map((finding) => finding.ruleId)));
    expect((await page.$$eval('g.bar', (bars) => bars.map((bar) => (bar as unknown as Dataset).dataset.rule))).sort()).toEqual([...firing].sort());

    // The evil title is text, not markup.
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    await page.fill('#filter', 'evil');
    await page.waitForFunction(rowsAre, 1, { timeout: 5000 });
    expect(await page.textContent('.row')).toContain('<script>window.__pwned');
    await page.click('.row');
    expect(await page.textContent('#details h3')).toContain('evil.txt');
    const lines = await page.$$eval('#details li', (items) => items.map((item) => [...item.children].map((cell) => cell.textContent)));
    expect(lines).toContainEqual(['line 5', 'error', expect.stringContaining('duplicates the paragraph at line 3'), 'duplicate-paragraph']);

    await page.fill('#filter', '');
    const withErrors = results.filter((result) => result.errorCount > 0).length;
    await page.selectOption('#severity', 'errors');
    await page.waitForFunction(rowsAre, withErrors, { timeout: 5000 });
    expect(await page.textContent('#count')).toBe(`${withErrors} of ${results.length} files`);
    await page.selectOption('#severity', '');
    await page.click('.head button[data-key=file]');
    const names = await page.$$eval('.row', (rows) => rows.map((row) => (row as unknown as Dataset).dataset.file!));
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(results.length);

    const target = process.env.ANP_UPDATE_SCREENSHOT === '1' ? path.join(REPO_ROOT, 'docs/img/html-report.png') : path.join(REPO_ROOT, '.tmp/html-report.png');
    mkdirSync(path.dirname(target), { recursive: true });
    await page.click('.head button[data-key=errors]');
    await page.screenshot({ path: target, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);
});
