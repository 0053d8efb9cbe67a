/**
 * The cost of the corpus rules: `anp lint` over a bench corpus with both corpus rules
 * (corpus-duplicate-paragraph with `near`, near-duplicate-article) ON against the same lint
 * with both OFF, in one run, alternating (off, on, off, on, …) so a busy machine slows both
 * alike. Prints the best wall time of each, the highest peak RSS (whole process, worker
 * threads included: GNU time), their ratios, and the corpus rules' finding counts.
 *
 * `node dist-bench/bench/corpus-rules.js --dir DIR [--rounds R (2)] [--concurrency C (auto)] [--on a,b]`
 * (--on: the corpus rules turned on in the "on" runs, default both; the others are off in both).
 * DIR is a corpus made by bench/bench.ts (e.g. /tmp/anp-bench-10000-s1-v1).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url)); // dist-bench/bench
const BIN = path.join(HERE, '..', '..', 'bin', 'anp.js');
const TIME = '/usr/bin/time';
const RULES = ['corpus-duplicate-paragraph', 'near-duplicate-article'];

interface Measured {
  wallSeconds: number;
  peakRssBytes: number;
  exitCode: number;
}

function run(args: string[], cwd: string, out: string): Promise<Measured> {
  const fd = openSync(out, 'w');
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(TIME, ['-v', process.execPath, BIN, ...args], { cwd, stdio: ['ignore', fd, 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      closeSync(fd);
      const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      resolve({ wallSeconds: (performance.now() - start) / 1000, peakRssBytes: match ? Number(match[1]) * 1024 : 0, exitCode: code ?? -1 });
    });
  });
}

async function main(argv: string[]): Promise<void> {
  let dir: string | undefined;
  let rounds = 2;
  let concurrency = 'auto';
  let on = RULES;
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--dir') dir = path.resolve(argv[i + 1] ?? '');
    else if (argv[i] === '--rounds') rounds = Math.max(1, Number(argv[i + 1]));
    else if (argv[i] === '--concurrency') concurrency = argv[i + 1] ?? 'auto';
    else if (argv[i] === '--on') on = (argv[i + 1] ?? '').split(',').filter((id) => RULES.includes(id));
    else throw new Error(`unknown option ${argv[i]}; see the header of bench/corpus-rules.ts`);
  }
  if (!dir || !existsSync(TIME)) throw new Error('needs --dir DIR (a bench corpus) and GNU time at /usr/bin/time');
  const common = ['lint', '.', '--now', '2026-11-23', '--format', 'compact', '--concurrency', concurrency];
  const modes = {
    off: RULES.flatMap((id) => ['--rule', `${id}:off`]),
    on: RULES.flatMap((id) => ['--rule', `${id}:${on.includes(id) ? 'warn' : 'off'}`]),
  };
  const best: Record<string, Measured> = {};
  const out = path.join(os.tmpdir(), `anp-corpus-rules-${process.pid}.txt`);
  const counts: Record<string, number> = {};
  for (let round = 0; round < rounds; round++) {
    for (const mode of ['off', 'on'] as const) {
      const measured = await run([...common, ...modes[mode]], dir, out);
      if (measured.exitCode > 1) throw new Error(`anp lint exited ${measured.exitCode} (${mode})`);
      process.stderr.write(`round ${round + 1} ${mode}: ${measured.wallSeconds.toFixed(1)} s, ${(measured.peakRssBytes / 2 ** 20).toFixed(0)} MB, exit ${measured.exitCode}\n`);
      const known = best[mode];
      best[mode] = {
        wallSeconds: Math.min(known?.wallSeconds ?? Infinity, measured.wallSeconds),
        peakRssBytes: Math.max(known?.peakRssBytes ?? 0, measured.peakRssBytes),
        exitCode: measured.exitCode,
      };
      if (mode === 'on') {
        for (const id of RULES) counts[id] = 0;
        for (const line of readFileSync(out, 'utf8').split('\n')) {
          const id = /\[([a-z-]+)\]$/.exec(line)?.[1];
          if (id !== undefined && id in counts) counts[id]!++;
        }
      }
    }
  }
  rmSync(out, { force: true });
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  process.stdout.write(
    [
      `corpus ${dir}, concurrency ${concurrency}, best of ${rounds}; on: ${on.join(', ')}`,
      `corpus rules off: ${best.off!.wallSeconds.toFixed(1)} s, peak RSS ${mb(best.off!.peakRssBytes)}`,
      `corpus rules on:  ${best.on!.wallSeconds.toFixed(1)} s, peak RSS ${mb(best.on!.peakRssBytes)}`,
      `on/off: wall ${(best.on!.wallSeconds / best.off!.wallSeconds).toFixed(2)}x, peak RSS ${(best.on!.peakRssBytes / best.off!.peakRssBytes).toFixed(2)}x`,
      `findings with the corpus rules on: ${RULES.map((id) => `${id} ${counts[id]}`).join(', ')}`,
      '',
    ].join('\n'),
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`corpus-rules: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
