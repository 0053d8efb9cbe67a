/** `anp lint --fix`, `--fix-dry-run`, `--diff`, `--fix-type` through the CLI; one SIGKILL case on the built bin. */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, makeTree, REPO_ROOT, runAnp } from './helpers.js';

const P1 = 'caching keeps the slowest endpoint fast when traffic grows quickly.';
const P2 = 'measure the hit rate before and after every change you make to it.';
const DUP = `a title for the post\r\n\r\n${P1}\r\n\r\n${P2}\r\n\r\n${P1}\r\n`;
const FIXED = `a title for the post\r\n\r\n${P1}\r\n\r\n${P2}\r\n`;
const ARGS = ['--now', '2026-11-23', '--rule', 'meta-missing:off', '-f', 'compact'];

describe('anp lint --fix', () => {
  it('writes the fixed file (CRLF kept), reports what is left, and a second run changes nothing', async () => {
    const root = await makeTree({ 'a.txt': DUP, 'b.txt': `a title for the post\n\n${P1}\n` });
    const first = await runAnp(['lint', '--fix', '.', ...ARGS], { cwd: root });
    expect(first.stdout).toBe('');
    expect(first.stderr).toBe('anp: fixed 1 file\n');
    expect(first.code).toBe(0);
    expect(readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe(FIXED);
    const second = await runAnp(['lint', '--fix', '.', ...ARGS], { cwd: root });
    expect(second.stderr).toBe('anp: fixed 0 files\n');
    expect(readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe(FIXED);
  });

  it('names the fixes the structure check refused, by rule and reason, and leaves their findings', async () => {
    // Both copies are all their sections hold: dropping the later one would leave two headings
    // in a row (read as one heading and a paragraph), dropping the first a heading over nothing.
    const alone = `a title for the post\n\n${P2}\n\nfirst part\n\n${P1}\n\nsecond part\n\n${P1}\n\nthird part\n\n${P2.replace('measure', 'record')}\n`;
    const root = await makeTree({ 'a.txt': alone });
    const result = await runAnp(['lint', '--fix', 'a.txt', ...ARGS], { cwd: root });
    expect(result.stderr).toBe(
      'anp: fixed 0 files\nanp: 1 fix not applied: the text would not re-parse to the same structure (see docs/cli.md#fixing):\n  1 duplicate-paragraph: the headings changed; its alternative: a section was emptied\n',
    );
    expect(result.stdout).toContain('a.txt:11:1: error paragraph');
    expect(readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe(alone);
  });

  it('--fix-dry-run --diff prints a unified diff and writes nothing', async () => {
    const root = await makeTree({ 'a.txt': DUP });
    const result = await runAnp(['lint', '--fix-dry-run', '--diff', 'a.txt', ...ARGS], { cwd: root });
    expect(result.stdout).toBe(['--- a/a.txt', '+++ b/a.txt', '@@ -3,5 +3,3 @@', ` ${P1}`, ' ', ` ${P2}`, '-', `-${P1}`, ''].join('\n'));
    expect(result.stderr).toBe('anp: would fix 1 file (dry run: nothing written)\n');
    expect(readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe(DUP);
    const plain = await runAnp(['lint', '--fix-dry-run', 'a.txt', ...ARGS], { cwd: root });
    expect(plain.stdout).toBe('');
    expect(readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe(DUP);
  });

  it('--fix-type limits the fixes; bad combinations are usage errors', async () => {
    const root = await makeTree({ 'a.txt': DUP });
    const meta = await runAnp(['lint', '--fix', '--fix-type', 'meta', 'a.txt', ...ARGS], { cwd: root });
    expect(meta.code).toBe(1);
    expect(meta.stdout).toContain('[duplicate-paragraph]');
    expect(readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe(DUP);
    expect((await runAnp(['lint', '--fix-type', 'meta', 'a.txt'], { cwd: root })).stderr).toContain('--fix-type needs --fix or --fix-dry-run');
    expect((await runAnp(['lint', '--diff', 'a.txt'], { cwd: root })).code).toBe(2);
    expect((await runAnp(['lint', '--fix', '--fix-type', 'nope', 'a.txt'], { cwd: root })).stderr).toContain('unknown fix type "nope"');
  });

  it('a fix killed with SIGKILL leaves each file old or new, never truncated', async () => {
    const sample = readFileSync(path.join(REPO_ROOT, 'fixtures/samples/003_a15b492db193f401.txt'), 'utf8');
    const files: Record<string, string> = {};
    for (let index = 0; index < 150; index++) files[`p${String(index).padStart(3, '0')}.txt`] = sample;
    const root = await makeTree(files);
    // The fixed text, from a copy fixed to the end.
    const reference = await makeTree({ 'x.txt': sample });
    await runAnp(['lint', '--fix', 'x.txt', '--now', '2026-11-23'], { cwd: reference });
    const fixed = readFileSync(path.join(reference, 'x.txt'), 'utf8');
    expect(fixed).not.toBe(sample);
    const child = spawn(process.execPath, [BIN, 'lint', '--fix', '.', '--now', '2026-11-23'], { cwd: root, stdio: 'ignore' });
    // Kill once the first fixed file has been renamed into place.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (readFileSync(path.join(root, 'p000.txt'), 'utf8') !== sample) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
      child.on('exit', () => {
        clearInterval(poll);
        resolve();
      });
    });
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.on('exit', resolve)));
    let old = 0;
    let renewed = 0;
    for (const name of readdirSync(root)) {
      if (!name.endsWith('.txt')) continue;
      const text = readFileSync(path.join(root, name), 'utf8');
      if (text === sample) old++;
      else if (text === fixed) renewed++;
      else throw new Error(`${name} is neither the old nor the fixed text`);
    }
    expect(old + renewed).toBe(150);
    expect(renewed).toBeGreaterThan(0);
  });
});
