import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../src/text/entities.js';
import { decodeEntities as fromIndex } from '../../src/text/index.js';

describe('decodeEntities', () => {
  it.each([
    ['Tom &amp; Jerry', 'Tom & Jerry'],
    ['if a &lt; b &amp;&amp; b &gt; c', 'if a < b && b > c'],
    ['it&#39;s', "it's"],
    ['it&#x27;s and &#X27;', "it's and '"],
    ['&quot;quoted&quot;', '"quoted"'],
    ['a&nbsp;b', 'a\u00a0b'],
    ['&copy; 2024 &mdash; &hellip; &eacute;t&eacute; &rarr; &euro;5', '© 2024 — … été → €5'],
    ['&#128512; and &#x1F600;', '😀 and 😀'],
    ['&amp;lt;tag&amp;gt; is shown as written', '&lt;tag&gt; is shown as written'],
  ])('%j -> %j', (input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });

  it.each([
    'R&D and AT&T',
    'a && b || c',
    'see https://example.com/?a=1&copy=2&not=3',
    'the &notice; and &foo; names are unknown',
    '& ; & ;',
  ])('leaves %j as written (no reference, unknown name, or no `;`)', (input) => {
    expect(decodeEntities(input)).toBe(input);
  });

  it('turns invalid code points into U+FFFD as HTML does', () => {
    expect(decodeEntities('x&#0;y')).toBe('x\ufffdy');
    expect(decodeEntities('x&#x110000;y')).toBe('x\ufffdy');
  });

  it('returns the very same string when there is nothing to decode (fast path)', () => {
    const plain = 'no ampersand in this paragraph at all; a semicolon though';
    expect(decodeEntities(plain)).toBe(plain);
    expect(decodeEntities('')).toBe('');
    const ampNoSemicolon = 'fish & chips';
    expect(decodeEntities(ampNoSemicolon)).toBe(ampNoSemicolon);
  });

  it('is exported from the text index', () => {
    expect(fromIndex('&lt;')).toBe('<');
  });

  it('gives text without entities back as it is, whatever its length', () => {
    // (No timed assertion here: the cost of the parser is measured by the benchmarks.)
    const paragraph = 'Monitoring should answer simple questions quickly: is the service up, is it slow. '.repeat(400);
    expect(decodeEntities(paragraph)).toBe(paragraph);
    expect(decodeEntities(`${paragraph}&amp;`)).toBe(`${paragraph}&`);
  });
});
