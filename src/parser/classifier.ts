/**
 * Labels every body line as a heading, a paragraph, code or a list item.
 *
 * 1. Evidence: each line gets its local features (features.ts) and a copy of its
 *    neighbours' (the previous and the next body line, kept apart by whether a blank line
 *    separates them), plus context: blank lines around it, indentation against its
 *    neighbours and against an open list item, the size of the run of lines it sits in.
 * 2. Scores: a linear model (multinomial logistic regression, weights fitted by
 *    tools/fit-classifier.ts on labelled real articles and generated ones) turns the
 *    features into a log-probability per label.
 * 3. Sequence: a Viterbi decoder over the four labels picks the best path, adding the
 *    log-probability of each label change (fitted counts, by whether a blank line lies
 *    between), so a line that is neutral alone (`}`, `end`, a comment, `case x:`) takes the
 *    label of the block around it.
 *
 * Cost: one scan of each line's characters, then a few hundred additions per line; memory
 * is a handful of typed arrays sized by the line count. docs/classifier.md has the design.
 */
import { LOCAL_FEATURES, SHARED_FEATURES, bulletAt, indentWidth, localFeatures, Bullet } from './features.js';
import { MODEL as FITTED } from './model-weights.js';
import type { LineModel } from './model.js';
import { isIdeographic, isLowerNonAscii, wideToAscii } from './script.js';

let MODEL: LineModel = FITTED;

/** Replaces the model (the fitting script scores candidate weights with it). */
export function useModel(model: LineModel): void {
  MODEL = model;
}

export const enum Label { Heading, Paragraph, Code, Item }
export const LABELS = ['heading', 'paragraph', 'code', 'item'] as const;
export const LABEL_COUNT = 4;

const PREV_ADJACENT = LOCAL_FEATURES;
const PREV_SEPARATE = LOCAL_FEATURES + SHARED_FEATURES;
const NEXT_ADJACENT = LOCAL_FEATURES + 2 * SHARED_FEATURES;
const NEXT_SEPARATE = LOCAL_FEATURES + 3 * SHARED_FEATURES;
/** A copy of the line's own shared features when it sits under an open list item. */
const UNDER_ITEM = LOCAL_FEATURES + 4 * SHARED_FEATURES;
/** Copies for the first body line (a byline, or the first heading) and for a line alone between blank lines. */
const FIRST_LINE = LOCAL_FEATURES + 5 * SHARED_FEATURES;
const ALONE = LOCAL_FEATURES + 6 * SHARED_FEATURES;
const CONTEXT = LOCAL_FEATURES + 7 * SHARED_FEATURES;

export const CONTEXT_NAMES = [
  'gap-before:none', 'gap-before:0', 'gap-before:1', 'gap-before:2+',
  'gap-after:none', 'gap-after:0', 'gap-after:1', 'gap-after:2+',
  'indent-vs-prev:none', 'indent-vs-prev:same', 'indent-vs-prev:deeper', 'indent-vs-prev:shallower',
  'indent-vs-next:none', 'indent-vs-next:same', 'indent-vs-next:deeper', 'indent-vs-next:shallower',
  'run:1', 'run:2', 'run:3-5', 'run:6+', 'run-position:first', 'run-position:middle', 'run-position:last',
  'under-item', 'under-item-deeper', 'after-item', 'sibling-bullet', 'nested-bullet', 'first-body-line',
  'prev2-adjacent-run', 'next-is-bullet-same-kind', 'prev-is-bullet-same-kind', 'lone-bullet', 'sibling-any-bullet',
  'next-is-bullet', 'prev-is-bullet', 'number-continues', 'number-starts', 'number-jumps',
] as const;
const CTX = (name: (typeof CONTEXT_NAMES)[number]) => CONTEXT + CONTEXT_NAMES.indexOf(name);
// Looked up once: an indexOf per line would be paid for every line of every article.
const CTX_AFTER_ITEM = CTX('after-item');
const CTX_FIRST_BODY_LINE = CTX('first-body-line');
const CTX_LONE_BULLET = CTX('lone-bullet');
const CTX_NESTED_BULLET = CTX('nested-bullet');
const CTX_NEXT_IS_BULLET = CTX('next-is-bullet');
const CTX_NEXT_IS_BULLET_SAME_KIND = CTX('next-is-bullet-same-kind');
const CTX_NUMBER_CONTINUES = CTX('number-continues');
const CTX_NUMBER_JUMPS = CTX('number-jumps');
const CTX_NUMBER_STARTS = CTX('number-starts');
const CTX_PREV_IS_BULLET = CTX('prev-is-bullet');
const CTX_PREV_IS_BULLET_SAME_KIND = CTX('prev-is-bullet-same-kind');
const CTX_PREV2_ADJACENT_RUN = CTX('prev2-adjacent-run');
const CTX_SIBLING_ANY_BULLET = CTX('sibling-any-bullet');
const CTX_SIBLING_BULLET = CTX('sibling-bullet');
const CTX_UNDER_ITEM = CTX('under-item');
const CTX_UNDER_ITEM_DEEPER = CTX('under-item-deeper');

