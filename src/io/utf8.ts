/**
 * Where a byte buffer is not valid UTF-8, by line. Only called on the slow path (after a
 * fatal TextDecoder refused the bytes), so it favours being obviously right over speed,
 * but it is still one linear pass with no allocation per byte.
 *
 * The validity rules are those of the WHATWG decoder that TextDecoder implements, so a line
 * reported here is exactly a line where the replacing decoder put a U+FFFD: overlongs,
 * surrogates (ED A0..BF), code points above U+10FFFF, stray continuation bytes and
 * truncated sequences are errors; a byte that breaks a sequence is examined again as the
 * start of the next one (so a truncated sequence never swallows a line break).
 */

const LF = 0x0a;
const CR = 0x0d;

/**
 * 1-based line numbers (ascending, each once) holding at least one invalid sequence.
 * Line breaks are `\r\n`, a lone `\r` or `\n`, as the parser splits them.
 */
export function invalidUtf8Lines(bytes: Uint8Array): number[] {
  const lines: number[] = [];
  let line = 1;
  const markInvalid = (): void => {
    if (lines[lines.length - 1] !== line) lines.push(line);
  };

  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      if (byte === LF) line++;
      else if (byte === CR) {
        line++;
        if (bytes[i + 1] === LF) i++; // \r\n is one break
      }
      i++;
      continue;
    }

    const length = utf8SequenceAt(bytes, i);
    if (length < 0) markInvalid();
    // An invalid sequence ends before the byte that broke it, which is examined again.
    i += Math.abs(length);
  }
  return lines;
}

/**
 * The UTF-8 sequence that starts at `bytes[i]`: its length when it is valid (1 for ASCII), or
 * minus the number of bytes it takes when it is not (the lead byte and the continuation bytes
 * it accepted; the byte that broke it is not taken, so it is read again as the start of the
 * next sequence). The ranges of the first continuation byte exclude overlongs, surrogates
 * and code points above U+10FFFF, as the WHATWG decoder does.
 */
export function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const byte = bytes[i]!;
  if (byte < 0x80) return 1;
  let needed: number;
  let lower = 0x80;
  let upper = 0xbf;
  if (byte >= 0xc2 && byte <= 0xdf) needed = 1;
  else if (byte >= 0xe0 && byte <= 0xef) {
    needed = 2;
    if (byte === 0xe0) lower = 0xa0;
    if (byte === 0xed) upper = 0x9f;
  } else if (byte >= 0xf0 && byte <= 0xf4) {
    needed = 3;
    if (byte === 0xf0) lower = 0x90;
    if (byte === 0xf4) upper = 0x8f;
  } else {
    // 0x80..0xC1 (stray continuation or overlong lead) or 0xF5..0xFF.
    return -1;
  }
  for (let k = 0; k < needed; k++) {
    const next = bytes[i + 1 + k];
    if (next === undefined || next < (k === 0 ? lower : 0x80) || next > (k === 0 ? upper : 0xbf)) return -(1 + k);
  }
  return 1 + needed;
}
