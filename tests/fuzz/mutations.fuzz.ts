/** Line-level mutations of the sample articles (fixtures/samples/*.txt), with every line ending. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDocument, mutateLines, mutation, readTexts, recordCount, REPO_ROOT, RUNS_PER_FILE } from './harness.js';

const samples = readTexts(path.join(REPO_ROOT, 'fixtures', 'samples'));

describe('fuzz: mutated samples', () => {
  it(`${RUNS_PER_FILE} documents: no throw, valid export, positions in range, deterministic`, () => {
    expect(samples.length).toBeGreaterThan(0);
    const started = performance.now();
    let runs = 0;
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), (pick, mutations, br) => {
        runs++;
        const lines = samples[pick % samples.length]!.split(/\r\n|\r|\n/);
        expect(checkDocument(mutateLines(lines, mutations).join(br))).toBeNull();
      }),
      { numRuns: RUNS_PER_FILE },
    );
    recordCount('fuzz-samples', 'fuzz', runs, performance.now() - started);
  });
});
