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
    await writeChunk(stream, chunk);
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

/** Writes `text` to a stream in ~64 KB pieces, each awaited, so a failure stops the rest. */
export async function writeText(stream: Writable, text: string): Promise<void> {
  for (let start = 0; start < text.length; start += FLUSH_CHARS) {
    await writeChunk(stream, text.slice(start, start + FLUSH_CHARS));
  }
}

/**
 * One write, resolved once the stream took it (and, under backpressure, drained); rejected
 * with the stream's error (EPIPE when the reader has gone, ENOSPC on a full disk).
 */
export function writeChunk(stream: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.destroyed || stream.writableEnded) {
      reject(Object.assign(new Error('the output was closed'), { code: 'EPIPE' }));
      return;
    }
    let written = false;
    let drained = true;
    const done = (): void => {
      if (written && drained) resolve();
    };
    const ok = stream.write(chunk, (error) => {
      if (error) {
        reject(error);
        return;
      }
      written = true;
      done();
    });
    if (!ok) {
      drained = false;
      stream.once('drain', () => {
        drained = true;
        done();
      });
    }
  });
}

/** Opens the temp file at once, so an unwritable `-o` fails before any work is done. */
export async function fileOutput(target: string): Promise<TextOutput> {
  const writer = await openAtomicWriter(target);
  return { write: (chunk) => writer.write(chunk), close: () => writer.commit(), abort: () => writer.abort() };
}
