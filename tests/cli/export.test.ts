/**
 * `anp export` end to end: the built bin as a child process in temp folders, as a table of
 * cases in the style of markdownlint-cli2's CLI tests, plus a few checks of the output's form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmod, mkdir, readdir, readFile, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { makeTree, REPO_ROOT, runAnp } from './helpers.js';

const SAMPLES = path.join(REPO_ROOT, 'fixtures', 'samples');
const sampleNames = async (): Promise<string[]> => (await readdir(SAMPLES)).filter((name) => name.endsWith('.txt')).sort();

const ARTICLE = 'a short title\n\nwhy this matters\n\nthe body has one paragraph of prose.\n';
const BIG = 5 * 1024 * 1024 + 1;

let dir: string;
const made: string[] = [];

beforeAll(async () => {
  dir = await makeTree({
    'good.txt': ARTICLE,
    'sub/nested.txt': ARTICLE.replace('a short title', 'a nested title'),
    'notes.md': 'not an article',
    'node_modules/pkg/skip.txt': ARTICLE,
    '.cache/skip.txt': ARTICLE,
  });
  made.push(dir);
});

afterAll(async () => {
  await Promise.all(made.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function tree(files: Record<string, string | Uint8Array>): Promise<string> {
  const folder = await makeTree(files);
  made.push(folder);
  return folder;
}

/** No user error may show a stack trace (cli.md). */
function expectNoStack(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe('anp export: output forms', () => {
  it('exports the five real samples as a JSON array, in path order, exit 0', async () => {
    const { code, stdout, stderr } = await runAnp(['export', 'fixtures/samples']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const posts = JSON.parse(stdout) as Array<{ file: string; title: string | null; schemaVersion: number }>;
    expect(posts.map((post) => post.file)).toEqual((await sampleNames()).map((name) => `fixtures/samples/${name}`));
    for (const post of posts) {
      expect(post.schemaVersion).toBe(2);
      expect(post.title).toEqual(expect.any(String));
    }
    expect(posts[0]!.title).toBe('python services notes: making logs useful during incidents on a single vps');
  });

  it('writes the compact array exactly as JSON.stringify would, with a final newline', async () => {
    const { stdout } = await runAnp(['export', 'fixtures/samples']);
    expect(stdout).toBe(`${JSON.stringify(JSON.parse(stdout))}\n`);
  });

  it('--pretty gives exactly JSON.stringify(posts, null, 2) of the same posts', async () => {
    const compact = await runAnp(['export', 'fixtures/samples']);
    const pretty = await runAnp(['export', '--pretty', 'fixtures/samples']);
    expect(pretty.code).toBe(0);
    expect(pretty.stdout).toBe(`${JSON.stringify(JSON.parse(compact.stdout), null, 2)}\n`);
  });

  it('--ndjson writes one post per line, each parsing alone, the same posts as the array', async () => {
    const array = JSON.parse((await runAnp(['export', 'fixtures/samples'])).stdout) as unknown[];
    const { code, stdout } = await runAnp(['export', '--ndjson', 'fixtures/samples']);
    expect(code).toBe(0);
    expect(stdout.endsWith('\n')).toBe(true);
    const lines = stdout.slice(0, -1).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(array);
  });

  it('is byte-identical across runs', async () => {
    const first = await runAnp(['export', '--ndjson', '.'], { cwd: dir });
    const second = await runAnp(['export', '--ndjson', '.'], { cwd: dir });
    expect(first.stdout).toBe(second.stdout);
  });

  it('searches "." by default, skipping node_modules, dot-folders and non-.txt files; paths relative, forward slashes', async () => {
    const { code, stdout } = await runAnp(['export'], { cwd: dir });
    expect(code).toBe(0);
    const posts = JSON.parse(stdout) as Array<{ file: string; title: string }>;
    expect(posts.map((post) => post.file)).toEqual(['good.txt', 'sub/nested.txt']);
    expect(posts[1]!.title).toBe('a nested title');
  });

  it('takes a file given directly whatever its extension', async () => {
    const { code, stdout } = await runAnp(['export', 'notes.md', 'good.txt'], { cwd: dir });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Array<{ file: string }>).map((post) => post.file)).toEqual(['good.txt', 'notes.md']);
  });

  it('honours --ignore-pattern and the config file\'s ignores', async () => {
    const withFlag = await runAnp(['export', '--ignore-pattern', 'sub/**'], { cwd: dir });
    expect((JSON.parse(withFlag.stdout) as Array<{ file: string }>).map((post) => post.file)).toEqual(['good.txt']);
    const configured = await tree({ 'a.txt': ARTICLE, 'drafts/b.txt': ARTICLE, 'anp.config.json': '{"ignores":["drafts/**"]}' });
    const withConfig = await runAnp(['export'], { cwd: configured });
    expect((JSON.parse(withConfig.stdout) as Array<{ file: string }>).map((post) => post.file)).toEqual(['a.txt']);
  });

  it('prints [] and a warning for a folder with no articles, exit 0', async () => {
    const empty = await tree({ 'readme.md': 'nothing here' });
    const { code, stdout, stderr } = await runAnp(['export'], { cwd: empty });
    expect(code).toBe(0);
    expect(stdout).toBe('[]\n');
    expect(stderr).toBe('anp: warning: no files found in .; nothing to export\n');
  });
});

