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
import { parsePost } from '../../src/parser/index.js';

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

describe('blocks real articles hold', () => {
  const shape = (text: string) => {
    const post = parsePost(text, { file: 'case.txt' });
    return post.sections.flatMap((section) =>
      section.blocks.map((block) =>
        block.type === 'list'
          ? `list[${block.items.map((item) => (item.blocks ?? []).map((inner) => inner.type).join('+')).join('|')}]`
          : block.type === 'paragraph'
            ? `paragraph ${block.line}`
            : `${block.type} ${block.line}-${block.endLine}`,
      ),
    );
  };
  it.each<[string, string, string[]]>([
    ['a shell session: prompts and their output are one block', 'Title\n\nRun the build and look at its output:\n\n$ go build ./...\n$ ./server --port 8080\nlistening on :8080\nready to serve requests\n\nThe server is now up.\n', ['paragraph 3', 'code 5-8', 'paragraph 10']],
    ['a PowerShell session', 'Title\n\nOn Windows, run:\n\nPS> ./x test tests/ui -- --nocapture\nrunning 12 tests\ntest result: ok. 12 passed; 0 failed\n\nAll tests pass.\n', ['paragraph 3', 'code 5-7', 'paragraph 9']],
    ['root prompts are code, not markdown headings', 'Title\n\nAs root:\n\n# apt-get install nginx\n# systemctl enable nginx\n\nNginx starts at boot.\n', ['paragraph 3', 'code 5-6', 'paragraph 8']],
    ['a compiler error with its margins is one block', 'Title\n\nThe compiler says:\n\nerror[E0499]: cannot borrow `x` as mutable more than once at a time\n --> src/main.rs:4:5\n  |\n3 |     let a = &mut x;\n  |             ------ first mutable borrow occurs here\n4 |     let b = &mut x;\n  |             ^^^^^^ second mutable borrow occurs here\n\nThis is the borrow checker at work.\n', ['paragraph 3', 'code 5-11', 'paragraph 13']],
    ['code and a paragraph indented under list items belong to the items', 'Title\n\n 1. Build the image:\n\n    docker build -t app .\n\n 2. Run it:\n\n    docker run -p 8080:8080 app\n\n    The app listens on port 8080.\n\nDone.\n', ['list[code|code+paragraph]', 'paragraph 13']],
  ])('%s', (_name, text, expected) => {
    expect(shape(text)).toEqual(expected);
  });

  it('code inside a list item is also a code block of the post, without the item indent', () => {
    const post = parsePost('Title\n\n 1. Build the image:\n\n    docker build -t app .\n', { file: 'case.txt' });
    expect(post.codeBlocks).toEqual([{ lang: 'bash', text: 'docker build -t app .', line: 5, endLine: 5, section: null }]);
    expect(post.stats.paragraphs).toBe(0);
  });
});

describe('headings by wording, in the samples\' shape', () => {
  const para = 'when a project grows, making service health visible stops being a small cleanup task and becomes part of the way the team ships software.';
  const para2 = 'start by writing down what the system currently does. include the route, the expected input, and the exact place where it fails.';
  const article = (heading: string) =>
    ['| |', '', 'field notes on service health', '', para, '', heading, '', para2, '', 'from fastapi import FastAPI', 'app = FastAPI()', '', '@app.get("/health")', 'def health():', '    return {"ok": True}', '', 'final notes', '', para, ''].join('\n');
  it.each([
    ['1. why this matters', '1. why this matters'],
    ['2) production checks', '2) production checks'],
    ['Why This Matters', 'Why This Matters'],
    ['Why This Matters:', 'Why This Matters'],
    ['## The Practical Approach', 'The Practical Approach'],
    ['why does this matter?', 'why does this matter?'],
    ['ship it now!', 'ship it now!'],
    ['🚀 why this matters', '🚀 why this matters'],
    ['why this matters for small teams running python services on a single vps in production today', 'why this matters for small teams running python services on a single vps in production today'],
  ])('%j is a heading', (heading, text) => {
    const post = parsePost(article(heading), { file: 'case.txt' });
    expect(post.sections.map((s) => s.heading)).toEqual([null, text, 'final notes']);
    expect(post.codeBlocks).toHaveLength(1);
  });
});

