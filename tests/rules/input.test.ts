import invalidEncoding from '../../rules/invalid-encoding.js';
import emptyPost from '../../rules/empty-post.js';
import unreadableInput from '../../rules/unreadable-input.js';
import { describe, expect, it } from 'vitest';
import { unreadableFinding } from '../../src/engine/runner.js';
import { CLEAN, ruleTester } from './rule-tester.js';

describe('unreadable-input', () => {
  it('defaults maxBytes to 5 MB and validates it', () => {
    expect(unreadableInput.meta.schema.parse({})).toEqual({ maxBytes: 5 * 1024 * 1024 });
    expect(unreadableInput.meta.schema.parse({ maxBytes: 1024 })).toEqual({ maxBytes: 1024 });
    expect(unreadableInput.meta.schema.safeParse({ maxBytes: 0 }).success).toBe(false);
    expect(unreadableInput.meta.schema.safeParse({ maxBytes: 'big' }).success).toBe(false);
  });
  it('is reported by the runner with the configured severity, not by check', () => {
    const settings = new Map([['unreadable-input', { severity: 'warn' as const, options: { maxBytes: 10 } }]]);
    expect(unreadableFinding('a.bin', 'binary file (NUL bytes); not parsed', settings)).toEqual({
      ruleId: 'unreadable-input',
      severity: 'warn',
      message: 'binary file (NUL bytes); not parsed',
      file: 'a.bin',
      line: 1,
    });
  });
});

ruleTester(unreadableInput, { valid: [{ name: 'check reports nothing on a parsed post', text: CLEAN }], invalid: [] });

ruleTester(invalidEncoding, {
  valid: [
    { name: 'clean UTF-8', text: CLEAN },
    { name: 'replacement characters typed on purpose are not invalid bytes', text: 'a title\n\nsome text with \uFFFD in it.\n' },
  ],
  invalid: [
    {
      name: 'one finding per line with invalid bytes, sorted and deduplicated',
      text: 'a title\n\nbad \uFFFD byte here.\n\nand \uFFFD here \uFFFD too.\n',
      invalidUtf8Lines: [5, 3, 5],
      errors: [
        { line: 3, messageIncludes: ['not valid UTF-8', 'U+FFFD'] },
        { line: 5, messageIncludes: 'not valid UTF-8' },
      ],
    },
  ],
});

ruleTester(emptyPost, {
  valid: [
    { name: 'a complete article', text: CLEAN },
    { name: 'a title and one paragraph', text: 'a title\n\none paragraph of text.\n' },
    { name: 'a title and only a code block', text: 'a title\n\nfrom fastapi import FastAPI\napp = FastAPI()\n' },
    { name: 'a title and only a checklist', text: 'a title\n\nimplementation checklist\n\n  • check permissions\n  • run tests\n' },
  ],
  invalid: [
    { name: 'an empty file', text: '', errors: [{ line: 1, messageIncludes: 'no title and no body' }] },
    { name: 'a whitespace-only file', text: '  \n\t\n\u00a0\n', errors: [{ line: 1, messageIncludes: 'no title and no body' }] },
    { name: 'a lone title', text: 'just a title\n', errors: [{ line: 1, messageIncludes: ['"just a title"', 'no body after its title'] }] },
    {
      name: 'a title and a meta box but no body',
      text: 'just a title\n\nalphanode post meta\n\ntopicx / y\n',
      errors: [{ line: 1, messageIncludes: 'no body after its title' }],
    },
  ],
});
