/**
 * Bytes -> text, with the checks that decide whether a file is an article at all: a NUL
 * byte means binary, more than `maxBytes` means too large, bytes that are not UTF-8 are
 * replaced with U+FFFD and their lines remembered (so `invalid-encoding` and the export
 * warning can name them). Never throws: every failure is a `SourceRead` of kind
 * `unreadable` whose message is one line saying what happened and what happens next.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { decodeEscaped } from './escape.js';
import { invalidUtf8Lines } from './utf8.js';

export type UnreadableReason = 'binary' | 'too-large' | 'read-error';

export type SourceRead =
  | {
      kind: 'text';
      text: string;
      bytes: number;
      invalidUtf8Lines: number[];
      bom?: boolean;
      /** With invalid UTF-8: the text with each invalid byte as U+DC80 + byte (escape.ts), which writes back to the same bytes. */
      escapedText?: string;
    }
  | { kind: 'unreadable'; reason: UnreadableReason; message: string };

export interface ReadOptions {
  /** Larger files are not read (reason `too-large`). Default 5 MB. */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

// One decoder each, reused: decode() without `stream` keeps no state between calls.
// ignoreBOM: false (the default) means a leading BOM is consumed, not returned.
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const replacingDecoder = new TextDecoder('utf-8');

/** Text already decoded (the library's `lintText(string)`): a leading BOM is dropped, as the decoder does. */
export function textSource(text: string): Extract<SourceRead, { kind: 'text' }> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return { kind: 'text', text: body, bytes: Buffer.byteLength(text), invalidUtf8Lines: [], ...(body !== text ? { bom: true } : {}) };
}

/** Decodes bytes already in memory (also used for `--stdin`). */
export function decodeBytes(bytes: Uint8Array, options: ReadOptions = {}): SourceRead {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes);

  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      kind: 'unreadable',
      reason: 'binary',
      message: `binary file (NUL byte at offset ${nul}); not parsed`,
    };
  }

  // The decoder drops a leading BOM; `bom` remembers it, so a fixed file is written with it.
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? { bom: true } : {};
  try {
    return { kind: 'text', text: strictDecoder.decode(bytes), bytes: bytes.length, invalidUtf8Lines: [], ...bom };
  } catch {
    // Slow path, only for broken files: decode leniently, then find where it was broken.
    return {
      kind: 'text',
      text: replacingDecoder.decode(bytes),
      bytes: bytes.length,
      invalidUtf8Lines: invalidUtf8Lines(bytes),
      escapedText: decodeEscaped(bytes),
      ...bom,
    };
  }
}

/**
 * Reads and decodes one file; the size is checked with fstat before any byte is read.
 *
 * The calls are synchronous on purpose: articles are small, and for small files the
 * promise API's thread-pool round trips (open, fstat, read, close) cost more than the
 * reads themselves — they were ~30% of `anp export`'s CPU profile.
 */
export function readSourceSync(path: string, options: ReadOptions = {}): SourceRead {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  try {
    const fd = openSync(path, 'r');
    try {
      const { size } = fstatSync(fd);
      if (size > maxBytes) return tooLarge(size, maxBytes);
      bytes = readAll(fd, size, maxBytes);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return { kind: 'unreadable', reason: 'read-error', message: `cannot read (${describeIoError(error)}); not parsed` };
  }
  return decodeBytes(bytes, options);
}

/**
 * Reads to the end of the file. `size` is only a hint (the file may change, and /proc-like
 * files report 0), so it keeps reading until EOF, but never holds more than maxBytes + 1.
 */
function readAll(fd: number, size: number, maxBytes: number): Uint8Array {
  let buffer = Buffer.allocUnsafe(Math.max(size, 4096) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) break; // decodeBytes reports too-large
      const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return buffer.subarray(0, length);
}

function tooLarge(size: number, maxBytes: number): SourceRead {
  return {
    kind: 'unreadable',
    reason: 'too-large',
    message: `file too large (${formatBytes(size)}, limit ${formatBytes(maxBytes)}); not parsed`,
  };
}

/** `EACCES` -> `permission denied`; falls back to the system message, first line only. */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOENT':
      return 'no such file or directory';
    case 'ENOTDIR':
      return 'a parent is not a directory';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EROFS':
      return 'read-only file system';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EPIPE':
      return 'the reader closed the pipe';
    case 'EIO':
      return 'input/output error';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EFBIG':
      return 'file too large for the file system';
    default: {
      // `EIO: i/o error, read '/abs/path'` -> `EIO: i/o error`: the caller names the file.
      const message = error instanceof Error ? error.message : String(error);
      return (message.split('\n')[0] ?? message).replace(/, \w+ '[^']*'(?: -> '[^']*')?$/, '');
    }
  }
}

/** 1536 -> `1.5 KB`; exact byte counts below 1 KB so small limits stay readable. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} bytes`;
  if (size < 1024 * 1024) return `${trimZero(size / 1024)} KB`;
  return `${trimZero(size / (1024 * 1024))} MB`;
}

function trimZero(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}
