/**
 * `npm run bench` (= `tsc -p tsconfig.bench.json`, then `node dist-bench/bench/bench.js`): generates (or reuses) a
 * deterministic corpus, then measures in the same run
 *   (a) the floor: read + decode + split lines + hash each line, one thread (floor.ts);
 *   (b) `anp export --ndjson` over the same files, the built CLI as a child process;
 * and prints wall time, MB/s, files/s and peak RSS of both, and export/floor.
 *
 * Options: --files N (10000)  --dir DIR (a temp folder per N and seed; reused when its
 * manifest matches)  --seed S (1)  --runs R (1: best wall of R runs is reported)
 * --out FILE (export to FILE with -o instead of /dev/null)
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
  dir: string | undefined;
  seed: number;
  runs: number;
  out: string | undefined;
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
  peakRssBytes: number | null;
  exitCode: number;
  stdout: string;
  stderr: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { files: 10_000, dir: undefined, seed: 1, runs: 1, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const number = (): number => {
      if (value === undefined || !/^\d+$/.test(value)) fail(`${flag} expects a whole number`);
      i++;
      return Number(value);
    };
    if (flag === '--files') args.files = number();
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
      resolve({ wallSeconds, peakRssBytes: match ? Number(match[1]) * 1024 : null, exitCode: code ?? -1, stdout, stderr });
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

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(REPO, 'dist', 'src', 'cli', 'main.js'))) fail('dist/ is missing; run `npm run bench` (it builds first)');

  const corpus = prepareCorpus(args);
  const { manifest } = corpus;
  const degenerate = ['empty', 'whitespace-only', 'lone-title', 'nul-byte'].map((kind) => `${kind} ${manifest.noise[kind] ?? 0}`);
  process.stdout.write(
    `corpus: ${manifest.files} files, ${mb(manifest.bytes)} MB, seed ${manifest.seed}, in ${corpus.dir} ` +
      `(${corpus.reused ? 'reused' : `generated in ${corpus.seconds.toFixed(1)} s`})\n` +
      `degenerate files: ${degenerate.join(', ')}; invalid UTF-8 ${manifest.noise['invalid-utf8'] ?? 0}, 50 KB lines ${manifest.noise['long-line'] ?? 0}\n\n`,
  );

  // Warm the page cache the same way for both measurements.
  await measureNode([FLOOR, corpus.dir, path.join(corpus.dir, LIST)], { cwd: corpus.dir, captureStdout: true });
  const floor = await best(args.runs, () => measureNode([FLOOR, corpus.dir, path.join(corpus.dir, LIST)], { cwd: corpus.dir, captureStdout: true }));
  const floorPass = JSON.parse(floor.stdout) as { bytes: number; passSeconds: number };

  const exportArgs = [BIN, 'export', '--ndjson', '.', ...(args.out ? ['-o', args.out] : [])];
  const exported = await best(args.runs, () =>
    measureNode(exportArgs, { cwd: corpus.dir, ...(args.out ? {} : { stdoutFile: '/dev/null' }) }),
  );
  const unreadable = (exported.stderr.match(/^anp: error: /gm) ?? []).length;
  const warnings = (exported.stderr.match(/^anp: warning: /gm) ?? []).length;
  if (exported.exitCode !== 0 && exported.exitCode !== 1) {
    process.stderr.write(exported.stderr.slice(-2000));
    fail(`anp export exited with ${exported.exitCode}`);
  }

  process.stdout.write(`${'measured (child processes, wall incl. start-up)'.padEnd(30)}  wall s     MB/s   files/s    peak RSS\n`);
  process.stdout.write(`${row('floor: read+split+hash lines', floor.wallSeconds, manifest.bytes, manifest.files, floor.peakRssBytes, `(the pass alone: ${floorPass.passSeconds.toFixed(2)} s)`)}\n`);
  process.stdout.write(
    `${row('anp export --ndjson', exported.wallSeconds, manifest.bytes, manifest.files, exported.peakRssBytes, `(exit ${exported.exitCode}: ${unreadable} files unreadable, ${warnings} invalid-UTF-8 warnings)`)}\n\n`,
  );

  const ratio = floor.wallSeconds / exported.wallSeconds;
  const rssOk = exported.peakRssBytes !== null && exported.peakRssBytes < 200 * 1024 * 1024;
  process.stdout.write(`export/floor throughput: ${ratio.toFixed(2)} (target >= 0.33: ${ratio >= 1 / 3 ? 'met' : 'NOT met'})\n`);
  process.stdout.write(
    `export peak RSS: ${exported.peakRssBytes === null ? 'n/a' : `${mb(exported.peakRssBytes)} MB`} (target < 200 MB: ${rssOk ? 'met' : 'NOT met'})\n`,
  );
  process.stdout.write(
    `node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), best of ${args.runs} run(s), peak RSS via ${existsSync(TIME) ? 'GNU time -v' : 'process.resourceUsage()'}\n`,
  );
}

await main();
