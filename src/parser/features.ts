/**
 * Line features for the classifier: evidence that any language and any site shares, read
 * from one line in one scan of its characters (counts of symbol classes, brackets, quotes,
 * words and function words), plus the shape of its first and last tokens. Every feature is
 * binary and named by a small integer, so a line is a short list of ids and its score for a
 * label is a sum of weights (see classifier.ts). Nothing here knows the labels.
 *
 * Ids: [0, LOCAL_FEATURES) are the local features; neighbours' copies and the context
 * features are laid out after them by the classifier.
 */
import { isCaseless, isFunctionCharacter, isHangul, isIdeographic, isUpperNonAscii, wideToAscii } from './script.js';

/** Features of the line itself. Names are kept for the docs and the fitting script. */
export const LOCAL_NAMES: string[] = [];
function f(name: string): number {
  LOCAL_NAMES.push(name);
  return LOCAL_NAMES.length - 1;
}
function fs(prefix: string, names: readonly string[]): number {
  const first = LOCAL_NAMES.length;
  for (const name of names) LOCAL_NAMES.push(`${prefix}:${name}`);
  return first;
}

const INDENT = fs('indent', ['0', '1-2', '3-4', '5-8', '9+']);
const TAB = f('indent-tab');
const LENGTH = fs('chars', ['1-3', '4-10', '11-30', '31-60', '61-100', '101-200', '201+']);
const WORDS = fs('words', ['1', '2', '3-4', '5-7', '8-12', '13-20', '21-40', '41+']);
const CHAR_CLASSES = ['upper', 'lower', 'digit', 'letter-other', 'non-ascii', '#', '/', '*', '-', '$', '>', '<', '{', '}', '(', ')', '[', ']', '@', '.', '"', "'", '`', '|', '=', '+', '%', '!', '~', '&', '\\', ':', ';', ',', '?', '_', 'symbol'];
const FIRST = fs('first', CHAR_CLASSES);
const LAST = fs('last', CHAR_CLASSES);
const SYMBOLS = fs('symbol-share', ['0', '<3%', '3-6%', '6-12%', '12-25%', '25-40%', '40%+']);
const UPPER = fs('upper-share', ['none', '<5%', '5-15%', '15-40%', '40-80%', '80%+']);
const DIGITS = fs('digit-share', ['0', '<10%', '10-30%', '30%+']);
const CAPITALISED = fs('capitalised-words', ['none', 'some', 'most', 'all']);
const FUNCTION_WORDS = fs('function-words', ['0', '1', '2-3', '4-7', '8+']);
const FUNCTION_SHARE = fs('function-share', ['0', '<15%', '15-30%', '30-45%', '45%+']);
const PLAIN_WORDS = fs('plain-word-share', ['<30%', '30-60%', '60-85%', '85-99%', 'all']);
const SENTENCE_BREAKS = fs('sentence-breaks', ['0', '1', '2+']);
const MARKS = fs('mark', [
  'semicolon-inside', 'brace-open', 'brace-close', 'assign-spaced', 'assign-tight', 'equality', 'arrow-fat', 'arrow-thin',
  'double-colon', 'walrus', 'empty-call', 'call', 'bracket', 'angle-close-tag', 'angle-self-close', 'dollar-var', 'long-flag',
  'short-flag', 'and-or', 'slash-slash', 'double-quote', 'odd-double-quote', 'single-quote-word', 'backtick', 'snake-case', 'camel-case',
  'dotted-name', 'path', 'url', 'at-inside', 'percent', 'star', 'plus', 'version', 'comma-2+', 'question-inside', 'exclaim-inside',
  'colon-space', 'colon-tight', 'pipe', 'unbalanced-open', 'unbalanced-close', 'trailing-backslash', 'hash-inside', 'entity',
  'double-space-inside', 'tab-inside', 'all-lower', 'no-letters', 'one-token', 'ends-colon-after-word', 'ends-paren-colon',
  'opens-quote', 'equals-count-2+', 'operator-spaced', 'dash-dash-space', 'ellipsis',
]);
const BULLET = fs('bullet', ['dot', 'dash', 'star', 'middot', 'endash', 'number-dot', 'number-paren', 'indented']);
const PROMPT = fs('prompt', ['dollar', 'gt', 'ps', 'hash-command', 'percent', 'python', 'markdown-heading']);
const COMMENT = fs('comment', ['slashes', 'hash', 'slash-star', 'star', 'dash-dash', 'semicolons', 'html', 'triple-quote']);
const FIRST_TOKEN = fs('first-token', ['lower', 'capitalised', 'upper', 'mixed', 'symbolic', 'has-digit', 'short', 'ends-paren', 'keyword-like']);
export const HASHED_FIRST_BUCKETS = 1024;
export const HASHED_LAST_BUCKETS = 256;
const HASHED_FIRST = fs('first-word', Array.from({ length: HASHED_FIRST_BUCKETS }, (_, i) => `#${i}`));
const HASHED_LAST = fs('last-word', Array.from({ length: HASHED_LAST_BUCKETS }, (_, i) => `#${i}`));

