/**
 * `npm run bench` (= build, `tsc -p tsconfig.bench.json`, then `node dist-bench/bench/bench.js`):
 * for each corpus size (default 10,000 and 100,000 files; bench/generate.ts, generated once
 * and reused), measures in the same run, each as a child process (wall incl. start-up, peak
 * RSS from GNU time):
 *   - the floor: read + decode + split lines + hash each line, on one thread (floor.ts) and
 *     on two (floor-threads.ts);
 *   - `anp lint -f json -o FILE` (concurrency auto), `--concurrency off` (its report compared
 *     byte for byte), with the corpus rule on, and `--cache` cold (no cache) and warm (an
 *     unchanged corpus; report compared);
 *   - with --export, `anp export --ndjson` too;
 * prints a table and writes it into docs/benchmark.md (between the bench:lint markers).
 *
 * Options: --sizes N,N (10000,100000)  --seed S (1)  --runs R (1: best wall of R runs)
 * --off-max N (the --concurrency off row only up to N files; 10000)  --export  --no-write
 * --dir DIR (the corpus folder, for a single size)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusArticle, corpusPath, GENERATOR_VERSION } from './generate.js';

const HERE = path.dirname(fileURLToPath(import.meta.url)); // dist-bench/bench
const REPO = path.resolve(HERE, '..', '..');
const BIN = path.join(REPO, 'bin', 'anp.js');
const FLOOR = path.join(HERE, 'floor.js');
const TIME = '/usr/bin/time';
const MANIFEST = '.corpus.json';
const LIST = '.files.list';

interface Args {
  files: number;
  sizes: number[];
  dir: string | undefined;
  seed: number;
  runs: number;
  out: string | undefined;
  offMax: number;
  exportToo: boolean;
  write: boolean;
}

interface Manifest {
  generatorVersion: number;
  files: number;
  seed: number;
  bytes: number;
  noise: Record<string, number>;
}

interface Measured {
  wallSeconds: number;
  /** User + system CPU seconds (GNU time), null when unknown: less sensitive to a loaded machine than wall. */
  cpuSeconds?: number | null;
  peakRssBytes: number | null;
  exitCode: number;
  stdout: string;
  stderr: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { files: 10_000, sizes: [10_000, 100_000], dir: undefined, seed: 1, runs: 1, out: undefined, offMax: 10_000, exportToo: false, write: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const number = (): number => {
      if (value === undefined || !/^\d+$/.test(value)) fail(`${flag} expects a whole number`);
      i++;
      return Number(value);
    };
    if (flag === '--files') args.sizes = [number()];
    else if (flag === '--sizes') {
      if (value === undefined || !/^\d+(,\d+)*$/.test(value)) fail('--sizes expects whole numbers, e.g. 10000,100000');
      i++;
      args.sizes = value.split(',').map(Number);
    } else if (flag === '--off-max') args.offMax = number();
    else if (flag === '--export') args.exportToo = true;
    else if (flag === '--no-write') args.write = false;
    else if (flag === '--seed') args.seed = number();
    else if (flag === '--runs') args.runs = Math.max(1, number());
    else if (flag === '--dir' || flag === '--out') {
      if (value === undefined) fail(`${flag} expects a path`);
      i++;
      if (flag === '--dir') args.dir = path.resolve(value);
      else args.out = path.resolve(value);
    } else fail(`unknown option ${flag}; see the header of bench/bench.ts`);
  }
  return args;
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------
// Corpus

