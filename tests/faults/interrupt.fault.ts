/**
 * The fault test: `anp lint -o` and `anp export -o` killed with SIGINT, SIGTERM and SIGKILL
 * at random moments (from process start to after the run would have finished). After every
 * run the output holds either the old bytes or the complete new report, never a part; after
 * SIGINT/SIGTERM no temp file is left and stderr is the one interrupt line; after SIGKILL the
 * temp file may stay, and the next run that writes the same target removes it.
 *
 * Needs the built bin (`npm run build`). Runs: ANP_FAULT_RUNS (default 36). Seeded, and the
 * seed is printed, so a failure can be replayed with ANP_FAULT_SEED.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCount, REPO_ROOT } from '../fuzz/harness.js';
// The bench generator's seeded PRNG (mulberry32) spreads the kill moments.
import { createRandom as prng } from '../../bench/generate.js';

const BIN = path.join(REPO_ROOT, 'bin', 'anp.js');
const RUNS = Number(process.env.ANP_FAULT_RUNS ?? 36);
const SEED = Number(process.env.ANP_FAULT_SEED ?? Date.now() % 1_000_000);
const FILES = 800;

type Signal = 'SIGINT' | 'SIGTERM' | 'SIGKILL';
interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  ms: number;
}


function runAnp(args: string[], cwd: string, killAfterMs?: number, signal?: Signal): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill(signal), killAfterMs);
    child.on('error', reject);
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig, stderr, ms: performance.now() - started });
    });
  });
}

const temps = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

let root: string;
let corpus: string;
const commands = {
  lint: { args: (out: string) => ['lint', 'corpus', '-f', 'json', '--now', '2026-01-01', '-o', out], expected: '', ms: 0 },
  export: { args: (out: string) => ['export', 'corpus', '--ndjson', '-o', out], expected: '', ms: 0 },
};

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'anp-fault-'));
  corpus = path.join(root, 'corpus');
  mkdirSync(corpus);
  const samples = readdirSync(path.join(REPO_ROOT, 'fixtures', 'samples')).filter((name) => name.endsWith('.txt'));
  for (let i = 0; i < FILES; i++) copyFileSync(path.join(REPO_ROOT, 'fixtures', 'samples', samples[i % samples.length]!), path.join(corpus, `post-${String(i).padStart(5, '0')}.txt`));
  // The complete outputs, and how long a clean run takes (the kill window).
  for (const [name, command] of Object.entries(commands)) {
    const out = path.join(root, `expected-${name}.out`);
    const outcome = await runAnp(command.args(out), root);
    expect(outcome.stderr).toBe('');
    command.expected = readFileSync(out, 'utf8');
    command.ms = outcome.ms;
  }
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe(`fault: interrupted and killed writers (${RUNS} runs, seed ${SEED})`, () => {
  it('leave the old output or the complete new one, and no temp file', async () => {
    const random = prng(SEED);
    const signals: Signal[] = ['SIGINT', 'SIGTERM', 'SIGKILL'];
    const tally = { interrupted: 0, killed: 0, finished: 0, staleCleaned: 0 };
    const started = performance.now();
    for (let run = 0; run < RUNS; run++) {
      const name = run % 2 === 0 ? 'lint' : 'export';
      const command = commands[name];
      const signal = signals[Math.floor(run / 2) % 3]!;
      const dir = path.join(root, `run-${run}`);
      mkdirSync(dir);
      const out = path.join(dir, 'out.json');
      const old = `OLD ${run} ${'x'.repeat(100)}\n`;
      writeFileSync(out, old);
      const at = Math.round(random() * command.ms * 1.05);
      const outcome = await runAnp(command.args(path.join('run-' + run, 'out.json')), root, at, signal);
      const what = `run ${run}: ${name} ${signal} after ${at} ms (clean run ${Math.round(command.ms)} ms): ${JSON.stringify(outcome)}`;
      const now = readFileSync(out, 'utf8');
      const finished = outcome.code === 0 || outcome.code === 1;
      if (finished) {
        expect(now, what).toBe(command.expected);
        expect(temps(dir), what).toEqual([]);
        tally.finished++;
        continue;
      }
      // Killed by the signal itself (SIGKILL; or SIGINT/SIGTERM during Node's start-up, before
      // the handlers exist, or its tear-down, after the rename): old or whole new, never a part.
      if (outcome.signal !== null) {
        expect(outcome.signal, what).toBe(signal);
        expect([old, command.expected].includes(now), `${what}: the output is neither the old file nor the whole new one`).toBe(true);
        if (now === command.expected) tally.finished++;
        else if (signal === 'SIGKILL') tally.killed++;
        else tally.interrupted++;
        if (signal !== 'SIGKILL') {
          expect(temps(dir), what).toEqual([]);
          continue;
        }
        // The next run writing the same target removes the dead run's temp file.
        const left = temps(dir).length;
        const next = await runAnp(['export', 'corpus/post-00000.txt', '-o', path.join('run-' + run, 'out.json')], root);
        expect(next.code, what).toBe(0);
        expect(temps(dir), what).toEqual([]);
        if (left > 0) tally.staleCleaned++;
        continue;
      }
      // Caught by anp's handler: the old output, no temp file, one line.
      expect(now, what).toBe(old);
      expect(temps(dir), what).toEqual([]);
      expect(outcome.code, what).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(outcome.stderr, what).toMatch(/^anp: interrupted(; run-\d+\/out\.json left unchanged)?\n$/);
      tally.interrupted++;
    }
    const ms = performance.now() - started;
    recordCount('fault-kills', 'fault', RUNS, ms);
    console.log(`fault runs: ${RUNS} (seed ${SEED}): ${JSON.stringify(tally)} in ${Math.round(ms)} ms`);
    // The window must really hit running processes, not only finished ones.
    expect(tally.interrupted + tally.killed).toBeGreaterThan(RUNS / 3);
  }, 300_000);
});
