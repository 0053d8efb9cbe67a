/**
 * Line-level mutations of the code-snippet corpus (../shared/corpora/code-snippets), pasted
 * into an article the way scraped pages carry code: between prose, with every line ending.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDocument, mutateLines, mutation, readTexts, recordCount, SNIPPETS_DIR , runsFor } from './harness.js';

const snippets = readTexts(SNIPPETS_DIR);
const prose = ['why this matters', 'a paragraph of prose that ends like a sentence should end.', 'implementation checklist', '  • check permissions'];

describe.skipIf(snippets.length === 0)(`fuzz: mutated code snippets (${SNIPPETS_DIR})`, () => {
  it(`${runsFor('snippets')} documents: no throw, valid export, positions in range, deterministic`, () => {
    const started = performance.now();
    let runs = 0;
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (pick, mutations, br, wrap) => {
        runs++;
        const lines = mutateLines(snippets[pick % snippets.length]!.split(/\r\n|\r|\n/), mutations);
        const doc = wrap ? [prose[0]!, '', prose[1]!, '', ...lines, '', prose[2]!, prose[3]!] : lines;
        expect(checkDocument(doc.join(br))).toBeNull();
      }),
      { numRuns: runsFor('snippets') },
    );
    recordCount('fuzz-snippets', 'fuzz', runs, performance.now() - started);
  });
});
