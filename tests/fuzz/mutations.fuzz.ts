/** Line-level mutations of the sample articles (fixtures/samples/*.txt), with every line ending. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDocument, mutateLines, mutation, readTexts, recordCount, REPO_ROOT , runsFor } from './harness.js';

const samples = readTexts(path.join(REPO_ROOT, 'fixtures', 'samples'));

describe('fuzz: mutated samples', () => {
  it(`${runsFor('samples')} documents: no throw, valid export, positions in range, deterministic`, () => {
    expect(samples.length).toBeGreaterThan(0);
    const started = performance.now();
    let runs = 0;
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), (pick, from, size, mutations, br) => {
        runs++;
        // A whole article, or a stretch of it (a page cut off at either end): half the cost on average.
        const all = samples[pick % samples.length]!.split(/\r\n|\r|\n/);
        const whole = size % 3 === 0;
        const start = whole ? 0 : from % all.length;
        const lines = whole ? all : all.slice(start, start + 10 + (size % all.length));
        expect(checkDocument(mutateLines(lines, mutations).join(br))).toBeNull();
      }),
      { numRuns: runsFor('samples') },
    );
    recordCount('fuzz-samples', 'fuzz', runs, performance.now() - started);
  });
});