describe('lines that are neutral alone take the label of their block', () => {
  const para = 'when a project grows, making service health visible stops being a small cleanup task and becomes part of the way the team ships software.';
  it.each<[string, string[]]>([
    ['BEGIN / END', ['BEGIN', '  SELECT 1;', 'END;']],
    ['else:', ['if x:', '    pass', 'else:', '    return 1']],
    ['case x:', ['switch (x) {', 'case 1:', '  break;', 'default:', '  return;', '}']],
    ['a comment written as a sentence', ['def f():', '    # a comment written as a sentence, explaining what happens next.', '    return 1']],
  ])('%s', (_name, block) => {
    const text = ['title', '', para, '', ...block, '', 'the rest of the post explains it.', ''].join('\n');
    const post = parsePost(text, { file: 'case.txt' });
    expect(post.codeBlocks.map((c) => [c.line, c.endLine])).toEqual([[5, 4 + block.length]]);
  });
});

describe('prose that mentions code stays prose', () => {
  it.each([
    'Compare the two values with a == b before you continue with the next step.',
    'Set the timeout = 30 in the config file and restart the server.',
    'Call os.Exit(1) only from main, never from a library.',
    'The --verbose flag prints every request the client makes.',
    'In Go, err != nil is the idiom you will see everywhere.',
  ])('%s', (sentence) => {
    const post = parsePost(`Title\n\nSome intro text for the post, written as a paragraph.\n\n${sentence}\n\nAnother paragraph follows here, as prose.\n`, { file: 'case.txt' });
    expect(post.sections[0]!.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });
});

describe('constraints the data makes near-certain', () => {
  it('an indented line is never a heading (scrapers write headings at the margin)', () => {
    // Alone between blank lines, with the words of a heading: at the margin it would be one.
    const text = (line: string) => `Title\n\nBuild the image with the file below, then push it.\n\n${line}\n\nThe container now runs as an unprivileged user.\n`;
    expect(labelsOf(text('Next Steps'))[1]).toBe('heading');
    expect(labelsOf(text('    Next Steps'))[1]).not.toBe('heading');
    expect(labelsOf(text('    USER daemon'))).toEqual(['paragraph', 'code', 'paragraph']);
  });

  it.each([
    ['if err != nil'], ['x = compute(y)'], ['total := 0'], ['from wix import media'], ['import os'], ['close(fd);'],
  ])('%j alone between paragraphs is code, never a heading', (line) => {
    const text = `Title\n\nThe loop below checks each value before it returns.\n\n${line}\n\nThat is the whole check.\n`;
    expect(labelsOf(text)[1]).not.toBe('heading');
  });

  it('a lead-in ending in a colon is a paragraph unless it is in Title Case', () => {
    const text = (line: string) => `Title\n\nThe profile is collected from production.\n\n${line}\n\nfunc main() {\n\tfmt.Println("hi")\n}\n`;
    expect(labelsOf(text('In main.go:'))[1]).toBe('paragraph');
    expect(labelsOf(text('run this command to start the service:'))[1]).toBe('paragraph');
    expect(parsePost(['| |', '', 'Keeping Queues Healthy', '', 'queues hide problems until they overflow, so make them visible first.', '', 'Why This Matters:', '', 'an unbounded queue turns a short outage into a long one.', ''].join('\n'), { file: 'a.txt' }).sections.map((s) => s.heading)).toEqual([null, 'Why This Matters']);
  });

  it('a numbered line that does not go on from the list above it is a numbered heading', () => {
    const text = [
      'title', '', 'a paragraph that opens the post and says what it covers.',
      '7. measuring the result', '1) write the final note', '2. measure response time', '• inspect cache headers', '– test the smallest change',
      '8. monitoring and alerts', 'watch the error rate for a day after each release and note what changed.', '',
    ].join('\n');
    expect(labelsOf(text)).toEqual(['paragraph', 'heading', 'item', 'item', 'item', 'item', 'heading', 'paragraph']);
  });

  it('numbered items among other markers keep their place (`• a`, `2. b`)', () => {
    const text = ['title', '', 'steps', '', '• check the logs', '2. restart the service', '- verify the health check', '4. write the note', ''].join('\n');
    expect(labelsOf(text)).toEqual(['heading', 'item', 'item', 'item', 'item']);
  });
});
