/**
 * `node dist-bench/bench/linear.js`: parse time against input size. One article of 1 MB and
 * one of 4 MB, built by joining real articles (../shared/corpora/real-articles-more, else
 * generated ones), each parsed 7 times in this process; the medians and their ratio are
 * printed. Linear parsing gives a ratio near 4; anything quadratic shows at once.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parsePost } from '../src/parser/index.js';
import { generateArticle } from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = [path.resolve(here, '../../../shared/corpora/real-articles-more/articles'), path.resolve(here, '../../shared/corpora/real-articles-more/articles')].find(existsSync);
const parts = corpus
  ? readdirSync(corpus).filter((name) => name.endsWith('.txt')).sort().map((name) => readFileSync(path.join(corpus, name), 'utf8'))
  : Array.from({ length: 200 }, (_, seed) => generateArticle(seed + 1, { noiseRate: 0, degenerateRate: 0 }).bytes.toString('utf8'));

function article(bytes: number): string {
  const chunks: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = parts[i % parts.length]!;
    chunks.push(part);
    size += part.length + 1;
  }
  return chunks.join('\n').slice(0, bytes);
}

function median(text: string): number {
  const times: number[] = [];
  for (let run = 0; run < 7; run++) {
    const start = performance.now();
    parsePost(text, { file: 'linear.txt' });
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[3]!;
}

const one = article(1 << 20);
const four = article(4 << 20);
median(one);
median(four);
const a = median(one);
const b = median(four);
process.stdout.write(`source: ${corpus ? 'real articles' : 'generated articles'}\n1 MB: ${a.toFixed(0)} ms, 4 MB: ${b.toFixed(0)} ms, ratio ${(b / a).toFixed(2)} (linear: about 4)\n`);
