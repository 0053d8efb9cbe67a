/**
 * `--fix` through the API (`createLinter({ fix: true })`): RuleTester-style tables of input
 * text -> output text for each fixable rule, idempotence (a second pass changes no byte),
 * line endings, BOM and final newline kept, the structure guard, and the fix machinery
 * (applyFixes, removeLinesFix) on their own.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes, checkStructure, createLinter, defineRule, parse, removeLinesFix, SourceText, structureOf, type Fix, type LintResult, type Post } from '../../src/index.js';
import { corpusArticle, createRandom } from '../../bench/generate.js';
import { decodeEscaped, encodeEscaped, escapedLines, replaceEscapes } from '../../src/io/escape.js';
import { invalidUtf8Lines } from '../../src/io/utf8.js';
import { makeTree, REPO_ROOT } from '../cli/helpers.js';

const NOW = '2026-11-23';

/** A post with a meta box that only the rule under test objects to. */
function fixOnly(rule: string, text: string, options: Record<string, unknown> = {}): Promise<LintResult> {
  const linter = createLinter({ now: NOW, config: false, rules: { [rule]: ['warn', options] }, cwd: REPO_ROOT, fix: (finding) => finding.ruleId === rule });
  return linter.lintText(text, { filePath: 'case.txt' });
}

interface FixCase { name: string; input: string; output: string; options?: Record<string, unknown> }

function fixTable(rule: string, cases: FixCase[]): void {
  describe(`${rule} --fix`, () => {
    for (const testCase of cases) {
      it(testCase.name, async () => {
        const result = await fixOnly(rule, testCase.input, testCase.options);
        expect(result.output ?? testCase.input).toBe(testCase.output);
        expect(result.findings.filter((finding) => finding.ruleId === rule && finding.fix)).toEqual([]);
        // Idempotent: fixing the output again changes nothing.
        const again = await fixOnly(rule, testCase.output, testCase.options);
        expect(again.output).toBeUndefined();
      });
    }
  });
}

const P1 = 'caching keeps the slowest endpoint fast when traffic grows quickly.';
const P2 = 'measure the hit rate before and after every change you make to it.';
const P3 = 'write the final note so another developer can repeat the change.';
const S = 'for this case keep the owner and the rollback plan written down.';

fixTable('duplicate-paragraph', [
  { name: 'drops the later copy and its blank line', input: `a title for the post\n\n${P1}\n\n${P2}\n\n${P1}\n\n${P3}\n`, output: `a title for the post\n\n${P1}\n\n${P2}\n\n${P3}\n` },
  { name: 'a copy ending the file takes the blank line before it', input: `a title for the post\n\n${P1}\n\n${P2}\n\n${P1}\n`, output: `a title for the post\n\n${P1}\n\n${P2}\n` },
  { name: 'no final newline stays so', input: `a title for the post\n\n${P1}\n\n${P2}\n\n${P1}`, output: `a title for the post\n\n${P1}\n\n${P2}` },
  { name: 'three copies: both later ones go', input: `a title for the post\n\n${P1}\n\n${P1}\n\n${P2}\n\n${P1}\n`, output: `a title for the post\n\n${P1}\n\n${P2}\n` },
  {
    name: 'when the later copy is all its section holds, the first copy goes',
    input: `a title for the post\n\nfirst part\n\n${P1}\n\n${P2}\n\nsecond part\n\n${P1}\n`,
    output: `a title for the post\n\nfirst part\n\n${P2}\n\nsecond part\n\n${P1}\n`,
  },
  { name: 'a copy differing only in case and punctuation', input: `a title for the post\n\n${P1}\n\n${P2}\n\n${P1.toUpperCase().replace('.', '!')}\n`, output: `a title for the post\n\n${P1}\n\n${P2}\n` },
]);

