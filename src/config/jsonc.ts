/**
 * Config text as JSONC (comments and trailing commas, as VS Code's settings), through
 * jsonc-parser, the parser VS Code itself uses: every syntax error is reported at once with
 * its line and column. Objects are built with own properties only, so a key such as
 * `__proto__` stays a key (the config checks refuse it) instead of changing the prototype.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { ConfigError } from '../errors.js';

const WORDS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'expected the end of the file',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'comment not closed',
  UnexpectedEndOfString: 'string not closed',
  UnexpectedEndOfNumber: 'number not finished',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

/** 1-based line and column of a character offset (for file:line:col messages). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function valueOf(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key === undefined) continue;
        Object.defineProperty(out, String(key.value), { value: value === undefined ? undefined : valueOf(value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(valueOf);
    default:
      return node.value;
  }
}

/** Parses JSONC; throws one ConfigError listing every syntax error (`file:line:col: invalid JSON: …`). */
export function parseJsonc(text: string, shown: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  const errors: ParseError[] = [];
  const tree = parseTree(body, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  if (errors.length > 0 || tree === undefined) {
    const problems = errors.map((error) => {
      const { line, column } = lineColumn(body, error.offset);
      const code = printParseErrorCode(error.error);
      return `${shown}:${line}:${column}: invalid JSON: ${WORDS[code] ?? code}`;
    });
    // One missing brace is reported by every object it leaves open: each message once.
    const unique = [...new Set(problems)];
    throw ConfigError.of(unique.length > 0 ? unique : [`${shown}: invalid JSON: the file is empty`]);
  }
  return valueOf(tree);
}
