import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRuleIds, builtinRules, findRule } from '../../rules/index.js';

const root = new URL('../../', import.meta.url);

describe('the built-in rule registry', () => {
  it('has every catalog rule, once each', () => {
    expect(builtinRuleIds).toEqual([
      'unreadable-input', 'invalid-encoding', 'empty-post',
      'duplicate-paragraph', 'near-duplicate-paragraph', 'repeated-sentence', 'duplicate-code-block',
      'meta-missing', 'meta-field-missing', 'meta-invalid', 'meta-duplicate-field', 'meta-unknown-field', 'meta-label-style',
      'stale-review', 'future-review', 'needs-review',
      'topic-mismatch', 'checklist-mismatch', 'image-mismatch', 'paragraph-count-mismatch', 'reference-mismatch', 'placeholder-image',
      'empty-section', 'scrape-residue',
      'corpus-duplicate-paragraph', 'near-duplicate-article',
    ]);
  });

  it('registers one file per rule, named by its id', () => {
    const files = readdirSync(new URL('rules/', root)).filter((name) => name.endsWith('.ts') && name !== 'index.ts');
    expect(files.map((name) => name.replace(/\.ts$/, '')).sort()).toEqual([...builtinRuleIds].sort());
  });

  it.each(builtinRules.map((rule) => [rule.meta.id, rule] as const))('%s has complete meta and docs', (id, rule) => {
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(rule.meta.description.length).toBeGreaterThan(10);
    expect(['error', 'warn', 'off']).toContain(rule.meta.defaultSeverity);
    expect(rule.meta.tags.length).toBeGreaterThan(0);
    expect(rule.meta.docs).toBe(`docs/rules/${id}.md`);
    expect(existsSync(new URL(rule.meta.docs, root))).toBe(true);
    expect(() => rule.meta.schema.parse({})).not.toThrow();
    // Unknown options are rejected, so a typo in a config is caught.
    expect(rule.meta.schema.safeParse({ noSuchOption: 1 }).success).toBe(false);
  });

  it('only the corpus rules have a corpus phase (and summaries for the workers)', () => {
    const corpusRules = builtinRules.filter((rule) => typeof rule.corpus === 'function');
    expect(corpusRules.map((rule) => rule.meta.id)).toEqual(['corpus-duplicate-paragraph', 'near-duplicate-article']);
    expect(corpusRules.every((rule) => typeof rule.corpusSummary === 'function')).toBe(true);
    expect(findRule('corpus-duplicate-paragraph')?.meta.defaultSeverity).toBe('off');
    expect(findRule('near-duplicate-article')?.meta.defaultSeverity).toBe('off');
    for (const rule of corpusRules) expect(rule.meta.tags).toEqual(['corpus']);
  });

  it('has the catalog default severities', () => {
    const severity = Object.fromEntries(builtinRules.map((rule) => [rule.meta.id, rule.meta.defaultSeverity]));
    expect(severity).toMatchObject({
      'unreadable-input': 'error', 'invalid-encoding': 'error', 'empty-post': 'error',
      'duplicate-paragraph': 'error', 'near-duplicate-paragraph': 'warn', 'repeated-sentence': 'warn', 'duplicate-code-block': 'warn',
      'meta-missing': 'error', 'meta-field-missing': 'error', 'meta-invalid': 'error', 'meta-duplicate-field': 'warn', 'meta-unknown-field': 'warn',
      'stale-review': 'warn', 'future-review': 'error', 'needs-review': 'warn',
      'topic-mismatch': 'warn', 'checklist-mismatch': 'warn', 'image-mismatch': 'warn', 'paragraph-count-mismatch': 'warn',
      'reference-mismatch': 'warn', 'placeholder-image': 'warn', 'empty-section': 'warn', 'scrape-residue': 'off',
      'corpus-duplicate-paragraph': 'off', 'near-duplicate-article': 'off',
    });
  });

  it('findRule looks a rule up by id', () => {
    expect(findRule('stale-review')?.meta.id).toBe('stale-review');
    expect(findRule('no-such-rule')).toBeUndefined();
    expect(findRule('x', [])).toBeUndefined();
  });
});