/** Number of local features: ids below it belong to the line itself. */
export const LOCAL_FEATURES = LOCAL_NAMES.length;
/** Local features that are copied for the neighbours (everything but the hashed words). */
export const SHARED_FEATURES = HASHED_FIRST;

/** English function words: the commonest words of prose in any topic. */
const FUNCTION_WORD_LIST =
  'a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those there ' +
  'we you your our they their he she his her i me my us them not no so than then when which who what how why where can will would ' +
  'should could may might must do does did have has had also just only into about over after before more most some any all each ' +
  'such very here use using see get make let like one two first next now'
;
/** Function words by the hash of their lower-cased form: looked up without building a string. */
const FUNCTION_WORD_HASHES = new Set(FUNCTION_WORD_LIST.split(' ').map((word) => hashLower(word, 0, word.length)));

function charClass(character: number): number {
  let code = character;
  if (code >= 65 && code <= 90) return 0;
  if (code >= 97 && code <= 122) return 1;
  if (code >= 48 && code <= 57) return 2;
  if (code > 127) {
    // Letters of other alphabets (isAlpha) and CJK: letters, by case as ASCII ones (caseless
    // ones as lower-case); sentence punctuation of other scripts: its ASCII twin; the rest
    // (emoji, bullets, dashes, symbols) is "non-ascii".
    if (code !== 0xd7 && code !== 0xf7 && isAlpha(code)) return isUpperNonAscii(code) ? 0 : 1;
    // CJK letters have no case: read as lower-case letters are (as the last character).
    if (isIdeographic(code) || isHangul(code)) return 1;
    const ascii = wideToAscii(code);
    if (ascii === 0) return 4;
    code = ascii;
  }
  switch (code) {
    case 35: return 5; case 47: return 6; case 42: return 7; case 45: return 8; case 36: return 9;
    case 62: return 10; case 60: return 11; case 123: return 12; case 125: return 13; case 40: return 14;
    case 41: return 15; case 91: return 16; case 93: return 17; case 64: return 18; case 46: return 19;
    case 34: return 20; case 39: return 21; case 96: return 22; case 124: return 23; case 61: return 24;
    case 43: return 25; case 37: return 26; case 33: return 27; case 126: return 28; case 38: return 29;
    case 92: return 30; case 58: return 31; case 59: return 32; case 44: return 33; case 63: return 34;
    case 95: return 35;
    default: return 36;
  }
}

/**
 * A letter of an alphabet: ASCII, Latin-1 and Latin Extended, combining accents, Greek,
 * Cyrillic, and the alphabets and abugidas up to Greek Extended (Armenian, Hebrew, Arabic,
 * Devanagari and the other Indic scripts, Thai, Georgian, Latin Extended Additional for
 * Vietnamese), punctuation of those blocks aside. CJK and Hangul are read apart (script.ts).
 */
function isAlpha(code: number): boolean {
  if (code < 0xc0) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return code <= 0x24f || (code >= 0x300 && code <= 0x1fff && wideToAscii(code) === 0 && code !== 0x37e && code !== 0x589 && code !== 0x5be && code !== 0x965);
}
function isAlnum(code: number): boolean {
  return isAlpha(code) || (code >= 48 && code <= 57);
}
function isWordChar(code: number): boolean {
  return isAlnum(code) || code === 95;
}
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

