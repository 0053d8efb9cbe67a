/**
 * The benchmark's floor: the least any tool must do with a corpus — read every file, decode
 * it, split it into lines and hash each line — in one thread, in one process. `anp export`
 * is measured against it. Run as a child process by bench.ts (so its peak RSS is its own):
 *
 *   node dist-bench/bench/floor.js <root> <list-file>
 *
 * prints one JSON line: { files, bytes, lines, checksum, passSeconds }.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface FloorResult {
  files: number;
  bytes: number;
  lines: number;
  /** Folded line hashes, so no step can be optimised away. */
  checksum: number;
  /** The pass alone, without process start-up. */
  passSeconds: number;
}

const decoder = new TextDecoder('utf-8');
const LINE_BREAK = /\r\n|\r|\n/;

/** FNV-1a, 32 bits, over UTF-16 code units: a plain loop, as cheap as hashing gets in JS. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function floorPass(root: string, files: readonly string[]): FloorResult {
  const start = performance.now();
  let bytes = 0;
  let lines = 0;
  let checksum = 0;
  for (const file of files) {
    const data = readFileSync(path.join(root, file));
    bytes += data.length;
    for (const line of decoder.decode(data).split(LINE_BREAK)) {
      checksum = (checksum + fnv1a(line)) >>> 0;
      lines++;
    }
  }
  return { files: files.length, bytes, lines, checksum, passSeconds: (performance.now() - start) / 1000 };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root, listFile] = process.argv.slice(2);
  if (!root || !listFile) {
    process.stderr.write('usage: node dist-bench/bench/floor.js <root> <list-file>\n');
    process.exit(2);
  }
  const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
  process.stdout.write(`${JSON.stringify(floorPass(root, files))}\n`);
}
