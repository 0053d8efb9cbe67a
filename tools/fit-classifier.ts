/**
 * Fits the line classifier and writes src/parser/model-weights.ts.
 *
 *   npm run fit-classifier            (build, fit, write, print the held-out figures)
 *
 * Data: the 973 articles of ../shared/corpora/real-articles-more (4 in 5 fit, 1 in 5 held
 * out, by a hash of the name), generated articles of the samples' kind (seeds 1..N) with
 * half of the code snippets embedded (the even-numbered ones; the odd ones are kept for
 * checking). ../shared/corpora/real-articles is never fitted on: it is the test set.
 *
 * Model: multinomial logistic regression on binary features (AdaGrad, L2), and label
 * transition log-probabilities counted from the same training lines, by gap kind. The
 * transition weight is chosen on the held-out articles.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitLines } from '../src/parser/lines.js';
import { scanLayout } from '../src/parser/layout.js';
import { bodyFeatures, decode, FEATURE_COUNT, LABEL_COUNT, Label, scoreLines, stackFeatures, STACKED_FEATURE_COUNT, useModel, addResidual } from '../src/parser/classifier.js';
import { parsePost } from '../src/parser/index.js';
import { scoreArticle, summarise } from './score.js';
import { bulletAt, Bullet, LOCAL_FEATURES, SHARED_FEATURES } from '../src/parser/features.js';
import { encodeFloats } from '../src/parser/model.js';
import { hash32 } from '../src/text/hash.js';
import { articleNames, projectRoot, readArticle, readSnippets, PROSE_SNIPPETS, type LabelledArticle } from './corpus.js';
import { syntheticArticle } from './synthetic.js';
import { readsAsOneBlock } from './snippets.js';

interface Example {
  features: ReturnType<typeof bodyFeatures>;
  count: number;
  /** Truth label per body line; 255 = not scored (a line the layout and the truth disagree on). */
  truth: Uint8Array;
}

export function toExample(article: LabelledArticle): Example {
  const lines = splitLines(article.text);
  const layout = scanLayout(lines);
  const features = bodyFeatures(lines, layout.body, layout.bodyCount);
  const truth = new Uint8Array(layout.bodyCount).fill(255);
  for (let i = 0; i < layout.bodyCount; i++) {
    const index = layout.body[i]!;
    const kind = article.labels[index + 1];
    if (kind === 'heading') truth[i] = Label.Heading;
    else if (kind === 'paragraph') truth[i] = Label.Paragraph;
    else if (kind === 'code') truth[i] = Label.Code;
    else if (kind === 'list') truth[i] = bulletAt(lines[index]!.trim()).kind !== Bullet.None ? Label.Item : Label.Paragraph;
  }
  return { features, count: layout.bodyCount, truth };
}

function gapKind(gap: number): number {
  return gap === -1 ? 2 : gap === 0 ? 0 : 1;
}

const HASHED_L2 = Number(process.env.ANP_FIT_HASHED_L2 ?? 30);

export function fit(examples: readonly Example[], epochs = 12, rate = 0.2, l2 = 1e-6, featureRows = FEATURE_COUNT): Float32Array {
  const K = LABEL_COUNT;
  const rows = featureRows + 1;
  const weights = new Float32Array(rows * K);
  const squares = new Float32Array(rows * K).fill(1e-8);
  const bias = featureRows * K;
  const order: Array<[number, number]> = [];
  examples.forEach((example, e) => {
    for (let i = 0; i < example.count; i++) if (example.truth[i] !== 255) order.push([e, i]);
  });
  const next = lcg(7);
  const probabilities = new Float64Array(K);
  const average = new Float32Array(rows * K);
  let averaged = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, next);
    let loss = 0;
    for (const [e, i] of order) {
      const example = examples[e]!;
      const { ids, offsets } = example.features;
      const truth = example.truth[i]!;
      for (let k = 0; k < K; k++) probabilities[k] = weights[bias + k]!;
      for (let a = offsets[i]!; a < offsets[i + 1]!; a++) {
        const row = ids[a]! * K;
        for (let k = 0; k < K; k++) probabilities[k]! += weights[row + k]!;
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, probabilities[k]!);
      let sum = 0;
      for (let k = 0; k < K; k++) sum += probabilities[k] = Math.exp(probabilities[k]! - max);
      for (let k = 0; k < K; k++) probabilities[k]! /= sum;
      loss -= Math.log(Math.max(1e-12, probabilities[truth]!));
      const update = (row: number) => {
        // Hashed words are many and sparse: they are held back harder, so the model leans on
        // evidence that carries over to languages and sites it has not seen.
        const feature = row / K;
        const decay = feature >= SHARED_FEATURES && feature < LOCAL_FEATURES ? l2 * HASHED_L2 : l2;
        for (let k = 0; k < K; k++) {
          const w = row + k;
          const gradient = probabilities[k]! - (k === truth ? 1 : 0) + decay * weights[w]!;
          squares[w]! += gradient * gradient;
          weights[w]! -= (rate * gradient) / Math.sqrt(squares[w]!);
        }
      };
      update(bias);
      for (let a = offsets[i]!; a < offsets[i + 1]!; a++) update(ids[a]! * K);
    }
    if (epoch === epochs - 1) process.stderr.write(`  fit: ${order.length} lines, final mean loss ${(loss / order.length).toFixed(4)}\n`);
    // Averaged SGD: the mean of the weights after each epoch of the second half is steadier
    // than the last epoch's (a refit then moves the figures less).
    if (epoch >= Math.floor(epochs / 2)) {
      for (let w = 0; w < weights.length; w++) average[w]! += weights[w]!;
      averaged++;
    }
  }
  for (let w = 0; w < weights.length; w++) average[w]! /= Math.max(1, averaged);
  return average;
}