/** Bucket limits, allocated once (a literal in the call would allocate per line). */
const LIMITS_0: readonly number[] = [0, 2, 4, 8];
const LIMITS_1: readonly number[] = [3, 10, 30, 60, 100, 200];
const LIMITS_2: readonly number[] = [1, 2, 4, 7, 12, 20, 40];
const LIMITS_3: readonly number[] = [0.03, 0.06, 0.12, 0.25, 0.4];
const LIMITS_4: readonly number[] = [0.1, 0.3];
const LIMITS_5: readonly number[] = [0, 1, 3, 7];
const LIMITS_6: readonly number[] = [0, 1];
const LIMITS_UPPER: readonly number[] = [0.05, 0.15, 0.4, 0.8];
const LIMITS_SHARE: readonly number[] = [0.15, 0.3, 0.45];
const LIMITS_PLAIN: readonly number[] = [0.3, 0.6, 0.85];

function bucket(value: number, limits: readonly number[]): number {
  let i = 0;
  while (i < limits.length && value > limits[i]!) i++;
  return i;
}

/** FNV-1a over the lower-cased code units of text[from, to). */
function hashLower(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    let code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) code += 32;
    hash ^= code;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Leading whitespace width (a tab counts 4) of a raw line. */
export function indentWidth(raw: string): number {
  let width = 0;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code === 32 || code === 0xa0) width++;
    else if (code === 9) width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** Bullet kinds, as returned by `bulletKind`. */
export const enum Bullet { None = -1, Dot, Dash, Star, Middot, Endash, NumberDot, NumberParen }

