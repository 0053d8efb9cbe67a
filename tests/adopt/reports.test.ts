/** Several reports from one run: the same bytes as separate runs, one exit code. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../src/index.js';
import { REPO_ROOT, makeTree, runAnp } from '../cli/helpers.js';

const NOW = ['--now', '2026-11-23'];
const env = { NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_STEP_SUMMARY: undefined };
const SAMPLES = path.join(REPO_ROOT, 'fixtures', 'samples');

describe('--report FORMAT=FILE', () => {
  it('writes every format with the bytes of a separate -f FORMAT -o FILE run, and one exit code', async () => {
    const dir = await makeTree({ 'out/.keep': '' });
    const reports = FORMAT_NAMES.flatMap((format) => ['--report', `${format}=out/all.${format}`]);
    const together = await runAnp(['lint', SAMPLES, '-f', 'compact', ...reports, ...NOW], { cwd: dir, env });
    const alone = await runAnp(['lint', SAMPLES, '-f', 'compact', ...NOW], { cwd: dir, env });
    expect(together.code).toBe(alone.code);
    expect(together.stdout).toBe(alone.stdout);
    for (const format of FORMAT_NAMES) {
      const separate = await runAnp(['lint', SAMPLES, '-f', format, '-o', `out/one.${format}`, ...NOW], { cwd: dir, env });
      expect(separate.code).toBe(together.code);
      const a = await readFile(path.join(dir, 'out', `all.${format}`));
      const b = await readFile(path.join(dir, 'out', `one.${format}`));
      if (format === 'github') {
        // The one difference by design: the github notice names the run's other reports.
        const notice = (text: Buffer) => text.toString('utf8').replace(/; the full report: .*$/m, '');
        expect(notice(a)).toBe(notice(b));
        const others = FORMAT_NAMES.filter((name) => name !== 'github').map((name) => `out/all.${name}`);
        expect(a.toString('utf8').endsWith(`the full report: ${others.join(', ')}\n`)).toBe(true);
      } else {
        expect(a.equals(b), format).toBe(true);
      }
      expect(a.length).toBeGreaterThan(0);
    }
  });

  it('computes --max-warnings once over the run', async () => {
    const dir = await makeTree({});
    const args = ['lint', SAMPLES, '--rule', 'meta-missing:warn', '--max-warnings', '3', '-f', 'compact', ...NOW];
    const result = await runAnp([...args, '--report', 'json=r.json', '--report', 'junit=r.xml'], { cwd: dir, env });
    expect(result.code).toBe(1);
    expect(result.stderr.match(/--max-warnings allows 3/g)).toHaveLength(1);
  });

  it('refuses a bad value or an unwritable file before any work', async () => {
    const dir = await makeTree({});
    for (const [value, message] of [
      ['sarif', 'expected FORMAT=FILE'],
      ['xml=out.xml', 'unknown format "xml"'],
      ['json=no/such/r.json', 'cannot write no/such/r.json'],
    ] as const) {
      const result = await runAnp(['lint', SAMPLES, '--report', 'json=ok.json', '--report', value], { cwd: dir, env });
      expect(result.code, value).toBe(2);
      expect(result.stderr, value).toContain(message);
      expect(existsSync(path.join(dir, 'ok.json'))).toBe(false);
    }
    const twice = await runAnp(['lint', SAMPLES, '-o', 'r.json', '--report', 'sarif=r.json'], { cwd: dir, env });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('written by another report');
  });
});
