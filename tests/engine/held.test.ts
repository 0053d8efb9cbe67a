/** HeldResults: results kept serialised for the corpus phase, in memory or spilled to a temporary file. */
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { HeldResults } from '../../src/engine/held.js';
import type { FileResult } from '../../src/model/finding.js';

function result(index: number): FileResult {
  return {
    file: `post-${index}.txt`,
    errorCount: index % 2,
    warningCount: 1,
    findings: [
      { ruleId: 'stale-review', severity: 'warn', message: `stale ${'x'.repeat(index % 50)}`, file: `post-${index}.txt`, line: index + 1, related: [{ line: 1, message: 'first' }] },
      ...(index % 2 ? [{ ruleId: 'meta-missing', severity: 'error' as const, message: 'no meta', file: `post-${index}.txt`, line: 1, fix: { edits: [{ line: 1, column: 1, endLine: 1, endColumn: 2, text: 'é' }] } }] : []),
    ],
    ...(index % 7 === 0 ? { output: `fixed ${index}\n` } : {}),
  };
}

const spilled = () => readdirSync(tmpdir()).filter((name) => name.startsWith('anp-held-'));

describe('HeldResults', () => {
  it('gives the results back in order, equal, from memory', () => {
    const held = new HeldResults();
    const results = Array.from({ length: 50 }, (_, i) => result(i));
    for (const r of results) held.push(r);
    expect(held.length).toBe(50);
    expect([...held.drain()]).toEqual(results);
  });

  it('spills to a temporary file past its threshold, reads it back in order, and removes it', () => {
    const before = new Set(spilled());
    const held = new HeldResults(2000);
    const results = Array.from({ length: 300 }, (_, i) => result(i));
    for (const r of results) held.push(r);
    const mine = spilled().filter((name) => !before.has(name));
    expect(mine).toHaveLength(1);
    expect([...held.drain()]).toEqual(results);
    expect(existsSync(`${tmpdir()}/${mine[0]!}`)).toBe(false);
  });

  it('removes the file when the reader stops early', () => {
    const before = new Set(spilled());
    const held = new HeldResults(100);
    for (let i = 0; i < 20; i++) held.push(result(i));
    for (const r of held.drain()) {
      expect(r.file).toBe('post-0.txt');
      break;
    }
    expect(spilled().filter((name) => !before.has(name))).toEqual([]);
  });
});
