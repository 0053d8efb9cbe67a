/** The progress line: on a TTY stderr only, after about a second, never on stdout, off with --no-progress. */
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { ProgressLine, progressWanted } from '../../src/cli/progress.js';
import { benchCorpus } from './corpus.js';

class FakeStream extends Writable {
  readonly chunks: string[] = [];
  constructor(
    readonly isTTY: boolean,
    readonly columns = 100,
  ) {
    super();
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk.toString());
    callback();
  }
  text(): string {
    return this.chunks.join('');
  }
}

async function lintWith(root: string, args: string[], stderr: FakeStream, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new FakeStream(stderr.isTTY);
  const code = await run(['lint', '.', '--now', '2026-11-23', '--concurrency', 'off', ...args], { stdout, stderr, stdin: Readable.from([]), env: { ...env }, cwd: root });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('ProgressLine', () => {
  it('shows nothing in the first second, then done/total, rate and ETA, at most every 100 ms, and clears itself', () => {
    let now = 0;
    const stream = new FakeStream(true);
    const progress = new ProgressLine(stream, { now: () => now });
    progress.update(0, 1000);
    now = 900;
    progress.update(300, 1000);
    expect(stream.text()).toBe('');
    now = 1000;
    progress.update(400, 1000);
    expect(stream.text()).toBe('\r\x1b[Kanp: 400/1,000 files (40%), 400 files/s, ETA 2 s');
    now = 1050;
    progress.update(420, 1000);
    expect(stream.chunks).toHaveLength(1);
    now = 1200;
    progress.update(480, 1000);
    expect(stream.chunks.at(-1)).toBe('\r\x1b[Kanp: 480/1,000 files (48%), 400 files/s, ETA 2 s');
    progress.clear();
    expect(stream.chunks.at(-1)).toBe('\r\x1b[K');
    now = 200_000;
    progress.update(999, 100_000);
    expect(stream.chunks.at(-1)).toMatch(/999\/100,000 files \(0%\), 5 files\/s, ETA 5 h 30 min$/);
    progress.end();
    const count = stream.chunks.length;
    now = 300_000;
    progress.update(1000, 100_000);
    expect(stream.chunks).toHaveLength(count);
    expect(stream.chunks.at(-1)).toBe('\r\x1b[K');
  });

  it('fits a narrow terminal and is only wanted on a TTY, unless turned off', () => {
    let now = 0;
    const narrow = new FakeStream(true, 30);
    const progress = new ProgressLine(narrow, { now: () => now });
    now = 2000;
    progress.update(5, 10);
    expect(narrow.text()).toBe('\r\x1b[Kanp: 5/10 files (50%), 3 file');
    expect(progressWanted(new FakeStream(true), undefined, {})).toBe(true);
    expect(progressWanted(new FakeStream(false), undefined, {})).toBe(false);
    expect(progressWanted(new FakeStream(true), false, {})).toBe(false);
    expect(progressWanted(new FakeStream(true), undefined, { TERM: 'dumb' })).toBe(false);
  });
});

describe('anp lint progress', () => {
  it('on a TTY stderr: the line, then cleared; stdout is the same bytes as without it', async () => {
    const root = await benchCorpus(8, 21);
    const plain = await lintWith(root, ['-f', 'compact'], new FakeStream(false));
    expect(plain.stderr).toBe('');
    const tty = await lintWith(root, ['-f', 'compact'], new FakeStream(true), { ANP_PROGRESS_DELAY_MS: '0' });
    expect(tty.stdout).toBe(plain.stdout);
    expect(tty.code).toBe(plain.code);
    expect(tty.stderr).toMatch(/^\r\x1b\[Kanp: \d\/8 files \(\d+%\), [\d,]+ files\/s, ETA /);
    expect(tty.stderr.endsWith('\r\x1b[K')).toBe(true);
    // A quick run (under a second), --no-progress, or a stderr that is not a terminal: nothing.
    expect((await lintWith(root, ['-f', 'compact'], new FakeStream(true))).stderr).toBe('');
    expect((await lintWith(root, ['-f', 'compact', '--no-progress'], new FakeStream(true), { ANP_PROGRESS_DELAY_MS: '0' })).stderr).toBe('');
    expect((await lintWith(root, ['-f', 'compact'], new FakeStream(false), { ANP_PROGRESS_DELAY_MS: '0' })).stderr).toBe('');
  });
});