/** Total number of feature ids, and so the number of weight rows. */
export const FEATURE_COUNT = CONTEXT + CONTEXT_NAMES.length;

/** The features of every body line: ids of line i are ids[offsets[i] .. offsets[i+1]). */
export interface BodyFeatures {
  ids: Int32Array;
  offsets: Int32Array;
  /** Blank-line gap before each body line: -1 at the start or after a non-body line. */
  gapBefore: Int32Array;
  indents: Int32Array;
}

const MAX_LOCAL_PER_LINE = 160;

/**
 * Features of the body lines `body[0..count)` of `lines`. `roles` tells which lines are
 * body lines (so a figure or fence between two body lines separates them).
 */
export function bodyFeatures(lines: readonly string[], body: Int32Array, count: number): BodyFeatures {
  // Local features first, for every line: the neighbours' copies read them.
  const local = new Int32Array(Math.max(1, count * 48));
  const localOffsets = new Int32Array(count + 1);
  let localBuffer = local;
  const scratch = new Int32Array(MAX_LOCAL_PER_LINE);
  const indents = new Int32Array(count);
  const tabs = new Uint8Array(count);
  const bullets = new Int8Array(count);
  const bulletText = new Int32Array(count); // where a bullet line's text starts
  const numbers = new Int32Array(count); // the number of a `3.` / `3)` bullet, else 0
  const gapBefore = new Int32Array(count);
  let used = 0;
  for (let i = 0; i < count; i++) {
    const index = body[i]!;
    const raw = lines[index]!;
    const trimmed = raw.trim();
    const indent = indentWidth(raw);
    indents[i] = indent;
    tabs[i] = raw.charCodeAt(0) === 9 ? 1 : 0;
    const bullet = bulletAt(trimmed);
    bullets[i] = bullet.kind;
    bulletText[i] = bullet.textStart;
    if (bullets[i] === NUMBER_DOT || bullets[i] === NUMBER_PAREN) numbers[i] = leadingNumber(trimmed);
    const end = localFeatures(trimmed, indent, tabs[i] === 1, scratch, 0);
    if (used + end > localBuffer.length) {
      const grown = new Int32Array(Math.max(localBuffer.length * 2, used + end));
      grown.set(localBuffer.subarray(0, used));
      localBuffer = grown;
    }
    localBuffer.set(scratch.subarray(0, end), used);
    used += end;
    localOffsets[i + 1] = used;
    if (i === 0) gapBefore[i] = -1;
    else {
      const previous = body[i - 1]!;
      let gap = 0;
      let separated = false;
      for (let j = previous + 1; j < index; j++) {
        if (lines[j]!.trim().length === 0) gap++;
        else separated = true;
      }
      gapBefore[i] = separated ? -1 : gap;
    }
  }

  // Runs of adjacent lines (no blank line between): their size and each line's place.
  const runStart = new Int32Array(count);
  const runEnd = new Int32Array(count);
  for (let i = 0; i < count; i++) runStart[i] = i > 0 && gapBefore[i] === 0 ? runStart[i - 1]! : i;
  for (let i = count - 1; i >= 0; i--) runEnd[i] = i + 1 < count && gapBefore[i + 1] === 0 ? runEnd[i + 1]! : i;

  const ids = new Int32Array(Math.max(1, used * 6 + count * 16));
  const offsets = new Int32Array(count + 1);
  let n = 0;
  let itemIndent = -1; // marker indent of the open list item, -1 when none
  let itemContent = -1; // its content indent
  let itemKind = -1;
  for (let i = 0; i < count; i++) {
    const from = localOffsets[i]!;
    const to = localOffsets[i + 1]!;
    for (let k = from; k < to; k++) ids[n++] = localBuffer[k]!;
    if (i > 0 && gapBefore[i] !== -1) {
      const base = gapBefore[i] === 0 ? PREV_ADJACENT : PREV_SEPARATE;
      for (let k = localOffsets[i - 1]!; k < from; k++) {
        const id = localBuffer[k]!;
        if (id < SHARED_FEATURES) ids[n++] = base + id;
      }
    }
    const gapAfter = i + 1 < count ? gapBefore[i + 1]! : -1;
    if (gapAfter !== -1) {
      const base = gapAfter === 0 ? NEXT_ADJACENT : NEXT_SEPARATE;
      for (let k = to; k < localOffsets[i + 2]!; k++) {
        const id = localBuffer[k]!;
        if (id < SHARED_FEATURES) ids[n++] = base + id;
      }
    }
    const gap = gapBefore[i]!;
    ids[n++] = CONTEXT + (gap === -1 ? 0 : gap === 0 ? 1 : gap === 1 ? 2 : 3);
    ids[n++] = CONTEXT + 4 + (gapAfter === -1 ? 0 : gapAfter === 0 ? 1 : gapAfter === 1 ? 2 : 3);
    const indent = indents[i]!;
    if (i === 0 || gap === -1) ids[n++] = CONTEXT + 8;
    else ids[n++] = CONTEXT + 8 + compare(indent, indents[i - 1]!);
    if (gapAfter === -1) ids[n++] = CONTEXT + 12;
    else ids[n++] = CONTEXT + 12 + compare(indent, indents[i + 1]!);
    const run = runEnd[i]! - runStart[i]! + 1;
    ids[n++] = CONTEXT + 16 + (run === 1 ? 0 : run === 2 ? 1 : run <= 5 ? 2 : 3);
    if (run > 1) ids[n++] = CONTEXT + 20 + (i === runStart[i] ? 0 : i === runEnd[i] ? 2 : 1);

    // The open list item: a bullet opens one; a line at column 0 that is no bullet ends it.
    const bullet = bullets[i]!;
    if (bullet === NO_BULLET && indent === 0) itemIndent = -1;
    if (itemIndent >= 0 && bullet === NO_BULLET && indent > itemIndent) {
      ids[n++] = CTX_UNDER_ITEM;
      if (indent > itemContent) ids[n++] = CTX_UNDER_ITEM_DEEPER;
      // Prose and code under an item read differently from the same lines at the margin.
      for (let k = from; k < to; k++) {
        const id = localBuffer[k]!;
        if (id < SHARED_FEATURES) ids[n++] = UNDER_ITEM + id;
      }
    }
    if (i > 0 && bullets[i - 1] !== NO_BULLET && bullet === NO_BULLET) ids[n++] = CTX_AFTER_ITEM;
    if (bullet !== NO_BULLET) {
      if (itemIndent >= 0 && indent <= itemIndent + 1 && itemKind === bullet) ids[n++] = CTX_SIBLING_BULLET;
      else if (itemIndent >= 0 && indent >= itemContent) ids[n++] = CTX_NESTED_BULLET;
      const nextBullet = i + 1 < count ? bullets[i + 1]! : NO_BULLET;
      const previousBullet = i > 0 ? bullets[i - 1]! : NO_BULLET;
      if (nextBullet === bullet) ids[n++] = CTX_NEXT_IS_BULLET_SAME_KIND;
      if (previousBullet === bullet) ids[n++] = CTX_PREV_IS_BULLET_SAME_KIND;
      if (nextBullet !== bullet && previousBullet !== bullet) ids[n++] = CTX_LONE_BULLET;
      if (nextBullet !== NO_BULLET) ids[n++] = CTX_NEXT_IS_BULLET;
      if (previousBullet !== NO_BULLET) ids[n++] = CTX_PREV_IS_BULLET;
      if (itemIndent >= 0 && Math.abs(indent - itemIndent) <= 4) ids[n++] = CTX_SIBLING_ANY_BULLET;
      // Lists count up by one: `4.` after `3.` goes on, `1.` starts, `6.` after `3.` is
      // something else (a numbered heading after a numbered checklist).
      if (numbers[i]! > 0) {
        let previousNumber = 0;
        for (let j = i - 1; j >= 0 && j >= i - 40; j--) {
          if (numbers[j]! > 0 && Math.abs(indents[j]! - indent) <= 1) {
            previousNumber = numbers[j]!;
            break;
          }
        }
        if (previousNumber > 0 && numbers[i] === previousNumber + 1) ids[n++] = CTX_NUMBER_CONTINUES;
        else if (numbers[i] === 1) ids[n++] = CTX_NUMBER_STARTS;
        else ids[n++] = CTX_NUMBER_JUMPS;
      }
      itemIndent = indent;
      itemKind = bullet;
      itemContent = indent + bulletText[i]!;
    }
    if (i === 0) {
      ids[n++] = CTX_FIRST_BODY_LINE;
      for (let k = from; k < to; k++) if (localBuffer[k]! < SHARED_FEATURES) ids[n++] = FIRST_LINE + localBuffer[k]!;
    }
    if (run === 1 && gap !== 0 && gapAfter !== 0) {
      for (let k = from; k < to; k++) if (localBuffer[k]! < SHARED_FEATURES) ids[n++] = ALONE + localBuffer[k]!;
    }
    if (runStart[i]! > 0 && i === runStart[i] && gap !== -1 && runEnd[runStart[i]! - 1]! - runStart[runStart[i]! - 1]! >= 1) {
      ids[n++] = CTX_PREV2_ADJACENT_RUN;
    }
    offsets[i + 1] = n;
  }
  return { ids: ids.subarray(0, n), offsets, gapBefore, indents };
}

