import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  editDistance,
  keyAndCount,
  keyHash,
  sentenceKeys,
  fingerprint,
  foldSpaces,
  hash32,
  hash64,
  jaccard,
  nearest,
  normaliseText,
  quote,
  shingles,
  splitSentences,
  words,
} from '../../src/text/index.js';

describe('normaliseText', () => {
  it('folds case, whitespace (incl. NBSP and tabs) and punctuation', () => {
    expect(normaliseText('  Keep\tthe  Owner,\u00a0expected result!  ')).toBe('keep the owner expected result');
    expect(normaliseText('a-b c.d')).toBe('a b c d');
    expect(normaliseText('...')).toBe('');
    expect(words('Hello, World')).toEqual(['hello', 'world']);
  });
  it('foldSpaces keeps punctuation', () => {
    expect(foldSpaces(' A,  b ')).toBe('a, b');
  });
  it('quote cuts long text', () => {
    expect(quote('abc')).toBe('"abc"');
    expect(quote('x'.repeat(100), 10)).toBe(`"${'x'.repeat(9)}…"`);
  });
});

describe('hashes', () => {
  it('are stable and spread', () => {
    expect(hash32('abc')).toBe(hash32('abc'));
    expect(hash32('abc')).not.toBe(hash32('abd'));
    expect(hash64('abc')).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint('Hello,  world.')).toBe(fingerprint('hello world'));
    expect(fingerprint('hello world')).not.toBe(fingerprint('hello there'));
  });
});

describe('shingles and jaccard', () => {
  it('makes word 3-grams', () => {
    expect(shingles(['a', 'b', 'c', 'd']).size).toBe(2);
    expect(shingles(['a', 'b']).size).toBe(1);
    expect(shingles([]).size).toBe(0);
  });
  it('computes jaccard exactly', () => {
    const a = shingles('w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11'.split(' '));
    const b = shingles('w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 y'.split(' '));
    expect(jaccard(a, b)).toBe(0.8);
    expect(jaccard(new Set(), new Set())).toBe(1);
  });
});

describe('splitSentences', () => {
  it('splits at terminal punctuation followed by space or end', () => {
    const text = 'a good error. version 1.3.1 is out! is it? see example.com now';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'a good error.',
      'version 1.3.1 is out!',
      'is it?',
      'see example.com now',
    ]);
  });
  it('gives offsets into the text', () => {
    const text = 'one two.  three four.';
    const [first, second] = splitSentences(text);
    expect(text.slice(first!.start, first!.end)).toBe('one two.');
    expect(text.slice(second!.start, second!.end)).toBe('three four.');
  });
  it('handles empty and closing quotes', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   ')).toEqual([]);
    expect(splitSentences('he said "stop." then left.').map((s) => s.text)).toEqual(['he said "stop."', 'then left.']);
  });
});

describe('edit distance and nearest', () => {
  it('computes distances', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
  it('suggests the nearest close candidate only', () => {
    expect(nearest('tpoic', ['topic', 'summary'])).toBe('topic');
    expect(nearest('readng time', ['reading time', 'view count'])).toBe('reading time');
    expect(nearest('canonical url', ['topic', 'summary'])).toBeUndefined();
  });
});

describe('editDistance', () => {
  it('counts an adjacent transposition as one edit', () => {
    
    expect(editDistance('tpoic', 'topic')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('keyAndCount', () => {
  it('matches words().join and counts words, ASCII and not', () => {
    for (const text of ['  Keep the Owner, expected result!  ', 'a-b c.d', '...', '', 'Café  au lait — très bien.', 'x']) {
      const list = words(text);
      expect(keyAndCount(text)).toEqual({ key: list.join(' '), count: list.length });
    }
  });
});

describe('sentenceKeys', () => {
  const reference = (text: string) =>
    splitSentences(text).map((sentence) => {
      const { key, count } = keyAndCount(sentence.text);
      return { start: sentence.start, end: sentence.end, words: count, hash: keyHash(key) };
    });

  it('agrees with splitSentences + keyAndCount on examples', () => {
    for (const text of [
      'a good error. version 1.3.1 is out! is it? see example.com now',
      '  Keep the Owner, expected result!  keep the owner expected result. ',
      'he said "stop." then left.',
      '..x. ok.) (fine)?" end',
      '',
      '   ',
      '...',
      'no terminal at all',
      'Café au lait. très bien!',
    ]) {
      expect(sentenceKeys(text, keyAndCount), text).toEqual(reference(text));
    }
  });

  it('agrees with splitSentences + keyAndCount on random text', () => {
    const ascii = ['a', 'B', 'c', '1', ' ', ' ', '\t', '\n', '.', '!', '?', '"', "'", ')', ']', ',', '-', '\u0001'];
    for (const alphabet of [ascii, [...ascii, 'é', '\u00a0', '’']]) {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (chars) => {
          const text = chars.join('');
          expect(sentenceKeys(text, keyAndCount)).toEqual(reference(text));
        }),
        { numRuns: 3000 },
      );
    }
  });

  it('gives equal hashes to sentences equal after normalisation', () => {
    const [first, second] = sentenceKeys('Keep the owner, in place. keep THE owner in place!', keyAndCount);
    expect(first!.hash).toBe(second!.hash);
    expect(first!.words).toBe(5);
  });
});
