/**
 * `anp export [paths…]`: every article as a parsed post (shared/spec/export.md), as a JSON
 * array (default) or NDJSON, to stdout or atomically to `-o FILE`.
 *
 * Both forms are streamed post by post, so memory does not grow with the corpus: the array
 * is written as `[`, posts joined by `,`, `]` — byte-identical to JSON.stringify of the
 * whole array, without ever holding it.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { discoverFiles } from '../io/discover.js';
import { readSources } from '../io/read-many.js';
import { describeIoError } from '../io/read.js';
import { fileOutput, streamOutput, type TextOutput } from '../io/output.js';
import { parsePost } from '../parser/index.js';
import type { Post } from '../model/post.js';
import { maxBytesOf, setupRules } from './shared.js';

export interface ExportOptions {
  ndjson?: boolean;
  pretty?: boolean;
  outputFile?: string;
  config?: string;
  ignorePattern?: string[];
}

/** How many invalid-UTF-8 line numbers one warning lists before it says "…". */
const MAX_LINES_LISTED = 10;

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('print parsed posts as a JSON array (default) or NDJSON')
    .argument('[paths...]', 'files and folders; folders are searched for **/*.txt', ['.'])
    .option('--ndjson', 'one post per line (newline-delimited JSON), streamed as each file is parsed')
    .option('--pretty', 'indent the JSON array with 2 spaces')
    .option('-o, --output-file <file>', 'write to FILE (atomically: temp file, then rename) instead of stdout')
    .option('-c, --config <file>', 'config file whose include, ignores and size limit apply (default: found upward from the cwd, as for lint)')
    .option('--ignore-pattern <glob>', 'skip files matching GLOB, relative to the cwd (repeatable)', collect, [])
    .addHelpText(
      'after',
      `
Exit codes: 0 every file exported; 1 a file could not be read (binary, too large, unreadable)
and was skipped, the others exported; 2 the run could not happen (bad option, invalid config,
missing path, unwritable output).

Examples:
  anp export fixtures/samples --pretty
  anp export content/ --ndjson -o posts.ndjson
  anp export content/ --ndjson | jq -c '{file, title, paragraphs: .stats.paragraphs}'`,
    )
    .action(async (paths: string[], options: ExportOptions) => {
      process.exitCode = await runExport(paths, options);
    });
}

/** Runs the export; returns the exit code (0, or 1 when a file could not be read). Throws UsageError for exit 2. */
export async function runExport(paths: string[], options: ExportOptions, cwd = process.cwd()): Promise<number> {
  if (options.ndjson && options.pretty) {
    throw new UsageError('--pretty cannot be combined with --ndjson (NDJSON is one post per line)');
  }
  // The same files and size limit as `anp lint` on the same paths.
  const resolved = await setupRules({ cwd, config: options.config });
  const given = paths.length > 0 ? paths : ['.'];
  const { files, missing } = await discoverFiles(given, {
    cwd,
    include: resolved.include,
    ignores: [...resolved.ignores, ...(options.ignorePattern ?? [])],
  });
  if (missing.length > 0) {
    throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
  }
  if (files.length === 0) warn(`no files found in ${given.join(', ')}; nothing to export`);

  const output = await openOutput(options.outputFile, cwd);
  const format = options.ndjson ? ndjsonFormat : options.pretty ? prettyArrayFormat : arrayFormat;
  let exported = 0;
  let unreadable = 0;
  try {
    await output.write(format.open);
    for (const { file, source } of readSources(files, { cwd, maxBytes: maxBytesOf(resolved) })) {
      if (source.kind === 'unreadable') {
        process.stderr.write(`anp: error: ${file}: ${source.message}\n`);
        unreadable++;
        continue;
      }
      if (source.invalidUtf8Lines.length > 0) warnInvalidUtf8(file, source.invalidUtf8Lines);
      const post = parseSafely(source.text, file, source.bytes);
      if (post === null) {
        unreadable++;
        continue;
      }
      await output.write(format.item(post, exported));
      exported++;
    }
    await output.write(format.close(exported));
    await output.close();
  } catch (error) {
    await output.abort();
    throw new UsageError(`cannot write ${options.outputFile ?? 'to stdout'}: ${describeIoError(error)}`);
  }

  if (unreadable > 0) {
    process.stderr.write(
      `anp: ${unreadable} of ${files.length} file${files.length === 1 ? '' : 's'} not exported (see above); ${exported} exported\n`,
    );
    return 1;
  }
  return 0;
}

interface OutputFormat {
  open: string;
  /** `index` is the number of posts already written (the separator goes before all but the first). */
  item(post: Post, index: number): string;
  close(count: number): string;
}

const ndjsonFormat: OutputFormat = {
  open: '',
  item: (post) => `${JSON.stringify(post)}\n`,
  close: () => '',
};

const arrayFormat: OutputFormat = {
  open: '[',
  item: (post, index) => (index === 0 ? '' : ',') + JSON.stringify(post),
  close: () => ']\n',
};

/** Same bytes as JSON.stringify(posts, null, 2): each post indented one level. */
const prettyArrayFormat: OutputFormat = {
  open: '[',
  // Raw newlines only occur between JSON tokens (inside strings they are escaped), so
  // indenting after every newline is exact.
  item: (post, index) => (index === 0 ? '\n  ' : ',\n  ') + JSON.stringify(post, null, 2).replace(/\n/g, '\n  '),
  close: (count) => (count === 0 ? ']\n' : '\n]\n'),
};

async function openOutput(outputFile: string | undefined, cwd: string): Promise<TextOutput> {
  if (outputFile === undefined) return streamOutput(process.stdout);
  try {
    return await fileOutput(path.resolve(cwd, outputFile));
  } catch (error) {
    throw new UsageError(`cannot write ${outputFile}: ${describeIoError(error)}`);
  }
}

/** The parser is specified never to throw; if it does anyway, lose one file, not the run. */
function parseSafely(text: string, file: string, bytes: number): Post | null {
  try {
    return parsePost(text, { file, bytes });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`anp: error: ${file}: the parser failed (${message.split('\n')[0]}); not exported, please report this\n`);
    return null;
  }
}

function warnInvalidUtf8(file: string, lines: readonly number[]): void {
  const first = lines[0]!;
  const others = lines.slice(1, MAX_LINES_LISTED);
  const more = lines.length > MAX_LINES_LISTED ? ', …' : '';
  const also = others.length > 0 ? ` (also line${others.length === 1 ? '' : 's'} ${others.join(', ')}${more})` : '';
  warn(`${file}:${first}: invalid UTF-8${also}; decoded with U+FFFD and exported`);
}

function warn(message: string): void {
  process.stderr.write(`anp: warning: ${message}\n`);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
