/**
 * Atomic output: a reader of the target sees the old file or the whole new one, never a
 * half-written one (a crash or a failed run leaves the old report in place). Data goes to a
 * temp file in the target's own folder (rename is only atomic within one file system) and
 * is renamed over the target at the end.
 *
 * Targets that are not regular files (/dev/null, /dev/stdout, a FIFO) are written in place:
 * renaming over them would replace the device node itself.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const writer = await openAtomicWriter(target);
  try {
    await writer.write(data);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await writer.commit();
}

/** A streaming atomic writer: for NDJSON and other output produced piece by piece. */
export interface AtomicWriter {
  /** Buffers the chunk; resolves once it is safe to write more (bounded memory). */
  write(chunk: string | Uint8Array): Promise<void>;
  /** Flushes, closes and renames into place. Removes the temp file if any step fails. */
  commit(): Promise<void>;
  /** Closes and removes the temp file; the target is left as it was. Never throws. */
  abort(): Promise<void>;
}

const FLUSH_BYTES = 64 * 1024;

/** Opens the temp file now, so an unwritable target fails before any work is done. */
export async function openAtomicWriter(target: string): Promise<AtomicWriter> {
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    return new BufferedWriter(await open(target, 'w'), null, target);
  }
  const temp = tempPathFor(target);
  // Keep the permissions of a file being replaced; `wx` never clobbers a stranger's file.
  const handle = await open(temp, 'wx', existing?.isFile() ? existing.mode & 0o7777 : 0o666);
  return new BufferedWriter(handle, temp, target);
}

/** `.report.json.1234.9f86d081.tmp`, beside the target; hidden, so globs skip it. */
export function tempPathFor(target: string): string {
  const suffix = `${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  return path.join(path.dirname(target), `.${path.basename(target)}.${suffix}`);
}

class BufferedWriter implements AtomicWriter {
  private pending: Array<string | Uint8Array> = [];
  private pendingBytes = 0;
  private closed = false;

  /** `temp` is null when writing in place (a device or FIFO target). */
  constructor(
    private readonly handle: FileHandle,
    private readonly temp: string | null,
    private readonly target: string,
  ) {}

  async write(chunk: string | Uint8Array): Promise<void> {
    if (this.closed) throw new Error(`write after close: ${this.target}`);
    this.pending.push(chunk);
    // String length undercounts multi-byte text; close enough for a flush threshold.
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= FLUSH_BYTES) await this.flush();
  }

  async commit(): Promise<void> {
    try {
      await this.flush();
      this.closed = true;
      await this.handle.close();
      if (this.temp !== null) await rename(this.temp, this.target);
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  async abort(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      await this.handle.close().catch(() => undefined);
    }
    this.pending = [];
    if (this.temp !== null) await unlink(this.temp).catch(() => undefined);
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const parts = this.pending.map((part) => (typeof part === 'string' ? Buffer.from(part) : part));
    this.pending = [];
    this.pendingBytes = 0;
    // writeFile on a handle loops until every byte is written (write() may be partial).
    await this.handle.writeFile(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
  }
}
