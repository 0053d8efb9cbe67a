/**
 * Runs the BUILT CLI (`node bin/anp.js`) as a child process, the way users and CI run it.
 * The tests assume `npm run build` ran first (.ci/run does it); without dist/ they fail
 * with that instruction instead of a module-not-found trace.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = path.join(REPO_ROOT, 'bin', 'anp.js');
const COMPILED_MAIN = path.join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js');

export interface RunOptions {
  cwd?: string;
  /** Written to stdin, which is then closed; without it stdin is empty. */
  input?: string | Uint8Array;
  /** Added to (and overriding) the parent's environment. */
  env?: NodeJS.ProcessEnv;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runAnp(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  if (!existsSync(COMPILED_MAIN)) {
    return Promise.reject(new Error(`${COMPILED_MAIN} is missing: run \`npm run build\` before the CLI tests`));
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, ...options.env },
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
