/**
 * No rule crashes, whatever the parser hands it: every fixture in the repository (samples,
 * noise cases, rule fixtures) and thousands of mangled samples (lines dropped, repeated,
 * swapped, truncated) are linted with every rule on; a crash would surface as a
 * "crashed and was skipped" finding.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { lintPost } from '../../src/engine/runner.js';
import type { Finding } from '../../src/model/finding.js';
import { parsePost } from '../../src/parser/index.js';

const settings = new Map(builtinRules.map((rule) => [rule.meta.id, { severity: 'warn' as const, options: rule.meta.schema.parse({}) }]));
const now = new Date('2026-11-23T00:00:00Z');

function lintText(text: string): Finding[] {
  const post = parsePost(text, { file: 'x.txt' });
  return lintPost({ file: 'x.txt', post, input: { invalidUtf8Lines: [] } }, builtinRules, settings, now);
}

function crashes(findings: Finding[]): string[] {
  return findings.filter((finding) => finding.message.includes('crashed and was skipped')).map((finding) => finding.message);
}

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return textFiles(path);
    return name.endsWith('.txt') ? [path] : [];
  });
}

const fixtures = textFiles('fixtures');
const samples = textFiles('fixtures/samples').map((path) => readFileSync(path, 'utf8'));

describe('robustness', () => {
  it.each(fixtures)('no rule crashes on %s', (path) => {
    const findings = lintText(readFileSync(path, 'utf8'));
    expect(crashes(findings)).toEqual([]);
    for (const finding of findings) expect(finding.line).toBeGreaterThanOrEqual(1);
  });

  it('no rule crashes on mangled samples', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('repeat' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.nat() }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 40 }) }),
    );
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(edit, { maxLength: 12 }), (which, edits) => {
        const lines = samples[which]!.split('\n');
        for (const change of edits) {
          if (lines.length === 0) break;
          const at = change.at % lines.length;
          if (change.kind === 'drop') lines.splice(at, 1);
          else if (change.kind === 'repeat') lines.splice(at, 0, lines[at]!);
          else if (change.kind === 'swap') [lines[at], lines[change.to % lines.length]] = [lines[change.to % lines.length]!, lines[at]!];
          else if (change.kind === 'cut') lines[at] = lines[at]!.slice(0, change.length % (lines[at]!.length + 1));
          else lines.splice(at, 0, change.text);
        }
        expect(crashes(lintText(lines.join('\n')))).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });
});
