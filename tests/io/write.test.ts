import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { openAtomicWriter, tempPathFor, writeFileAtomic } from '../../src/io/write.js';
import { fileOutput, streamOutput } from '../../src/io/output.js';

let root: string;
let counter = 0;
/** A fresh empty folder per test, so "no temp file left" can look at the whole folder. */
async function freshDir(): Promise<string> {
  const dir = path.join(root, `case-${counter++}`);
  await mkdir(dir);
  return dir;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'anp-write-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates the file and leaves no temp file behind', async () => {
    const dir = await freshDir();
    await writeFileAtomic(path.join(dir, 'out.json'), '{"a":1}\n');
    expect(await readFile(path.join(dir, 'out.json'), 'utf8')).toBe('{"a":1}\n');
    expect(await readdir(dir)).toEqual(['out.json']);
  });

  it('replaces an existing file whole, keeping its permissions', async () => {
    const dir = await freshDir();
    const target = path.join(dir, 'report.txt');
    await writeFile(target, 'old content that is longer than the new one');
    await chmod(target, 0o640);
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect((await stat(target)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['report.txt']);
  });

  it('fails when the folder does not exist, creating nothing', async () => {
    const dir = await freshDir();
    await expect(writeFileAtomic(path.join(dir, 'no', 'out.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails when the target is a folder, and removes its temp file', async () => {
    const dir = await freshDir();
    await mkdir(path.join(dir, 'out.json'));
    await expect(writeFileAtomic(path.join(dir, 'out.json'), 'x')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['out.json']);
    expect((await stat(path.join(dir, 'out.json'))).isDirectory()).toBe(true);
  });

  it('writes into a device in place instead of renaming over it', async () => {
    await writeFileAtomic('/dev/null', 'discarded');
    expect((await stat('/dev/null')).isCharacterDevice()).toBe(true);
  });

  it('names temp files beside the target, hidden', () => {
    const temp = tempPathFor('/x/y/out.json');
    expect(path.dirname(temp)).toBe('/x/y');
    expect(path.basename(temp)).toMatch(/^\.out\.json\.\d+\.[0-9a-f]{8}\.tmp$/);
  });
});

describe('openAtomicWriter', () => {
  it('leaves the old file in place until commit, then swaps in everything written', async () => {
    const dir = await freshDir();
    const target = path.join(dir, 'posts.ndjson');
    await writeFile(target, 'old\n');
    const writer = await openAtomicWriter(target);
    const line = `${JSON.stringify({ text: 'x'.repeat(1000) })}\n`;
    for (let i = 0; i < 300; i++) await writer.write(line); // ~300 KB: several flushes
    expect(await readFile(target, 'utf8')).toBe('old\n');
    expect((await readdir(dir)).length).toBe(2); // the target and its temp file
    await writer.commit();
    expect(await readFile(target, 'utf8')).toBe(line.repeat(300));
    expect(await readdir(dir)).toEqual(['posts.ndjson']);
  });

  it('on abort removes the temp file and keeps the old target', async () => {
    const dir = await freshDir();
    const target = path.join(dir, 'posts.ndjson');
    await writeFile(target, 'old\n');
    const writer = await openAtomicWriter(target);
    await writer.write('x'.repeat(200_000));
    await writer.abort();
    expect(await readFile(target, 'utf8')).toBe('old\n');
    expect(await readdir(dir)).toEqual(['posts.ndjson']);
  });

  it('refuses writes after commit', async () => {
    const dir = await freshDir();
    const writer = await openAtomicWriter(path.join(dir, 'a'));
    await writer.commit();
    await expect(writer.write('late')).rejects.toThrow(/write after close/);
  });
});

describe('outputs', () => {
  it('streamOutput delivers every chunk in order, waiting for drain under backpressure', async () => {
    const stream = new PassThrough({ highWaterMark: 1024 });
    const received: Buffer[] = [];
    const output = streamOutput(stream);
    const writing = (async () => {
      for (let i = 0; i < 50; i++) await output.write(`${i}:${'y'.repeat(10_000)}\n`);
      await output.close();
      stream.end();
    })();
    // Read slowly, so writes really hit the high-water mark.
    for await (const chunk of stream) {
      received.push(chunk as Buffer);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await writing;
    const expected = Array.from({ length: 50 }, (_, i) => `${i}:${'y'.repeat(10_000)}\n`).join('');
    expect(Buffer.concat(received).toString()).toBe(expected);
  });

  it('fileOutput is atomic: nothing at the target before close', async () => {
    const dir = await freshDir();
    const target = path.join(dir, 'out.json');
    const output = await fileOutput(target);
    await output.write('[1]');
    await expect(stat(target)).rejects.toMatchObject({ code: 'ENOENT' });
    await output.close();
    expect(await readFile(target, 'utf8')).toBe('[1]');
  });
});
