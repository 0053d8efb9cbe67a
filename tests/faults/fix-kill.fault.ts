/**
 * The fault test of `anp lint --fix`: a fix run killed with SIGKILL at random moments leaves
 * every file either as it was or completely fixed, never truncated or half-written (each
 * file is written to a temp file beside it and renamed). The temp files a kill strands are
 * removed by the next `--fix` that writes into their folder, and that run finishes the job:
 * every file then holds exactly the bytes of an uninterrupted run.
 *
 * Needs the built bin (`npm run build`). Kills: ANP_FIX_KILLS (default 6). Seeded; the seed
 * is printed, so a failure can be replayed with ANP_FAULT_SEED.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusArticle, createRandom } from '../../bench/generate.js';
import { recordCount, REPO_ROOT } from '../fuzz/harness.js';

const BIN = path.join(REPO_ROOT, 'bin', 'anp.js');
const KILLS = Number(process.env.ANP_FIX_KILLS ?? 6);
const SEED = Number(process.env.ANP_FAULT_SEED ?? Date.now() % 1_000_000);
const FILES = 40;
const ARGS = ['lint', 'content', '--fix', '--now', '2026-11-23', '-f', 'json', '-o', 'report.json'];

function runFix(cwd: string, killAfterMs?: number): Promise<{ ms: number; signal: NodeJS.Signals | null; code: number | null }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...ARGS], { cwd, stdio: 'ignore' });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, signal, code });
    });
  });
}

let root: string;
const names: string[] = [];
const original = new Map<string, Buffer>();
const fixed = new Map<string, Buffer>();
let cleanMs = 0;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'anp-fix-kill-'));
  mkdirSync(path.join(root, 'pristine'));
  for (let i = 0; i < FILES; i++) {
    const name = `post-${String(i).padStart(4, '0')}.txt`;
    const bytes = corpusArticle(i, 3).bytes;
    names.push(name);
    original.set(name, bytes);
    writeFileSync(path.join(root, 'pristine', name), bytes);
  }
  // The bytes of an uninterrupted run, and how long it takes (the kill window).
  const clean = path.join(root, 'clean');
  cpSync(path.join(root, 'pristine'), path.join(clean, 'content'), { recursive: true });
  const run = await runFix(clean);
  expect(run.code === 0 || run.code === 1).toBe(true);
  cleanMs = run.ms;
  for (const name of names) fixed.set(name, readFileSync(path.join(clean, 'content', name)));
}, 60_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe(`fault: anp lint --fix killed with SIGKILL (${KILLS} kills, seed ${SEED})`, () => {
  it('leaves each file old or new, never truncated; the next --fix finishes and removes the temps', async () => {
    const changedByClean = names.filter((name) => !original.get(name)!.equals(fixed.get(name)!)).length;
    expect(changedByClean).toBeGreaterThan(FILES / 2);
    const random = createRandom(SEED);
    const started = performance.now();
    const work = path.join(root, 'work');
    mkdirSync(path.join(work, 'content'), { recursive: true });
    let midway = 0;
    let stranded = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      // Each kill interrupts a run on the original files; the temps of earlier kills stay.
      for (const name of names) writeFileSync(path.join(work, 'content', name), original.get(name)!);
      // From after start-up to the end of a clean run: the writes are spread over it.
      const at = Math.round(cleanMs * (0.25 + 0.7 * random()));
      const run = await runFix(work, at);
      let written = 0;
      for (const name of names) {
        const now = readFileSync(path.join(work, 'content', name));
        const isOld = now.equals(original.get(name)!);
        const isNew = now.equals(fixed.get(name)!);
        expect(isOld || isNew, `${name} after a kill at ${at} ms is neither the old nor the fixed file (${now.length} bytes)`).toBe(true);
        if (!isOld) written++;
      }
      if (run.signal === 'SIGKILL' && written > 0 && written < changedByClean) midway++;
      stranded += readdirSync(path.join(work, 'content')).filter((name) => name.endsWith('.tmp')).length;
    }
    // A temp file a killed run left (its process is gone) is removed by the next --fix that
    // writes into the folder, and that run finishes the job.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const strandedName = `.${names[0]}.${gone}.0badf00d.tmp`;
    writeFileSync(path.join(work, 'content', strandedName), 'half a file');
    writeFileSync(path.join(work, 'content', names[0]!), original.get(names[0]!)!);
    const last = await runFix(work);
    expect(last.signal).toBeNull();
    for (const name of names) expect(readFileSync(path.join(work, 'content', name)).equals(fixed.get(name)!), `${name} after the run that follows the kills`).toBe(true);
    expect(readdirSync(path.join(work, 'content')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    process.stdout.write(`fix kills: ${KILLS} SIGKILLs in a ${Math.round(cleanMs)} ms run of ${FILES} files; ${midway} landed mid-write (some files fixed, others not), ${stranded} temp files stranded\n`);
    recordCount('fault-fix-kills', 'fault', KILLS, performance.now() - started);
  });
});