fixTable('repeated-sentence', [
  { name: 'the second occurrence goes with its space', input: `a title for the post\n\n${S} ${P1}\n\n${P2} ${S} ${P3}\n`, output: `a title for the post\n\n${S} ${P1}\n\n${P2} ${P3}\n` },
  { name: 'at the end of a paragraph it takes the space before', input: `a title for the post\n\n${S} ${P1}\n\n${P2} ${S}\n`, output: `a title for the post\n\n${S} ${P1}\n\n${P2}\n` },
  { name: 'a paragraph whose every sentence goes, goes whole', input: `a title for the post\n\n${S}\n\n${P3}\n\n${S} ${P3}\n\n${P2}\n`, output: `a title for the post\n\n${S}\n\n${P3}\n\n${P2}\n` },
  {
    name: 'rather than a whole paragraph, an occurrence in a paragraph that keeps other sentences goes (the paragraph count stays)',
    input: `a title for the post\n\n${P1} ${S}\n\n${S}\n\n${P2}\n`,
    output: `a title for the post\n\n${P1}\n\n${S}\n\n${P2}\n`,
  },
  {
    name: 'when the later one is all its section holds, the first goes',
    input: `a title for the post\n\nfirst part\n\n${S} ${P1}\n\nsecond part\n\n${S}\n`,
    output: `a title for the post\n\nfirst part\n\n${P1}\n\nsecond part\n\n${S}\n`,
  },
  {
    name: 'each paragraph keeps a sentence when the sentences allow it (a matching, not the text order)',
    input: `a title for the post\n\n${S} ${P3}\n\n${S}\n\n${P3} ${P1}\n`,
    output: `a title for the post\n\n${P3}\n\n${S}\n\n${P1}\n`,
  },
  { name: 'max: 2 keeps two', options: { max: 2 }, input: `a title for the post\n\n${S} ${P1}\n\n${S} ${P2}\n\n${P3} ${S}\n`, output: `a title for the post\n\n${S} ${P1}\n\n${S} ${P2}\n\n${P3}\n` },
  { name: 'three in one paragraph (two passes)', input: `a title for the post\n\n${S} ${P1} ${S} ${P2} ${S}\n`, output: `a title for the post\n\n${S} ${P1} ${P2}\n` },
  { name: 'an indented line keeps its indentation', input: `a title for the post\n\n${S} ${P1}\n\n ${P2} ${S} ${P3}\n`, output: `a title for the post\n\n${S} ${P1}\n\n ${P2} ${P3}\n` },
]);

const CODE = 'from fastapi import FastAPI\napp = FastAPI()\n\n@app.get(\'/health\')\ndef health():\n    return {\'ok\': True}';
fixTable('duplicate-code-block', [
  {
    name: 'drops the later copy, fences and all',
    input: `a title for the post\n\n${P1}\n\n\`\`\`python\n${CODE}\n\`\`\`\n\n${P2}\n\n\`\`\`python\n${CODE}\n\`\`\`\n\n${P3}\n`,
    output: `a title for the post\n\n${P1}\n\n\`\`\`python\n${CODE}\n\`\`\`\n\n${P2}\n\n${P3}\n`,
  },
]);

const META_HEAD = `a title for the post\n\n${P1}\n\nalphanode post meta\n\n`;
fixTable('meta-unknown-field', [
  { name: 'a misspelt label becomes the known one', input: `${META_HEAD}topiccaching / python\nreadng time: 13\n`, output: `${META_HEAD}topiccaching / python\nreading time: 13\n` },
  { name: 'with bullets below it', input: `${META_HEAD}topiccaching / python\nrevison:\n  • status: reviewed\n`, output: `${META_HEAD}topiccaching / python\nrevision:\n  • status: reviewed\n` },
  { name: 'not when the field is there already', input: `${META_HEAD}reading time13\nreadng time: 14\n`, output: `${META_HEAD}reading time13\nreadng time: 14\n` },
  { name: 'not a label with no near known one', input: `${META_HEAD}topiccaching / python\ncanonical url: https://example.org/x\n`, output: `${META_HEAD}topiccaching / python\ncanonical url: https://example.org/x\n` },
]);

fixTable('meta-label-style', [
  { name: 'case and separator follow a glued box', input: `${META_HEAD}topiccaching / python\ndifficultybeginner\nReading Time: 13\n`, output: `${META_HEAD}topiccaching / python\ndifficultybeginner\nreading time13\n` },
  { name: 'a colon box gets colons', input: `${META_HEAD}topic: caching / python\ndifficulty: beginner\nreading time - 13\n`, output: `${META_HEAD}topic: caching / python\ndifficulty: beginner\nreading time: 13\n` },
  { name: 'spacing of a label with bullets', input: `${META_HEAD}topiccaching / python\nREVISION\n  • status: reviewed\n`, output: `${META_HEAD}topiccaching / python\nrevision\n  • status: reviewed\n` },
  { name: 'separator: colon', options: { separator: 'colon' }, input: `${META_HEAD}topiccaching / python\n`, output: `${META_HEAD}topic: caching / python\n` },
  { name: 'a value that gluing would change is left', input: `${META_HEAD}topiccaching / python\nsummaryshort\nreading time: -5\n`, output: `${META_HEAD}topiccaching / python\nsummaryshort\nreading time: -5\n` },
]);