/** The bullet that starts a trimmed line, and the offset of its text (0 when none). */
export function bulletAt(text: string): { kind: Bullet; textStart: number } {
  const code = text.charCodeAt(0);
  let kind = Bullet.None;
  let after = 1;
  if (code === 0x2022 || code === 0x25e6 || code === 0x25aa) kind = Bullet.Dot;
  else if (code === 45) kind = Bullet.Dash;
  else if (code === 42) kind = Bullet.Star;
  else if (code === 0xb7) kind = Bullet.Middot;
  else if (code === 0x2013 || code === 0x2014) kind = Bullet.Endash;
  else if (code >= 48 && code <= 57) {
    let i = 1;
    while (i < 3 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    const mark = text.charCodeAt(i);
    if (mark === 46) kind = Bullet.NumberDot;
    else if (mark === 41) kind = Bullet.NumberParen;
    after = i + 1;
  }
  if (kind === Bullet.None) return NO_BULLET;
  if (after === text.length) return { kind, textStart: after };
  if (!isSpace(text.charCodeAt(after))) return NO_BULLET;
  let start = after;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  return { kind, textStart: start };
}
const NO_BULLET = { kind: Bullet.None, textStart: 0 } as const;

/**
 * Marks of code, one bit each, in the order of the MARKS names: bit k of `low` is mark k,
 * bit k of `high` is mark 32 + k. The scan sets bits; the ids are written in one loop over
 * them. (Sixty booleans and sixty guarded stores made one function V8 compiled slowly and
 * recompiled whenever a rare mark first appeared.)
 */
const enum Low {
  SemicolonInside = 1 << 0, BraceOpen = 1 << 1, BraceClose = 1 << 2, AssignSpaced = 1 << 3, AssignTight = 1 << 4,
  Equality = 1 << 5, ArrowFat = 1 << 6, ArrowThin = 1 << 7, DoubleColon = 1 << 8, Walrus = 1 << 9, EmptyCall = 1 << 10,
  Call = 1 << 11, Bracket = 1 << 12, CloseTag = 1 << 13, SelfClose = 1 << 14, DollarVar = 1 << 15, LongFlag = 1 << 16,
  ShortFlag = 1 << 17, AndOr = 1 << 18, SlashSlash = 1 << 19, DoubleQuote = 1 << 20, OddDoubleQuote = 1 << 21,
  SingleQuoteWord = 1 << 22, Backtick = 1 << 23, Snake = 1 << 24, Camel = 1 << 25, Dotted = 1 << 26, Path = 1 << 27,
  Url = 1 << 28, AtInside = 1 << 29, Percent = 1 << 30, Star = 1 << 31,
}
const enum High {
  Plus = 1 << 0, Version = 1 << 1, Commas = 1 << 2, QuestionInside = 1 << 3, ExclaimInside = 1 << 4, ColonSpace = 1 << 5,
  ColonTight = 1 << 6, Pipe = 1 << 7, UnbalancedOpen = 1 << 8, UnbalancedClose = 1 << 9, TrailingBackslash = 1 << 10,
  HashInside = 1 << 11, Entity = 1 << 12, DoubleSpace = 1 << 13, TabInside = 1 << 14, AllLower = 1 << 15,
  NoLetters = 1 << 16, OneToken = 1 << 17, EndsColonAfterWord = 1 << 18, EndsParenColon = 1 << 19, OpensQuote = 1 << 20,
  EqualsTwo = 1 << 21, OperatorSpaced = 1 << 22, DashDashSpace = 1 << 23, Ellipsis = 1 << 24,
}

/** What the character scan counts, by slot of `counts`. */
const enum Count {
  Letters, Upper, Digits, Symbols, Spaces, Words, Capitalised, FunctionWords, PlainWords, SentenceBreaks,
  Brackets, Closers, DoubleQuotes, Equals, Commas, LastWordStart, LastWordEnd, Low, High, Wide, Size,
}
const counts = new Int32Array(Count.Size);

/**
 * Writes the local feature ids of one line into `out` from `at`; returns the new end.
 * `trimmed` is the line without surrounding whitespace (never empty), `indent` its width.
 */
export function localFeatures(trimmed: string, indent: number, tabIndent: boolean, out: Int32Array, at: number): number {
  let n = at;
  const length = trimmed.length;
  // The first 256 characters decide: a longer line is a paragraph or a long line of code
  // either way, and its opening says which. This bounds the cost per line (a 50 KB line
  // costs what a short one does); the last character is read from the real end.
  const end = length > 256 ? 256 : length;
  scanCharacters(trimmed, end);
  const letters = counts[Count.Letters]!, upper = counts[Count.Upper]!, digits = counts[Count.Digits]!;
  const symbols = counts[Count.Symbols]!, spaces = counts[Count.Spaces]!, words = counts[Count.Words]!;
  const capitalised = counts[Count.Capitalised]!, functionWords = counts[Count.FunctionWords]!, plainWords = counts[Count.PlainWords]!;

  out[n++] = INDENT + bucket(indent, LIMITS_0);
  if (tabIndent) out[n++] = TAB;
  // A CJK character is two columns wide and carries about what two Latin letters do.
  out[n++] = LENGTH + bucket(length + counts[Count.Wide]!, LIMITS_1);
  out[n++] = WORDS + bucket(words, LIMITS_2);
  const first = trimmed.charCodeAt(0);
  const lastCharacter = trimmed.charCodeAt(length - 1);
  const last = wideToAscii(lastCharacter) || lastCharacter;
  // A line opening with a letter of a script without capitals (Arabic, Hindi, Chinese) opens
  // as prose and headings do in English, with a capital; a lower-case opening is the mark of
  // a command.
  out[n++] = FIRST + (first > 0x5cf && isCaseless(first) ? 0 : charClass(first));
  out[n++] = LAST + charClass(last);
  const visible = Math.max(1, end - spaces);
  const symbolShare = symbols / visible;
  out[n++] = SYMBOLS + (symbols === 0 ? 0 : bucket(symbolShare, LIMITS_3) + 1);
  out[n++] = UPPER + (upper === 0 ? 0 : bucket(upper / Math.max(1, letters), LIMITS_UPPER) + 1);
  out[n++] = DIGITS + (digits === 0 ? 0 : bucket(digits / visible, LIMITS_4) + 1);
  out[n++] = CAPITALISED + (capitalised === 0 ? 0 : capitalised === plainWords && words >= 2 ? 3 : capitalised * 2 >= words ? 2 : 1);
  out[n++] = FUNCTION_WORDS + bucket(functionWords, LIMITS_5);
  out[n++] = FUNCTION_SHARE + (functionWords === 0 ? 0 : bucket(functionWords / Math.max(1, words), LIMITS_SHARE) + 1);
  out[n++] = PLAIN_WORDS + (plainWords === words ? 4 : bucket(plainWords / Math.max(1, words), LIMITS_PLAIN));
  out[n++] = SENTENCE_BREAKS + bucket(counts[Count.SentenceBreaks]!, LIMITS_6);

  // Marks that depend on the whole line, then one id per mark present.
  let low = counts[Count.Low]!;
  let high = counts[Count.High]!;
  if ((counts[Count.DoubleQuotes]! & 1) === 1) low |= Low.OddDoubleQuote;
  if (counts[Count.Commas]! >= 2) high |= High.Commas;
  if (counts[Count.Brackets]! > counts[Count.Closers]!) high |= High.UnbalancedOpen;
  else if (counts[Count.Brackets]! < counts[Count.Closers]!) high |= High.UnbalancedClose;
  if (last === 92 /* \ */) high |= High.TrailingBackslash;
  if (letters > 0 && upper === 0) high |= High.AllLower;
  if (letters === 0) high |= High.NoLetters;
  if (words === 1) high |= High.OneToken;
  if (last === 58 && length > 1) {
    const before = trimmed.charCodeAt(length - 2);
    if (isAlpha(before) || isIdeographic(before) || isHangul(before)) high |= High.EndsColonAfterWord;
    else if (before === 41) high |= High.EndsParenColon;
  }
  if (first === 34 || first === 0x201c) high |= High.OpensQuote;
  if (counts[Count.Equals]! >= 2) high |= High.EqualsTwo;
  for (let bit = 0; low !== 0; bit++, low >>>= 1) if ((low & 1) !== 0) out[n++] = MARKS + bit;
  for (let bit = 32; high !== 0; bit++, high >>>= 1) if ((high & 1) !== 0) out[n++] = MARKS + bit;

  const bullet = bulletAt(trimmed);
  if (bullet.kind !== Bullet.None) {
    out[n++] = BULLET + bullet.kind;
    if (indent > 0) out[n++] = BULLET + 7;
  }
  n = openerFeatures(trimmed, first, out, n);
  n = tokenFeatures(trimmed, end, bullet.kind !== Bullet.None ? bullet.textStart : 0, out, n);
  const lastWordStart = counts[Count.LastWordStart]!, lastWordEnd = counts[Count.LastWordEnd]!;
  if (lastWordStart >= 0 && lastWordEnd - lastWordStart <= 24 && words > 1 && !isCaseless(trimmed.charCodeAt(lastWordStart))) {
    out[n++] = HASHED_LAST + (hashLower(trimmed, lastWordStart, lastWordEnd) % HASHED_LAST_BUCKETS);
  }
  return n;
}

/** One scan of `trimmed[0, end)`: fills `counts` with the counts and the marks' bits. */
function scanCharacters(trimmed: string, end: number): void {
  let letters = 0, upper = 0, digits = 0, symbols = 0, spaces = 0;
  let words = 0, capitalised = 0, functionWords = 0, plainWords = 0, sentenceBreaks = 0;
  let brackets = 0, closers = 0, doubleQuotes = 0, equals = 0, commas = 0;
  let low = 0, high = 0;
  let wordStart = -1;
  let wordHasUpperInside = false, wordHasLowerBeforeUpper = false, wordPlain = true, wordFirstUpper = false;
  let lastWordStart = -1, lastWordEnd = -1;

  let tokenIdeographs = 0, wide = 0;
  for (let i = 0; i <= end; i++) {
    const code = i < end ? trimmed.charCodeAt(i) : 32;
    // CJK sentence punctuation (`。` `，` `：`) ends a word as a space does, and counts as its
    // ASCII twin.
    const twin = code > 0x3000 ? wideToAscii(code) : 0;
    if (code === 32 || code === 9 || code === 0xa0 || twin !== 0) {
      if (wordStart >= 0) {
        // A token ends: classify it as a word of prose or not.
        words++;
        if (tokenIdeographs > 1) {
          // Chinese and Japanese: about one word every two characters.
          const more = tokenIdeographs >> 1;
          words += more;
          if (wordPlain) plainWords += more;
        }
        tokenIdeographs = 0;
        const tokenLength = i - wordStart;
        if (wordPlain) {
          plainWords++;
          if (wordFirstUpper && tokenLength >= 2) capitalised++;
          if (tokenLength <= 6 && FUNCTION_WORD_HASHES.has(hashLower(trimmed, wordStart, i))) functionWords++;
          lastWordStart = wordStart;
          lastWordEnd = i;
        } else {
          // A word followed by sentence punctuation is still a plain word.
          const lastCode = trimmed.charCodeAt(i - 1);
          if ((lastCode === 46 || lastCode === 44 || lastCode === 58 || lastCode === 63 || lastCode === 33 || lastCode === 59) && tokenLength > 1 && isPlainRange(trimmed, wordStart, i - 1)) {
            plainWords++;
            if (wordFirstUpper) capitalised++;
            if (tokenLength <= 7 && FUNCTION_WORD_HASHES.has(hashLower(trimmed, wordStart, i - 1))) functionWords++;
            lastWordStart = wordStart;
            lastWordEnd = i - 1;
            if (lastCode === 46 && i < end) sentenceBreaks++;
          }
        }
        if (wordHasLowerBeforeUpper && wordHasUpperInside) low |= Low.Camel;
        wordStart = -1;
      }
      if (twin !== 0) {
        if (twin === 44) commas++;
        else if (i + 1 < end) {
          if (twin === 46) sentenceBreaks++;
          else if (twin === 58) high |= High.ColonSpace;
          else if (twin === 63) high |= High.QuestionInside;
          else if (twin === 33) high |= High.ExclaimInside;
        }
        continue;
      }
      if (i < end) {
        spaces++;
        if (code === 9) high |= High.TabInside;
        else if (i + 1 < end && trimmed.charCodeAt(i + 1) === 32 && i > 0) high |= High.DoubleSpace;
      }
      continue;
    }
    if (wordStart < 0) {
      wordStart = i;
      wordHasUpperInside = false;
      wordHasLowerBeforeUpper = false;
      wordPlain = true;
      wordFirstUpper = (code >= 65 && code <= 90) || (code > 127 && isUpperNonAscii(code));
    }
    // Fast path: most characters of any line are lower-case letters.
    if (code >= 97 && code <= 122) {
      letters++;
      continue;
    }
    const previous = i > 0 ? trimmed.charCodeAt(i - 1) : 32;
    const next = i + 1 < end ? trimmed.charCodeAt(i + 1) : 32;
    if (code >= 0x3040 && (isIdeographic(code) || isHangul(code))) {
      letters++;
      wide++;
      if (isFunctionCharacter(code)) functionWords++;
      if (code < 0xac00) tokenIdeographs++;
      continue;
    }
    if (isAlpha(code)) {
      letters++;
      if (code <= 90 || isUpperNonAscii(code)) {
        upper++;
        if (i > wordStart) {
          wordHasUpperInside = true;
          if (previous >= 97 && previous <= 122) wordHasLowerBeforeUpper = true;
        }
      }
      continue;
    }
    if (code >= 48 && code <= 57) {
      digits++;
      if (next === 46 && i + 2 < end && isDigitCode(trimmed.charCodeAt(i + 2))) high |= High.Version;
      continue;
    }
    if (code === 39 /* ' */ && isAlpha(previous) && isAlpha(next)) {
      // An apostrophe inside a word (don't, it's) is prose.
      low |= Low.SingleQuoteWord;
      continue;
    }
    if (code === 45 /* - */ && isAlpha(previous) && isAlpha(next)) continue; // hyphenated word
    if (code === 0x2019 || code === 0x2018 || code === 0x201c || code === 0x201d || code === 0x2014 || code === 0x2013) {
      // Typographic quotes and dashes: typeset prose.
      wordPlain = false;
      continue;
    }
    wordPlain = false;
    if (code > 127) continue;
    symbols++;
    switch (code) {
      case 59: if (i + 1 < end) low |= Low.SemicolonInside; break;
      case 123: brackets++; low |= Low.BraceOpen; break;
      case 125: closers++; low |= Low.BraceClose; break;
      case 40:
        brackets++;
        if (isWordChar(previous)) low |= next === 41 ? Low.Call | Low.EmptyCall : Low.Call;
        break;
      case 41: closers++; break;
      case 91: brackets++; low |= Low.Bracket; break;
      case 93: closers++; low |= Low.Bracket; break;
      case 61:
        equals++;
        if (next === 61 || previous === 33 || previous === 61) low |= Low.Equality;
        else if (next === 62) low |= Low.ArrowFat;
        else if (previous === 58) low |= Low.Walrus;
        else if (previous === 32 && next === 32) low |= Low.AssignSpaced;
        else if (isWordChar(previous) && next !== 32) low |= Low.AssignTight;
        break;
      case 62: if (previous === 45) low |= Low.ArrowThin; break;
      case 58:
        if (next === 58) low |= Low.DoubleColon;
        else if (next === 32) high |= High.ColonSpace;
        else if (next !== 61 && i + 1 < end && !(next === 47 && trimmed.charCodeAt(i + 2) === 47)) high |= High.ColonTight;
        if (next === 47 && trimmed.charCodeAt(i + 2) === 47) low |= Low.Url;
        break;
      case 60:
        if (next === 47) low |= Low.CloseTag;
        break;
      case 47:
        if (previous === 60) low |= Low.CloseTag;
        else if (next === 62) low |= Low.SelfClose;
        else if (next === 47 && previous !== 58) low |= Low.SlashSlash;
        else if (isWordChar(previous) && isWordChar(next)) low |= Low.Path;
        else if (previous === 32 && isWordChar(next)) low |= Low.Path;
        break;
      case 36: if (isAlpha(next) || next === 123 || next === 40 || next === 95) low |= Low.DollarVar; break;
      case 45:
        if (previous === 32 || i === 0) {
          if (next === 45) {
            const third = trimmed.charCodeAt(i + 2);
            if (isAlpha(third)) low |= Low.LongFlag;
            else if (third === 32 || i + 2 >= end) high |= High.DashDashSpace;
          } else if (isAlpha(next)) low |= Low.ShortFlag;
          else if (next === 32 && previous === 32) high |= High.OperatorSpaced;
        }
        break;
      case 38:
        if (next === 38) low |= Low.AndOr;
        else if (isAlpha(next)) {
          // &amp; &lt; &#39;: an HTML entity in scraped prose.
          const semi = trimmed.indexOf(';', i);
          if (semi > i && semi - i <= 8) high |= High.Entity;
        }
        break;
      case 124: if (next === 124) low |= Low.AndOr; else high |= High.Pipe; break;
      case 34: doubleQuotes++; low |= Low.DoubleQuote; break;
      case 96: low |= Low.Backtick; break;
      case 95: if (isAlnum(previous) && isAlnum(next)) low |= Low.Snake; break;
      case 46:
        if (isWordChar(previous) && isAlpha(next)) low |= Low.Dotted;
        if (next === 46 && trimmed.charCodeAt(i + 2) === 46) high |= High.Ellipsis;
        break;
      case 64: if (i > 0 && isWordChar(previous)) low |= Low.AtInside; break;
      case 37: low |= Low.Percent; break;
      case 42: low |= Low.Star; break;
      case 43: if (previous === 32 && next === 32) high |= High.OperatorSpaced; else high |= High.Plus; break;
      case 44: commas++; break;
      case 63: if (i + 1 < end) high |= High.QuestionInside; break;
      case 33: if (i + 1 < end && next !== 61) high |= High.ExclaimInside; break;
      case 35: if (i > 0) high |= High.HashInside; break;
      default: break;
    }
  }
  counts[Count.Letters] = letters; counts[Count.Upper] = upper; counts[Count.Digits] = digits;
  counts[Count.Symbols] = symbols; counts[Count.Spaces] = spaces; counts[Count.Words] = words;
  counts[Count.Capitalised] = capitalised; counts[Count.FunctionWords] = functionWords; counts[Count.PlainWords] = plainWords;
  counts[Count.SentenceBreaks] = sentenceBreaks; counts[Count.Brackets] = brackets; counts[Count.Closers] = closers;
  counts[Count.DoubleQuotes] = doubleQuotes; counts[Count.Equals] = equals; counts[Count.Commas] = commas;
  counts[Count.LastWordStart] = lastWordStart; counts[Count.LastWordEnd] = lastWordEnd;
  counts[Count.Low] = low; counts[Count.High] = high; counts[Count.Wide] = wide;
}

/** Prompts (`$ `, `> `, `PS>`, `# cmd`, `% `, `>>>`, `## `) and comment openers. */
function openerFeatures(trimmed: string, first: number, out: Int32Array, at: number): number {
  let n = at;
  const length = trimmed.length;
  const second = trimmed.charCodeAt(1);
  if (first === 36 && second === 32) out[n++] = PROMPT + 0;
  else if (first === 62 && second === 32) out[n++] = PROMPT + 1;
  else if (first === 80 && second === 83 && (trimmed.charCodeAt(2) === 62 || trimmed.charCodeAt(2) === 32)) out[n++] = PROMPT + 2;
  else if (first === 35 && second === 32 && isAlpha(trimmed.charCodeAt(2)) && trimmed.charCodeAt(2) >= 97) out[n++] = PROMPT + 3;
  else if (first === 37 && second === 32) out[n++] = PROMPT + 4;
  else if (first === 62 && second === 62 && trimmed.charCodeAt(2) === 62) out[n++] = PROMPT + 5;
  if (first === 35) {
    let hashes = 1;
    while (trimmed.charCodeAt(hashes) === 35) hashes++;
    if (hashes <= 6 && trimmed.charCodeAt(hashes) === 32) out[n++] = PROMPT + 6;
  }
  if (first === 47 && second === 47) out[n++] = COMMENT + 0;
  else if (first === 35) out[n++] = COMMENT + 1;
  else if (first === 47 && second === 42) out[n++] = COMMENT + 2;
  else if (first === 42 && (second === 32 || second === 47 || length === 1)) out[n++] = COMMENT + 3;
  else if (first === 45 && second === 45) out[n++] = COMMENT + 4;
  else if (first === 59 && second === 59) out[n++] = COMMENT + 5;
  else if (first === 60 && second === 33) out[n++] = COMMENT + 6;
  else if ((first === 34 || first === 39) && second === first && trimmed.charCodeAt(2) === first) out[n++] = COMMENT + 7;
  return n;
}

/** The first token (after a bullet at `tokenStart`): its case, digits, length, a call, its hashed word. */
function tokenFeatures(trimmed: string, end: number, tokenStart: number, out: Int32Array, at: number): number {
  let n = at;
  let tokenEnd = tokenStart;
  while (tokenEnd < end && !isSpace(trimmed.charCodeAt(tokenEnd))) tokenEnd++;
  const firstCode = trimmed.charCodeAt(tokenStart);
  if (firstCode > 0x5cf && isCaseless(firstCode)) {
    // A word of a script without capitals opens a line as a capitalised word does (see
    // FIRST); no hashed word (the fit saw none, so its bucket would be another word's).
    out[n++] = FIRST_TOKEN + 1;
    return n;
  }
  let core = tokenStart;
  while (core < tokenEnd && isWordChar(trimmed.charCodeAt(core))) core++;
  if (core === tokenStart) {
    out[n++] = FIRST_TOKEN + 4;
    return n;
  }
  let lower = 0, up = 0;
  for (let i = tokenStart; i < core; i++) {
    const code = trimmed.charCodeAt(i);
    if (code >= 97 && code <= 122) lower++;
    else if ((code >= 65 && code <= 90) || (code > 127 && isUpperNonAscii(code))) up++;
    else if (code > 127 && isAlpha(code)) lower++;
  }
  const firstUpper = (firstCode >= 65 && firstCode <= 90) || (firstCode > 127 && isUpperNonAscii(firstCode));
  out[n++] = FIRST_TOKEN + (up === 0 ? 0 : lower === 0 ? 2 : firstUpper && up === 1 ? 1 : 3);
  if (lower + up < core - tokenStart) out[n++] = FIRST_TOKEN + 5;
  if (core - tokenStart <= 2) out[n++] = FIRST_TOKEN + 6;
  if (core < tokenEnd && trimmed.charCodeAt(core) === 40) out[n++] = FIRST_TOKEN + 7;
  if (core < tokenEnd) out[n++] = FIRST_TOKEN + 8;
  const wordEnd = core - tokenStart > 24 ? tokenStart + 24 : core;
  out[n++] = HASHED_FIRST + (hashLower(trimmed, tokenStart, wordEnd) % HASHED_FIRST_BUCKETS);
  return n;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isPlainRange(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!isAlpha(code) && !(code === 39 && i > from) && !(code === 45 && i > from)) return false;
  }
  return true;
}
