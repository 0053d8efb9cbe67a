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
import { close, closeSync, openSync, readdirSync, renameSync, statSync, unlinkSync, write } from 'node:fs';
import { open, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describeIoError } from './read.js';

/**
 * Temp files this process created and has not yet renamed or removed, so that an interrupt
 * (SIGINT, SIGTERM: src/cli/process.ts) can remove them synchronously before exiting.
 */
const liveTemps = new Set<string>();

/** Output files this run will write (as the user named them), for the interrupt message. */
const pendingOutputs = new Set<string>();

/** Registers a temp file made elsewhere (src/io/spill.ts) for removal on an interrupt. */
export function registerTempFile(file: string): void {
  liveTemps.add(file);
}

/** The file is gone (removed by its owner): no need to remove it on an interrupt. */
export function releaseTempFile(file: string): void {
  liveTemps.delete(file);
}

/** The temp files not yet renamed or removed (tests, and the interrupt handler). */
export function liveTempFiles(): string[] {
  return [...liveTemps];
}

/** The outputs (as named by the user) that have been announced and not yet written. */
export function pendingOutputFiles(): string[] {
  return [...pendingOutputs];
}

/** Marks an output as written (or given up): it no longer needs mentioning on interrupt. */
export function outputDone(shown: string): void {
  pendingOutputs.delete(shown);
}

/**
 * Removes every temp file this process created, synchronously (safe in a signal handler:
 * the temp is created and renamed with synchronous calls, so none is half-registered).
 * Returns the number removed.
 */
export function removeLiveTempFilesSync(): number {
  let removed = 0;
  for (const temp of liveTemps) {
    try {
      unlinkSync(temp);
      removed++;
    } catch {
      // already renamed or removed
    }
  }
  liveTemps.clear();
  return removed;
}

/**
 * Checks an output target before any work is done, in the user's words (`shown`), and
 * removes temp files of earlier runs of this target whose process no longer exists (a run
 * killed with SIGKILL, or a machine that lost power). Throws an Error whose message is one
 * line without the internal temp name; the caller wraps it in a UsageError.
 */
export function prepareOutputTarget(target: string, shown: string): void {
  const folder = path.dirname(target);
  let existing: ReturnType<typeof statSync> | undefined;
  try {
    existing = statSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw new Error(`cannot write ${shown}: a parent of it is not a folder`);
    if (code !== 'ENOENT') throw new Error(`cannot write ${shown}: ${describeIoError(error)}`);
  }
  if (existing?.isDirectory()) throw new Error(`cannot write ${shown}: it is a folder`);
  if (existing === undefined) {
    let parent: ReturnType<typeof statSync>;
    try {
      parent = statSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(`cannot write ${shown}: ${code === 'ENOENT' ? 'its folder does not exist' : code === 'ENOTDIR' ? 'a parent of it is not a folder' : describeIoError(error)}`);
    }
    if (!parent.isDirectory()) throw new Error(`cannot write ${shown}: a parent of it is not a folder`);
  }
  if (existing === undefined || existing.isFile()) {
    // Regular files are replaced by a rename in the folder: the folder must take a new file.
    // Probe with a real temp file (access(W_OK) says yes to root on a read-only mount).
    const probe = tempPathFor(target);
    liveTemps.add(probe);
    try {
      closeSync(openSync(probe, 'wx', 0o600));
      unlinkSync(probe);
    } catch (error) {
      throw new Error(`cannot write ${shown}: ${describeIoError(error)} (in ${path.dirname(shown) === '' ? '.' : path.dirname(shown)})`);
    } finally {
      liveTemps.delete(probe);
    }
  } else {
    // A device or FIFO is written in place.
    try {
      closeSync(openSync(target, 'a'));
    } catch (error) {
      throw new Error(`cannot write ${shown}: ${describeIoError(error)}`);
    }
  }
  removeStaleTemps(target);
  pendingOutputs.add(shown);
}

/** `.NAME.<pid>.<hex>.tmp` files beside `target` whose process is gone; returns how many were removed. */
export function removeStaleTemps(target: string): number {
  const prefix = `.${path.basename(target)}.`;
  return removeDeadTemps(path.dirname(target), (name) => {
    if (!name.startsWith(prefix)) return undefined;
    return /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length))?.[1];
  });
}

/**
 * Every `.NAME.<pid>.<hex>.tmp` in `folder` whose process is gone and whose NAME is a file
 * beside it (the temps a killed `anp lint --fix` left); one readdir. Returns how many were removed.
 */
export function removeStaleTempsIn(folder: string): number {
  let present: Set<string> | undefined;
  return removeDeadTemps(folder, (name, names) => {
    const match = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name);
    present ??= new Set(names);
    return match && present.has(match[1]!) ? match[2] : undefined;
  });
}

/** Removes each file of `folder` for which `pidOf` names a process that is gone (not this one). */
function removeDeadTemps(folder: string, pidOf: (name: string, names: readonly string[]) => string | undefined): number {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const owner = pidOf(name, names);
    if (owner === undefined) continue;
    const pid = Number(owner);
    if (pid === process.pid || processExists(pid)) continue;
    try {
      unlinkSync(path.join(folder, name));
      removed++;
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

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
    const handle = await open(target, 'w');
    return new BufferedWriter(handle.fd, () => handle.close(), null, target);
  }
  const temp = tempPathFor(target);
  // Keep the permissions of a file being replaced; `wx` never clobbers a stranger's file.
  // Created synchronously and registered at once, so an interrupt never misses it.
  const fd = openSync(temp, 'wx', existing?.isFile() ? existing.mode & 0o7777 : 0o666);
  liveTemps.add(temp);
  return new BufferedWriter(fd, () => closeFd(fd), temp, target);
}

/** `.report.json.1234.9f86d081.tmp`, beside the target; hidden, so globs skip it. */
export function tempPathFor(target: string): string {
  const suffix = `${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  return path.join(path.dirname(target), `.${path.basename(target)}.${suffix}`);
}

const writeFd = promisify(write);
const closeFd = promisify(close);

class BufferedWriter implements AtomicWriter {
  private pending: Array<string | Uint8Array> = [];
  private pendingBytes = 0;
  private closed = false;

  /** `temp` is null when writing in place (a device or FIFO target). */
  constructor(
    private readonly fd: number,
    private readonly closeHandle: () => Promise<void>,
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
      await this.closeHandle();
      if (this.temp !== null) {
        // Synchronous, with the registry update right after: an interrupt sees either the temp
        // file (and removes it) or the finished target, never a rename half-way.
        renameSync(this.temp, this.target);
        liveTemps.delete(this.temp);
      }
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  async abort(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      await this.closeHandle().catch(() => undefined);
    }
    this.pending = [];
    if (this.temp !== null) {
      await unlink(this.temp).catch(() => undefined);
      liveTemps.delete(this.temp);
    }
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const parts = this.pending.map((part) => (typeof part === 'string' ? Buffer.from(part) : part));
    this.pending = [];
    this.pendingBytes = 0;
    const buffer = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    // write() may be partial: loop until every byte is written.
    let offset = 0;
    while (offset < buffer.length) {
      const { bytesWritten } = await writeFd(this.fd, buffer, offset, buffer.length - offset, null);
      offset += bytesWritten;
    }
  }
}
