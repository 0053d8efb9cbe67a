/**
 * The rule docs are tested: for every rule page, the flagged example produces exactly the
 * findings written under it, the clean example produces none, and the options table lists
 * exactly the options of the rule's schema with their real defaults.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtinRules } from '../../rules/index.js';
import { optionDescriptions, type Rule } from '../../src/engine/rule.js';
import { lintPosts } from '../../src/engine/corpus.js';
import { parsePost } from '../../src/parser/index.js';
import { NOW, runRule } from './rule-tester.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** The body of the first fenced block with this info string after `from`. */
function block(markdown: string, info: string, from = 0): string | undefined {
  const start = markdown.indexOf('```' + info + '\n', from);
  if (start === -1) return undefined;
  const bodyStart = start + info.length + 4;
  return markdown.slice(bodyStart, markdown.indexOf('\n```', bodyStart - 1));
}

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start === -1) return '';
  const next = markdown.indexOf('\n## ', start + heading.length + 2);
  return markdown.slice(start, next === -1 ? undefined : next);
}

/**
 * A corpus rule's example is a corpus: the text in `copies` files (post-1.txt, …) linted as
 * one run with only that rule; the findings compared are those of post-2.txt (the docs say so).
 */
function runCorpusExample(rule: Rule<any>, text: string, options: Record<string, unknown> | undefined, copies: number, second?: string) {
  const sources = Array.from({ length: copies }, (_, index) => {
    const file = `post-${index + 1}.txt`;
    // A ```text second block: post-2.txt is that text (a near copy) instead of a copy.
    const body = index === 1 && second !== undefined ? second : text;
    return { file, post: parsePost(body, { file, bytes: Buffer.byteLength(body) }), input: { invalidUtf8Lines: [] } };
  });
  const settings = new Map([[rule.meta.id, { severity: 'warn' as const, options: rule.meta.schema.parse(options ?? {}) }]]);
  const results = lintPosts(sources, [rule], settings, new Date(`${NOW}T00:00:00Z`));
  return { all: results.flatMap((result) => result.findings), second: results[1]?.findings ?? [] };
}

describe('docs/rules', () => {
  for (const rule of builtinRules) {
    const id = rule.meta.id;
    const doc = read(rule.meta.docs);

    describe(id, () => {
      it('has the title, description, default severity and the standard sections', () => {
        expect(doc.startsWith(`# ${id}\n`)).toBe(true);
        expect(doc).toContain(`| Default severity | \`${rule.meta.defaultSeverity}\` |`);
        for (const heading of ['## What it flags', '## Why it matters', '## Options', '## Examples', '### Flagged', '### Clean']) {
          expect(doc, heading).toContain(`\n${heading}\n`);
        }
      });

      it('documents exactly the schema options, with their defaults', () => {
        const shape = (rule.meta.schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
        const rows = [...section(doc, '## Options').matchAll(/^\| `([A-Za-z]+)` \| [^|]+ \| ([^|]+) \|/gm)];
        expect(rows.map((row) => row[1])).toEqual(Object.keys(shape));
        const defaults = rule.meta.schema.parse({}) as Record<string, unknown>;
        for (const [, name, column] of rows) {
          const written = column!.trim();
          if (written.startsWith('`') && written.endsWith('`')) {
            expect(JSON.parse(written.slice(1, -1)), name).toEqual(defaults[name!]);
          }
        }
        if (rows.length === 0) expect(section(doc, '## Options')).toContain('None.');
      });

      it("describes each option with its schema's .describe() text (npm run gen-schema writes it)", () => {
        const descriptions = optionDescriptions(rule);
        const shape = (rule.meta.schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
        for (const name of Object.keys(shape)) expect(descriptions[name], `${rule.meta.id}.${name} has no .describe()`).toEqual(expect.any(String));
        const rows = [...section(doc, '## Options').matchAll(/^\| `([A-Za-z]+)` \| [^|]+ \| [^|]+ \| ([^|\n]*) \|$/gm)];
        for (const [, name, meaning] of rows) expect(meaning, name).toBe(descriptions[name!]);
      });

      const examples = doc.indexOf('\n## Examples\n');
      const flaggedAt = doc.indexOf('\n### Flagged\n', examples);
      const cleanAt = doc.indexOf('\n### Clean\n', examples);
      const flagged = block(doc, 'text', flaggedAt);
      const clean = block(doc, 'text', cleanAt);
      const expected = block(doc, 'findings', flaggedAt);
      const optionsBlock = block(doc, 'json options', examples);
      const options = optionsBlock === undefined ? undefined : (JSON.parse(optionsBlock) as Record<string, unknown>);
      const facts = (text: string) => ({
        invalidUtf8Lines: text.split('\n').flatMap((line, index) => (line.includes('\uFFFD') ? [index + 1] : [])),
      });

      if (id === 'unreadable-input') return; // reported before parsing; no text example to run

      if (rule.corpus) {
        // Copies: minPosts of the rule (corpus-duplicate-paragraph), else 2 (near-duplicate-article).
        const perPost = (rule.meta.schema.parse(options ?? {}) as { minPosts?: number }).minPosts;
        const minPosts = perPost ?? 2;
        // corpus-duplicate-paragraph reports every post; near-duplicate-article all but the first.
        const flaggedFiles = perPost ?? minPosts - 1;
        const flaggedSecondAt = doc.indexOf('```text second\n', flaggedAt);
        const flaggedSecond = flaggedSecondAt !== -1 && flaggedSecondAt < cleanAt ? block(doc, 'text second', flaggedAt) : undefined;
        const cleanSecond = block(doc, 'text second', cleanAt);
        it(`the flagged example, in ${minPosts} posts, produces the findings written under it`, () => {
          expect(flagged, 'a ```text block under ### Flagged').toBeDefined();
          expect(expected, 'a ```findings block under ### Flagged').toBeDefined();
          const { all, second } = runCorpusExample(rule, flagged!, options, minPosts, flaggedSecond);
          expect(second.map((finding) => `${finding.line}: ${finding.message}`).join('\n')).toBe(expected!.trim());
          expect(new Set(all.map((finding) => finding.file)).size).toBe(flaggedFiles);
        });
        const cleanPosts = cleanSecond === undefined ? minPosts - 1 : 2;
        it(`the clean example, in ${cleanPosts} posts, produces no finding`, () => {
          expect(clean, 'a ```text block under ### Clean').toBeDefined();
          const { all } = runCorpusExample(rule, clean!, options, cleanPosts, cleanSecond);
          expect(all.map((finding) => `${finding.file}:${finding.line}: ${finding.message}`)).toEqual([]);
        });
        return;
      }

      it('the flagged example produces the findings written under it', () => {
        expect(flagged, 'a ```text block under ### Flagged').toBeDefined();
        expect(expected, 'a ```findings block under ### Flagged').toBeDefined();
        const findings = runRule(rule, { text: flagged!, ...(options ? { options } : {}), ...facts(flagged!) });
        expect(findings.map((finding) => `${finding.line}: ${finding.message}`).join('\n')).toBe(expected!.trim());
      });

      it('the clean example produces no finding', () => {
        expect(clean, 'a ```text block under ### Clean').toBeDefined();
        const findings = runRule(rule, { text: clean!, ...(options ? { options } : {}), ...facts(clean!) });
        expect(findings.map((finding) => `${finding.line}: ${finding.message}`)).toEqual([]);
      });
    });
  }
});
