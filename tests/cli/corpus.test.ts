/**
 * `anp lint` with the corpus rule (the built bin, as a child process) on fixtures/corpus:
 * ten clean posts that all end with the same paragraph, nine of which also share another.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LintReport } from '../../src/model/finding.js';
import { REPO_ROOT, makeTree, runAnp } from './helpers.js';

const plainEnv = { FORCE_COLOR: undefined, NO_COLOR: undefined, SOURCE_DATE_EPOCH: undefined };
const NOW = ['--now', '2026-11-23'];
const CORPUS = 'fixtures/corpus';
const RULE = 'corpus-duplicate-paragraph';
const SHARED = '"the best result is not only a faster or cleaner i…"';
const NINE = '"this article is part of a generated series about …"';

function parse(stdout: string): LintReport {
  return JSON.parse(stdout) as LintReport;
}

describe('anp lint with corpus-duplicate-paragraph', () => {
  it('is off by default: the fixture corpus is clean', async () => {
    const { code, stdout, stderr } = await runAnp(['lint', CORPUS, ...NOW], { env: plainEnv });
    expect(stderr).toBe('');
    expect(stdout).toBe('');
    expect(code).toBe(0);
  });

  it('--rule ID:warn: one finding per post for the paragraph in all 10 posts, none for the one in 9', async () => {
    const { code, stdout, stderr } = await runAnp(['lint', CORPUS, ...NOW, '--rule', `${RULE}:warn`, '-f', 'json'], { env: plainEnv });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = parse(stdout);
    expect(report).toHaveLength(10);
    const findings = report.flatMap((result) => result.findings);
    expect(findings).toHaveLength(10);
    expect(report.every((result) => result.warningCount === 1 && result.errorCount === 0)).toBe(true);
    expect(new Set(findings.map((finding) => finding.ruleId))).toEqual(new Set([RULE]));
    expect(findings.every((finding) => finding.severity === 'warn')).toBe(true);
    expect(findings.every((finding) => finding.message.includes(`paragraph ${SHARED} appears in 10 posts (minPosts 10): template boilerplate; expected text unique to this post`))).toBe(true);
    expect(findings.some((finding) => finding.message.includes(NINE))).toBe(false);

    // Each finding is at the shared paragraph's line in its own file.
    for (const result of report) {
      const text = await readFile(path.join(REPO_ROOT, result.file), 'utf8');
      const line = text.split('\n').findIndex((row) => row.startsWith('the best result is not only')) + 1;
      expect(result.findings.map((finding) => finding.line), result.file).toEqual([line]);
    }
    const first = report[0]!;
    expect(first.file).toBe('fixtures/corpus/post-01.txt');
    expect(first.findings[0]!.message).not.toContain('first seen');
    expect(report[1]!.findings[0]!.message).toMatch(/; first seen in fixtures\/corpus\/post-01\.txt line 21$/);
  });

  it('compact and stylish show the findings; at error the run exits 1', async () => {
    const compact = await runAnp(['lint', CORPUS, ...NOW, '--rule', `${RULE}:warn`, '-f', 'compact'], { env: plainEnv });
    expect(compact.code).toBe(0);
    const lines = compact.stdout.trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe(
      `fixtures/corpus/post-01.txt:21:1: warning paragraph ${SHARED} appears in 10 posts (minPosts 10): template boilerplate; expected text unique to this post [${RULE}]`,
    );

    const stylish = await runAnp(['lint', CORPUS, ...NOW, '--rule', `${RULE}:error`, '--no-color'], { env: plainEnv });
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain('✖ 10 problems (10 errors, 0 warnings)');
    expect(stylish.stdout).toContain(RULE);
  });

  it('its warnings count for --max-warnings and are hidden by --quiet', async () => {
    const tooMany = await runAnp(['lint', CORPUS, ...NOW, '--rule', `${RULE}:warn`, '--max-warnings', '9', '-f', 'compact'], { env: plainEnv });
    expect(tooMany.code).toBe(1);
    expect(tooMany.stderr).toContain('10 warnings found; --max-warnings allows 9');
    const enough = await runAnp(['lint', CORPUS, ...NOW, '--rule', `${RULE}:warn`, '--max-warnings', '10', '-f', 'compact'], { env: plainEnv });
    expect(enough.code).toBe(0);
    const quiet = await runAnp(['lint', CORPUS, ...NOW, '--rule', `${RULE}:warn`, '--quiet'], { env: plainEnv });
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe('');
  });

  it('minPosts from the config: 9 also flags the paragraph of nine posts', async () => {
    const dir = await makeTree({ 'anp.config.json': JSON.stringify({ rules: { [RULE]: ['warn', { minPosts: 9 }] } }) });
    const { code, stdout } = await runAnp(['lint', CORPUS, ...NOW, '-c', path.join(dir, 'anp.config.json'), '-f', 'json'], { env: plainEnv });
    expect(code).toBe(0);
    const findings = parse(stdout).flatMap((result) => result.findings);
    expect(findings.filter((finding) => finding.message.includes(SHARED))).toHaveLength(10);
    const nine = findings.filter((finding) => finding.message.includes(NINE));
    expect(nine).toHaveLength(9);
    expect(nine[0]!.message).toContain('appears in 9 posts (minPosts 9)');
  });

  it('a bad minPosts is a config error (exit 2) naming the key path', async () => {
    const dir = await makeTree({ 'anp.config.json': JSON.stringify({ rules: { [RULE]: ['warn', { minPosts: 1 }] } }) });
    const { code, stdout, stderr } = await runAnp(['lint', CORPUS, ...NOW, '-c', path.join(dir, 'anp.config.json')], { env: plainEnv });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`rules.${RULE}[1].minPosts`);
  });

  it('one post (a file or --stdin) never reaches minPosts', async () => {
    const text = await readFile(path.join(REPO_ROOT, CORPUS, 'post-01.txt'), 'utf8');
    const stdin = await runAnp(['lint', '--stdin', ...NOW, '--rule', `${RULE}:error`], { env: plainEnv, input: text });
    expect(stdin.stdout).toBe('');
    expect(stdin.code).toBe(0);
    const single = await runAnp(['lint', `${CORPUS}/post-01.txt`, ...NOW, '--rule', `${RULE}:error`], { env: plainEnv });
    expect(single.stdout).toBe('');
    expect(single.code).toBe(0);
  });

  it('is listed by anp rules, off, with its docs', async () => {
    const list = await runAnp(['rules'], { env: plainEnv });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(RULE);
    const one = await runAnp(['rules', RULE], { env: plainEnv });
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('minPosts');
  });
});
