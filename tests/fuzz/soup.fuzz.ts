/** Token soup: lines of format tokens and noise, each ended by \n, \r\n or \r (mixed). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDocument, recordCount, TOKENS , runsFor } from './harness.js';

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);
const lineBreak = fc.constantFrom('\n', '\r\n', '\r');
const line = fc.tuple(fc.array(token, { maxLength: 10 }), fc.constantFrom(' ', '', '  ', '\t'), lineBreak).map(([tokens, glue, br]) => tokens.join(glue) + br);
const soup = fc.tuple(fc.array(line, { maxLength: 50 }), fc.boolean()).map(([lines, trailing]) => {
  const text = lines.join('');
  return trailing ? text : text.replace(/(\r\n|\r|\n)$/, '');
});

describe('fuzz: token soup', () => {
  it(`${runsFor('soup')} documents: no throw, valid export, positions in range, deterministic`, () => {
    const started = performance.now();
    let runs = 0;
    fc.assert(
      fc.property(soup, (text) => {
        runs++;
        expect(checkDocument(text)).toBeNull();
      }),
      { numRuns: runsFor('soup') },
    );
    recordCount('fuzz-soup', 'fuzz', runs, performance.now() - started);
  });
});