describe('anp export -o FILE', () => {
  it('writes the array to the file, nothing to stdout, and leaves no temp file', async () => {
    const out = await tree({ 'a.txt': ARTICLE });
    const { code, stdout, stderr } = await runAnp(['export', 'a.txt', '-o', 'out.json'], { cwd: out });
    expect([code, stdout, stderr]).toEqual([0, '', '']);
    const posts = JSON.parse(await readFile(path.join(out, 'out.json'), 'utf8')) as Array<{ file: string }>;
    expect(posts.map((post) => post.file)).toEqual(['a.txt']);
    expect((await readdir(out)).sort()).toEqual(['a.txt', 'out.json']);
  });

  it('replaces an existing output whole with --ndjson --output-file', async () => {
    const out = await tree({ 'a.txt': ARTICLE, 'b.txt': ARTICLE, 'posts.ndjson': 'stale content\n'.repeat(1000) });
    const { code } = await runAnp(['export', '--ndjson', '--output-file', 'posts.ndjson', 'a.txt', 'b.txt'], { cwd: out });
    expect(code).toBe(0);
    const lines = (await readFile(path.join(out, 'posts.ndjson'), 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { file: string }).file)).toEqual(['a.txt', 'b.txt']);
  });

  it('exits 2 with one line when the output folder does not exist', async () => {
    const { code, stdout, stderr } = await runAnp(['export', 'good.txt', '-o', 'no/such/dir/out.json'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('anp: cannot write no/such/dir/out.json: its folder does not exist\n');
  });

  it('exits 2 when the output path is a folder, removing its temp file', async () => {
    const out = await tree({ 'a.txt': ARTICLE });
    await mkdir(path.join(out, 'taken'));
    const { code, stderr } = await runAnp(['export', 'a.txt', '-o', 'taken'], { cwd: out });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^anp: cannot write taken: .+\n$/);
    expectNoStack(stderr);
    expect((await readdir(out)).sort()).toEqual(['a.txt', 'taken']);
  });

  it('exits 2 when the output folder is read-only (skipped as root, who may write anyway)', async () => {
    if (process.getuid?.() === 0) return; // root ignores directory permissions: no real failure to provoke
    const out = await tree({ 'a.txt': ARTICLE });
    await mkdir(path.join(out, 'locked'));
    await chmod(path.join(out, 'locked'), 0o500);
    const { code, stderr } = await runAnp(['export', 'a.txt', '-o', 'locked/out.json'], { cwd: out });
    expect(code).toBe(2);
    expect(stderr).toBe('anp: cannot write locked/out.json: permission denied\n');
  });
});

