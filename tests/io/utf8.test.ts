import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { invalidUtf8Lines } from '../../src/io/utf8.js';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

/**
 * Independent oracle: split the bytes on line breaks (ASCII, so never inside a multi-byte
 * sequence) and ask the platform's strict decoder about each line.
 */
function oracle(input: Uint8Array): number[] {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const result: number[] = [];
  let line = 1;
  let start = 0;
  const check = (end: number): void => {
    try {
      strict.decode(input.subarray(start, end));
    } catch {
      result.push(line);
    }
  };
  for (let i = 0; i < input.length; i++) {
    const byte = input[i];
    if (byte === 0x0a || byte === 0x0d) {
      check(i);
      if (byte === 0x0d && input[i + 1] === 0x0a) i++;
      line++;
      start = i + 1;
    }
  }
  check(input.length);
  return result;
}

describe('invalidUtf8Lines', () => {
  it('finds nothing in valid text, including 2-, 3- and 4-byte characters', () => {
    expect(invalidUtf8Lines(bytes('plain\nnaïve café\r\n€ and 😀\rend'))).toEqual([]);
  });

  it('counts \\n, a lone \\r and \\r\\n as one break each', () => {
    expect(invalidUtf8Lines(bytes('a\nb\n', [0xff]))).toEqual([3]);
    expect(invalidUtf8Lines(bytes('a\rb\r', [0xff]))).toEqual([3]);
    expect(invalidUtf8Lines(bytes('a\r\nb\r\n', [0xff]))).toEqual([3]);
    // \r, \r\n, \n: three breaks, so line 4 (not 5: the \r\n pair is one)
    expect(invalidUtf8Lines(bytes('\r\r\n\n', [0xff]))).toEqual([4]);
  });

  it('reports each bad line once, in order', () => {
    expect(invalidUtf8Lines(bytes([0xff, 0xfe], '\nok\n', [0x80], 'x', [0xc0, 0xaf]))).toEqual([1, 3]);
  });

  it('rejects overlongs, surrogates and code points above U+10FFFF like TextDecoder does', () => {
    expect(invalidUtf8Lines(bytes([0xc0, 0x80]))).toEqual([1]); // overlong NUL
    expect(invalidUtf8Lines(bytes([0xe0, 0x80, 0xaf]))).toEqual([1]); // overlong 3-byte
    expect(invalidUtf8Lines(bytes([0xed, 0xa0, 0x80]))).toEqual([1]); // UTF-16 surrogate
    expect(invalidUtf8Lines(bytes([0xf4, 0x90, 0x80, 0x80]))).toEqual([1]); // > U+10FFFF
    expect(invalidUtf8Lines(bytes([0xf0, 0x9f, 0x98, 0x80]))).toEqual([]); // 😀 is fine
  });

  it('does not let a truncated sequence swallow the line break after it', () => {
    // E2 82 is the start of €; the \n breaks it, and the next line is clean.
    expect(invalidUtf8Lines(bytes('x', [0xe2, 0x82], '\nclean\n'))).toEqual([1]);
    expect(invalidUtf8Lines(bytes('x', [0xe2, 0x82], '\r\n', [0xe2, 0x82, 0xac]))).toEqual([1]);
  });

  it('flags a sequence truncated by the end of the input', () => {
    expect(invalidUtf8Lines(bytes('ok\nend', [0xf0, 0x9f]))).toEqual([2]);
  });

  it('agrees with the platform decoder, line by line, on arbitrary bytes', () => {
    const interesting = fc.constantFrom(0x0a, 0x0d, 0x41, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff);
    const byteArb = fc.oneof(interesting, fc.integer({ min: 0, max: 255 }));
    fc.assert(
      fc.property(fc.array(byteArb, { maxLength: 64 }), (array) => {
        const input = Uint8Array.from(array);
        expect(invalidUtf8Lines(input)).toEqual(oracle(input));
      }),
      { numRuns: 5000 },
    );
  });
});
