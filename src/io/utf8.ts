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
  const length = bytes.length;
  while (i < length) {
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

    // How many continuation bytes the lead byte announces, and the allowed range of the
    // first one (the narrow ranges exclude overlongs, surrogates and > U+10FFFF).
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
      markInvalid();
      i++;
      continue;
    }

    let j = i + 1;
    let ok = true;
    for (let k = 0; k < needed; k++, j++) {
      const next = bytes[j];
      const min = k === 0 ? lower : 0x80;
      const max = k === 0 ? upper : 0xbf;
      if (next === undefined || next < min || next > max) {
        ok = false;
        break;
      }
    }
    if (!ok) markInvalid();
    // On failure j points at the offending byte, which is examined again from the top.
    i = j;
  }
  return lines;
}