function leadingNumber(text: string): number {
  let value = 0;
  for (let i = 0; i < 3 && i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) break;
    value = value * 10 + (code - 48);
  }
  return value;
}

/** Bullet kinds are kept as plain numbers in a typed array; this is `Bullet.None`'s. */
const NO_BULLET: number = Bullet.None;
const NUMBER_DOT: number = Bullet.NumberDot;
const NUMBER_PAREN: number = Bullet.NumberParen;

function compare(a: number, b: number): number {
  return a === b ? 1 : a > b ? 2 : 3;
}

/** Log-probability scores of every label for every line: scores[i * LABEL_COUNT + label]. */
export function scoreLines(features: BodyFeatures, count: number, weights: Float32Array, rows: number): Float32Array {
  const scores = new Float32Array(count * LABEL_COUNT);
  const biasRow = rows * LABEL_COUNT;
  for (let i = 0; i < count; i++) {
    let s0 = weights[biasRow]!, s1 = weights[biasRow + 1]!, s2 = weights[biasRow + 2]!, s3 = weights[biasRow + 3]!;
    for (let k = features.offsets[i]!; k < features.offsets[i + 1]!; k++) {
      const row = features.ids[k]! * LABEL_COUNT;
      s0 += weights[row]!;
      s1 += weights[row + 1]!;
      s2 += weights[row + 2]!;
      s3 += weights[row + 3]!;
    }
    // Log-softmax, so the decoder adds comparable log-probabilities.
    const max = Math.max(s0, s1, s2, s3);
    const log = max + Math.log(Math.exp(s0 - max) + Math.exp(s1 - max) + Math.exp(s2 - max) + Math.exp(s3 - max));
    const at = i * LABEL_COUNT;
    scores[at] = s0 - log;
    scores[at + 1] = s1 - log;
    scores[at + 2] = s2 - log;
    scores[at + 3] = s3 - log;
  }
  return scores;
}

