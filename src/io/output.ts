/**
 * Where a command's output goes: stdout or a file given with `-o` (written atomically).
 * Both buffer small writes into ~64 KB chunks and honour backpressure, so output produced
 * post by post is never held whole in memory.
 */
import type { Writable } from 'node:stream';
import { openAtomicWriter } from './write.js';

export interface TextOutput {
  write(chunk: string): Promise<void>;
  /** Everything written is in place (the file renamed, stdout flushed). */
  close(): Promise<void>;
  /** Give up: a file target is left untouched. Never throws. */
  abort(): Promise<void>;
}

const FLUSH_CHARS = 64 * 1024;

export function streamOutput(stream: Writable): TextOutput {
  let pending = '';
  const flush = async (): Promise<void> => {
    if (pending === '') return;
    const chunk = pending;
    pending = '';
    if (!stream.write(chunk)) await drained(stream);
  };
  return {
    async write(chunk) {
      pending += chunk;
      if (pending.length >= FLUSH_CHARS) await flush();
    },
    close: flush,
    abort() {
      pending = '';
      return Promise.resolve();
    },
  };
}

/** Opens the temp file at once, so an unwritable `-o` fails before any work is done. */
export async function fileOutput(target: string): Promise<TextOutput> {
  const writer = await openAtomicWriter(target);
  return { write: (chunk) => writer.write(chunk), close: () => writer.commit(), abort: () => writer.abort() };
}

function drained(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = (): void => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error): void => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}
