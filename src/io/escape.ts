/**
 * A reversible text for bytes that are not all UTF-8, so a file with a few broken bytes can
 * be fixed and written back with those bytes unchanged. Each byte of an invalid sequence
 * becomes one lone surrogate U+DC80 + byte (the scheme of Python's `surrogateescape`; bytes
 * 0x80..0xFF, the only ones that can be invalid). Valid UTF-8 never decodes to a lone
 * surrogate, so `encodeEscaped(decodeEscaped(bytes))` gives `bytes` back exactly.
 *
 * Which sequences are invalid follows the WHATWG decoder (see utf8.ts): overlongs,
 * surrogates, code points above U+10FFFF, stray continuation bytes and truncated sequences;
 * a byte that breaks a sequence is read again as the start of the next. Only the slow path
 * (files that failed strict decoding) comes here.
 */

import { utf8SequenceAt } from './utf8.js';

const ESCAPE_BASE = 0xdc00;
const FFFD = '\uFFFD';

/** Whether a UTF-16 unit is an escaped byte (a lone U+DC80..U+DCFF; callers check loneness where it matters). */
function isEscapeUnit(unit: number): boolean {
  return unit >= 0xdc80 && unit <= 0xdcff;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Bytes -> text, each byte of an invalid sequence as U+DC80 + byte. A leading BOM is dropped (as TextDecoder does). */
export function decodeEscaped(bytes: Uint8Array): string {
  let start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const parts: string[] = [];
  let i = start;
  const length = bytes.length;
  const escapeByte = (at: number): void => {
    if (at > start) parts.push(decoder.decode(bytes.subarray(start, at)));
    parts.push(String.fromCharCode(ESCAPE_BASE + bytes[at]!));
    start = at + 1;
  };
  while (i < length) {
    const sequence = utf8SequenceAt(bytes, i);
    if (sequence > 0) {
      i += sequence;
      continue;
    }
    // The lead byte and the continuation bytes it took are escaped; the byte that broke the
    // sequence is read again from the top.
    for (let at = i; at < i - sequence; at++) escapeByte(at);
    i -= sequence;
  }
  if (start < length) parts.push(decoder.decode(bytes.subarray(start, length)));
  return parts.join('');
}

/** Whether a text holds escaped bytes. */
export function hasEscapes(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))) {
      i++; // a pair: a real character
      continue;
    }
    if (isEscapeUnit(unit)) return true;
  }
  return false;
}

/**
 * Text -> bytes: UTF-8, except that each lone U+DC80..U+DCFF is written as the byte it
 * stands for. Without escapes this is `Buffer.from(text, 'utf8')`.
 */
export function encodeEscaped(text: string): Buffer {
  if (!hasEscapes(text)) return Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    if (!isEscapeUnit(unit)) continue;
    if (i > start) parts.push(Buffer.from(text.slice(start, i), 'utf8'));
    parts.push(Buffer.from([unit - ESCAPE_BASE]));
    start = i + 1;
  }
  if (start < text.length) parts.push(Buffer.from(text.slice(start), 'utf8'));
  return Buffer.concat(parts);
}

/**
 * The text the parser reads: each escaped byte as U+FFFD (one per byte, so every column is
 * the escaped text's column).
 */
export function replaceEscapes(text: string): string {
  return text.replace(/(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/g, FFFD);
}

/** 1-based lines (ascending) holding an escaped byte; lines as the parser splits them (\r\n, \r, \n). */
export function escapedLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 10) line++;
    else if (unit === 13) {
      line++;
      if (text.charCodeAt(i + 1) === 10) i++;
    } else if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))) i++;
    else if (isEscapeUnit(unit) && lines[lines.length - 1] !== line) lines.push(line);
  }
  return lines;
}

/** The byte length `encodeEscaped(text)` has. */
export function byteLengthEscaped(text: string): number {
  return hasEscapes(text) ? encodeEscaped(text).length : Buffer.byteLength(text);
}
