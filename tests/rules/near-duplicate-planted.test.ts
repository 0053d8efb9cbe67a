/**
 * near-duplicate-article against planted edits (bench/planted.ts, small): copies of bench
 * articles with words replaced, sentences swapped, paragraphs dropped or appended. The full
 * run (10,000 articles) is `node dist-bench/bench/planted.js`; figures in docs/benchmark.md.
 */
import { describe, expect, it } from 'vitest';
import { plantedCorpus, scorePlanted } from '../../bench/planted.js';

describe('near-duplicate-article on planted near-duplicates (600 articles)', () => {
  it('finds the planted pairs and reports nothing else', () => {
    const corpus = plantedCorpus(600, 3);
    expect(corpus.articles).toHaveLength(600);
    expect(corpus.pairs).toHaveLength(300);
    const score = scorePlanted(corpus);
    // Enough pairs in each band for the figures to mean something.
    expect(score.pairs.high).toBeGreaterThanOrEqual(20);
    expect(score.pairs.band).toBeGreaterThanOrEqual(20);
    expect(score.pairs.below).toBeGreaterThanOrEqual(100);
    expect(score.recallHigh).toBeGreaterThanOrEqual(0.95);
    expect(score.recallBand).toBeGreaterThanOrEqual(0.9);
    expect(score.precision).toBeGreaterThanOrEqual(0.97);
    expect(score.plantedShare).toBe(1);
    expect(score.lowestReportedJaccard).toBeGreaterThanOrEqual(0.6);
  });

  it('is deterministic: the same seed gives the same corpus and pairs', () => {
    const a = plantedCorpus(40, 5);
    const b = plantedCorpus(40, 5);
    expect(b.pairs).toEqual(a.pairs);
    expect(b.articles.map((article) => article.text)).toEqual(a.articles.map((article) => article.text));
    expect(plantedCorpus(40, 6).pairs).not.toEqual(a.pairs);
  });
});
