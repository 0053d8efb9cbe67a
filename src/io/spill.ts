/**
 * Spilling to a temp file what a run must keep till its end but need not keep in memory:
 * a report's middle whose head (totals) is known only at the end (junit), or the results a
 * corpus rule holds back until its findings are known. Written in 1 MB pieces, read back in
 * order, removed once read, when the run stops early, or on an interrupt (registered like
 * the `-o` temp files, src/io/write.ts).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { registerTempFile, releaseTempFile } from './write.js';

const FLUSH = 1 << 20;

/** Text appended piece by piece to a temp file (created on the first flush), then read back in chunks. */
export class TextSpill {
  private pending: string[] = [];
  private pendingLength = 0;
  private file: string | undefined;
  private fd: number | undefined;
  /** Characters appended in all. */
  length = 0;

  append(text: string): void {
    if (text === '') return;
    this.pending.push(text);
    this.pendingLength += text.length;
    this.length += text.length;
    if (this.pendingLength >= FLUSH) this.flush();
  }

  private flush(): void {
    if (this.pendingLength === 0) return;
    if (this.fd === undefined) {
      const file = path.join(tmpdir(), `anp-spill-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
      this.fd = openSync(file, 'wx+', 0o600);
      this.file = file;
      registerTempFile(file);
    }
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
  }

  /** Everything appended, in order, as UTF-8 chunks of about 1 MB (the last may be smaller). */
  *chunks(): Generator<string> {
    if (this.fd === undefined) {
      if (this.pendingLength > 0) yield this.pending.join('');
      return;
    }
    this.flush();
    const buffer = Buffer.allocUnsafe(FLUSH);
    const decoder = new TextDecoder('utf-8');
    let position = 0;
    for (;;) {
      const read = readSync(this.fd, buffer, 0, buffer.length, position);
      if (read === 0) break;
      position += read;
      const text = decoder.decode(buffer.subarray(0, read), { stream: true });
      if (text !== '') yield text;
    }
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  }

  /** Removes the temp file. */
  dispose(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.file !== undefined) {
      try {
        unlinkSync(this.file);
      } catch {
        // already gone
      }
      releaseTempFile(this.file);
    }
    this.file = undefined;
    this.pending = [];
    this.pendingLength = 0;
  }
}

/**
 * Items kept in order: the first `inMemory` in memory, the rest as JSON lines in a TextSpill.
 * Items must be plain JSON data (they come back as parsed copies).
 */
export class ItemSpill<T> {
  private readonly memory: T[] = [];
  private spill: TextSpill | undefined;
  count = 0;

  constructor(private readonly inMemory = 1000) {}

  push(item: T): void {
    this.count++;
    if (this.memory.length < this.inMemory) {
      this.memory.push(item);
      return;
    }
    this.spill ??= new TextSpill();
    this.spill.append(`${JSON.stringify(item)}\n`);
  }

  /** True when some items went to disk. */
  get spilled(): boolean {
    return this.spill !== undefined;
  }

  /** Every item in order (memory first, then the file), then the temp file removed. */
  *drain(): Generator<T> {
    try {
      yield* this.memory.splice(0);
      if (this.spill === undefined) return;
      let carry = '';
      for (const chunk of this.spill.chunks()) {
        const text = carry + chunk;
        let start = 0;
        for (let end = text.indexOf('\n', start); end >= 0; end = text.indexOf('\n', start)) {
          yield JSON.parse(text.slice(start, end)) as T;
          start = end + 1;
        }
        carry = text.slice(start);
      }
      if (carry !== '') yield JSON.parse(carry) as T;
    } finally {
      this.dispose();
    }
  }

  dispose(): void {
    this.spill?.dispose();
    this.spill = undefined;
  }
}
