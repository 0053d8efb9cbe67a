/**
 * What a CLI run talks to: its streams, environment and working folder. `main` passes the
 * real process; tests pass captured streams and run commands in-process.
 */
import path from 'node:path';
import type { Writable } from 'node:stream';
import { UsageError, type ColorLevel } from '../index.js';
import { writeText } from '../io/output.js';
import { describeIoError } from '../io/read.js';
import { prepareOutputTarget } from '../io/write.js';

export interface CliIo {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable;
  stdin: AsyncIterable<string | Uint8Array>;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/** Reads all of standard input as bytes. */
export async function readAll(stream: AsyncIterable<string | Uint8Array>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/**
 * `--color` / `--no-color` win; then NO_COLOR (any non-empty value) and FORCE_COLOR
 * (0/false = off, 1/true/'' = 16 colours, 2 = 256, 3 = truecolor); otherwise colour only
 * when the output is a terminal (never when writing to a file).
 */
export function colorLevel(option: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): ColorLevel {
  const force = env.FORCE_COLOR;
  const forcedLevel = (): ColorLevel => {
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  };
  if (option === false) return 0;
  if (option === true) return force !== undefined && force !== '0' && force !== 'false' ? forcedLevel() : isTTY ? ttyLevel(env) : 1;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (force !== undefined) return force === '0' || force === 'false' ? 0 : forcedLevel();
  if (!isTTY) return 0;
  if (env.TERM === 'dumb') return 0;
  return ttyLevel(env);
}

function ttyLevel(env: NodeJS.ProcessEnv): ColorLevel {
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (/-256(color)?$/i.test(env.TERM ?? '')) return 2;
  return 1;
}

/** The colour level of a command's stdout. */
export function stdoutColor(option: boolean | undefined, io: CliIo): ColorLevel {
  return colorLevel(option, io.env, io.stdout.isTTY === true);
}

/** Text to the command's stdout; a failed write (ENOSPC, EIO, a closed pipe) is a one-line exit-2 error. */
export async function toStdout(io: CliIo, text: string): Promise<void> {
  if (text === '') return;
  try {
    await writeText(io.stdout, text);
  } catch (error) {
    throw stdoutError(error);
  }
}

export function stdoutError(error: unknown): UsageError {
  return new UsageError(`cannot write to standard output: ${describeIoError(error)}`);
}

/**
 * Checks `-o FILE` before any work (its folder exists, it is not a folder, a file can be
 * created there), in the user's words, and removes temp files left by killed runs.
 */
export function checkOutputFile(io: CliIo, outputFile: string): string {
  const target = path.resolve(io.cwd, outputFile);
  try {
    prepareOutputTarget(target, outputFile);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return target;
}