describe('anp export: bad input', () => {
  it('exits 2 naming a path that does not exist, writing nothing to stdout', async () => {
    const { code, stdout, stderr } = await runAnp(['export', 'good.txt', 'nope.txt'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('anp: no such file or directory: nope.txt\n');
  });

  it('skips a binary file (NUL byte) with one line naming it, exports the rest, exit 1', async () => {
    const bad = await tree({ 'a.txt': ARTICLE, 'b.txt': Buffer.from('title\n\0\u0001binary'), 'c.txt': ARTICLE });
    const { code, stdout, stderr } = await runAnp(['export', '--ndjson'], { cwd: bad });
    expect(code).toBe(1);
    expect(stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { file: string }).file)).toEqual(['a.txt', 'c.txt']);
    expect(stderr.split('\n')).toEqual([
      'anp: error: b.txt: binary file (NUL byte at offset 6); not parsed',
      'anp: 1 of 3 files not exported (see above); 2 exported',
      '',
    ]);
  });

  it('skips a file over 5 MB with one line naming it and both sizes, exit 1', async () => {
    const bad = await tree({ 'a.txt': ARTICLE, 'huge.txt': Buffer.alloc(BIG, 0x61) });
    const { code, stdout, stderr } = await runAnp(['export'], { cwd: bad });
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as Array<{ file: string }>).map((post) => post.file)).toEqual(['a.txt']);
    expect(stderr).toContain('anp: error: huge.txt: file too large (5 MB, limit 5 MB); not parsed\n');
  });

  it('skips a file that cannot be read with one line naming it and the reason, exit 1', async () => {
    // The tests run as root, where chmod 000 does not stop a read. A symlink pointing at
    // itself is a real read failure (ELOOP) that exists as a path, so it gets this far.
    const bad = await tree({ 'a.txt': ARTICLE });
    await symlink('loop.txt', path.join(bad, 'loop.txt'));
    const { code, stdout, stderr } = await runAnp(['export', 'a.txt', 'loop.txt'], { cwd: bad });
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as Array<{ file: string }>).map((post) => post.file)).toEqual(['a.txt']);
    expect(stderr).toBe(
      'anp: error: loop.txt: cannot read (too many levels of symbolic links); not parsed\n' +
        'anp: 1 of 2 files not exported (see above); 1 exported\n',
    );
  });

  it('exports a file with invalid UTF-8 in full, with U+FFFD, and warns naming the file and line', async () => {
    // CRLF endings: the bad byte is on line 4, not 7.
    const text = Buffer.concat([Buffer.from('a title\r\n\r\nthe first paragraph.\r\nbroken '), Buffer.from([0xff]), Buffer.from(' byte here.\r\n')]);
    const bad = await tree({ 'enc.txt': text });
    const { code, stdout, stderr } = await runAnp(['export', '--ndjson'], { cwd: bad });
    expect(code).toBe(0);
    expect(stderr).toBe('anp: warning: enc.txt:4: invalid UTF-8; decoded with U+FFFD and exported\n');
    expect(stdout).toContain('broken \uFFFD byte here.');
  });

  it('lists several invalid lines in one warning', async () => {
    const bad = await tree({ 'enc.txt': Buffer.from([0x74, 0xff, 0x0a, 0x0a, 0x62, 0xc3, 0x0d, 0x63, 0xe2, 0x82]) });
    const { stderr } = await runAnp(['export'], { cwd: bad });
    expect(stderr).toBe('anp: warning: enc.txt:1: invalid UTF-8 (also lines 3, 4); decoded with U+FFFD and exported\n');
  });
});

describe('anp: usage errors and global options', () => {
  const cases: Array<{ args: string[]; code: number; stderr: RegExp | string }> = [
    { args: ['export', '--bogus'], code: 2, stderr: "anp: unknown option '--bogus' (see anp --help)\n" },
    { args: ['exprot'], code: 2, stderr: "anp: unknown command 'exprot' (Did you mean export?)\n" },
    { args: ['export', '--pretty', '--ndjson'], code: 2, stderr: 'anp: --pretty cannot be combined with --ndjson (NDJSON is one post per line)\n' },
    { args: ['export', '-o'], code: 2, stderr: "anp: option '-o, --output-file <file>' argument missing (see anp --help)\n" },
    { args: ['schema', 'nope'], code: 2, stderr: /^anp: command-argument value 'nope' is invalid for argument 'kind'\. Allowed choices are post, report, config\./ },
    { args: [], code: 2, stderr: /^Usage: anp \[options\] \[command\]/ },
  ];
  for (const { args, code, stderr } of cases) {
    it(`anp ${args.join(' ')} -> exit ${code}`, async () => {
      const result = await runAnp(args, { cwd: dir });
      expect(result.code).toBe(code);
      if (typeof stderr === 'string') expect(result.stderr).toBe(stderr);
      else expect(result.stderr).toMatch(stderr);
    });
  }

  it('export --help prints usage with the exit codes, exit 0', async () => {
    const { code, stdout, stderr } = await runAnp(['export', '--help']);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^Usage: anp export \[options\] \[paths\.\.\.\]/);
    expect(stdout).toContain('Exit codes: 0 every file exported; 1 a file could not be read');
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await runAnp(['--version'])).stdout).toBe(`${pkg.version}\n`);
  });

  it('shows the stack trace of a usage error only with --debug', async () => {
    const plain = await runAnp(['export', 'nope'], { cwd: dir });
    expectNoStack(plain.stderr);
    const debug = await runAnp(['export', '--debug', 'nope'], { cwd: dir });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^anp: no such file or directory: nope\n/);
    expect(debug.stderr).toMatch(/^\s+at /m);
  });

  it('reports an invalid config file as exit 2 in one line', async () => {
    const bad = await tree({ 'a.txt': ARTICLE, 'anp.config.json': '{"include": 3}' });
    const { code, stderr } = await runAnp(['export'], { cwd: bad });
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^anp: .*anp\.config\.json.*include/);
  });
});

