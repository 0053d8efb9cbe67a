/**
 * The built bin as a child process, the way users and CI run it: a small table of
 * `{ args, exitCode }` cases (in the style of markdownlint-cli2's CLI tests) that checks what
 * only a real process shows: the exit status, which stream gets what, stdin, the shim. Every
 * behaviour is tested in-process in the other files of this folder.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, REPO_ROOT, runAnpProcess } from './helpers.js';

const env = { FORCE_COLOR: undefined, NO_COLOR: undefined, SOURCE_DATE_EPOCH: undefined };
const NOW = ['--now', '2026-11-23'];

interface Case {
  args: string[];
  exitCode: number;
  stdout?: RegExp | string;
  stderr?: RegExp | string;
  input?: string;
  env?: NodeJS.ProcessEnv;
}

const cases: Case[] = [
  { args: ['lint', 'fixtures/lint/clean', ...NOW], exitCode: 0, stdout: '', stderr: '' },
  { args: ['lint', 'fixtures/lint/errors', ...NOW], exitCode: 1, stdout: /meta-missing/, stderr: '' },
  { args: ['lint', 'fixtures/lint/warnings', ...NOW, '--max-warnings', '0'], exitCode: 1, stderr: 'anp: 1 warning found; --max-warnings allows 0\n' },
  { args: ['lint', '--bogus'], exitCode: 2, stdout: '', stderr: /^anp: unknown option '--bogus'/ },
  { args: ['lint', 'fixtures/lint/nope'], exitCode: 2, stdout: '', stderr: 'anp: no such file or directory: fixtures/lint/nope\n' },
  { args: ['lint', '--stdin', '-f', 'compact', ...NOW], input: 'a title\n\nbody.\n', exitCode: 1, stdout: /^<stdin>:1:1: error .*\[meta-missing\]$/m },
  { args: ['lint', 'fixtures/lint/errors', ...NOW], env: { FORCE_COLOR: '1' }, exitCode: 1, stdout: /\u001b\[\d/ },
  { args: ['export', 'fixtures/samples/003_a15b492db193f401.txt'], exitCode: 0, stdout: /^\[\{"schemaVersion":2,"file":"fixtures\/samples\/003_a15b492db193f401\.txt"/, stderr: '' },
  { args: ['exprot'], exitCode: 2, stderr: "anp: unknown command 'exprot' (Did you mean export?)\n" },
  { args: ['--version'], exitCode: 0, stdout: /^\d+\.\d+\.\d+\n$/ },
  { args: [], exitCode: 2, stdout: '', stderr: /^Usage: anp \[options\] \[command\]/ },
  { args: ['schema', 'config'], exitCode: 0, stdout: /"title": "anp config"/ },
];

describe.concurrent('the bin, end to end', () => {
  for (const testCase of cases) {
    it(`anp ${testCase.args.join(' ')} -> exit ${testCase.exitCode}`, async () => {
      const result = await runAnpProcess(testCase.args, { env: { ...env, ...testCase.env }, ...(testCase.input !== undefined ? { input: testCase.input } : {}) });
      expect(result.code, result.stderr).toBe(testCase.exitCode);
      for (const [actual, expected] of [[result.stdout, testCase.stdout], [result.stderr, testCase.stderr]] as const) {
        if (typeof expected === 'string') expect(actual).toBe(expected);
        else if (expected) expect(actual).toMatch(expected);
      }
      if (testCase.exitCode === 2) expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('-o writes the report atomically to a file, nothing to stdout', async () => {
    const dir = await makeTree({ 'a.txt': 'a title\n\nbody.\n' });
    const result = await runAnpProcess(['lint', '-f', 'json', '-o', 'report.json', ...NOW], { cwd: dir, env });
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8'))).toMatchObject([{ file: 'a.txt', errorCount: 1 }]);
    await rm(dir, { recursive: true, force: true });
  });

  it('runs from the package root as the README says (node bin/anp.js)', async () => {
    const result = await runAnpProcess(['rules'], { cwd: REPO_ROOT, env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/26 rules, 5 can fix/);
  });
});
