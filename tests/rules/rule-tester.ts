/**
 * A small RuleTester in the style of ESLint's: each case is an article text, parsed with the
 * real parser and linted with ONLY the rule under test through `lintPost`, so the rule sees
 * exactly what it sees in `anp lint`. Valid cases must produce no finding; invalid cases
 * must produce exactly the listed findings, in report order (line, column, message).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/engine/rule.js';
import { lintPost } from '../../src/engine/runner.js';
import type { Finding } from '../../src/model/finding.js';
import { parsePost } from '../../src/parser/index.js';

export const NOW = '2026-11-23';

export interface ValidCase {
  /** Shown in the test name; defaults to the start of the text. */
  name?: string;
  text: string;
  /** Rule options as written in a config; parsed by the rule's schema. */
  options?: Record<string, unknown>;
  /** YYYY-MM-DD, default 2026-11-23. */
  now?: string;
  /** 1-based lines with invalid UTF-8, as the reader would report them. */
  invalidUtf8Lines?: number[];
}

export interface ExpectedError {
  line: number;
  /** A substring (or several) the message must contain. */
  messageIncludes: string | string[];
  column?: number;
  endLine?: number;
  /** Lines of the related locations, in order. */
  related?: number[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
}

export function runRule(rule: Rule<any>, testCase: ValidCase): Finding[] {
  const file = 'case.txt';
  const post = parsePost(testCase.text, { file, bytes: Buffer.byteLength(testCase.text) });
  const severity = rule.meta.defaultSeverity === 'off' ? 'warn' : rule.meta.defaultSeverity;
  const settings = new Map([[rule.meta.id, { severity, options: rule.meta.schema.parse(testCase.options ?? {}) }]]);
  const now = new Date(`${testCase.now ?? NOW}T00:00:00Z`);
  return lintPost({ file, post, input: { invalidUtf8Lines: testCase.invalidUtf8Lines ?? [] }, text: testCase.text }, [rule], settings, now);
}

function title(testCase: ValidCase): string {
  return testCase.name ?? testCase.text.replace(/\s+/g, ' ').slice(0, 60);
}

export function ruleTester(rule: Rule<any>, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it('has default options that its schema accepts', () => {
      expect(() => rule.meta.schema.parse({})).not.toThrow();
    });
    if (cases.valid.length > 0) describe('valid', () => {
      for (const testCase of cases.valid) {
        it(title(testCase), () => {
          const findings = runRule(rule, testCase);
          expect(findings.map((finding) => `${finding.line}: ${finding.message}`)).toEqual([]);
        });
      }
    });
    if (cases.invalid.length > 0) describe('invalid', () => {
      for (const testCase of cases.invalid) {
        it(title(testCase), () => {
          const findings = runRule(rule, testCase);
          const summary = findings.map((finding) => `${finding.line}: ${finding.message}`);
          expect(findings.length, `findings:\n${summary.join('\n')}`).toBe(testCase.errors.length);
          testCase.errors.forEach((expected, index) => {
            const finding = findings[index]!;
            expect(finding.ruleId).toBe(rule.meta.id);
            expect(finding.line, summary[index]).toBe(expected.line);
            const includes = Array.isArray(expected.messageIncludes) ? expected.messageIncludes : [expected.messageIncludes];
            for (const part of includes) expect(finding.message).toContain(part);
            if (expected.column !== undefined) expect(finding.column).toBe(expected.column);
            if (expected.endLine !== undefined) expect(finding.endLine).toBe(expected.endLine);
            if (expected.related !== undefined) expect((finding.related ?? []).map((related) => related.line)).toEqual(expected.related);
          });
        });
      }
    });
  });
}

/** The clean article every rule must accept (fixtures/rules/clean.txt). */
export const CLEAN = readFileSync(new URL('../../fixtures/rules/clean.txt', import.meta.url), 'utf8');

/**
 * The clean article with some lines replaced: each pair is [exact text, replacement].
 * Throws when a text is not found, so a case never passes by editing nothing.
 */
export function edit(text: string, ...replacements: Array<[string, string]>): string {
  let result = text;
  for (const [from, to] of replacements) {
    if (!result.includes(from)) throw new Error(`edit: ${JSON.stringify(from)} not found`);
    result = result.replace(from, to);
  }
  return result;
}

/** The clean article with these replacements. */
export function cleanWith(...replacements: Array<[string, string]>): string {
  return edit(CLEAN, ...replacements);
}

/** The line number (1-based) of the first line of CLEAN containing `text`. */
export function lineOf(text: string, source = CLEAN): number {
  const index = source.split('\n').findIndex((line) => line.includes(text));
  if (index === -1) throw new Error(`lineOf: ${JSON.stringify(text)} not found`);
  return index + 1;
}