/**
 * The best label sequence: emission log-probabilities plus `MODEL.transitionWeight` times
 * the log-probability of each change of label, by gap (adjacent, blank-separated, or
 * separated by something that is not a body line).
 */
export function decode(
  scores: Float32Array,
  gapBefore: Int32Array,
  count: number,
  transitions: Float32Array = MODEL.transitions,
  weight: number = MODEL.transitionWeight,
): Uint8Array {
  const labels = new Uint8Array(count);
  if (count === 0) return labels;
  const K = LABEL_COUNT;
  const back = new Uint8Array(count * K);
  let previous = new Float64Array(K);
  let current = new Float64Array(K);
  for (let k = 0; k < K; k++) previous[k] = scores[k]!;
  for (let i = 1; i < count; i++) {
    const gap = gapBefore[i]!;
    const table = (gap === -1 ? 2 : gap === 0 ? 0 : 1) * K * K;
    for (let k = 0; k < K; k++) {
      let best = -Infinity;
      let arg = 0;
      for (let j = 0; j < K; j++) {
        const value = previous[j]! + weight * transitions[table + j * K + k]!;
        if (value > best) {
          best = value;
          arg = j;
        }
      }
      current[k] = best + scores[i * K + k]!;
      back[i * K + k] = arg;
    }
    const swap = previous;
    previous = current;
    current = swap;
  }
  let arg = 0;
  for (let k = 1; k < K; k++) if (previous[k]! > previous[arg]!) arg = k;
  for (let i = count - 1; i >= 0; i--) {
    labels[i] = arg;
    arg = back[i * K + arg]!;
  }
  return labels;
}

/**
 * Stacking: the first model's reading of the lines around a line (its best label and how
 * sure it is, for the two lines before and after, by whether a blank line separates them)
 * becomes features of a second model. "The next line is surely a heading" and "the lines
 * around are surely code" are what a reader uses for a line that is ambiguous alone.
 */
const STACK_OFFSETS = [-2, -1, 0, 1, 2] as const;
const STACK_SINGLE = STACK_OFFSETS.length * 2 * LABEL_COUNT * 3;
/** One id for the pattern (previous, own, next best label, each gap): "alone between two paragraphs". */
const STACK_TRIPLE = LABEL_COUNT * LABEL_COUNT * LABEL_COUNT * 3 * 3;
export const STACK_FEATURES = STACK_SINGLE + STACK_TRIPLE;
export const STACKED_FEATURE_COUNT = FEATURE_COUNT + STACK_FEATURES;

