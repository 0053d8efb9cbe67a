/**
 * File walking with hostile trees: symlink cycles (direct and through two links), a link to
 * a sibling (one real file, one path), dangling links, a FIFO, a file whose read fails, and a
 * folder that cannot be read. Each real file is linted once; each cycle is one warning naming
 * the link; the others are reported and the run goes on.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/io/discover.js';
import { makeTree, runAnp, runAnpProcess } from '../cli/helpers.js';

const ARTICLE = 'a title\n\nwhy this matters\n\na paragraph of prose that ends like a sentence should end.\n';
const isRoot = process.getuid?.() === 0;

let root: string;
beforeAll(async () => {
  root = await makeTree({
    'content/a.txt': ARTICLE,
    'content/sub/b.txt': ARTICLE,
    'content/ring/one/c.txt': ARTICLE,
    'content/ring/two/d.txt': ARTICLE,
    'content/locked/e.txt': ARTICLE,
  });
  const content = path.join(root, 'content');
  symlinkSync('..', path.join(content, 'sub', 'up')); // content/sub/up -> content
  symlinkSync('../two', path.join(content, 'ring', 'one', 'to-two')); // one -> two -> one
  symlinkSync('../one', path.join(content, 'ring', 'two', 'to-one'));
  symlinkSync('sub', path.join(content, 'alias')); // a second path to sub/b.txt
  symlinkSync('missing.txt', path.join(content, 'dangling.txt'));
  symlinkSync('/', path.join(content, 'sub', 'slash')); // the whole file system is an ancestor
  execFileSync('mkfifo', [path.join(content, 'pipe.txt')]);
  // A file whose read fails even for root: /proc/self/mem cannot be read from offset 0.
  symlinkSync('/proc/self/mem', path.join(content, 'eio.txt'));
  mkdirSync(path.join(content, 'empty'));
  chmodSync(path.join(content, 'locked'), 0o000);
});

afterAll(async () => {
  chmodSync(path.join(root, 'content', 'locked'), 0o755);
  await rm(root, { recursive: true, force: true });
});

describe('walking hostile trees', () => {
  it('finds each real file once, never walks into a cycle, and lists what cannot be read', async () => {
    const found = await discoverFiles(['content'], { cwd: root });
    const expected = ['content/a.txt', 'content/dangling.txt', 'content/eio.txt', 'content/pipe.txt', 'content/ring/one/c.txt', 'content/ring/two/d.txt', 'content/sub/b.txt'];
    if (isRoot) expected.splice(4, 0, 'content/locked/e.txt');
    expect(found.files).toEqual(expected.sort());
    expect([...found.special.keys()].sort()).toEqual(['content/dangling.txt', 'content/pipe.txt']);
    const cycles = found.warnings.filter((w) => w.includes('a cycle'));
    // content/sub/up, content/sub/slash, and the one/two ring: one warning each.
    expect(cycles).toHaveLength(3);
    expect(cycles.some((w) => w.startsWith('content/sub/up: symbolic link back to content,'))).toBe(true);
    expect(cycles.some((w) => w.startsWith('content/sub/slash: symbolic link back to '))).toBe(true);
    expect(cycles.some((w) => /^content\/ring\/(one\/to-two\/to-one|two\/to-one\/to-two): /.test(w))).toBe(true);
  });

  it.skipIf(isRoot)('warns about a folder it may not read and goes on (skipped as root: root reads any folder)', async () => {
    const found = await discoverFiles(['content'], { cwd: root });
    expect(found.warnings).toContain('content/locked: cannot read folder (permission denied); skipped');
  });

  it('anp lint: one result per real file, unreadable ones as findings, exit 1, warnings on stderr', async () => {
    const { code, stdout, stderr } = await runAnp(['lint', 'content', '-f', 'json', '--now', '2026-01-01'], { cwd: root });
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as Array<{ file: string; findings: Array<{ ruleId: string; message: string }> }>;
    const files = report.map((r) => r.file);
    expect(new Set(files).size).toBe(files.length);
    expect(files.filter((f) => f.endsWith('b.txt'))).toEqual(['content/sub/b.txt']);
    const message = (file: string) => report.find((r) => r.file === file)!.findings.find((f) => f.ruleId === 'unreadable-input')?.message;
    expect(message('content/dangling.txt')).toBe('dangling symbolic link (to missing.txt); not parsed');
    expect(message('content/pipe.txt')).toBe('not a regular file (a FIFO); not parsed');
    expect(message('content/eio.txt')).toMatch(/^cannot read \(/);
    expect(stderr.split('\n').filter((line) => line.includes('a cycle'))).toHaveLength(3);
    expect(stderr).toMatch(/^anp: warning: content\/sub\/up: symbolic link back to content, a folder already being walked \(a cycle\); not followed$/m);
  });

  it('anp export: one record per real file; --no-follow-symlinks skips linked folders without warnings', async () => {
    const followed = await runAnp(['export', 'content', '--ndjson'], { cwd: root });
    expect(followed.code).toBe(1);
    const records = followed.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { file: string }).file);
    expect(records).toEqual(['content/a.txt', ...(isRoot ? ['content/locked/e.txt'] : []), 'content/ring/one/c.txt', 'content/ring/two/d.txt', 'content/sub/b.txt']);
    const plain = await runAnp(['export', 'content', '--ndjson', '--no-follow-symlinks'], { cwd: root });
    expect(plain.stdout.trim().split('\n')).toHaveLength(records.length);
    expect(plain.stderr).not.toMatch(/cycle/);
  });

  it('the built bin does not hang on the FIFO and ends with exit 1', async () => {
    const { code, stderr } = await runAnpProcess(['lint', 'content', '-f', 'compact'], { cwd: root });
    expect(code).toBe(1);
    expect(stderr).toMatch(/a cycle/);
  });
});
