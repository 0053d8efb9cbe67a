import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtinRules } from '../../rules/index.js';
import { defineRule, type Rule } from '../../src/engine/rule.js';
import { defaultSettings, lintPost, sortFindings, unreadableFinding } from '../../src/engine/runner.js';
import { parsePost } from '../../src/parser/index.js';

const NOW = new Date('2026-11-23T00:00:00Z');
const TEXT = 'a title\n\nfirst paragraph.\n\nsecond paragraph.\n';
const source = { file: 'a.txt', post: parsePost(TEXT, { file: 'a.txt' }), input: { invalidUtf8Lines: [] } };

const perParagraph = defineRule({
  meta: {
    id: 'per-paragraph',
    description: 'reports every paragraph',
    defaultSeverity: 'warn',
    tags: ['test'],
    docs: 'docs/rules/per-paragraph.md',
    schema: z.strictObject({ prefix: z.string().default('p') }),
  },
  check(post, context) {
    for (const section of post.sections) {
      for (const block of section.blocks) {
        if (block.type === 'paragraph') context.report({ line: block.line, message: `${context.options.prefix} ${block.text}` });
      }
    }
  },
});

const crashing: Rule = {
  meta: { id: 'crashing', description: 'throws', defaultSeverity: 'warn', tags: [], docs: '', schema: z.object({}) },
  check(_post, context) {
    context.report({ line: 5, message: 'reported before the crash' });
    throw new TypeError('cannot read properties of undefined');
  },
};

const reversed: Rule = {
  meta: { id: 'a-reversed', description: 'reports out of order, with odd positions', defaultSeverity: 'error', tags: [], docs: '', schema: z.object({}) },
  check(_post, context) {
    context.report({ line: 5, column: 3, message: 'b' });
    context.report({ line: 3, message: 'a', related: [{ line: 0 }] });
    context.report({ line: 0, column: -1, endLine: 0, message: 'clamped' });
  },
};

describe('lintPost', () => {
  it('runs a rule with its parsed options and severity', () => {
    const settings = new Map([['per-paragraph', { severity: 'error' as const, options: { prefix: 'seen' } }]]);
    expect(lintPost(source, [perParagraph], settings, NOW)).toEqual([
      { ruleId: 'per-paragraph', severity: 'error', message: 'seen first paragraph.', file: 'a.txt', line: 3 },
      { ruleId: 'per-paragraph', severity: 'error', message: 'seen second paragraph.', file: 'a.txt', line: 5 },
    ]);
  });

  it('skips a rule whose severity is off', () => {
    const settings = new Map([['per-paragraph', { severity: 'off' as const, options: { prefix: 'p' } }]]);
    expect(lintPost(source, [perParagraph], settings, NOW)).toEqual([]);
  });

  it('runs a rule missing from the settings with its defaults', () => {
    const findings = lintPost(source, [perParagraph], new Map(), NOW);
    expect(findings.map((finding) => [finding.severity, finding.message])).toEqual([
      ['warn', 'p first paragraph.'],
      ['warn', 'p second paragraph.'],
    ]);
  });

  it('turns a crashing rule into an error finding naming it, and keeps going', () => {
    const findings = lintPost(source, [crashing, perParagraph], new Map(), NOW);
    expect(findings).toContainEqual({
      ruleId: 'crashing',
      severity: 'error',
      message: 'rule crashing crashed and was skipped: cannot read properties of undefined',
      file: 'a.txt',
      line: 1,
    });
    expect(findings.filter((finding) => finding.ruleId === 'per-paragraph')).toHaveLength(2);
  });

  it('a crash that throws a non-Error is reported too', () => {
    const throwsString: Rule = { ...crashing, meta: { ...crashing.meta, id: 'throws-string' }, check: () => { throw 'boom' as unknown as Error; } };
    expect(lintPost(source, [throwsString], new Map(), NOW)[0]!.message).toBe('rule throws-string crashed and was skipped: boom');
  });

  it('sorts findings by line, column and rule, and clamps impossible positions', () => {
    const findings = lintPost(source, [reversed, perParagraph], new Map(), NOW);
    expect(findings.map((finding) => `${finding.line}:${finding.column ?? '-'} ${finding.ruleId} ${finding.message}`)).toEqual([
      '1:- a-reversed clamped',
      '3:- a-reversed a',
      '3:- per-paragraph p first paragraph.',
      '5:- per-paragraph p second paragraph.',
      '5:3 a-reversed b',
    ]);
    expect(findings[1]!.related).toEqual([{ line: 1 }]);
    expect(findings[0]!.endLine).toBeUndefined();
  });

  it('passes now and the input facts to rules', () => {
    let seen: unknown;
    const probe: Rule = { ...crashing, meta: { ...crashing.meta, id: 'probe' }, check: (_post, context) => { seen = [context.now, context.input, context.file]; } };
    lintPost({ ...source, input: { invalidUtf8Lines: [2] } }, [probe], new Map(), NOW);
    expect(seen).toEqual([NOW, { invalidUtf8Lines: [2] }, 'a.txt']);
  });

  it('re-reads a post object that was changed between runs (no stale per-post memo)', () => {
    const duplicate = builtinRules.find((rule) => rule.meta.id === 'duplicate-paragraph')!;
    const post = parsePost('a title\n\nsame words here.\n\nother words here.\n', { file: 'm.txt' });
    const run = () => lintPost({ file: 'm.txt', post, input: { invalidUtf8Lines: [] } }, [duplicate], new Map(), NOW);
    expect(run()).toEqual([]);
    const block = post.sections[0]!.blocks[1]!;
    if (block.type === 'paragraph') block.text = 'Same words, here!';
    expect(run().map((finding) => finding.line)).toEqual([5]);
  });

  it('sortFindings is stable on message', () => {
    const base = { ruleId: 'r', severity: 'warn' as const, file: 'f', line: 1 };
    expect(sortFindings([{ ...base, message: 'b' }, { ...base, message: 'a' }]).map((f) => f.message)).toEqual(['a', 'b']);
  });
});

describe('unreadableFinding', () => {
  it('uses the unreadable-input severity', () => {
    const settings = new Map([['unreadable-input', { severity: 'warn' as const, options: {} }]]);
    expect(unreadableFinding('x.bin', 'binary', settings)?.severity).toBe('warn');
  });
  it('is null when the rule is off', () => {
    expect(unreadableFinding('x.bin', 'binary', new Map([['unreadable-input', { severity: 'off' as const, options: {} }]]))).toBeNull();
  });
  it('defaults to error', () => {
    expect(unreadableFinding('x.bin', 'binary', new Map())).toMatchObject({ ruleId: 'unreadable-input', severity: 'error', line: 1 });
  });
});

describe('defaultSettings', () => {
  it('gives every built-in its default severity and options', () => {
    const settings = defaultSettings(builtinRules);
    expect(settings.size).toBe(builtinRules.length);
    expect(settings.get('scrape-residue')).toEqual({ severity: 'off', options: {} });
    expect(settings.get('stale-review')).toEqual({ severity: 'warn', options: { maxAgeDays: 365 } });
  });
});
