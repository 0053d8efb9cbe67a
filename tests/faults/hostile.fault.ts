/**
 * Faults and hostile input other than the walk and the kill test: a full disk on stdout,
 * a reader that goes away, output targets that cannot be written, hostile configs, and file
 * names that would break line formats.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCompact } from '../../src/formatters/compact.js';
import { formatGithub } from '../../src/formatters/github.js';
import { formatStylish } from '../../src/formatters/stylish.js';
import type { FileResult } from '../../src/model/finding.js';
import { BIN, makeTree, runAnp } from '../cli/helpers.js';

const ARTICLE = 'a title\n\nwhy this matters\n\na paragraph of prose that ends like a sentence should end.\n';

/** The built bin with stdout on a given fd (e.g. /dev/full). */
function runWithStdout(args: string[], cwd: string, stdoutFd: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', stdoutFd, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a failed write to stdout is one line and exit 2', () => {
  const cases: string[][] = [
    ['export', '.'],
    ['export', '.', '--ndjson'],
    ['stats', '.'],
    ['stats', '.', '--json'],
    ['schema', 'post'],
    ...['stylish', 'json', 'sarif', 'github', 'junit', 'compact'].map((format) => ['lint', '.', '-f', format, '--rule', 'meta-missing:error']),
  ];
  it.each(cases)('anp %s … > /dev/full', async (...args) => {
    const dir = await makeTree({ 'a.txt': ARTICLE, 'b.txt': ARTICLE });
    const fd = openSync('/dev/full', 'w');
    try {
      const { code, stderr } = await runWithStdout(args, dir, fd);
      expect(stderr).toBe('anp: cannot write to standard output: no space left on device\n');
      expect(code).toBe(2);
    } finally {
      closeSync(fd);
    }
  });
});

describe('a closed stdout stops every output at once', () => {
  it.each([[['export', '.']], [['export', '.', '--ndjson']], [['lint', '.', '-f', 'json', '--rule', 'meta-missing:error']]])('%j | head -c 1', async (args) => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[`p${i}.txt`] = ARTICLE.repeat(3);
    const dir = await makeTree(files);
    const started = performance.now();
    const result = await new Promise<{ code: number | null; stderr: string; ms: number }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.once('data', () => child.stdout.destroy()); // the reader goes away
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr, ms: performance.now() - started }));
    });
    expect(result.stderr).toBe('');
    expect([0, 1]).toContain(result.code);
  });
});

describe('output targets are checked before any work, in the user\'s words', () => {
  it.each([
    ['a folder', 'out', 'anp: cannot write out: it is a folder\n'],
    ['a missing folder', 'no/such/out.json', 'anp: cannot write no/such/out.json: its folder does not exist\n'],
    ['a file as folder', 'a.txt/out.json', 'anp: cannot write a.txt/out.json: a parent of it is not a folder\n'],
  ])('%s', async (_what, target, message) => {
    const dir = await makeTree({ 'a.txt': ARTICLE, 'out/keep': '' });
    for (const command of [['lint', '.'], ['export', '.']]) {
      const { code, stdout, stderr } = await runAnp([...command, '-o', target], { cwd: dir });
      expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: message });
    }
  });

  it('removes temp files of runs that no longer exist, and keeps those of live ones', async () => {
    const dir = await makeTree({ 'a.txt': ARTICLE, 'out.json': 'old' });
    writeFileSync(path.join(dir, '.out.json.999999999.0123abcd.tmp'), 'dead'); // no such pid
    writeFileSync(path.join(dir, `.out.json.${process.pid}0.0123abcd.tmp`), 'maybe');
    writeFileSync(path.join(dir, `.out.json.1.0123abcd.tmp`), 'init is alive');
    const { code } = await runAnp(['export', 'a.txt', '-o', 'out.json'], { cwd: dir });
    expect(code).toBe(0);
    const { readdirSync } = await import('node:fs');
    const left = readdirSync(dir).filter((name) => name.endsWith('.tmp'));
    expect(left).not.toContain('.out.json.999999999.0123abcd.tmp');
    expect(left).toContain('.out.json.1.0123abcd.tmp');
  });
});