describe('line endings, BOM and final newline', () => {
  const body = [`a title for the post`, '', P1, '', P2, '', P1, '', P3];
  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`keeps ${name}`, async () => {
      const result = await fixOnly('duplicate-paragraph', body.join(eol) + eol);
      expect(result.output).toBe([...body.slice(0, 6), P3].join(eol) + eol);
    });
  }
  it('keeps a BOM (text and bytes) and a missing final newline', async () => {
    const text = `\uFEFF${body.join('\r\n')}`;
    const expected = `\uFEFF${[...body.slice(0, 6), P3].join('\r\n')}`;
    expect((await fixOnly('duplicate-paragraph', text)).output).toBe(expected);
    const linter = createLinter({ now: NOW, config: false, cwd: REPO_ROOT, fix: true });
    const fromBytes = await linter.lintText(Buffer.from(text), { filePath: 'b.txt' });
    expect(fromBytes.output).toBe(expected);
  });
  it('fixes a file with bytes that are not UTF-8 and writes those bytes back unchanged', async () => {
    const bad = Buffer.from([0xff, 0xe2, 0x82]); // a stray byte and a truncated sequence
    const bytes = Buffer.concat([Buffer.from(`a title for the post\n\n${P1}\n\nbroken `), bad, Buffer.from(` byte ${P2}\n\n${P1}\n\n${P3}\n`)]);
    const expected = Buffer.concat([Buffer.from(`a title for the post\n\n${P1}\n\nbroken `), bad, Buffer.from(` byte ${P2}\n\n${P3}\n`)]);
    const root = await makeTree({ 'bad.txt': bytes.toString('latin1') });
    writeFileSync(path.join(root, 'bad.txt'), bytes);
    const linter = createLinter({ now: NOW, config: false, cwd: root, fix: true });
    const results: LintResult[] = [];
    for await (const result of linter.lintFiles('.')) results.push(result);
    expect(results[0]!.output).toBeDefined();
    expect(results[0]!.findings.map((finding) => finding.ruleId)).toContain('invalid-encoding');
    expect(results[0]!.findings.find((finding) => finding.ruleId === 'invalid-encoding')!.line).toBe(5);
    await linter.outputFixes(results);
    expect(readFileSync(path.join(root, 'bad.txt')).equals(expected)).toBe(true);
    // A second run changes nothing; an invalid file with nothing to fix is not rewritten.
    const again: LintResult[] = [];
    for await (const result of linter.lintFiles('.')) again.push(result);
    expect(again[0]!.output).toBeUndefined();
  });
  it('escape.ts: every byte string decodes and encodes back to itself', () => {
    const random = createRandom(7);
    const alphabet = [0x0a, 0x0d, 0x41, 0x80, 0xbf, 0xc2, 0xc3, 0xa9, 0xe0, 0xe2, 0x82, 0xac, 0xed, 0xa0, 0xef, 0xbb, 0xf0, 0x9f, 0xf4, 0x90, 0xff];
    for (let run = 0; run < 1000; run++) {
      const bytes = Buffer.from(Array.from({ length: Math.floor(random() * 16) }, () => alphabet[Math.floor(random() * alphabet.length)]!));
      const text = decodeEscaped(bytes);
      const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(0, 3) : Buffer.alloc(0);
      expect(Buffer.concat([bom, encodeEscaped(text)]).equals(bytes)).toBe(true);
      expect(replaceEscapes(text)).toHaveLength(text.length);
      expect(escapedLines(text)).toEqual(invalidUtf8Lines(bytes));
    }
  });
});