function prepareCorpus(args: Args): { dir: string; manifest: Manifest; reused: boolean; seconds: number } {
  const dir = args.dir ?? path.join(os.tmpdir(), `anp-bench-${args.files}-s${args.seed}-v${GENERATOR_VERSION}`);
  const manifestPath = path.join(dir, MANIFEST);
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (manifest.generatorVersion === GENERATOR_VERSION && manifest.files === args.files && manifest.seed === args.seed) {
      return { dir, manifest, reused: true, seconds: 0 };
    }
    rmSync(dir, { recursive: true, force: true }); // our own corpus, for other parameters
  } else if (existsSync(dir) && readdirSync(dir).length > 0) {
    fail(`${dir} is not empty and holds no bench corpus; choose another --dir`);
  }

  const start = performance.now();
  mkdirSync(dir, { recursive: true });
  const noise: Record<string, number> = {};
  const list: string[] = [];
  let bytes = 0;
  let folder = '';
  for (let i = 0; i < args.files; i++) {
    const file = corpusPath(i);
    const article = corpusArticle(i, args.seed);
    const parent = path.dirname(file);
    if (parent !== folder) {
      mkdirSync(path.join(dir, parent), { recursive: true });
      folder = parent;
    }
    writeFileSync(path.join(dir, file), article.bytes);
    bytes += article.bytes.length;
    list.push(file);
    for (const kind of article.noise) noise[kind] = (noise[kind] ?? 0) + 1;
  }
  writeFileSync(path.join(dir, LIST), `${list.join('\n')}\n`);
  const manifest: Manifest = { generatorVersion: GENERATOR_VERSION, files: args.files, seed: args.seed, bytes, noise };
  // Written last: a half-written corpus is never mistaken for a complete one.
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, manifest, reused: false, seconds: (performance.now() - start) / 1000 };
}

// ---------------------------------------------------------------------------------------
// Measuring a child process

/**
 * Runs `node <args>` and reports its wall time and peak RSS: from GNU time when present,
 * else from a preloaded probe that prints the process's own maxRSS at exit.
 */
function measureNode(nodeArgs: string[], options: { cwd: string; stdoutFile?: string; captureStdout?: boolean }): Promise<Measured> {
  const useTime = existsSync(TIME);
  const probe = path.join(os.tmpdir(), `anp-bench-rss-probe-${process.pid}.mjs`);
  if (!useTime) {
    writeFileSync(probe, "process.on('exit', () => process.stderr.write(`\\n@@maxrss ${process.resourceUsage().maxRSS}\\n`));\n");
  }
  const command = useTime ? TIME : process.execPath;
  const args = useTime ? ['-v', process.execPath, ...nodeArgs] : ['--import', probe, ...nodeArgs];
  const stdoutFd = options.stdoutFile ? openSync(options.stdoutFile, 'w') : null;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      stdio: ['ignore', stdoutFd ?? (options.captureStdout ? 'pipe' : 'ignore'), 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallSeconds = (performance.now() - start) / 1000;
      if (stdoutFd !== null) closeSync(stdoutFd);
      // GNU time: "Maximum resident set size (kbytes): 95232"; the probe: "@@maxrss 95232" (KiB).
      const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr) ?? /@@maxrss (\d+)/.exec(stderr);
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      const cpuSeconds = user && system ? Number(user[1]) + Number(system[1]) : null;
      resolve({ wallSeconds, cpuSeconds, peakRssBytes: match ? Number(match[1]) * 1024 : null, exitCode: code ?? -1, stdout, stderr });
    });
  });
}

async function best(runs: number, run: () => Promise<Measured>): Promise<Measured> {
  let chosen: Measured | undefined;
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    const result = await run();
    peak = Math.max(peak, result.peakRssBytes ?? 0);
    if (!chosen || result.wallSeconds < chosen.wallSeconds) chosen = result;
  }
  // The fastest run's time, the highest peak RSS seen in any run.
  return { ...chosen!, peakRssBytes: peak > 0 ? peak : null };
}

// ---------------------------------------------------------------------------------------
// Report

const mb = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(1);

function row(label: string, seconds: number, bytes: number, files: number, rss: number | null, note: string): string {
  return [
    label.padEnd(30),
    seconds.toFixed(2).padStart(8),
    (bytes / (1024 * 1024) / seconds).toFixed(1).padStart(9),
    Math.round(files / seconds).toString().padStart(9),
    (rss === null ? 'n/a' : `${mb(rss)} MB`).padStart(11),
    `  ${note}`,
  ].join('');
}

