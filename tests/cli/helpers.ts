/**
 * Two ways to run the CLI:
 *   - `runAnp`: in-process, through `run(args, io)` of src/cli/main.ts with captured streams,
 *     a given cwd and environment: the same code path as the bin minus the process, and fast;
 *   - `runAnpProcess`: the BUILT bin (`node bin/anp.js`) as a child process, the way users
 *     and CI run it; kept for the few end-to-end cases (tests/cli/e2e.test.ts). It needs
 *     `npm run build` first (.ci/run and `npm test`'s pretest do it).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = path.join(REPO_ROOT, 'bin', 'anp.js');
const COMPILED_MAIN = path.join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js');

export interface RunOptions {
  cwd?: string;
  /** Written to stdin, which is then closed; without it stdin is empty. */
  input?: string | Uint8Array;
  /** Added to (and overriding) the parent's environment; `undefined` removes a variable. */
  env?: NodeJS.ProcessEnv;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture extends Writable {
  readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    callback();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

function environment(extra: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env;
}

/** The CLI in-process: exit code and what it wrote, as a child process would report them. */
export async function runAnp(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const input = options.input ?? '';
  const code = await run(args, {
    stdout,
    stderr,
    stdin: Readable.from([typeof input === 'string' ? Buffer.from(input) : Buffer.from(input)]),
    env: environment(options.env),
    cwd: options.cwd ?? REPO_ROOT,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** The built bin as a child process. */
export function runAnpProcess(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  if (!existsSync(COMPILED_MAIN)) {
    return Promise.reject(new Error(`${COMPILED_MAIN} is missing: run \`npm run build\` before the CLI tests`));
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: environment(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({
        code: code ?? (signal ? 128 : -1),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** A fresh temp folder holding `files` (relative path -> content; folders are created). */
export async function makeTree(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'anp-test-'));
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return root;
}