describe('the structure guard', () => {
  it('drops a fix whose text re-parses to another structure', async () => {
    // A custom rule whose "fix" deletes the title: the guard must refuse it.
    const breaksTitle = defineRule({
      meta: { id: 'drop-title', description: 'test rule that offers a harmful fix', defaultSeverity: 'warn', fixable: true },
      check(post, context) {
        if (context.source && post.title !== null) context.report({ line: 1, message: 'title', fix: removeLinesFix(context.source, 1, 1) });
      },
    });
    const linter = createLinter({ now: NOW, config: false, cwd: REPO_ROOT, customRules: [breaksTitle], fix: (finding) => finding.ruleId === 'drop-title' });
    const result = await linter.lintText(`a title for the post\n\n${P1}\n`);
    expect(result.output).toBeUndefined();
    expect(result.findings.some((finding) => finding.ruleId === 'drop-title')).toBe(true);
  });

  it('allows removed duplicate code blocks and a misspelt label becoming known, nothing else', () => {
    const before = structureOf(parse(`a title\n\n${P1}\n\n\`\`\`\nx = 1\n\`\`\`\n\n${P2}\n\n\`\`\`\nx = 1\n\`\`\`\n\nalphanode post meta\n\nreadng time: 13\n`));
    const fixed = structureOf(parse(`a title\n\n${P1}\n\n\`\`\`\nx = 1\n\`\`\`\n\n${P2}\n\nalphanode post meta\n\nreading time: 13\n`));
    expect(checkStructure(before, fixed)).toBeNull();
    const otherValue = structureOf(parse(`a title\n\n${P1}\n\n\`\`\`\nx = 1\n\`\`\`\n\n${P2}\n\nalphanode post meta\n\nreading time: 14\n`));
    expect(checkStructure(before, otherValue)).toMatch(/meta field readingTime appeared/);
    const lostCode = structureOf(parse(`a title\n\n${P1}\n\n${P2}\n\nalphanode post meta\n\nreadng time: 13\n`));
    expect(checkStructure(before, lostCode)).toBe('a code block changed');
    expect(checkStructure(before, { ...before, headings: ['x'] })).toBe('the headings changed');
    expect(checkStructure(before, { ...before, checklist: ['x'] })).toBe('the checklist changed');
  });

  it('on the five samples: fixed posts keep title, headings, code (minus copies), checklist and meta', async () => {
    const dir = path.join(REPO_ROOT, 'fixtures/samples');
    const linter = createLinter({ now: NOW, config: false, cwd: REPO_ROOT, fix: true });
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.txt'))) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      const result = await linter.lintText(text, { filePath: name });
      const after = result.output ?? text;
      expect(checkStructure(structureOf(parse(text)), structureOf(parse(after))), name).toBeNull();
      expect(result.findings.filter((finding) => ['duplicate-paragraph', 'duplicate-code-block', 'repeated-sentence'].includes(finding.ruleId)), name).toEqual([]);
      expect((await linter.lintText(after, { filePath: name })).output, `${name}: second --fix`).toBeUndefined();
    }
  });
});

/**
 * What `anp export` of a fixed post must keep, compared field by field on the parsed posts
 * (not with the guard's own checkStructure): title, headings, code blocks (less later
 * copies of an earlier block), checklist, meta field values; unknown meta entries may only
 * have become their field.
 */
function exportDifferences(before: Post, after: Post): string[] {
  const problems: string[] = [];
  if (before.title !== after.title) problems.push('title');
  if (JSON.stringify(before.sections.map((s) => s.heading)) !== JSON.stringify(after.sections.map((s) => s.heading))) problems.push('headings');
  const seen = new Set<string>();
  const firstCopies = before.codeBlocks.filter((block) => {
    const key = block.text.split('\n').map((line) => line.trimEnd()).join('\n').trim();
    const again = key.length > 0 && seen.has(key);
    seen.add(key);
    return !again;
  });
  const code = (blocks: Post['codeBlocks']): string => JSON.stringify(blocks.map((block) => [block.lang, block.text]));
  if (code(after.codeBlocks) !== code(before.codeBlocks) && code(after.codeBlocks) !== code(firstCopies)) problems.push('code blocks');
  if (JSON.stringify(before.checklist.map((item) => item.text)) !== JSON.stringify(after.checklist.map((item) => item.text))) problems.push('checklist');
  const fieldsBefore: Record<string, unknown> = before.meta?.fields ?? {};
  const fieldsAfter: Record<string, unknown> = after.meta?.fields ?? {};
  for (const key of Object.keys(fieldsBefore)) if (JSON.stringify(fieldsAfter[key]) !== JSON.stringify(fieldsBefore[key])) problems.push(`meta ${key}`);
  const appeared = Object.keys(fieldsAfter).filter((key) => !(key in fieldsBefore)).length;
  if (appeared > (before.meta?.extra.length ?? 0) - (after.meta?.extra.length ?? 0)) problems.push('meta field appeared');
  return problems;
}

