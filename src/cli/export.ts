/**
 * `anp export [paths…]`: every article as a parsed post (docs/export.md), as a JSON array
 * (default) or NDJSON, to stdout or atomically to `-o FILE`.
 *
 * Both forms are streamed post by post, so memory does not grow with the corpus: the array
 * is written as `[`, posts joined by `,`, `]` — byte-identical to JSON.stringify of the
 * whole array, without ever holding it.
 */
import type { Command } from 'commander';
import { UsageError } from '../index.js';
import { fileOutput, streamOutput, type TextOutput } from '../io/output.js';
import { describeIoError } from '../io/read.js';
import { outputDone } from '../io/write.js';
import { plural } from '../text/plural.js';
import { checkOutputFile, type CliIo } from './io.js';
import type { CommandContext } from './main.js';
import { addShared, linterFor, type SharedValues } from './options.js';

export interface ExportOptions extends SharedValues {
  ndjson?: boolean;
  pretty?: boolean;
  outputFile?: string;
}

/** How many invalid-UTF-8 line numbers one warning lists before it says "…". */
const MAX_LINES_LISTED = 10;

export function registerExportCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('export')
    .description('print parsed posts as a JSON array (default) or NDJSON')
    .argument('[paths...]', 'files and folders; folders are searched for **/*.txt', ['.'])
    .option('--ndjson', 'one post per line (newline-delimited JSON), streamed as each file is parsed')
    .option('--pretty', 'indent the JSON array with 2 spaces')
    .option('-o, --output-file <file>', 'write to FILE (atomically: temp file, then rename) instead of stdout');
  addShared(command, ['config', 'ignorePattern', 'respectGitignore', 'noFollowSymlinks', 'concurrency'], { config: 'config file whose include, ignores and size limit apply (default: found upward from the cwd, as for lint)' })
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
      context.exitCode = await runExport(paths, options, context.io);
    });
}

/** Runs the export; returns the exit code (0, or 1 when a file could not be read). Throws UsageError for exit 2. */
export async function runExport(paths: string[], options: ExportOptions, io: CliIo): Promise<number> {
  if (options.ndjson && options.pretty) {
    throw new UsageError('--pretty cannot be combined with --ndjson (NDJSON is one post per line)');
  }
  // The output target first: an export that cannot be written fails before any work.
  const target = options.outputFile !== undefined ? checkOutputFile(io, options.outputFile) : undefined;
  try {
    return await exportTo(paths, options, io, target);
  } finally {
    if (options.outputFile !== undefined) outputDone(options.outputFile);
  }
}

async function exportTo(paths: string[], options: ExportOptions, io: CliIo, target: string | undefined): Promise<number> {
  // The same files and size limit as `anp lint` on the same paths.
  const linter = linterFor(options, io);
  const given = paths.length > 0 ? paths : ['.'];
  const files = await linter.files(given);
  const warn = (message: string): void => void io.stderr.write(`anp: warning: ${message}\n`);
  if (files.length === 0) warn(`no files found in ${given.join(', ')}; nothing to export`);

  const output = await openOutput(options.outputFile, target, io);
  const format = options.ndjson ? ndjsonFormat : options.pretty ? prettyArrayFormat : arrayFormat;
  let exported = 0;
  let unreadable = 0;
  try {
    await output.write(format.open);
    const exports = linter.exportPosts(files, { indent: options.pretty ? 2 : 0, concurrency: options.concurrency ?? 'auto' });
    for await (const read of exports) {
      if (read.json === null) {
        io.stderr.write(`anp: error: ${read.file}: ${read.message}\n`);
        unreadable++;
        continue;
      }
      if (read.invalidUtf8Lines.length > 0) warn(invalidUtf8Warning(read.file, read.invalidUtf8Lines));
      await output.write(format.item(read.json, exported));
      exported++;
    }
    await output.write(format.close(exported));
    await output.close();
  } catch (error) {
    await output.abort();
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot write ${options.outputFile ?? 'to standard output'}: ${describeIoError(error)}`);
  }

  if (unreadable > 0) {
    io.stderr.write(`anp: ${unreadable} of ${plural(files.length, 'file')} not exported (see above); ${exported} exported\n`);
    return 1;
  }
  return 0;
}

interface OutputFormat {
  open: string;
  /**
   * `json` is the post's JSON text (indented by 2 for --pretty); `index` is the number of
   * posts already written (the separator goes before all but the first).
   */
  item(json: string, index: number): string;
  close(count: number): string;
}

const ndjsonFormat: OutputFormat = {
  open: '',
  item: (json) => `${json}\n`,
  close: () => '',
};

const arrayFormat: OutputFormat = {
  open: '[',
  item: (json, index) => (index === 0 ? '' : ',') + json,
  close: () => ']\n',
};

/** Same bytes as JSON.stringify(posts, null, 2): each post indented one level. */
const prettyArrayFormat: OutputFormat = {
  open: '[',
  // Raw newlines only occur between JSON tokens (inside strings they are escaped), so
  // indenting after every newline is exact.
  item: (json, index) => (index === 0 ? '\n  ' : ',\n  ') + json.replace(/\n/g, '\n  '),
  close: (count) => (count === 0 ? ']\n' : '\n]\n'),
};

async function openOutput(outputFile: string | undefined, target: string | undefined, io: CliIo): Promise<TextOutput> {
  if (outputFile === undefined || target === undefined) return streamOutput(io.stdout);
  try {
    return await fileOutput(target);
  } catch (error) {
    throw new UsageError(`cannot write ${outputFile}: ${describeIoError(error)}`);
  }
}

function invalidUtf8Warning(file: string, lines: readonly number[]): string {
  const first = lines[0]!;
  const others = lines.slice(1, MAX_LINES_LISTED);
  const more = lines.length > MAX_LINES_LISTED ? ', …' : '';
  const also = others.length > 0 ? ` (also ${others.length === 1 ? 'line' : 'lines'} ${others.join(', ')}${more})` : '';
  return `${file}:${first}: invalid UTF-8${also}; decoded with U+FFFD and exported`;
}
