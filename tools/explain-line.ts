/**
 * `node dist-tools/tools/explain-line.js FILE LINE`: what the classifier saw on one line of
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
const contributions: Array<[string, number[]]> = [];
for (let k = stacked.offsets[i]!; k < stacked.offsets[i + 1]!; k++) {
  const id = stacked.ids[k]!;
  contributions.push([name(id), LABELS.map((_, l) => MODEL.stackedWeights[id * LABEL_COUNT + l]!)]);
}
for (const [label, index] of [['heading', 0], ['paragraph', 1]] as const) {
  const sorted = [...contributions].sort((a, b) => (b[1][index]! - b[1][1 - index]!) - (a[1][index]! - a[1][1 - index]!));
  console.log(`\nfor ${label} over ${index === 0 ? 'paragraph' : 'heading'}:`);
  for (const [feature, weights] of sorted.slice(0, 10)) console.log(`  ${(weights[index]! - weights[1 - index]!).toFixed(2).padStart(6)}  ${feature}`);
}
