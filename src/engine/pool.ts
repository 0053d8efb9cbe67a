/**
 * A small ordered pool of worker threads (node:worker_threads): tasks go out to `size`
 * workers, a bounded number in flight, and results come back in task order, so a caller
 * that prints them produces the same bytes as a one-thread run. No dependency: the pool
 * needs ordering, back-pressure and crash recovery (retry a crashed batch file by file),
 * which generic pools (piscina, tinypool) leave to the caller anyway; its size is a few
 * dozen lines of our own.
 *
 * A worker module answers `{ id, result }` for each `{ id, task }` it receives. A worker
 * that dies (uncaught error, process.exit in a rule, out of memory) fails the tasks it held;
 * the pool starts a replacement and hands each failed task to `split`, which either gives
 * smaller tasks to retry (a batch -> one task per file) or, for a task that cannot be split,
 * the result to report instead (an error finding naming the file and the reason).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface PoolOptions<Task, Result> {
  /** The worker module's URL. */
  url: URL;
  workerData: unknown;
  size: number;
  /** What to do with a task whose worker died: smaller tasks to retry, or the result to give. */
  split(task: Task, reason: string): { retry: Task[] } | { result: Result };
}

interface Job<Task, Result> {
  index: number;
  task: Task;
  /** Results of retried pieces, by piece; the job is done when every piece is. */
  done: (Result | undefined)[] | undefined;
  result: Result | undefined;
  finished: boolean;
}

interface Slot {
  worker: Worker;
  busy: Map<number, { job: number; piece: number }>;
}

/** The worker module that sits next to this file once built (tests run the sources; the worker runs from dist/). */
export function builtWorkerUrl(name: string, from: string): URL {
  const here = fileURLToPath(from);
  if (here.endsWith('.js')) return new URL(`./${name}.js`, from);
  // Running from sources (vitest): the compiled twin in dist/.
  const root = path.resolve(path.dirname(here), '..', '..');
  const built = path.join(root, 'dist', path.relative(root, path.dirname(here)), `${name}.js`);
  if (!existsSync(built)) throw new Error(`worker module ${built} is missing; run npm run build`);
  return new URL(`file://${built}`);
}

/** `auto`: one worker per core but one (the main thread formats and writes), at least one. */
export function autoWorkers(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, cores - 1);
}

/**
 * Runs `tasks` on the pool and yields their results in task order. At most `2 * size` tasks
 * are in flight or waiting to be yielded, so memory is bounded by a few batches whatever the
 * corpus. The workers are terminated when the iteration ends (also early, on break/throw).
 */
export async function* runOrdered<Task, Result>(tasks: Iterable<Task>, options: PoolOptions<Task, Result>): AsyncGenerator<Result> {
  const size = Math.max(1, options.size);
  const window = size * 2;
  const iterator = tasks[Symbol.iterator]();
  const jobs = new Map<number, Job<Task, Result>>();
  const queue: Array<{ job: number; piece: number; task: Task }> = [];
  let nextIndex = 0;
  let nextToYield = 0;
  let exhausted = false;
  let messageId = 0;
  let wake: (() => void) | undefined;
  let fatal: Error | undefined;
  const slots: Slot[] = [];

  const notify = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };

  const complete = (jobIndex: number, piece: number, result: Result): void => {
    const job = jobs.get(jobIndex);
    if (!job) return;
    if (job.done === undefined) {
      job.result = result;
      job.finished = true;
    } else {
      job.done[piece] = result;
      if (job.done.every((value) => value !== undefined)) job.finished = true;
    }
    notify();
  };

  const pump = (): void => {
    for (const slot of slots) {
      while (slot.busy.size < 2 && queue.length > 0) {
        const next = queue.shift()!;
        const id = messageId++;
        slot.busy.set(id, { job: next.job, piece: next.piece });
        slot.worker.postMessage({ id, task: next.task });
      }
    }
  };

  const failPieces = (held: Array<{ job: number; piece: number }>, reason: string): void => {
    for (const { job: jobIndex, piece } of held) {
      const job = jobs.get(jobIndex);
      if (!job) continue;
      const task = job.done === undefined ? job.task : (job as Job<Task, Result> & { pieces: Task[] }).pieces[piece]!;
      const outcome = options.split(task, reason);
      if ('result' in outcome) {
        complete(jobIndex, piece, outcome.result);
      } else if (job.done === undefined && outcome.retry.length > 0) {
        job.done = outcome.retry.map(() => undefined);
        (job as Job<Task, Result> & { pieces: Task[] }).pieces = outcome.retry;
        outcome.retry.forEach((retryTask, retryPiece) => queue.unshift({ job: jobIndex, piece: retryPiece, task: retryTask }));
      } else {
        // A retried piece that still cannot be split: give up on the run rather than loop.
        fatal = new Error(`a worker failed: ${reason}`);
      }
    }
  };

  const start = (): Slot => {
    const worker = new Worker(options.url, { workerData: options.workerData });
    const slot: Slot = { worker, busy: new Map() };
    let lastError = 'the worker stopped';
    worker.on('message', (message: { id: number; result?: Result; error?: string }) => {
      const held = slot.busy.get(message.id);
      if (!held) return;
      slot.busy.delete(message.id);
      if (message.error !== undefined) {
        fatal = new Error(message.error);
        notify();
        return;
      }
      complete(held.job, held.piece, message.result as Result);
      pump();
    });
    worker.on('error', (error) => {
      lastError = error instanceof Error ? error.message : String(error);
    });
    worker.on('exit', (code) => {
      const index = slots.indexOf(slot);
      if (index < 0) return; // terminated by us
      slots.splice(index, 1);
      const held = [...slot.busy.values()];
      slot.busy.clear();
      const reason = lastError !== 'the worker stopped' ? lastError : `the worker exited with code ${code}`;
      failPieces(held, reason);
      slots.push(start());
      pump();
      notify();
    });
    return slot;
  };

  const refill = (): void => {
    while (!exhausted && jobs.size < window) {
      const next = iterator.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      const index = nextIndex++;
      jobs.set(index, { index, task: next.value, done: undefined, result: undefined, finished: false });
      queue.push({ job: index, piece: 0, task: next.value });
    }
    pump();
  };

  try {
    for (let i = 0; i < size; i++) slots.push(start());
    refill();
    while (true) {
      if (fatal) throw fatal;
      const job = jobs.get(nextToYield);
      if (job === undefined) {
        if (exhausted) return;
        refill();
        continue;
      }
      if (!job.finished) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      jobs.delete(nextToYield);
      nextToYield++;
      refill();
      if (job.done === undefined) yield job.result as Result;
      else for (const piece of job.done) yield piece as Result;
    }
  } finally {
    const all = slots.splice(0);
    await Promise.all(all.map((slot) => slot.worker.terminate()));
  }
}