describe('fixed posts export the same structure', () => {
  const linter = createLinter({ now: NOW, config: false, cwd: REPO_ROOT, fix: true });
  const duplication = new Set(['duplicate-paragraph', 'duplicate-code-block', 'repeated-sentence']);
  const articles = [
    ...readdirSync(path.join(REPO_ROOT, 'fixtures/samples')).filter((file) => file.endsWith('.txt')).map((name) => ({ name, bytes: readFileSync(path.join(REPO_ROOT, 'fixtures/samples', name)) })),
    // Generated articles with every kind of noise the bench corpus has (a fixed seed).
    ...Array.from({ length: 36 }, (_, index) => ({ name: `generated-${index}`, bytes: corpusArticle(index, 11, { noiseRate: 0.8 }).bytes })),
  ];
  it(`the samples and ${articles.length - 5} generated articles: title, headings, code, checklist and meta kept; no duplicate left unexplained; a second fix changes nothing`, async () => {
    let fixedCount = 0;
    for (const { name, bytes } of articles) {
      const result = await linter.lintText(bytes, { filePath: name });
      if (result.output === undefined) continue;
      fixedCount++;
      const text = new TextDecoder().decode(bytes);
      expect(exportDifferences(parse(text), parse(result.output)), name).toEqual([]);
      const left = result.findings.filter((finding) => duplication.has(finding.ruleId));
      const refused = (result.fixesRefused ?? []).filter((refusal) => duplication.has(refusal.ruleId));
      expect(left.map((finding) => `${finding.ruleId}:${finding.line}`), name).toEqual(refused.map((refusal) => `${refusal.ruleId}:${refusal.line}`));
      expect((await linter.lintText(encodeEscaped(result.output), { filePath: name })).output, `${name}: second fix`).toBeUndefined();
    }
    expect(fixedCount).toBeGreaterThan(30);
  });
});

describe('applyFixes and the fix kit', () => {
  const fix = (line: number, column: number, endLine: number, endColumn: number, text: string): Fix => ({ edits: [{ line, column, endLine, endColumn, text }] });
  it('applies non-overlapping fixes in position order and skips overlapping ones', () => {
    const text = 'abcdef\nghij\n';
    const { output, applied, skipped } = applyFixes(text, [fix(1, 2, 1, 4, 'X'), fix(1, 3, 1, 5, 'Y'), fix(2, 1, 2, 2, 'Z'), fix(1, 4, 1, 4, '+')], (item) => item);
    expect(output).toBe('aX+def\nZhij\n');
    expect(applied).toHaveLength(3);
    expect(skipped).toHaveLength(1);
  });
  it('refuses edits outside the text or with line breaks', () => {
    const { output, skipped } = applyFixes('ab\n', [fix(3, 2, 3, 3, ''), fix(1, 1, 1, 2, 'x\ny')], (item) => item);
    expect(output).toBe('ab\n');
    expect(skipped).toHaveLength(2);
  });
  it('SourceText positions and removeLinesFix', () => {
    const source = new SourceText('a\r\n\r\nb\rc');
    expect(source.lines).toEqual(['a', '', 'b', 'c']);
    expect(source.offset(3, 1)).toBe(5);
    expect(source.offset(5, 1)).toBe(8);
    expect(source.offset(6, 1)).toBe(-1);
    expect(source.endsWithNewline).toBe(false);
    expect(applyFixes(source.text, [removeLinesFix(source, 4, 4)], (item) => item).output).toBe('a\r\n\r\nb');
    expect(applyFixes(source.text, [removeLinesFix(source, 1, 1)], (item) => item).output).toBe('b\rc');
  });
});

describe('lintFiles with fix and outputFixes', () => {
  it('writes each changed file atomically and --fix-type limits the rules', async () => {
    const dup = `a title for the post\n\n${P1}\n\n${P2}\n\n${P1}\n\nalphanode post meta\n\ntopiccaching / python\nReading Time: 13\n`;
    const root = await makeTree({ 'a.txt': dup, 'clean.txt': `a title for the post\n\n${P1}\n` });
    const metaOnly = createLinter({ now: NOW, config: false, cwd: root, fix: true, fixTypes: ['meta'] });
    const results: LintResult[] = [];
    for await (const result of metaOnly.lintFiles('.')) results.push(result);
    expect(results.find((result) => result.file === 'a.txt')!.output).toBe(dup.replace('Reading Time: 13', 'reading time13'));
    expect(results.find((result) => result.file === 'clean.txt')!.output).toBeUndefined();
    expect(await metaOnly.outputFixes(results)).toEqual(['a.txt']);
    expect(readFileSync(path.join(root, 'a.txt'), 'utf8')).toContain('reading time13');
    expect(readFileSync(path.join(root, 'a.txt'), 'utf8').split(P1)).toHaveLength(3);
    await expect(createLinter({ cwd: root, config: false, fix: true, fixTypes: ['nope'] }).lintText('x')).rejects.toThrow(/unknown fix type "nope"/);
  });
});
