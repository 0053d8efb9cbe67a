/**
 * Lint results waiting for the corpus phase (which reports after the last file, so no result
 * can be written before it). They are kept as JSON (a result is plain data: JSON gives it
 * back equal; about twice as fast as v8.serialize here), in memory up to SPILL_BYTES and
 * beyond that in a temporary file, so a 100,000-file run does not hold 100,000 result objects
 * (10,000 bench files: 355,713 findings, ~150 MB as JSON, several times that as objects).
 * `drain` gives them back in order, one at a time, and removes the file.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FileResult } from '../model/finding.js';

/** Serialised bytes kept in memory before the results go to a temporary file. */
export const SPILL_BYTES = 32 * 2 ** 20;

export class HeldResults {
  private memory: string[] = [];
  private memoryBytes = 0;
  private fd: number | null = null;
  private dir: string | null = null;
  private count = 0;
  private spillBytes: number;

  constructor(spillBytes = SPILL_BYTES) {
    this.spillBytes = spillBytes;
  }

  get length(): number {
    return this.count;
  }

  push(result: FileResult): void {
    const json = JSON.stringify(result);
    this.count++;
    if (this.fd === null && this.memoryBytes + json.length > this.spillBytes) this.spill();
    if (this.fd !== null) {
      writeRecord(this.fd, json);
      return;
    }
    this.memory.push(json);
    this.memoryBytes += json.length;
  }

  /** The results in push order; each is let go as it is handed out. */
  *drain(): Generator<FileResult> {
    try {
      if (this.fd !== null && this.dir !== null) {
        closeSync(this.fd);
        this.fd = null;
        const fd = openSync(path.join(this.dir, 'held'), 'r');
        try {
          let position = 0;
          const header = Buffer.alloc(4);
          // One read buffer, grown as needed: no Buffer per record.
          let buffer = Buffer.alloc(1 << 16);
          for (;;) {
            if (readSync(fd, header, 0, 4, position) < 4) break;
            const size = header.readUInt32LE(0);
            if (size > buffer.length) buffer = Buffer.alloc(Math.max(size, buffer.length * 2));
            readAll(fd, buffer, size, position + 4);
            position += 4 + size;
            yield JSON.parse(buffer.toString('utf8', 0, size)) as FileResult;
          }
        } finally {
          closeSync(fd);
        }
        return;
      }
      for (let index = 0; index < this.memory.length; index++) {
        const json = this.memory[index]!;
        this.memory[index] = '';
        yield JSON.parse(json) as FileResult;
      }
    } finally {
      this.release();
    }
  }

  /** Drops everything (and the temporary file). */
  release(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
    this.memory = [];
    this.memoryBytes = 0;
  }

  private spill(): void {
    try {
      this.dir = mkdtempSync(path.join(tmpdir(), 'anp-held-'));
      this.fd = openSync(path.join(this.dir, 'held'), 'w');
    } catch {
      // No temporary folder: keep holding in memory.
      if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true });
      this.dir = null;
      this.fd = null;
      this.spillBytes = Infinity;
      return;
    }
    for (const json of this.memory) writeRecord(this.fd, json);
    this.memory = [];
    this.memoryBytes = 0;
  }
}

/** A record: its UTF-8 length (uint32 LE), then the JSON. */
function writeRecord(fd: number, json: string): void {
  const bytes = Buffer.from(json, 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32LE(bytes.length, 0);
  writeAll(fd, header);
  writeAll(fd, bytes);
}

function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

function readAll(fd: number, bytes: Buffer, size: number, position: number): void {
  let offset = 0;
  while (offset < size) {
    const read = readSync(fd, bytes, offset, size - offset, position + offset);
    if (read === 0) throw new Error('held results: the temporary file ended early');
    offset += read;
  }
}