export function stackFeatures(features: BodyFeatures, scores: Float32Array, count: number): BodyFeatures {
  const { ids, offsets, gapBefore } = features;
  const out = new Int32Array(ids.length + count * (STACK_OFFSETS.length + 1));
  const best = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    let arg = 0;
    for (let l = 1; l < LABEL_COUNT; l++) if (scores[i * LABEL_COUNT + l]! > scores[i * LABEL_COUNT + arg]!) arg = l;
    best[i] = arg;
  }
  const outOffsets = new Int32Array(count + 1);
  let n = 0;
  for (let i = 0; i < count; i++) {
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) out[n++] = ids[k]!;
    for (let p = 0; p < STACK_OFFSETS.length; p++) {
      const j = i + STACK_OFFSETS[p]!;
      if (j < 0 || j >= count) continue;
      // Separated: a blank line or a non-body line lies between i and j.
      let separated = 0;
      for (let m = Math.min(i, j) + 1; m <= Math.max(i, j); m++) if (gapBefore[m] !== 0) separated = 1;
      const label = best[j]!;
      const probability = Math.exp(scores[j * LABEL_COUNT + label]!);
      const confidence = probability >= 0.95 ? 0 : probability >= 0.7 ? 1 : 2;
      out[n++] = FEATURE_COUNT + (((p * 2 + separated) * LABEL_COUNT + label) * 3 + confidence);
    }
    // Gap kinds: 0 none (start or end), 1 adjacent, 2 separated.
    const before = i === 0 ? 0 : gapBefore[i] === 0 ? 1 : 2;
    const after = i + 1 >= count ? 0 : gapBefore[i + 1] === 0 ? 1 : 2;
    const previous = i === 0 ? 0 : best[i - 1]!;
    const following = i + 1 >= count ? 0 : best[i + 1]!;
    out[n++] = FEATURE_COUNT + STACK_SINGLE + ((((previous * LABEL_COUNT + best[i]!) * LABEL_COUNT + following) * 3 + before) * 3 + after);
    outOffsets[i + 1] = n;
  }
  return { ids: out.subarray(0, n), offsets: outOffsets, gapBefore, indents: features.indents };
}

/**
 * Both models in one pass over the feature ids: model 1's log-probabilities, and model 2's
 * raw scores without its stack part (added by `addStackScores` once model 1 has read every
 * line). Equivalent to scoring `stackFeatures(...)` with model 2, without copying the ids.
 */
function scoreBoth(features: BodyFeatures, count: number): { first: Float32Array; second: Float32Array } {
  const first = new Float32Array(count * LABEL_COUNT);
  const second = new Float32Array(count * LABEL_COUNT);
  const w1 = MODEL.weights;
  const w2 = MODEL.stackedWeights;
  const bias1 = FEATURE_COUNT * LABEL_COUNT;
  const bias2 = STACKED_FEATURE_COUNT * LABEL_COUNT;
  const { ids, offsets } = features;
  for (let i = 0; i < count; i++) {
    let a0 = w1[bias1]!, a1 = w1[bias1 + 1]!, a2 = w1[bias1 + 2]!, a3 = w1[bias1 + 3]!;
    let b0 = w2[bias2]!, b1 = w2[bias2 + 1]!, b2 = w2[bias2 + 2]!, b3 = w2[bias2 + 3]!;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const row = ids[k]! * LABEL_COUNT;
      a0 += w1[row]!; a1 += w1[row + 1]!; a2 += w1[row + 2]!; a3 += w1[row + 3]!;
      b0 += w2[row]!; b1 += w2[row + 1]!; b2 += w2[row + 2]!; b3 += w2[row + 3]!;
    }
    const at = i * LABEL_COUNT;
    logSoftmax(first, at, a0, a1, a2, a3);
    second[at] = b0; second[at + 1] = b1; second[at + 2] = b2; second[at + 3] = b3;
  }
  return { first, second };
}

function logSoftmax(out: Float32Array, at: number, s0: number, s1: number, s2: number, s3: number): void {
  const max = Math.max(s0, s1, s2, s3);
  const log = max + Math.log(Math.exp(s0 - max) + Math.exp(s1 - max) + Math.exp(s2 - max) + Math.exp(s3 - max));
  out[at] = s0 - log;
  out[at + 1] = s1 - log;
  out[at + 2] = s2 - log;
  out[at + 3] = s3 - log;
}