/** log P(label | previous label, gap kind), add-one smoothed, from the truth sequences. */
export function countTransitions(examples: readonly Example[]): Float32Array {
  const K = LABEL_COUNT;
  const counts = new Float64Array(3 * K * K).fill(1);
  for (const example of examples) {
    for (let i = 1; i < example.count; i++) {
      const a = example.truth[i - 1]!;
      const b = example.truth[i]!;
      if (a === 255 || b === 255) continue;
      counts[gapKind(example.features.gapBefore[i]!) * K * K + a * K + b]!++;
    }
  }
  const out = new Float32Array(3 * K * K);
  for (let g = 0; g < 3; g++) {
    for (let a = 0; a < K; a++) {
      let total = 0;
      for (let b = 0; b < K; b++) total += counts[g * K * K + a * K + b]!;
      for (let b = 0; b < K; b++) out[g * K * K + a * K + b] = Math.log(counts[g * K * K + a * K + b]! / total);
    }
  }
  return out;
}

/** Fisher-Yates, with the fit's own seeded generator (the fit is deterministic). */
function shuffle<T>(items: T[], next: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  }
}

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Line accuracy of the decoded labels on examples, with a given model. */
export function accuracy(examples: readonly Example[], model: Model, transitions: Float32Array, transitionWeight: number): number {
  let right = 0, total = 0;
  for (const example of examples) {
    const first = scoreLines(example.features, example.count, model.weights, FEATURE_COUNT);
    const stacked = stackFeatures(example.features, first, example.count);
    const scores = scoreLines(stacked, example.count, model.stackedWeights, STACKED_FEATURE_COUNT);
    const none = { ...stacked, ids: new Int32Array(0), offsets: new Int32Array(example.count + 1) };
    addResidual(stacked, none, scores, example.count, model);
    const labels = decode(scores, example.features.gapBefore, example.count, transitions, transitionWeight);
    for (let i = 0; i < example.count; i++) {
      if (example.truth[i] === 255) continue;
      total++;
      if (labels[i] === example.truth[i]) right++;
    }
  }
  return right / Math.max(1, total);
}

export function isHeldOut(name: string): boolean {
  return hash32(name) % 5 === 0;
}

interface Model { weights: Float32Array; stackedWeights: Float32Array; hidden: number; mlp: Float32Array }

/** Both models: the first on all examples, the second on the first's out-of-fold scores. */
function fitStacked(examples: readonly Example[], epochs: number, l2: number): Model {
  const folds = [examples.filter((_, i) => i % 2 === 0), examples.filter((_, i) => i % 2 === 1)];
  const foldModels = folds.map((fold) => fit(fold, epochs, 0.2, l2));
  const stacked: Example[] = examples.map((example, i) => {
    const other = foldModels[1 - (i % 2)]!;
    const scores = scoreLines(example.features, example.count, other, FEATURE_COUNT);
    return { features: stackFeatures(example.features, scores, example.count), count: example.count, truth: example.truth };
  });
  const stackedWeights = fit(stacked, epochs, 0.2, l2, STACKED_FEATURE_COUNT);
  const mlp = HIDDEN > 0 ? fitResidual(stacked, stackedWeights) : new Float32Array(0);
  return { weights: fit(examples, epochs, 0.2, l2), stackedWeights, hidden: HIDDEN, mlp };
}

// Off by default: on held-out articles it gained about 2 points of headings and paragraphs, but
// refits with it moved the test figures and the noise fixtures more than that (see docs).
const HIDDEN = Number(process.env.ANP_FIT_HIDDEN ?? 0);

/**
 * The residual network, fitted on top of the stacked model (whose weights stay fixed) on the
 * lines the stacked model is not sure of (probability of its best label under 0.98): AdaGrad
 * on the log-loss of softmax(stacked scores + network output).
 */
