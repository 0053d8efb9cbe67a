/**
 * `anp lint` reports written as results arrive, to stdout or to the `-o` file (atomically:
 * a temp file renamed into place at the end), byte-identical to formatting them all at once.
 * A result leaves memory once written, and a reader that stops early (`| head`) stops the
 * run at once. json, compact and stylish (whose totals come last) stream; sarif and junit put
 * totals or a document around every result, and github chooses the most severe annotations
 * of the whole run (src/formatters/limits.ts), so they are formatted whole.
 */
import { cleanResults } from '../formatters/json.js';
import { stylishStream } from '../formatters/stylish.js';
import type { ColorLevel } from '../formatters/types.js';
import type { Linter, LintResult } from '../index.js';
import type { TextOutput } from '../io/output.js';

const STREAMED = new Set(['json', 'compact', 'stylish']);

export function isStreamed(format: string): boolean {
  return STREAMED.has(format);
}

export class ReportStream {
  private count = 0;
  private readonly stylish;

  constructor(
    private readonly format: string,
    private readonly linter: Linter,
    private readonly output: TextOutput,
    color: ColorLevel,
    columns?: number,
  ) {
    this.stylish = format === 'stylish' ? stylishStream(color, columns) : null;
  }

  async add(result: LintResult): Promise<void> {
    let text: string;
    if (this.stylish) text = this.stylish.file(result);
    else if (this.format === 'json') text = `${this.count === 0 ? '[\n' : ',\n'}${JSON.stringify(cleanResults([result])[0])}`;
    else text = this.linter.format([result], this.format);
    this.count++;
    if (text !== '') await this.output.write(text);
  }

  /** Stops: a `-o` file is left untouched. */
  abort(): Promise<void> {
    return this.output.abort();
  }

  /** The end of the report (the json array's close, stylish totals), then the output closed. */
  async end(): Promise<void> {
    if (this.stylish) await this.output.write(this.stylish.end());
    else if (this.format === 'json') await this.output.write(this.count === 0 ? '[]\n' : '\n]\n');
    await this.output.close();
  }
}
