/**
 * The worker thread of parallel.ts: rebuilds the linter from plain settings, then answers
 * each batch of files with their lint results (and corpus summaries) or their posts' JSON.
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { readSourceSync, type SourceRead } from '../io/read.js';
import type { Post } from '../model/post.js';
import { summariseForCorpus } from './corpus.js';
import type { InputFacts } from './rule.js';
import { createLinter, exportJson, lintSource, maxBytesOf } from './linter.js';
import type { ExportItem, LintItem, TaskFile, WorkerSetup } from './parallel.js';

const setup = workerData as WorkerSetup;
const linter = createLinter({
  cwd: setup.cwd,
  config: setup.config,
  now: setup.now,
  ...(setup.rules !== undefined ? { rules: setup.rules } : {}),
  ruleFlags: setup.ruleFlags,
  rulesDirs: setup.rulesDirs,
});
const resolved = await linter.config();
const maxBytes = maxBytesOf(resolved);
const now = linter.now;

function sourceOf(task: TaskFile): SourceRead {
  if (task.special !== undefined) return { kind: 'unreadable', reason: 'read-error', message: task.special };
  return readSourceSync(path.resolve(setup.cwd, task.file), { maxBytes });
}

function lintOne(task: TaskFile): LintItem {
  const source = sourceOf(task);
  let summaries: LintItem['summaries'];
  const collector = setup.corpus
    ? {
        collect(file: string, post: Post, input: InputFacts): void {
          summaries = summariseForCorpus(resolved.rules, resolved.settings, file, post, input);
        },
      }
    : null;
  const { result } = lintSource(task.file, source, resolved, now, collector);
  const item: LintItem = { result };
  if (source.kind === 'unreadable' && source.reason === 'read-error') item.transient = true;
  if (summaries !== undefined) {
    item.summaries = summaries;
    if (source.kind !== 'unreadable') item.invalidUtf8Lines = source.invalidUtf8Lines;
  }
  return item;
}

function exportOne(task: TaskFile): ExportItem {
  return exportJson(task.file, sourceOf(task), setup.indent);
}

// An exception here is left uncaught on purpose: the worker dies, and the pool retries the
// batch file by file, so only the file that causes it is reported (parallel.ts).
parentPort!.on('message', (message: { id: number; task: TaskFile[] }) => {
  const result = setup.mode === 'lint' ? message.task.map(lintOne) : message.task.map(exportOne);
  parentPort!.postMessage({ id: message.id, result });
});