function fitResidual(stacked: readonly Example[], stackedWeights: Float32Array, epochs = 8, rate = 0.05, l2 = 1e-4): Float32Array {
  const H = HIDDEN;
  const K = LABEL_COUNT;
  const hiddenBias = STACKED_FEATURE_COUNT * H;
  const outBase = hiddenBias + H;
  const w = new Float32Array(outBase + (H + 1) * K);
  const squares = new Float32Array(w.length).fill(1e-8);
  const next = lcg(11);
  for (let i = 0; i < hiddenBias; i++) w[i] = (next() - 0.5) * 0.02;
  for (let i = outBase; i < outBase + H * K; i++) w[i] = (next() - 0.5) * 0.1;
  const order: Array<[number, number, Float32Array]> = [];
  stacked.forEach((example, e) => {
    const scores = scoreLines(example.features, example.count, stackedWeights, STACKED_FEATURE_COUNT);
    for (let i = 0; i < example.count; i++) {
      if (example.truth[i] === 255) continue;
      const at = i * K;
      if (Math.max(scores[at]!, scores[at + 1]!, scores[at + 2]!, scores[at + 3]!) >= Math.log(0.98)) continue;
      order.push([e, i, scores.slice(at, at + K)]);
    }
  });
  const hidden = new Float64Array(H);
  const gradHidden = new Float64Array(H);
  const probabilities = new Float64Array(K);
  const step = (index: number, gradient: number) => {
    const g = gradient + l2 * w[index]!;
    squares[index]! += g * g;
    w[index]! -= (rate * g) / Math.sqrt(squares[index]!);
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, next);
    let loss = 0;
    for (const [e, i, base] of order) {
      const example = stacked[e]!;
      const { ids, offsets } = example.features;
      for (let j = 0; j < H; j++) hidden[j] = w[hiddenBias + j]!;
      for (let a = offsets[i]!; a < offsets[i + 1]!; a++) {
        const row = ids[a]! * H;
        for (let j = 0; j < H; j++) hidden[j]! += w[row + j]!;
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        let out = base[k]! + w[outBase + H * K + k]!;
        for (let j = 0; j < H; j++) if (hidden[j]! > 0) out += hidden[j]! * w[outBase + j * K + k]!;
        probabilities[k] = out;
        if (out > max) max = out;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) sum += probabilities[k] = Math.exp(probabilities[k]! - max);
      const truth = example.truth[i]!;
      for (let k = 0; k < K; k++) probabilities[k]! /= sum;
      loss -= Math.log(Math.max(1e-12, probabilities[truth]!));
      // Backward: output layer, then the hidden layer's rows for the active ids.
      for (let j = 0; j < H; j++) {
        let g = 0;
        for (let k = 0; k < K; k++) g += (probabilities[k]! - (k === truth ? 1 : 0)) * w[outBase + j * K + k]!;
        gradHidden[j] = hidden[j]! > 0 ? g : 0;
      }
      for (let k = 0; k < K; k++) {
        const d = probabilities[k]! - (k === truth ? 1 : 0);
        step(outBase + H * K + k, d);
        for (let j = 0; j < H; j++) if (hidden[j]! > 0) step(outBase + j * K + k, d * hidden[j]!);
      }
      for (let j = 0; j < H; j++) if (gradHidden[j] !== 0) step(hiddenBias + j, gradHidden[j]!);
      for (let a = offsets[i]!; a < offsets[i + 1]!; a++) {
        const row = ids[a]! * H;
        for (let j = 0; j < H; j++) if (gradHidden[j] !== 0) step(row + j, gradHidden[j]!);
      }
    }
    if (epoch === epochs - 1) process.stderr.write(`  residual: ${order.length} unsure lines, final mean loss ${(loss / Math.max(1, order.length)).toFixed(4)}\n`);
  }
  return w;
}

function snippetRate(snippets: readonly { text: string }[], model: Model, transitions: Float32Array, transitionWeight: number): number {
  useModel({ featureCount: FEATURE_COUNT, weights: model.weights, stackedWeights: model.stackedWeights, transitions, transitionWeight, hidden: model.hidden, mlp: model.mlp });
  return snippets.filter((s) => readsAsOneBlock(s.text).ok).length / Math.max(1, snippets.length);
}

function articleFigures(articles: readonly LabelledArticle[], model: Model, transitions: Float32Array, transitionWeight: number) {
  useModel({ featureCount: FEATURE_COUNT, weights: model.weights, stackedWeights: model.stackedWeights, transitions, transitionWeight, hidden: model.hidden, mlp: model.mlp });
  const summary = summarise(articles.map((article) => scoreArticle(article, parsePost(article.text, { file: article.name }))));
  return summary;
}

