/**
 * `node dist-tools/tools/score-corpus.js [real-articles|real-articles-more] [--verbose N]`:
 * parses every labelled article, lints it for duplicates, and prints the confusion table
 * and the article-level figures. The development loop of the line classifier.
 */
import { parsePost } from '../src/parser/index.js';
import { lintPost } from '../src/engine/runner.js';
import { builtinRules } from '../rules/index.js';
import { readArticles } from './corpus.js';
import { formatSummary, scoreArticle, summarise } from './score.js';

const args = process.argv.slice(2);
const folder = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'real-articles';
const verboseAt = args.indexOf('--verbose');
const verbose = verboseAt >= 0 ? Number(args[verboseAt + 1] ?? 10) : 0;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

const duplicateRules = builtinRules.filter((rule) => rule.meta.id === 'duplicate-paragraph' || rule.meta.id === 'duplicate-code-block');
const articles = readArticles(folder).filter((a) => !only || a.name.includes(only));
const scores = articles.map((article) => {
  const post = parsePost(article.text, { file: `${article.name}.txt` });
  const findings = lintPost({ file: post.file, post, input: { invalidUtf8Lines: [] } }, duplicateRules, new Map(), new Date('2026-01-01'));
  return scoreArticle(article, post, findings.map((f) => ({ ruleId: f.ruleId, line: f.line })));
});
console.log(formatSummary(folder, summarise(scores)));
if (verbose > 0) {
  let shown = 0;
  for (const score of scores) {
    if (score.headingsRight && score.paragraphsRight && score.codeRight && score.falseDuplicates.length === 0) continue;
    if (shown++ >= verbose) break;
    console.log(`\n## ${score.name} lines ${score.linesRight}/${score.lines}`);
    if (!score.headingsRight) console.log('  headings got', JSON.stringify(score.detail.headings[0]), '\n  want', JSON.stringify(score.detail.headings[1]));
    if (!score.paragraphsRight) console.log('  paragraphs got', score.detail.paragraphs[0], 'want', score.detail.paragraphs[1]);
    if (!score.codeRight) console.log('  code got', JSON.stringify(score.detail.code[0]), '\n  want', JSON.stringify(score.detail.code[1]));
    if (score.falseDuplicates.length) console.log('  false duplicates', score.falseDuplicates.join(', '));
  }
}

if (args.includes('--errors')) {
  const { predictedLabels } = await import('./score.js');
  const { isHeldOut } = await import('./fit-classifier.js');
  for (const article of articles) {
    if (folder === 'real-articles-more' && !isHeldOut(article.name)) continue;
    const post = parsePost(article.text, { file: article.name });
    const lines = article.text.split('\n');
    const predicted = predictedLabels(post, article.labels.length - 1);
    for (let line = 1; line < article.labels.length; line++) {
      const truth = article.labels[line];
      if (truth === undefined || truth === predicted[line]) continue;
      const before = lines[line - 2] ?? '';
      console.log(`${article.name}:${line} ${truth}>${predicted[line]}  | ${lines[line - 1]!.slice(0, 140)}   <<prev: ${before.slice(0, 60)}`);
    }
  }
}
