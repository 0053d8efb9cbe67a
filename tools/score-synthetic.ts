/**
 * `node dist-tools/tools/score-synthetic.js [count]`: generated articles of the samples' kind
 * that were not fitted on (seeds from 100,001, the odd-numbered snippets): the share of
 * articles whose every line is read right, and the lines that are not.
 */
import { parsePost } from '../src/parser/index.js';
import { readSnippets, PROSE_SNIPPETS } from './corpus.js';
import { predictedLabels } from './score.js';
import { syntheticArticle } from './synthetic.js';

const count = Number(process.argv[2] ?? 300);
const snippets = readSnippets().filter((s) => !PROSE_SNIPPETS.has(s.language)).filter((_, i) => i % 2 === 1);
let perfect = 0;
let lines = 0;
let right = 0;
const wrong: string[] = [];
for (let seed = 100_001; seed < 100_001 + count; seed++) {
  const article = syntheticArticle(seed, snippets);
  const post = parsePost(article.text, { file: article.name });
  const predicted = predictedLabels(post, article.labels.length - 1);
  const text = article.text.split('\n');
  let ok = true;
  for (let line = 1; line < article.labels.length; line++) {
    const truth = article.labels[line];
    if (truth === undefined) continue;
    lines++;
    if (truth === predicted[line]) right++;
    else {
      ok = false;
      if (wrong.length < 40) wrong.push(`${article.name}:${line} ${truth}>${predicted[line]} | ${text[line - 1]!.slice(0, 100)}`);
    }
  }
  if (ok) perfect++;
}
console.log(`generated: ${count} articles, every line right in ${((perfect / count) * 100).toFixed(1)}%, lines ${((right / lines) * 100).toFixed(2)}%`);
if (process.argv.includes('--errors')) console.log(wrong.join('\n'));