describe('hostile configs', () => {
  const lint = async (files: Record<string, string>) => {
    const dir = await makeTree({ 'a.txt': ARTICLE, ...files });
    return runAnp(['lint', '.'], { cwd: dir });
  };
  it('a package.json with an anp key that is not valid JSON names the file and line', async () => {
    const { code, stderr } = await lint({ 'package.json': '{\n  "name": "x",\n  "anp": { "rules": {} },\n}\n' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^anp: package\.json:4:1: invalid JSON: .+\n$/);
  });
  it('a broken package.json that never mentions anp is not ours: the defaults apply', async () => {
    const { code, stderr } = await lint({ 'package.json': '{ "name": "x", }' });
    expect(code).not.toBe(2);
    expect(stderr).not.toMatch(/package\.json/);
  });
  it.each(['__proto__', 'constructor', 'prototype'])('the key %s is refused', async (key) => {
    const { code, stderr } = await lint({ 'anp.config.json': `{"rules":{"${key}":"error"}}` });
    expect(code).toBe(2);
    expect(stderr).toBe(`anp: anp.config.json: rules.${key}: the key "${key}" is not allowed (it would change every object)\n`);
  });
  it('10,000 levels of nesting is a clear error, not a stack overflow', async () => {
    const deep = `{"rules":{"stale-review":["error",${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}]}}`;
    const { code, stderr } = await lint({ 'anp.config.json': deep });
    expect(code).toBe(2);
    expect(stderr).toBe('anp: anp.config.json: rules.stale-review[1]: nested more than 64 levels deep; a config is never that deep\n');
  });
  it('1e999 is named as Infinity', async () => {
    const { code, stderr } = await lint({ 'anp.config.json': '{"rules":{"stale-review":["error",{"maxAgeDays":1e999}]}}' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^anp: anp\.config\.json: rules\.stale-review\[1\]\.maxAgeDays: expected a finite number, got Infinity/);
  });
});

describe('file names that would break line formats', () => {
  const results: FileResult[] = [
    {
      file: 'odd\nname\r\t\u001b[31m.txt',
      findings: [{ ruleId: 'meta-box-missing', severity: 'error', message: 'no meta box', file: 'odd\nname\r\t\u001b[31m.txt', line: 1 }],
      errorCount: 1,
      warningCount: 0,
    },
  ];
  const context = { cwd: '/', version: '0', colorLevel: 0 as const, rules: [] };
  it('compact: one line, control characters escaped', () => {
    expect(formatCompact(results, context)).toBe('odd\\nname\\r\\t\\x1b[31m.txt:1:1: error no meta box [meta-box-missing]\n');
  });
  it('stylish: the file heading is one line', () => {
    expect(formatStylish(results, context).split('\n')[0]).toBe('odd\\nname\\r\\t\\x1b[31m.txt');
  });
  it('github: the file property is escaped by the runner\'s rules', () => {
    const out = formatGithub(results, context);
    // One annotation, then the notice with the totals.
    expect(out.split('\n').filter(Boolean)).toHaveLength(2);
    expect(out).toContain('file=odd%0Aname%0D\t\u001b[31m.txt');
  });
  it('a real file with a newline in its name gives one compact line per finding', async () => {
    const dir = await makeTree({});
    mkdirSync(path.join(dir, 'c'));
    writeFileSync(path.join(dir, 'c', 'two\nlines.txt'), ARTICLE);
    const { stdout } = await runAnp(['lint', 'c', '-f', 'compact', '--rule', 'meta-missing:error'], { cwd: dir });
    expect(stdout.split('\n').filter(Boolean).every((line) => line.startsWith('c/two\\nlines.txt:'))).toBe(true);
  });
});
