/** Streamed reports: stylish built file by file, and -o streamed atomically, equal the whole-report bytes. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatStylish, stylishStream } from '../../src/formatters/stylish.js';
import { createLinter, type LintResult } from '../../src/index.js';
import { runAnp } from '../cli/helpers.js';
import { benchCorpus } from './corpus.js';

const NOW = '2026-11-23';

describe('streamed reports', () => {
  it('stylishStream parts joined are formatStylish, plain and coloured, and empty when clean', async () => {
    const root = await benchCorpus(25, 5);
    const linter = createLinter({ cwd: root, config: false, now: NOW });
    const results: LintResult[] = [];
    for await (const result of linter.lintFiles('.')) results.push(result);
    for (const level of [0, 1] as const) {
      const stream = stylishStream(level);
      const parts = results.map((result) => stream.file(result)).join('') + stream.end();
      expect(parts).toBe(formatStylish(results, { cwd: root, version: '0', colorLevel: level, rules: [] }));
    }
    const clean = stylishStream(0);
    expect(clean.file({ file: 'a.txt', findings: [], errorCount: 0, warningCount: 0 }) + clean.end()).toBe('');
  });

  it('lint -o FILE (streamed into the temp file) writes the bytes stdout gets, for every format', async () => {
    const root = await benchCorpus(20, 9);
    for (const format of ['stylish', 'json', 'compact', 'github', 'sarif', 'junit']) {
      const toStdout = await runAnp(['lint', '-f', format, '--now', NOW, '--no-color', '.'], { cwd: root });
      const toFile = await runAnp(['lint', '-f', format, '--now', NOW, '-o', 'report.out', '.'], { cwd: root });
      expect(toFile.code).toBe(toStdout.code);
      expect(toFile.stdout).toBe('');
      expect(await readFile(path.join(root, 'report.out'), 'utf8')).toBe(toStdout.stdout);
    }
  });
});