/** Below this probability of its best label, a line also goes through the residual network. */
export const UNSURE = 0.9;

/**
 * The residual network (when the model has one): for each line model 2 is unsure of, a
 * small ReLU layer over the same ids adds to its scores. Few lines are unsure, so it costs
 * little; it can weigh evidence together ("short AND alone AND before a paragraph"), which a
 * linear model cannot. Layout: H weights per id row, H biases, then (H + 1) x labels.
 */
export function addResidual(
  base: BodyFeatures,
  stack: BodyFeatures,
  scores: Float32Array,
  count: number,
  model: { hidden: number; mlp: Float32Array } = MODEL,
): void {
  const H = model.hidden;
  if (H === 0) return;
  const w = model.mlp;
  const hiddenBias = STACKED_FEATURE_COUNT * H;
  const outBase = hiddenBias + H;
  const hidden = new Float64Array(H);
  const threshold = Math.log(UNSURE);
  for (let i = 0; i < count; i++) {
    const at = i * LABEL_COUNT;
    if (Math.max(scores[at]!, scores[at + 1]!, scores[at + 2]!, scores[at + 3]!) >= threshold) continue;
    for (let j = 0; j < H; j++) hidden[j] = w[hiddenBias + j]!;
    const add = (id: number) => {
      const row = id * H;
      for (let j = 0; j < H; j++) hidden[j]! += w[row + j]!;
    };
    for (let k = base.offsets[i]!; k < base.offsets[i + 1]!; k++) add(base.ids[k]!);
    for (let k = stack.offsets[i]!; k < stack.offsets[i + 1]!; k++) add(stack.ids[k]!);
    const out = [w[outBase + H * LABEL_COUNT]!, w[outBase + H * LABEL_COUNT + 1]!, w[outBase + H * LABEL_COUNT + 2]!, w[outBase + H * LABEL_COUNT + 3]!];
    for (let j = 0; j < H; j++) {
      const a = hidden[j]! > 0 ? hidden[j]! : 0;
      if (a === 0) continue;
      for (let l = 0; l < LABEL_COUNT; l++) out[l]! += a * w[outBase + j * LABEL_COUNT + l]!;
    }
    logSoftmax(scores, at, scores[at]! + out[0]!, scores[at + 1]! + out[1]!, scores[at + 2]! + out[2]!, scores[at + 3]! + out[3]!);
  }
}

/** Adds model 2's weights of the stack ids (see `stackFeatures`) and turns the sums into log-probabilities. */
function addStackScores(features: BodyFeatures, first: Float32Array, second: Float32Array, count: number): BodyFeatures {
  const stack = stackFeatures({ ids: new Int32Array(0), offsets: new Int32Array(count + 1), gapBefore: features.gapBefore, indents: features.indents }, first, count);
  const w2 = MODEL.stackedWeights;
  for (let i = 0; i < count; i++) {
    const at = i * LABEL_COUNT;
    let s0 = second[at]!, s1 = second[at + 1]!, s2 = second[at + 2]!, s3 = second[at + 3]!;
    for (let k = stack.offsets[i]!; k < stack.offsets[i + 1]!; k++) {
      const row = stack.ids[k]! * LABEL_COUNT;
      s0 += w2[row]!; s1 += w2[row + 1]!; s2 += w2[row + 2]!; s3 += w2[row + 3]!;
    }
    logSoftmax(second, at, s0, s1, s2, s3);
  }
  return stack;
}

/** Features, both models' scores and decoding in one call: the label of every body line. */
export function classifyBody(lines: readonly string[], body: Int32Array, count: number): Uint8Array {
  const features = bodyFeatures(lines, body, count);
  const { first, second: scores } = scoreBoth(features, count);
  const stack = addStackScores(features, first, scores, count);
  addResidual(features, stack, scores, count);
  forbidHeadings(lines, body, scores, features.indents, count);
  const labels = decode(scores, features.gapBefore, count);
  constrain(lines, body, count, labels, features, scores);
  return labels;
}

/**
 * Lines that cannot be headings, whatever the model says, because none of the 6,972 headings
 * of the labelled real articles is one: an indented line (a scraper writes a heading at the
 * margin; an indented line is code or content under a list item), and a line with a mark
 * only code has (`!=`, `==`, ` = `, `:=`, a final `;`, `import x` / `from x import y`), and a
 * line ending in `:` that is not in Title Case: a lead-in (`In main.go:`, `run this command
 * to start the service:`; 1 heading among 4,273 such lines), where `Why This Matters:` may be
 * a heading. The decoder then picks among the other labels. Headings may still carry code
 * words and brackets (`Generic JSON with interface{}`, `-> impl Trait in traits`).
 */
