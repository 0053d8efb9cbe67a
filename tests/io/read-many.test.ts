import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readSources } from '../../src/io/read-many.js';

let dir: string;
const names = Array.from({ length: 40 }, (_, i) => `f${String(i).padStart(2, '0')}.txt`);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'anp-readmany-'));
  for (const [i, name] of names.entries()) {
    // Every 7th file is binary; sizes vary.
    await writeFile(path.join(dir, name), i % 7 === 3 ? Buffer.from([0x61, 0]) : `file ${i}\n`.repeat((i * 37) % 500 + 1));
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readSources', () => {
  it('yields every file once, in the order given, with its own content', () => {
    const seen: string[] = [];
    for (const { file, source } of readSources([...names, 'missing.txt'], { cwd: dir })) {
      seen.push(file);
      const i = names.indexOf(file);
      if (i === -1) {
        expect(source).toMatchObject({ kind: 'unreadable', reason: 'read-error' });
      } else if (i % 7 === 3) {
        expect(source).toMatchObject({ kind: 'unreadable', reason: 'binary' });
      } else {
        expect(source.kind === 'text' && source.text.startsWith(`file ${i}\n`)).toBe(true);
      }
    }
    expect(seen).toEqual([...names, 'missing.txt']);
  });

  it('passes maxBytes through', () => {
    const results = [];
    for (const entry of readSources(['f01.txt'], { cwd: dir, maxBytes: 3 })) results.push(entry.source);
    expect(results).toEqual([expect.objectContaining({ kind: 'unreadable', reason: 'too-large' })]);
  });
});