describe('anp export into a pipe closed early', () => {
  it('stops quietly when the reader closes the pipe early', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 300; i++) many[`p${String(i).padStart(3, '0')}.txt`] = ARTICLE.repeat(20);
    const big = await tree(many);
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync('bash', ['-c', `set -o pipefail; node ${JSON.stringify(path.join(REPO_ROOT, 'bin', 'anp.js'))} export --ndjson | head -c 100 > /dev/null`], { cwd: big, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('anp export over the bench generator\'s noisy corpus', () => {
  it('the generator is deterministic and really produces the byte-level noise asked for', async () => {
    const { generateArticle } = await import('../../bench/generate.js');
    expect(generateArticle(42).bytes.equals(generateArticle(42).bytes)).toBe(true);
    expect(generateArticle(42).bytes.equals(generateArticle(43).bytes)).toBe(false);
    const strict = new TextDecoder('utf-8', { fatal: true });
    expect(generateArticle(1, { noise: ['bom'] }).bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(generateArticle(1, { noise: ['crlf'] }).bytes.toString()).toContain('\r\n');
    expect(generateArticle(1, { noise: ['nul-byte'] }).bytes.includes(0)).toBe(true);
    expect(() => strict.decode(generateArticle(1, { noise: ['invalid-utf8'] }).bytes)).toThrow();
    expect(generateArticle(1, { noise: [] }).bytes.toString()).toContain('\nalphanode post meta\n');
    expect(generateArticle(1, { noise: ['meta-missing'] }).bytes.toString()).not.toContain('alphanode post meta');
    expect(generateArticle(1, { noise: ['empty'] }).bytes.length).toBe(0);
    const long = generateArticle(1, { noise: ['long-line'] }).bytes.toString().split('\n');
    expect(Math.max(...long.map((line) => line.length))).toBeGreaterThanOrEqual(50 * 1024);
  });

  it('exports every readable file, names each unreadable and each invalid-UTF-8 file, exit 1', async () => {
    const { generateArticle, NOISE_KINDS, DEGENERATE_KINDS } = await import('../../bench/generate.js');
    const files: Record<string, Buffer> = {};
    const expectUnreadable: string[] = [];
    const expectWarned: string[] = [];
    const kinds = [...NOISE_KINDS, ...DEGENERATE_KINDS];
    for (let i = 0; i < 120; i++) {
      // Every kind alone, then random mixes at a high noise rate.
      const article = i < kinds.length ? generateArticle(i, { noise: [kinds[i]!] }) : generateArticle(i, { noiseRate: 0.9, degenerateRate: 0.1 });
      const name = `c/p${String(i).padStart(3, '0')}.txt`;
      files[name] = article.bytes;
      if (article.noise.includes('nul-byte')) expectUnreadable.push(name);
      else if (article.noise.includes('invalid-utf8')) expectWarned.push(name);
    }
    const corpus = await tree(files);
    const { code, stdout, stderr } = await runAnp(['export', '--ndjson', 'c'], { cwd: corpus });
    expect(code).toBe(1);
    const posts = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { file: string });
    const readable = Object.keys(files).filter((name) => !expectUnreadable.includes(name)).sort();
    expect(posts.map((post) => post.file)).toEqual(readable);
    const errors = stderr.split('\n').filter((line) => line.startsWith('anp: error: '));
    expect(errors.map((line) => line.split(': ')[2])).toEqual(expectUnreadable);
    const warned = stderr.split('\n').filter((line) => line.startsWith('anp: warning: '));
    expect(warned.map((line) => line.slice('anp: warning: '.length).split(':')[0])).toEqual(expectWarned);
    expectNoStack(stderr);
  });
});