function forbidHeadings(lines: readonly string[], body: Int32Array, scores: Float32Array, indents: Int32Array, count: number): void {
  for (let i = 0; i < count; i++) {
    const raw = lines[body[i]!]!;
    if (indents[i]! >= 2 || hasCodeOnlyMark(raw) || isLeadIn(raw)) scores[i * LABEL_COUNT + Label.Heading] = -1e9;
  }
}

function hasCodeOnlyMark(raw: string): boolean {
  let end = raw.length;
  while (end > 0 && isBlank(raw.charCodeAt(end - 1))) end--;
  if (end === 0) return false;
  if (raw.charCodeAt(end - 1) === 59 /* ; */) return true;
  let start = 0;
  while (start < end && isBlank(raw.charCodeAt(start))) start++;
  if (raw.startsWith('import ', start) || (raw.startsWith('from ', start) && raw.indexOf(' import ', start) !== -1)) return true;
  for (let i = raw.indexOf('=', start); i !== -1 && i < end; i = raw.indexOf('=', i + 1)) {
    const before = raw.charCodeAt(i - 1);
    const after = raw.charCodeAt(i + 1);
    if (after === 61 || before === 33 || before === 61 || before === 58) return true; // == != := (and ===)
    if (before === 32 && after === 32) return true; // x = 1
  }
  return false;
}

/** Ends in `:` and some word after the first starts with a lower-case letter (small words aside). */
function isLeadIn(raw: string): boolean {
  let end = raw.length;
  while (end > 0 && isBlank(raw.charCodeAt(end - 1))) end--;
  if (end === 0) return false;
  // A full-width colon (`：`) ends lead-ins in Chinese and Japanese, which have no capitals.
  if (raw.charCodeAt(end - 1) === 0xff1a) return true;
  if (raw.charCodeAt(end - 1) !== 58) return false;
  let start = 0;
  while (start < end && isBlank(raw.charCodeAt(start))) start++;
  for (let i = start; i < end; ) {
    let wordEnd = i;
    while (wordEnd < end && raw.charCodeAt(wordEnd) !== 32) wordEnd++;
    const first = raw.charCodeAt(i);
    const lower = (first >= 97 && first <= 122) || (first > 127 && isLowerNonAscii(first));
    if (lower && (i === start || !SMALL_WORDS.has(raw.slice(i, wordEnd)))) return true;
    i = wordEnd + 1;
  }
  return false;
}
const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'as', 'vs', 'via', 'nor', 'is']);

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

/**
 * Two readings the data makes near-certain, applied after decoding (each undoes a rare
 * model error that would otherwise break a whole list or section):
 * - a sentence is a paragraph: a line of six or more words ending in `.` is not a heading
 *   (19 of the 6,972 headings of the labelled real articles end in `.`);
 * - a list goes on: a bullet line of plain words right under an item at about its indent is
 *   the next item, whatever its marker (`• a`, `- b`, `* c`, `1. d` in one checklist), and
 *   two or more adjacent bullet lines of plain words with no code right above or below are a
 *   list;
 * - a plain sentence (six or more words of prose ending in `.`, `!` or `?`, no mark of code)
 *   with no code right above or below it is a paragraph, even in a page without blank lines.
 */
function constrain(lines: readonly string[], body: Int32Array, count: number, labels: Uint8Array, features: BodyFeatures, scores: Float32Array): void {
  // Runs of adjacent bullet lines of plain words, with no code right above or below: a list.
  for (let i = 0; i < count; ) {
    let end = i;
    while (end < count && (end === i || (features.gapBefore[end] === 0 && continuesNumbering(lines, body, features.indents, i, end))) && isPlainBullet(lines[body[end]!]!.trim())) end++;
    if (end - i >= 2) {
      const above = i > 0 && features.gapBefore[i] === 0 && labels[i - 1] === Label.Code;
      const below = end < count && features.gapBefore[end] === 0 && labels[end] === Label.Code;
      if (!above && !below) for (let k = i; k < end; k++) labels[k] = Label.Item;
    }
    i = end > i ? end : i + 1;
  }
  for (let i = 0; i < count; i++) {
    const trimmed = lines[body[i]!]!.trim();
    if (labels[i] === Label.Heading && trimmed.charCodeAt(trimmed.length - 1) === 46 && wordCount(trimmed) >= 6) {
      labels[i] = Label.Paragraph;
    }
    if (labels[i] === Label.Code && isPlainSentence(trimmed) && !adjacentCode(labels, features.gapBefore, i, count)) {
      labels[i] = Label.Paragraph;
    }
    // A numbered line pressed against the block before it, that does not go on from an item
    // there (`5. setting up the project` right after a paragraph, `8.` after `2.`), is no item:
    // in a page without blank lines it is a numbered heading or a paragraph.
    if (labels[i] === Label.Item && features.gapBefore[i] === 0 && leadingNumber(trimmed) > 1 && bulletAt(trimmed).kind !== Bullet.None) {
      const continues = labels[i - 1] === Label.Item && continuesNumbering(lines, body, features.indents, itemRunStart(labels, features.gapBefore, i - 1), i);
      if (!continues) labels[i] = scores[i * LABEL_COUNT + Label.Heading]! >= scores[i * LABEL_COUNT + Label.Paragraph]! ? Label.Heading : Label.Paragraph;
    }
    if (labels[i] !== Label.Item && i > 0 && labels[i - 1] === Label.Item && features.gapBefore[i] === 0) {
      const bullet = bulletAt(trimmed);
      if (bullet.kind !== Bullet.None && Math.abs(features.indents[i]! - features.indents[i - 1]!) <= 1 && isPlainText(trimmed, bullet.textStart) && continuesNumbering(lines, body, features.indents, itemRunStart(labels, features.gapBefore, i - 1), i)) {
        labels[i] = Label.Item;
      }
    }
  }
}

