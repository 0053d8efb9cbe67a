/**
 * `node dist-tools/tools/explain-line.js FILE LINE [LABEL,LABEL]`: what the classifier saw on one line of
 * a file: both models' probabilities and the features that pushed hardest each way.
 */
import { readFileSync } from 'node:fs';
import { splitLines } from '../src/parser/lines.js';
import { scanLayout } from '../src/parser/layout.js';
import { bodyFeatures, CONTEXT_NAMES, FEATURE_COUNT, LABEL_COUNT, LABELS, scoreLines, stackFeatures, STACKED_FEATURE_COUNT } from '../src/parser/classifier.js';
import { LOCAL_FEATURES, LOCAL_NAMES, SHARED_FEATURES } from '../src/parser/features.js';
import { MODEL } from '../src/parser/model-weights.js';

const [file, lineArg] = process.argv.slice(2);
const lines = splitLines(readFileSync(file!, 'utf8'));
const layout = scanLayout(lines);
const target = Number(lineArg) - 1;
const i = Array.from(layout.body.subarray(0, layout.bodyCount)).indexOf(target);
if (i < 0) throw new Error(`line ${lineArg} is not a body line`);
const features = bodyFeatures(lines, layout.body, layout.bodyCount);
const first = scoreLines(features, layout.bodyCount, MODEL.weights, FEATURE_COUNT);
const stacked = stackFeatures(features, first, layout.bodyCount);
const second = scoreLines(stacked, layout.bodyCount, MODEL.stackedWeights, STACKED_FEATURE_COUNT);
const probabilities = (scores: Float32Array) => LABELS.map((label, k) => `${label} ${(Math.exp(scores[i * LABEL_COUNT + k]!) * 100).toFixed(1)}%`).join(', ');
console.log(`line ${lineArg}: ${lines[target]}\nmodel 1: ${probabilities(first)}\nmodel 2: ${probabilities(second)}`);

function name(id: number): string {
  if (id < LOCAL_FEATURES) return LOCAL_NAMES[id]!;
  const blocks = ['prev-adjacent', 'prev-separate', 'next-adjacent', 'next-separate', 'under-item', 'first-line', 'alone'];
  const offset = id - LOCAL_FEATURES;
  if (offset < blocks.length * SHARED_FEATURES) return `${blocks[Math.floor(offset / SHARED_FEATURES)]}/${LOCAL_NAMES[offset % SHARED_FEATURES]}`;
  const context = offset - blocks.length * SHARED_FEATURES;
  if (id < FEATURE_COUNT) return CONTEXT_NAMES[context] ?? `context#${context}`;
  return `stack#${id - FEATURE_COUNT}`;
}
// The pair of labels to weigh against each other (default heading,paragraph), e.g. `heading,code`.
const pair = (process.argv[4] ?? 'heading,paragraph').split(',').map((label) => LABELS.indexOf(label as (typeof LABELS)[number]));
if (pair.length !== 2 || pair.some((index) => index < 0)) throw new Error(`labels: two of ${LABELS.join(', ')}`);
for (const [model, ids, offsets, weights] of [
  ['model 1', features.ids, features.offsets, MODEL.weights],
  ['model 2', stacked.ids, stacked.offsets, MODEL.stackedWeights],
] as const) {
  const contributions: Array<[string, number]> = [];
  for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
    const id = ids[k]!;
    contributions.push([name(id), weights[id * LABEL_COUNT + pair[0]!]! - weights[id * LABEL_COUNT + pair[1]!]!]);
  }
  contributions.sort((a, b) => b[1] - a[1]);
  for (const [label, sign, list] of [[LABELS[pair[0]!], 1, contributions.slice(0, 10)], [LABELS[pair[1]!], -1, contributions.slice(-10).reverse()]] as const) {
    console.log(`\n${model}: for ${label} over ${LABELS[pair[sign === 1 ? 1 : 0]!]}:`);
    for (const [feature, weight] of list) console.log(`  ${(weight * sign).toFixed(2).padStart(6)}  ${feature}`);
  }
}
