import { describe, expect, it } from 'vitest';
import { bulletText, isTableResidue, isMetaMarker, mayNameImageSource } from '../../src/parser/classify.js';
import { headingWords } from '../../src/parser/index.js';
import { detectLanguage, languageFromFence } from '../../src/parser/code-language.js';
import { readDate } from '../../src/meta/dates.js';
import { splitLines } from '../../src/parser/lines.js';

describe('splitLines', () => {
  it.each([
    ['', []],
    ['a', ['a']],
    ['a\n', ['a']],
    ['a\r\nb\rc\nd', ['a', 'b', 'c', 'd']],
    ['a\n\n', ['a', '']],
    ['\n', ['']],
  ])('%j -> %j', (text, lines) => {
    expect(splitLines(text)).toEqual(lines);
  });
});

describe('line recognisers', () => {
  it.each([
    ['• item', 'item'], ['- item', 'item'], ['* item', 'item'], ['· item', 'item'], ['– item', 'item'],
    ['1. item', 'item'], ['12) item', 'item'], ['-item', null], ['1.5 liters', null], ['2019-08-03', null], ['--flag', null],
  ])('bulletText(%j) = %j', (text, expected) => {
    expect(bulletText(text)).toBe(expected);
  });

  it.each([
    ['why this matters', 'why this matters'],
    ['Production Checks:', 'Production Checks'],
    ['## The Practical Approach', 'The Practical Approach'],
    ['So what are GATs?', 'So what are GATs?'],
    ['std::', 'std::'],
    ['#hashtag', '#hashtag'],
    [':', ':'],
  ])('headingWords(%j) = %j', (text, expected) => {
    expect(headingWords(text)).toBe(expected);
  });


  it.each([
    ['x visual reference 1. image source: unsplash', true],
    ['x visual reference 1. Image Source: https://example.com:8080/a.png', true],
    ['X. IMAGE SOURCE: placehold.co', true],
    ['the source: a paragraph quoting where a claim came from', true],
    ['monitoring should answer simple questions quickly: is the service up', false],
    ['no colon at all in this line', false],
    [':', false],
  ])('mayNameImageSource(%j) = %j', (text, expected) => {
    expect(mayNameImageSource(text)).toBe(expected);
  });

  it('tells residue and the meta marker apart', () => {
    expect(isTableResidue('| | |')).toBe(true);
    expect(isTableResidue('| a |')).toBe(false);
    expect(isMetaMarker('Alphanode Post Meta:')).toBe(true);
    expect(isMetaMarker('alphanode post metadata')).toBe(false);
  });
});

describe('code language detection', () => {
  it.each([
    ['python', ['from fastapi import FastAPI', 'app = FastAPI()']],
    ['php', ['<?php', 'echo $x;']],
    ['javascript', ["const fs = require('fs');"]],
    ['typescript', ['interface A {', '  ok: boolean;', '}']],
    ['bash', ['sudo systemctl restart nginx']],
    ['sql', ['select id from posts where id = 1;']],
    ['yaml', ['name: ci', 'on: push']],
    ['nginx', ['server {', '    listen 80;', '}']],
    [null, ['}', '']],
  ])('%s', (lang, lines) => {
    expect(detectLanguage(lines)).toBe(lang);
  });

  it('maps fence info strings to canonical names', () => {
    expect(languageFromFence('py')).toBe('python');
    expect(languageFromFence('yml title="ci"')).toBe('yaml');
    expect(languageFromFence('')).toBeNull();
  });
});

describe('readDate', () => {
  it.each([
    ['2019-08-03', { kind: 'date', iso: '2019-08-03' }],
    ['2019/08/03', { kind: 'date', iso: '2019-08-03' }],
    ['Aug 3, 2019', { kind: 'date', iso: '2019-08-03' }],
    ['3 August 2019', { kind: 'date', iso: '2019-08-03' }],
    ['13/08/2019', { kind: 'date', iso: '2019-08-13' }],
    ['08/13/2019', { kind: 'date', iso: '2019-08-13' }],
    ['03/03/2019', { kind: 'date', iso: '2019-03-03' }],
    ['03/08/2019', { kind: 'ambiguous', readings: ['2019-03-08', '2019-08-03'] }],
    ['2023-02-30', { kind: 'invalid' }],
    ['2024-02-29', { kind: 'date', iso: '2024-02-29' }],
    ['1900-02-29', { kind: 'invalid' }],
    ['yesterday', { kind: 'invalid' }],
  ])('%s', (raw, reading) => {
    expect(readDate(raw)).toEqual(reading);
  });
});
