import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeBytes, DEFAULT_MAX_BYTES, formatBytes, readSourceSync, type SourceRead } from '../../src/io/read.js';

const BOM = [0xef, 0xbb, 0xbf];
const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

function expectText(result: SourceRead): Extract<SourceRead, { kind: 'text' }> {
  if (result.kind !== 'text') throw new Error(`expected text, got ${result.kind}: ${result.message}`);
  return result;
}
function expectUnreadable(result: SourceRead): Extract<SourceRead, { kind: 'unreadable' }> {
  if (result.kind !== 'unreadable') throw new Error(`expected unreadable, got text ${JSON.stringify(result.text)}`);
  expect(result.message).not.toMatch(/\n/); // one line, always
  return result;
}

describe('decodeBytes', () => {
  it('decodes valid UTF-8 on the fast path with no invalid lines', () => {
    const result = expectText(decodeBytes(bytes('title\ncafé €\n')));
    expect(result).toEqual({ kind: 'text', text: 'title\ncafé €\n', bytes: 16, invalidUtf8Lines: [] });
  });

  it('strips a UTF-8 BOM but counts its bytes', () => {
    const result = expectText(decodeBytes(bytes(BOM, 'title\n')));
    expect(result.text).toBe('title\n');
    expect(result.bytes).toBe(9);
  });

  it('strips only a leading BOM, not a U+FEFF later in the text', () => {
    const result = expectText(decodeBytes(bytes(BOM, 'a', BOM)));
    expect(result.text).toBe('a\uFEFF');
  });

  it('keeps line endings as they are (the parser splits them)', () => {
    expect(expectText(decodeBytes(bytes('a\r\nb\rc\n'))).text).toBe('a\r\nb\rc\n');
  });

  it('replaces invalid bytes with U+FFFD and reports their 1-based lines, counting CRLF and CR as one break', () => {
    const result = expectText(decodeBytes(bytes(BOM, 'title\r\nok\rbad ', [0xff], ' here\nfine\nx', [0xc3])));
    expect(result.text).toBe('title\r\nok\rbad \uFFFD here\nfine\nx\uFFFD');
    expect(result.invalidUtf8Lines).toEqual([3, 5]);
    expect(result.bytes).toBe(3 + 28);
  });

  it('calls a file with a NUL byte binary and says where', () => {
    const result = expectUnreadable(decodeBytes(bytes('ab', [0], 'cd')));
    expect(result.reason).toBe('binary');
    expect(result.message).toBe('binary file (NUL byte at offset 2); not parsed');
  });

  it('refuses more than maxBytes and accepts exactly maxBytes', () => {
    expect(expectUnreadable(decodeBytes(bytes('12345'), { maxBytes: 4 })).reason).toBe('too-large');
    expect(expectText(decodeBytes(bytes('1234'), { maxBytes: 4 })).text).toBe('1234');
  });

  it('checks the size before looking for NUL bytes', () => {
    expect(expectUnreadable(decodeBytes(bytes([0, 0, 0]), { maxBytes: 2 })).reason).toBe('too-large');
  });

  it('defaults the limit to 5 MB', () => {
    expect(DEFAULT_MAX_BYTES).toBe(5 * 1024 * 1024);
    const result = expectUnreadable(decodeBytes(new Uint8Array(DEFAULT_MAX_BYTES + 1).fill(0x61)));
    expect(result.message).toBe('file too large (5 MB, limit 5 MB); not parsed');
    expect(expectText(decodeBytes(new Uint8Array(DEFAULT_MAX_BYTES).fill(0x61))).bytes).toBe(DEFAULT_MAX_BYTES);
  });
});

describe('formatBytes', () => {
  it('uses exact bytes below 1 KB and one decimal above', () => {
    expect(formatBytes(100)).toBe('100 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(6 * 1024 * 1024)).toBe('6 MB');
  });
});

describe('readSource', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'anp-read-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads and decodes a file like decodeBytes', async () => {
    const file = path.join(dir, 'crlf.txt');
    await writeFile(file, bytes(BOM, 'title\r\n\r\nbody ', [0xfe], '\r\n'));
    const result = expectText(readSourceSync(file));
    expect(result.text).toBe('title\r\n\r\nbody \uFFFD\r\n');
    expect(result.invalidUtf8Lines).toEqual([3]);
  });

  it('reports a file over maxBytes as too large, with both sizes', async () => {
    const file = path.join(dir, 'big.txt');
    await writeFile(file, 'x'.repeat(2048));
    const result = expectUnreadable(readSourceSync(file, { maxBytes: 1000 }));
    expect(result.reason).toBe('too-large');
    expect(result.message).toBe('file too large (2 KB, limit 1000 bytes); not parsed');
  });

  it('reports a NUL byte in a file as binary', async () => {
    const file = path.join(dir, 'image.txt');
    await writeFile(file, bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0x00]));
    const result = expectUnreadable(readSourceSync(file));
    expect(result).toMatchObject({ reason: 'binary', message: 'binary file (NUL byte at offset 8); not parsed' });
  });

  it('turns a read failure into a read-error result instead of throwing', async () => {
    // The tests run as root, where chmod 000 does not stop a read; reading a directory is a
    // real read failure (EISDIR) on every platform we run on.
    const folder = path.join(dir, 'folder.txt');
    await mkdir(folder);
    const result = expectUnreadable(readSourceSync(folder));
    expect(result).toEqual({ kind: 'unreadable', reason: 'read-error', message: 'cannot read (is a directory); not parsed' });
  });

  it('reports a file that vanished as a read error', () => {
    const result = expectUnreadable(readSourceSync(path.join(dir, 'gone.txt')));
    expect(result.reason).toBe('read-error');
    expect(result.message).toBe('cannot read (no such file or directory); not parsed');
  });
});
