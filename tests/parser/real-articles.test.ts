/**
 * The parser on real articles (../shared/corpora/real-articles: 115 tutorials and blog posts
 * of three sites, with line-level ground truth from their Markdown). Never fitted on: the
 * classifier's weights come from real-articles-more and generated articles. Prints the line
 * confusion table and the article-level figures, and holds the parser to its floors.
 */
import { describe, expect, it } from 'vitest';
import { parsePost } from '../../src/parser/index.js';
import { lintPost } from '../../src/engine/runner.js';
import { builtinRules } from '../../rules/index.js';
import { readArticles } from '../../tools/corpus.js';
import { formatSummary, scoreArticle, summarise } from '../../tools/score.js';
import { splitLines } from '../../src/parser/lines.js';
import { unaccountedLines } from './accounting.js';

const articles = readArticles('real-articles');
const duplicateRules = builtinRules.filter((rule) => rule.meta.id === 'duplicate-paragraph' || rule.meta.id === 'duplicate-code-block');

describe.runIf(articles.length > 0)('real articles', () => {
  const scores = articles.map((article) => {
    const post = parsePost(article.text, { file: `${article.name}.txt` });
    const findings = lintPost({ file: post.file, post, input: { invalidUtf8Lines: [] } }, duplicateRules, new Map(), new Date('2026-11-23T00:00:00Z'));
    return { post, article, score: scoreArticle(article, post, findings.map((f) => ({ ruleId: f.ruleId, line: f.line }))) };
  });
  const summary = summarise(scores.map((s) => s.score));

  it('labels lines and reads articles at least as well as measured when the classifier landed', () => {
    console.log(formatSummary('real-articles', summary));
    // Measured last: lines 99.1%, headings 85.2%, paragraphs 84.3%, code 87.8% (the issue
    // asks for 98% of lines and 85% of articles per field: paragraphs are one article short).
    // The floors sit a little below, so a refit's noise passes and a regression does not;
    // raise them as the classifier improves.
    expect(summary.lineAccuracy).toBeGreaterThanOrEqual(0.985);
    expect(summary.headings).toBeGreaterThanOrEqual(0.85);
    expect(summary.paragraphs).toBeGreaterThanOrEqual(0.82);
    expect(summary.code).toBeGreaterThanOrEqual(0.88);
  });

  it('gives few duplicate findings that the ground truth does not list', () => {
    const wrong = scores.flatMap((s) => s.score.falseDuplicates.map((key) => `${s.article.name}: ${key}`));
    expect(wrong.length, wrong.join('\n')).toBeLessThanOrEqual(6);
  });

  it('accounts for every non-blank line exactly once', () => {
    for (const { post, article } of scores) expect(unaccountedLines(post, splitLines(article.text)), article.name).toEqual([]);
  });
});