const FLOOR_THREADS = path.join(HERE, 'floor-threads.js');
const DOC = path.join(REPO, 'docs', 'benchmark.md');
const START = '<!-- bench:lint:start -->';
const END = '<!-- bench:lint:end -->';
const NOW = '2026-11-23';

interface Row {
  files: number;
  bytes: number;
  label: string;
  measured: Measured;
  note: string;
}

function filesEqual(a: string, b: string): boolean {
  try {
    return readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}

async function benchSize(args: Args, files: number, rows: Row[], notes: string[]): Promise<void> {
  const corpus = prepareCorpus({ ...args, files });
  const { manifest, dir } = corpus;
  const list = path.join(dir, LIST);
  process.stdout.write(`corpus: ${manifest.files} files, ${mb(manifest.bytes)} MB, seed ${manifest.seed}, in ${dir} (${corpus.reused ? 'reused' : `generated in ${corpus.seconds.toFixed(1)} s`})\n`);
  const out = path.join(os.tmpdir(), `anp-bench-out-${files}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const add = (label: string, measured: Measured, note = ''): void => {
    rows.push({ files: manifest.files, bytes: manifest.bytes, label, measured, note });
    process.stdout.write(`${row(label, measured.wallSeconds, manifest.bytes, manifest.files, measured.peakRssBytes, note)}\n`);
  };
  const lint = (extra: string[], report: string): Promise<Measured> =>
    best(args.runs, () => measureNode([BIN, 'lint', '.', '-f', 'json', '-o', path.join(out, report), '--now', NOW, '--no-progress', ...extra], { cwd: dir, captureStdout: true }));
  const checked = (measured: Measured, what: string): Measured => {
    if (measured.exitCode !== 0 && measured.exitCode !== 1) {
      process.stderr.write(measured.stderr.slice(-2000));
      fail(`${what} exited with ${measured.exitCode}`);
    }
    return measured;
  };

  // Warm the page cache the same way for every measurement.
  await measureNode([FLOOR, dir, list], { cwd: dir, captureStdout: true });
  add('floor, 1 thread', await best(args.runs, () => measureNode([FLOOR, dir, list], { cwd: dir, captureStdout: true })));
  add('floor, 2 threads', await best(args.runs, () => measureNode([FLOOR_THREADS, dir, list, '2'], { cwd: dir, captureStdout: true })));
  if (args.exportToo) add('anp export --ndjson', checked(await best(args.runs, () => measureNode([BIN, 'export', '--ndjson', '.'], { cwd: dir, stdoutFile: '/dev/null' })), 'anp export'));

  add('anp lint -f json -o', checked(await lint([], 'auto.json'), 'anp lint'));
  if (manifest.files <= args.offMax) {
    const off = checked(await lint(['--concurrency', 'off'], 'off.json'), 'anp lint --concurrency off');
    const same = filesEqual(path.join(out, 'auto.json'), path.join(out, 'off.json'));
    add('  --concurrency off', off, same ? 'report identical to auto' : 'REPORT DIFFERS from auto');
    if (!same) notes.push(`${manifest.files} files: the --concurrency off report differs from auto`);
  }
  add('  --rule corpus-duplicate-paragraph:warn', checked(await lint(['--rule', 'corpus-duplicate-paragraph:warn'], 'corpus.json'), 'anp lint (corpus rule)'));
  const cacheFile = path.join(out, 'anpcache');
  rmSync(cacheFile, { force: true });
  add('  --cache (cold: no cache yet)', checked(await measureNode([BIN, 'lint', '.', '-f', 'json', '-o', path.join(out, 'cold.json'), '--now', NOW, '--no-progress', '--cache', '--cache-location', cacheFile], { cwd: dir, captureStdout: true }), 'anp lint --cache'));
  const warm = checked(await lint(['--cache', '--cache-location', cacheFile], 'warm.json'), 'anp lint --cache (warm)');
  const same = filesEqual(path.join(out, 'auto.json'), path.join(out, 'warm.json'));
  let size = 0;
  try {
    size = readFileSync(cacheFile).length;
  } catch {
    // no cache written
  }
  add('  --cache (warm: unchanged corpus)', warm, `${same ? 'report identical' : 'REPORT DIFFERS'}; cache ${mb(size)} MB`);
  if (!same) notes.push(`${manifest.files} files: the warm --cache report differs`);
  let reportSize = 0;
  try {
    reportSize = readFileSync(path.join(out, 'auto.json')).length;
  } catch {
    // none
  }
  notes.push(`${manifest.files.toLocaleString('en-US')} files (${mb(manifest.bytes)} MB): json report ${mb(reportSize)} MB`);
  rmSync(out, { recursive: true, force: true });
  process.stdout.write('\n');
}

function markdown(rows: readonly Row[], notes: readonly string[], header: string): string {
  const lines = [
    header,
    '',
    '| corpus | run | wall | CPU (user + sys) | files/s | MB/s | peak RSS | × floor (2 threads) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const floor2 = rows.find((other) => other.files === r.files && other.label === 'floor, 2 threads');
    const ratio = floor2 ? r.measured.wallSeconds / floor2.measured.wallSeconds : NaN;
    lines.push(
      `| ${r.files.toLocaleString('en-US')} | ${r.label.trim()}${r.note ? ` (${r.note})` : ''} | ${r.measured.wallSeconds.toFixed(2)} s | ${r.measured.cpuSeconds == null ? 'n/a' : `${r.measured.cpuSeconds.toFixed(2)} s`} | ${Math.round(r.files / r.measured.wallSeconds).toLocaleString('en-US')} | ${(r.bytes / (1024 * 1024) / r.measured.wallSeconds).toFixed(1)} | ${r.measured.peakRssBytes === null ? 'n/a' : `${mb(r.measured.peakRssBytes)} MB`} | ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : ''} |`,
    );
  }
  lines.push('', ...notes.map((note) => `- ${note}`));
  return lines.join('\n');
}

function writeDoc(table: string): void {
  const text = readFileSync(DOC, 'utf8');
  const block = `${START}\n${table}\n${END}`;
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const next = start >= 0 && end > start ? text.slice(0, start) + block + text.slice(end + END.length) : `${text.trimEnd()}\n\n## Lint at scale: \`npm run bench\` (issue 9)\n\n${block}\n`;
  writeFileSync(DOC, next);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(REPO, 'dist', 'src', 'cli', 'main.js'))) fail('dist/ is missing; run `npm run bench` (it builds first)');
  if (args.dir !== undefined && args.sizes.length > 1) fail('--dir takes one size (--files N)');
  const rows: Row[] = [];
  const notes: string[] = [];
  const load = os.loadavg()[0]!;
  process.stdout.write(`${'measured (child processes, wall incl. start-up)'.padEnd(30)}  wall s     MB/s   files/s    peak RSS\n`);
  for (const [index, size] of args.sizes.entries()) {
    await benchSize(args, size, rows, notes);
    // Written after each size, so a long run that is stopped still leaves what it measured.
    const loadAfter = os.loadavg()[0]!;
    const machine = `node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), best of ${args.runs} run(s), peak RSS via ${existsSync(TIME) ? 'GNU time -v' : 'process.resourceUsage()'}, load average ${load.toFixed(1)} at the start and ${loadAfter.toFixed(1)} at the end`;
    const done = index === args.sizes.length - 1 ? '' : ` (sizes ${args.sizes.slice(index + 1).join(', ')} still running)`;
    const header = `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench -- --sizes ${args.sizes.join(',')}\`${done} (${machine}). Every run reads the same corpus (bench/generate.ts, seed ${args.seed}, in the page cache after a warm-up floor run); \`anp lint\` rows are \`anp lint . -f json -o FILE --now ${NOW}\` plus what the row says; "× floor" is the wall time over the two-thread floor's in the same run.`;
    if (args.write) {
      writeDoc(markdown(rows, notes, header));
      process.stdout.write(`table written to ${path.relative(REPO, DOC)}\n`);
    }
    if (index === args.sizes.length - 1) process.stdout.write(`${machine}\n`);
  }
}

await main();
