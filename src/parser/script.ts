/**
 * What the line features need to know about writing systems other than the Latin, Greek and
 * Cyrillic alphabets: Chinese and Japanese write words without spaces between them, end
 * sentences with `。` and lead-ins with `：`, and have no capitals. Without this, a paragraph
 * of Chinese is one long "token" of unknown characters, which reads like code or a heading.
 * With it, the same features that describe English prose (plain words, function words,
 * sentence punctuation at the end) describe Chinese, Japanese and Korean prose too.
 */

/** Han ideographs and Japanese kana: letters of scripts written without spaces between words. */
export function isIdeographic(code: number): boolean {
  return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** Hangul syllables: letters of a script written with spaces between words, like Latin. */
export function isHangul(code: number): boolean {
  return code >= 0xac00 && code <= 0xd7a3;
}

/**
 * The ASCII twin of sentence punctuation of other scripts (CJK full-width and ideographic
 * forms: `。` `，` `、` `：` `？` `！` `（` `）`; the Devanagari danda `।`; the Arabic comma,
 * question mark and full stop `،` `؟` `۔`), or 0 for any other character. `；` is left out on purpose: an ASCII
 * `;` at the end of a line is a mark of code, and a Chinese `；` is not.
 */
export function wideToAscii(code: number): number {
  if (code < 0x60c) return 0;
  switch (code) {
    case 0x964: case 0x6d4: return 46; // Devanagari danda, Arabic full stop
    case 0x60c: return 44; // Arabic comma
    case 0x61f: return 63; // Arabic question mark
    case 0x3002: case 0xff0e: case 0xff61: return 46; // 。．｡
    case 0xff0c: case 0x3001: case 0xff64: return 44; // ，、､
    case 0xff1a: return 58; // ：
    case 0xff1f: return 63; // ？
    case 0xff01: return 33; // ！
    case 0xff08: return 40; // （
    case 0xff09: return 41; // ）
    default: return 0;
  }
}

/**
 * The commonest one-character words of Chinese and Japanese prose (的 是 在 了, の は を に が)
 * and the commonest Korean particles (은 는 이 가 을 를 에 의): what "function words" are in
 * languages whose words are not split by spaces, or whose particles are glued to the word.
 */
const FUNCTION_CHARACTERS = new Set(
  Array.from('的是在了和有不这也就都而及与或我们你他它此为对将被把从但如果可以一个' + 'のはをにがでともへやからまでです' + '은는이가을를에의도로와과').map((ch) => ch.charCodeAt(0)),
);

export function isFunctionCharacter(code: number): boolean {
  return FUNCTION_CHARACTERS.has(code);
}

/**
 * A capital letter of the Latin-1, Latin Extended-A, Greek or Cyrillic alphabets (ASCII
 * aside): `É`, `Ł`, `Σ`, `Д`. Without it a capitalised Russian or Polish word reads as a
 * lower-case one, and a heading of such words as a command.
 */
export function isUpperNonAscii(code: number): boolean {
  if (code >= 0xc0 && code <= 0xde) return code !== 0xd7;
  if (code >= 0x100 && code <= 0x17f) {
    // Latin Extended-A pairs a capital with its small letter, the capital first, except
    // for the run 0x139-0x148 (capital odd) and the lone 0x178-0x17e.
    if (code >= 0x139 && code <= 0x148) return (code & 1) === 1;
    if (code >= 0x178) return code === 0x178 || code === 0x179 || code === 0x17b || code === 0x17d;
    return (code & 1) === 0 && code !== 0x138;
  }
  if (code >= 0x391 && code <= 0x3ab) return code !== 0x3a2;
  if (code >= 0x400 && code <= 0x42f) return true;
  if ((code >= 0x460 && code <= 0x481) || (code >= 0x48a && code <= 0x4bf)) return (code & 1) === 0;
  // Latin Extended Additional (Vietnamese `Ệ`): capital first in each pair.
  if (code >= 0x1e00 && code <= 0x1eff) return (code & 1) === 0;
  return false;
}

/**
 * A small letter of the alphabets `isUpperNonAscii` knows (`é`, `ł`, `σ`, `д`), or a letter of
 * a script without capitals (Hebrew, Arabic, the Indic scripts, Thai, Georgian): what a word
 * that is not capitalised starts with.
 */
export function isLowerNonAscii(code: number): boolean {
  const cased = (code >= 0xdf && code <= 0x24f && code !== 0xf7) || (code >= 0x3ac && code <= 0x3ff) || (code >= 0x430 && code <= 0x52f) || (code >= 0x1e00 && code <= 0x1eff);
  if (cased) return !isUpperNonAscii(code);
  return isCaseless(code);
}

/**
 * A letter of a script without capitals: Hebrew, Arabic, the Indic scripts, Thai, Georgian,
 * and CJK and Hangul. A line or word that opens with one opens as a capitalised one does in
 * English (commands open lower-case).
 */
export function isCaseless(code: number): boolean {
  if (code >= 0x3040) return isIdeographic(code) || isHangul(code);
  return (code >= 0x5d0 && code <= 0x5ea) || (code >= 0x620 && code <= 0x64a) || (code >= 0x671 && code <= 0x6d3) || (code >= 0x904 && code <= 0xdff) || (code >= 0xe01 && code <= 0xe30) || (code >= 0x10d0 && code <= 0x10fa);
}
