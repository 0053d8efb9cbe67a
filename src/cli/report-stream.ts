/**
 * `anp lint` reports written as results arrive, to stdout or to the `-o` file (atomically:
 * a temp file renamed into place at the end), byte-identical to formatting them all at once.
 * A result leaves memory once written, and a reader that stops early (`| head`) stops the
 * run at once. json, compact and stylish (whose totals come last) are written result by
 * result. junit's totals come first: its suites wait in a temp file (src/io/spill.ts) and
 * follow the head at the end. sarif keeps one artifact per file and at most
 * `--sarif-max-results` candidate errors and warnings (SarifBuilder), never every finding,
 * and is written at the end. github chooses the most severe annotations of the whole run
 * and html summarises every post, so they are formatted whole.
 */
import { cleanResults } from '../formatters/json.js';
import { JUNIT_END, junitHead, junitSuite } from '../formatters/junit.js';
import type { ReportLimits } from '../formatters/limits.js';
import { SarifBuilder, sarifText } from '../formatters/sarif.js';
import { stylishStream } from '../formatters/stylish.js';
import type { ColorLevel } from '../formatters/types.js';
import { corpusReplacer } from '../engine/corpus.js';
import { reportContext } from '../engine/linter.js';
import type { Linter, LintResult } from '../index.js';
import type { TextOutput } from '../io/output.js';
import { TextSpill } from '../io/spill.js';

const STREAMED = new Set(['json', 'compact', 'stylish', 'sarif', 'junit']);

export function isStreamed(format: string): boolean {
  return STREAMED.has(format);
}

/** What a shard report says of itself; `anp merge` checks it. */
export interface ShardHeader {
  /** anp's version. */
  version: string;
  index: number;
  count: number;
  /** cacheKey(…, 'shard'): config, rule set, custom rule files, --now day and version. */
  key: string;
  /** The corpus rules whose summaries the results carry. */
  corpusRules: string[];
}

/** The first line of a shard report (`anp merge` reads it alone). */
export function shardHead(shard: ShardHeader): string {
  return `{"anpShard":${JSON.stringify(shard)},"results":[`;
}

/** One result of a shard report: the json report's line plus the file's corpus summaries. */
export function shardLine(result: LintResult): string {
  const clean = JSON.stringify(cleanResults([result])[0]!);
  // The summaries through corpusReplacer (typed arrays, Map and Set survive the file).
  return result.corpus ? `${clean.slice(0, -1)},"corpus":${JSON.stringify(result.corpus, corpusReplacer)}}` : clean;
}

export class ReportStream {
  private count = 0;
  private readonly stylish;
  private readonly sarif: SarifBuilder | null;
  private readonly junit: { spill: TextSpill; tests: number; failures: number } | null;

  constructor(
    private readonly format: string,
    private readonly linter: Linter,
    private readonly output: TextOutput,
    color: ColorLevel,
    columns?: number,
    /** json of a `--shard` run: the report is `{"anpShard": shard, "results": [...]}` and each result keeps its `corpus`. */
    private readonly shard?: ShardHeader,
    limits?: ReportLimits,
  ) {
    this.stylish = format === 'stylish' ? stylishStream(color, columns) : null;
    this.sarif = format === 'sarif' ? new SarifBuilder(reportContext(linter, 'sarif', { limits })) : null;
    this.junit = format === 'junit' ? { spill: new TextSpill(), tests: 0, failures: 0 } : null;
  }

  async add(result: LintResult): Promise<void> {
    if (this.sarif) {
      this.sarif.add(result);
      return;
    }
    if (this.junit) {
      const suite = junitSuite(result);
      this.junit.tests += suite.tests;
      this.junit.failures += suite.failures;
      this.junit.spill.append(suite.text);
      return;
    }
    if (this.count === 0 && this.format === 'json' && this.shard) await this.output.write(`${shardHead(this.shard)}\n`);
    let text: string;
    if (this.stylish) text = this.stylish.file(result);
    else if (this.format === 'json' && this.shard) text = `${this.count === 0 ? '' : ',\n'}${shardLine(result)}`;
    else if (this.format === 'json') text = `${this.count === 0 ? '[\n' : ',\n'}${JSON.stringify(cleanResults([result])[0])}`;
    else text = this.linter.format([result], this.format);
    this.count++;
    if (text !== '') await this.output.write(text);
  }

  /** Stops: a `-o` file is left untouched. */
  abort(): Promise<void> {
    this.junit?.spill.dispose();
    return this.output.abort();
  }

  /** The end of the report (the json array's close, stylish totals), then the output closed. */
  async end(): Promise<void> {
    if (this.stylish) await this.output.write(this.stylish.end());
    else if (this.sarif) await this.output.write(sarifText(this.sarif));
    else if (this.junit) {
      const { spill, tests, failures } = this.junit;
      try {
        await this.output.write(junitHead(tests, failures));
        for (const chunk of spill.chunks()) await this.output.write(chunk);
        await this.output.write(JUNIT_END);
      } finally {
        spill.dispose();
      }
    } else if (this.format === 'json' && this.shard) await this.output.write(this.count === 0 ? `${shardHead(this.shard)}\n]}\n` : '\n]}\n');
    else if (this.format === 'json') await this.output.write(this.count === 0 ? '[]\n' : '\n]\n');
    await this.output.close();
  }
}
