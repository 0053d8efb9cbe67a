/** Paths and quoted globs, unmatched patterns, and ignores that apply to named files too. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, makeTree, runAnp } from '../cli/helpers.js';

const env = { NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_STEP_SUMMARY: undefined };
const NO_META = 'a title\n\nsome body text here.\n';

async function tree(): Promise<string> {
  return makeTree({
    'content/a.txt': NO_META,
    'content/sub/b.txt': NO_META,
    'content/drafts/c.txt': NO_META,
    'content/notes.md': '# not an article\n',
    'empty/readme.md': 'nothing\n',
  });
}

/** The files a compact report names. */
function files(stdout: string): string[] {
  return [...new Set(stdout.split('\n').filter(Boolean).map((line) => line.split(':')[0]!))].sort();
}

describe('patterns', () => {
  it('takes quoted globs as fast-glob patterns', async () => {
    const dir = await tree();
    const result = await runAnp(['lint', 'content/**/*.txt', '-f', 'compact'], { cwd: dir, env });
    expect(result.code).toBe(1);
    expect(files(result.stdout)).toEqual(['content/a.txt', 'content/drafts/c.txt', 'content/sub/b.txt']);
    const one = await runAnp(['lint', 'content/*.txt', '-f', 'compact'], { cwd: dir, env });
    expect(files(one.stdout)).toEqual(['content/a.txt']);
  });

  it('a glob or folder matching no file is exit 2 naming it, unless --no-error-on-unmatched-pattern', async () => {
    const dir = await tree();
    const glob = await runAnp(['lint', 'content/**/*.text', 'content/a.txt'], { cwd: dir, env });
    expect(glob.code).toBe(2);
    expect(glob.stderr).toContain('no files matching "content/**/*.text"');
    const folder = await runAnp(['lint', 'empty', '-f', 'compact'], { cwd: dir, env });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('no files matching "empty"');
    const allowed = await runAnp(['lint', 'empty', 'content/**/*.text', 'content/a.txt', '--no-error-on-unmatched-pattern', '-f', 'compact'], { cwd: dir, env });
    expect(allowed.code).toBe(1);
    expect(files(allowed.stdout)).toEqual(['content/a.txt']);
    const missing = await runAnp(['lint', 'no-such.txt'], { cwd: dir, env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or directory: no-such.txt');
  });

  it('--ignore-pattern applies to named files and globs too', async () => {
    const dir = await tree();
    const result = await runAnp(['lint', 'content/a.txt', 'content/drafts/c.txt', 'content/**/b.txt', '--ignore-pattern', 'content/drafts/**', '-f', 'compact'], { cwd: dir, env });
    expect(files(result.stdout)).toEqual(['content/a.txt', 'content/sub/b.txt']);
    expect(result.stderr).toContain('content/drafts/c.txt: skipped, an ignore pattern matches it');
    const folder = await runAnp(['lint', 'content', '--ignore-pattern', 'content/sub', '-f', 'compact'], { cwd: dir, env });
    expect(files(folder.stdout)).toEqual(['content/a.txt', 'content/drafts/c.txt']);
  });

  it("config ignores are relative to the config file's folder", async () => {
    const dir = await tree();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(dir, 'anp.config.json'), '{ "ignores": ["content/drafts/**"] }\n');
    // Run from a subfolder: the config is found upward, and its ignores still mean <dir>/content/drafts.
    const result = await runAnp(['lint', '.', 'drafts/c.txt', '-f', 'compact'], { cwd: path.join(dir, 'content'), env });
    expect(files(result.stdout)).toEqual(['a.txt', 'sub/b.txt']);
    expect(result.stderr).toContain('drafts/c.txt: skipped');
  });

  it('.gitignore with --respect-gitignore or the config', async () => {
    const dir = await tree();
    const { writeFile, mkdir } = await import('node:fs/promises');
    await mkdir(path.join(dir, '.git'));
    await writeFile(path.join(dir, '.gitignore'), 'content/sub/\n');
    const plain = await runAnp(['lint', 'content', '-f', 'compact'], { cwd: dir, env });
    expect(files(plain.stdout)).toContain('content/sub/b.txt');
    const flag = await runAnp(['lint', 'content', 'content/sub/b.txt', '--respect-gitignore', '-f', 'compact'], { cwd: dir, env });
    expect(files(flag.stdout)).toEqual(['content/a.txt', 'content/drafts/c.txt']);
    await writeFile(path.join(dir, 'anp.config.json'), '{ "respectGitignore": true }\n');
    const config = await runAnp(['lint', 'content', '-f', 'compact'], { cwd: dir, env });
    expect(files(config.stdout)).toEqual(['content/a.txt', 'content/drafts/c.txt']);
  });

  it('documents the pattern flags', async () => {
    const help = (await runAnp(['lint', '--help'])).stdout;
    const cli = await readFile(path.join(REPO_ROOT, 'docs', 'cli.md'), 'utf8');
    const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
    for (const flag of ['--no-error-on-unmatched-pattern', '--respect-gitignore', '--suppress-all', '--suppress-rule', '--suppressions-location', '--prune-suppressions', '--report', '--sarif-max-results', '--max-annotations']) {
      expect(help, flag).toContain(flag);
      expect(cli, flag).toContain(flag);
      expect(readme, flag).toContain(flag);
    }
  });
});
