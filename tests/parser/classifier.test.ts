/**
 * The line classifier's pieces: the fitted model matches the features the code computes
 * (a stale model would read every line wrong), features are deterministic and bounded, and
 * the decoder and constraints do what docs/classifier.md says.
 */
import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT, LABEL_COUNT, STACKED_FEATURE_COUNT, bodyFeatures, classifyBody, Label } from '../../src/parser/classifier.js';
import { LOCAL_FEATURES, LOCAL_NAMES, localFeatures, bulletAt, Bullet } from '../../src/parser/features.js';
import { MODEL } from '../../src/parser/model-weights.js';
import { scanLayout } from '../../src/parser/layout.js';
import { splitLines } from '../../src/parser/lines.js';

function labelsOf(text: string): string[] {
  const lines = splitLines(text);
  const layout = scanLayout(lines);
  const labels = classifyBody(lines, layout.body, layout.bodyCount);
  return Array.from(labels, (label) => ['heading', 'paragraph', 'code', 'item'][label]!);
}

describe('the fitted model', () => {
  it('was fitted for exactly the features the code computes', () => {
    expect(MODEL.featureCount).toBe(FEATURE_COUNT);
    expect(MODEL.weights.length).toBe((FEATURE_COUNT + 1) * LABEL_COUNT);
    expect(MODEL.stackedWeights.length).toBe((STACKED_FEATURE_COUNT + 1) * LABEL_COUNT);
    expect(MODEL.transitions.length).toBe(3 * LABEL_COUNT * LABEL_COUNT);
    expect(LOCAL_NAMES.length).toBe(LOCAL_FEATURES);
    expect([...MODEL.weights].every(Number.isFinite)).toBe(true);
  });
});

describe('features', () => {
  it('are in range, deterministic, and bounded for a 50 KB line', () => {
    const out = new Int32Array(200);
    for (const line of ['why this matters', '  return {ok: true};', 'x'.repeat(50_000), '• item', '$ npm ci', '日本語の文章です。']) {
      const n = localFeatures(line.trim(), 0, false, out, 0);
      const again = new Int32Array(200);
      expect(localFeatures(line.trim(), 0, false, again, 0)).toBe(n);
      expect(Array.from(out.subarray(0, n))).toEqual(Array.from(again.subarray(0, n)));
      for (const id of out.subarray(0, n)) expect(id >= 0 && id < LOCAL_FEATURES).toBe(true);
    }
  });

  it('neighbour and context ids stay below FEATURE_COUNT', () => {
    const lines = splitLines('title\n\n1. step one\n\n    go build\n\nSome text here.\n- a\n- b\n');
    const layout = scanLayout(lines);
    const features = bodyFeatures(lines, layout.body, layout.bodyCount);
    for (const id of features.ids) expect(id >= 0 && id < FEATURE_COUNT).toBe(true);
  });

  it.each([
    ['• item', Bullet.Dot, 2], ['- item', Bullet.Dash, 2], ['12) item', Bullet.NumberParen, 4], ['1.5 liters', Bullet.None, 0], ['-flag', Bullet.None, 0],
  ])('bulletAt(%j)', (text, kind, start) => {
    expect(bulletAt(text)).toEqual({ kind, textStart: start });
  });
});

describe('reading lines in context', () => {
  it.each<[string, string, string[]]>([
    ['a lead-in sentence before code is a paragraph', 'Title\n\nStart by installing the tool with go install:\n\ngo install golang.org/x/tools/cmd/gonew@latest\n\nThen run it.\n', ['paragraph', 'code', 'paragraph']],
    ['a one-line command alone is code', 'Title\n\nIf you have a previous version installed, getting the new release is as easy as:\n\nrustup update stable\n\nIf you don’t have it already, you can get rustup from the website.\n', ['paragraph', 'code', 'paragraph']],
    ['a code line ending in a colon stays in its block', 'Title\n\nThe switch reads:\n\nswitch v := x.(type) {\ncase *reflect.BoolValue:\n\treturn v.Get()\ndefault:\n\treturn nil\n}\n\nEach case returns.\n', ['paragraph', 'code', 'code', 'code', 'code', 'code', 'code', 'paragraph']],
    ['a question is a heading when it heads a section', 'Title\n\nSome words to open the post, as a paragraph does.\n\nSo what are GATs?\n\nGeneric associated types let a trait carry a type with parameters.\n', ['paragraph', 'heading', 'paragraph']],
    ['prose that mentions code stays prose', 'Title\n\nUse the connect() function to authenticate before you send a request.\n\nThe result is cached.\n', ['paragraph', 'paragraph']],
  ])('%s', (_name, text, expected) => {
    expect(labelsOf(text)).toEqual(expected);
  });

  it('labels are one per body line, for any input', () => {
    for (const text of ['', '\n\n', 'only a title', 'a\nb\nc\nd\ne\n', '}\n}\n}\n']) {
      const lines = splitLines(text);
      const layout = scanLayout(lines);
      const labels = classifyBody(lines, layout.body, layout.bodyCount);
      expect(labels.length).toBe(layout.bodyCount);
      for (const label of labels) expect(label >= (Label.Heading as number) && label <= (Label.Item as number)).toBe(true);
    }
  });
});
