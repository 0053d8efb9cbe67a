/**
 * The floor on N threads: the file list cut into N contiguous shares, each read, decoded,
 * split and hashed by its own worker thread (floor.ts's pass). Run as a child process by
 * bench.ts:
 *
 *   node dist-bench/bench/floor-threads.js <root> <list-file> <threads>
 *
 * prints one JSON line: { files, bytes, lines, checksum, passSeconds, threads }.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { floorPass, type FloorResult } from './floor.js';

const HERE = fileURLToPath(import.meta.url);

if (!isMainThread) {
  const { root, files } = workerData as { root: string; files: string[] };
  parentPort!.postMessage(floorPass(root, files));
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root, listFile, threadsText] = process.argv.slice(2);
  const threads = Math.max(1, Number(threadsText ?? '2'));
  if (!root || !listFile) {
    process.stderr.write('usage: node dist-bench/bench/floor-threads.js <root> <list-file> <threads>\n');
    process.exit(2);
  }
  const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
  const start = performance.now();
  const size = Math.ceil(files.length / threads);
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, i) => new Promise<FloorResult>((resolve, reject) => {
      const worker = new Worker(HERE, { workerData: { root, files: files.slice(i * size, (i + 1) * size) } });
      worker.once('message', (result: FloorResult) => resolve(result));
      worker.once('error', reject);
    })),
  );
  const total = parts.reduce((sum, part) => ({ files: sum.files + part.files, bytes: sum.bytes + part.bytes, lines: sum.lines + part.lines, checksum: (sum.checksum + part.checksum) >>> 0, passSeconds: 0 }), { files: 0, bytes: 0, lines: 0, checksum: 0, passSeconds: 0 });
  process.stdout.write(`${JSON.stringify({ ...total, passSeconds: (performance.now() - start) / 1000, threads })}\n`);
  process.exit(0);
}