/**
 * False when line `at` is a numbered bullet that does not go on from the items `from..at-1`:
 * `8. monitoring and alerts` after `1) write`, `2. measure`, `• inspect` is a numbered
 * heading, not the next item (an item after `2.` is `3.`; a numbered item among other
 * markers carries its place in the list).
 */
function continuesNumbering(lines: readonly string[], body: Int32Array, indents: Int32Array, from: number, at: number): boolean {
  const number = leadingNumber(lines[body[at]!]!.trim());
  if (number <= 1 || number === at - from + 1) return true;
  // Counted on from the previous number, or by place when markers are mixed (`• a`, `2. b`),
  // among all the items or among those at this one's indent (a nested list numbers on its own).
  let place = 1;
  let previous = 0;
  let previousAny = 0;
  for (let k = at - 1; k >= from; k--) {
    const value = leadingNumber(lines[body[k]!]!.trim());
    if (previousAny === 0) previousAny = value;
    if (Math.abs(indents[k]! - indents[at]!) > 1) continue;
    place++;
    if (previous === 0) previous = value;
  }
  return number === place || number === previous + 1 || number === previousAny + 1;
}

/** The first line of the run of adjacent item lines that ends at `last`. */
function itemRunStart(labels: Uint8Array, gapBefore: Int32Array, last: number): number {
  let k = last;
  while (k > 0 && gapBefore[k] === 0 && labels[k - 1] === Label.Item) k--;
  return k;
}

function isPlainBullet(text: string): boolean {
  const bullet = bulletAt(text);
  return bullet.kind !== Bullet.None && bullet.textStart < text.length && isPlainText(text, bullet.textStart);
}

function adjacentCode(labels: Uint8Array, gapBefore: Int32Array, i: number, count: number): boolean {
  return (i > 0 && gapBefore[i] === 0 && labels[i - 1] === Label.Code) || (i + 1 < count && gapBefore[i + 1] === 0 && labels[i + 1] === Label.Code);
}

/** Starts with a letter, ends with `.`, `!` or `?`, six or more words, no brackets, operators, paths or flags. */
function isPlainSentence(text: string): boolean {
  const lastCharacter = text.charCodeAt(text.length - 1);
  const last = wideToAscii(lastCharacter) || lastCharacter;
  if (last !== 46 && last !== 33 && last !== 63) return false;
  const first = text.charCodeAt(0);
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first > 127)) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // = ( ) { } [ ] < > ; $ ` _ / \ | # @ *
    if (code === 61 || code === 40 || code === 41 || code === 123 || code === 125 || code === 91 || code === 93 || code === 60 || code === 62 || code === 59 || code === 36 || code === 96 || code === 95 || code === 47 || code === 92 || code === 124 || code === 35 || code === 64 || code === 42) return false;
    if (code === 45 && text.charCodeAt(i + 1) === 45) return false;
  }
  return wordCount(text) >= 6;
}

function wordCount(text: string): number {
  let words = 0;
  let ideographs = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && (i === 0 || text.charCodeAt(i - 1) === 32)) words++;
    if (code >= 0x3040 && isIdeographic(code)) ideographs++;
  }
  // Chinese and Japanese: about one word every two characters (as the feature scan counts).
  return words + (ideographs >> 1);
}

/** Letters, digits, spaces and sentence punctuation only: no mark of code. */
function isPlainText(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const plain = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 32 || code === 44 || code === 46 || code === 39 || code === 45 || code > 127;
    if (!plain) return false;
  }
  return true;
}
