/**
 * Code in any language: every program of ../shared/corpora/code-snippets (highlight.js's
 * detection samples, 190+ languages) pasted unfenced between two paragraphs under a heading,
 * as the corpus README describes. It must come back as one code block, with the article's
 * heading and paragraphs intact. The final model was fitted with every snippet inside
 * generated articles, so this checks what it learned; the figure for programs it had not
 * seen is the held-out one the fitting script prints (`npm run fit-classifier`: the odd
 * half, kept out while choosing the model's settings, 84-92%).
 */
import { describe, expect, it } from 'vitest';
import { PROSE_SNIPPETS, readSnippets } from '../../tools/corpus.js';
import { readsAsOneBlock } from '../../tools/snippets.js';

const snippets = readSnippets();

/** Programs whose lines a reader would also take for prose or for a list (see the corpus README). */
const ACCEPTED: Record<string, string> = {
  // Filled from measurement: each with its reason.
};

describe.runIf(snippets.length > 0)('code in any language', () => {
  it('reads at least 98% of the programs as one code block with the article intact', () => {
    const programs = snippets.filter((s) => !PROSE_SNIPPETS.has(s.language));
    const results = programs.map((snippet, index) => ({ snippet, index, ...readsAsOneBlock(snippet.text) }));
    const failed = results.filter((r) => !r.ok && !(r.snippet.language in ACCEPTED));
    const rate = (rs: typeof results) => rs.filter((r) => r.ok).length / Math.max(1, rs.length);
    console.log(
      `code snippets: ${results.filter((r) => r.ok).length}/${results.length} as one block ` +
        `(even half ${(rate(results.filter((r) => r.index % 2 === 0)) * 100).toFixed(1)}%, ` +
        `odd half ${(rate(results.filter((r) => r.index % 2 === 1)) * 100).toFixed(1)}%)\n` +
        failed.map((r) => `  ${r.snippet.language}: ${r.why}`).join('\n'),
    );
    expect(rate(results)).toBeGreaterThanOrEqual(0.98);
  });
});