function main(): void {
  const names = articleNames('real-articles-more');
  const snippets = readSnippets().filter((s) => !PROSE_SNIPPETS.has(s.language));
  const trainSnippets = snippets.filter((_, i) => i % 2 === 0);
  const checkSnippets = snippets.filter((_, i) => i % 2 === 1);
  const train: Example[] = [];
  const held: Example[] = [];
  const heldArticles: LabelledArticle[] = [];
  for (const name of names) {
    const article = readArticle('real-articles-more', name);
    if (isHeldOut(name)) {
      held.push(toExample(article));
      heldArticles.push(article);
    } else train.push(toExample(article));
  }
  const synthetic = Number(process.env.ANP_FIT_SYNTHETIC ?? 1200);
  for (let seed = 1; seed <= synthetic; seed++) train.push(toExample(syntheticArticle(seed, trainSnippets)));
  const heldSynthetic: Example[] = [];
  for (let seed = 100_001; seed <= 100_200; seed++) heldSynthetic.push(toExample(syntheticArticle(seed, checkSnippets)));
  process.stderr.write(`fitting on ${train.length} articles (${names.length - held.length} real, ${synthetic} generated); holding out ${held.length} real + ${heldSynthetic.length} generated\n`);

  const transitions = countTransitions(train);
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  let best = { score: -1, l2: 0, epochs: 0, transitionWeight: 0 };
  const grid = (process.env.ANP_FIT_GRID ?? '3e-4:10').split(',').map((cell) => cell.split(':').map(Number) as [number, number]);
  for (const [l2, epochs] of grid) {
    const model = fitStacked(train, epochs, l2);
    for (const transitionWeight of [0, 0.25, 0.5]) {
      const real = articleFigures(heldArticles, model, transitions, transitionWeight);
      const generated = accuracy(heldSynthetic, model, transitions, transitionWeight);
      const snippetsRead = snippetRate(checkSnippets, model, transitions, transitionWeight);
      // Chosen on what the parser is held to: the held-out real articles' lines and fields.
      // The generated articles and snippets are printed to watch, not to choose by.
      const score = real.lineAccuracy + real.headings + real.paragraphs + real.code;
      process.stderr.write(`l2 ${l2} epochs ${epochs} transitions ${transitionWeight}: held-out real lines ${pct(real.lineAccuracy)} headings ${pct(real.headings)} paragraphs ${pct(real.paragraphs)} code ${pct(real.code)}; generated lines ${pct(generated)}; held-out snippets ${pct(snippetsRead)}\n`);
      if (score > best.score) best = { score, l2, epochs, transitionWeight };
    }
  }
  process.stderr.write(`chosen: l2 ${best.l2}, ${best.epochs} epochs, transition weight ${best.transitionWeight}; refitting on all ${train.length + held.length} articles\n`);
  // ANP_FIT_NO_REFIT=1 keeps the model fitted without the held-out articles, to study its
  // errors on them (tools/score-corpus.js real-articles-more --errors).
  const all = process.env.ANP_FIT_NO_REFIT === '1' ? train : [...train, ...held];
  // The final model also sees the snippets that were held out while choosing (as it sees the
  // held-out real articles): the figures above are the honest ones for unseen code.
  if (process.env.ANP_FIT_NO_REFIT !== '1') {
    for (let seed = 200_001; seed <= 200_000 + Math.round(synthetic / 2); seed++) all.push(toExample(syntheticArticle(seed, checkSnippets)));
  }
  const model = fitStacked(all, best.epochs, best.l2);
  const allTransitions = countTransitions(all);
  const file = join(projectRoot(), 'src', 'parser', 'model-weights.ts');
  writeFileSync(
    file,
    [
      '/**',
      ' * The fitted line model: written by tools/fit-classifier.ts (`npm run fit-classifier`), do',
      ' * not edit. Weights are float32, base64; docs/classifier.md says what they mean.',
      ` * Fitted on ${all.length} articles (${names.length} real, the rest generated, with every snippet); L2 ${best.l2},`,
      ` * ${best.epochs} epochs and the transition weight chosen on ${held.length} held-out real articles.`,
      ' */',
      "import { decodeModel } from './model.js';",
      '',
      'export const MODEL = decodeModel({',
      `  featureCount: ${FEATURE_COUNT},`,
      `  transitionWeight: ${best.transitionWeight},`,
      `  transitions: '${encodeFloats(allTransitions)}',`,
      `  weights: '${encodeFloats(model.weights)}',`,
      `  stackedWeights: '${encodeFloats(model.stackedWeights)}',`,
      `  hidden: ${model.hidden},`,
      `  mlp: '${encodeFloats(model.mlp)}',`,
      '});',
      '',
    ].join('\n'),
  );
  process.stderr.write(`wrote ${file}\n`);
}

if (process.argv[1] && process.argv[1].endsWith('fit-classifier.js')) main();
