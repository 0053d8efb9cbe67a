/**
 * Byte flips: samples and snippets as bytes with random bytes overwritten, inserted or
 * removed (broken UTF-8, stray CRs, NULs), decoded the way a file is read.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDocument, readTexts, recordCount, REPO_ROOT, SNIPPETS_DIR , runsFor } from './harness.js';

const sources = [...readTexts(path.join(REPO_ROOT, 'fixtures', 'samples')), ...readTexts(SNIPPETS_DIR)].map((text) => Buffer.from(text));

const flip = fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), how: fc.constantFrom('set', 'insert', 'delete', 'xor') });

describe('fuzz: byte flips', () => {
  it(`${runsFor('bytes')} documents: no throw, valid export, positions in range, deterministic`, () => {
    expect(sources.length).toBeGreaterThan(0);
    const started = performance.now();
    let runs = 0;
    fc.assert(
      fc.property(fc.nat(), fc.array(flip, { minLength: 1, maxLength: 16 }), (pick, flips) => {
        runs++;
        let bytes = Buffer.from(sources[pick % sources.length]!);
        for (const { at, byte, how } of flips) {
          const i = bytes.length === 0 ? 0 : at % bytes.length;
          if (how === 'set' && bytes.length > 0) bytes[i] = byte;
          else if (how === 'xor' && bytes.length > 0) bytes[i] = bytes[i]! ^ (1 << (byte % 8));
          else if (how === 'insert') bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from([byte]), bytes.subarray(i)]);
          else if (how === 'delete') bytes = Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)]);
        }
        expect(checkDocument(new Uint8Array(bytes))).toBeNull();
      }),
      { numRuns: runsFor('bytes') },
    );
    recordCount('fuzz-bytes', 'fuzz', runs, performance.now() - started);
  });
});
