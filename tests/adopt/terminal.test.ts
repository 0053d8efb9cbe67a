/** stylish and `anp rules` fit the terminal's width, with hanging indents. */
import { Writable } from 'node:stream';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { run } from '../../src/cli/main.js';
import { formatters } from '../../src/formatters/index.js';
import { hangingWrap, terminalColumns } from '../../src/text/terminal.js';
import { context, results } from '../formatters/fixtures.js';
import { REPO_ROOT } from '../cli/helpers.js';

class Tty extends Writable {
  text = '';
  isTTY = true;
  constructor(readonly columns: number) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString('utf8');
    callback();
  }
}

async function onTerminal(args: string[], columns: number): Promise<string> {
  const stdout = new Tty(columns);
  await run(args, { stdout, stderr: new Tty(80), stdin: Readable.from([]), env: { NO_COLOR: '1' }, cwd: REPO_ROOT });
  return stdout.text;
}

describe('terminal width', () => {
  it('80 columns when unknown', () => {
    expect(terminalColumns(undefined)).toBe(80);
    expect(terminalColumns({})).toBe(80);
    expect(terminalColumns({ columns: 132, isTTY: true })).toBe(132);
  });

  it('wraps with a hanging indent, by display width (wide characters count two)', () => {
    const lines = hangingWrap('  12:3  error  ', '日本語のテキスト '.repeat(8), 40);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(40);
    expect(lines.slice(1).every((line) => line.startsWith(' '.repeat(15)))).toBe(true);
  });

  it('stylish fits 50, 80 and 200 columns; unlimited without columns (the library default)', () => {
    for (const columns of [50, 80, 200]) {
      const text = formatters.stylish(results, { ...context, columns });
      for (const line of text.split('\n')) if (!/^[│┌├└]/.test(line)) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
    }
    expect(formatters.stylish(results, context).split('\n').some((line) => stringWidth(line) > 80)).toBe(true);
  });

  it('anp rules and anp lint follow process.stdout.columns', async () => {
    for (const columns of [60, 120]) {
      const rules = await onTerminal(['rules'], columns);
      for (const line of rules.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
      const lint = await onTerminal(['lint', 'fixtures/samples', '--now', '2026-11-23'], columns);
      for (const line of lint.split('\n')) if (!/^[│┌├└]/.test(line)) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
    }
    const wide = await onTerminal(['rules'], 200);
    expect(wide.split('\n').length).toBeLessThan((await onTerminal(['rules'], 60)).split('\n').length);
  });
});
