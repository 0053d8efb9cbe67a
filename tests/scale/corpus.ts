/** Small bench corpora (bench/generate.ts, noise included) in temp folders, for the scale tests. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { corpusArticle, corpusPath } from '../../bench/generate.js';
import { makeTree } from '../cli/helpers.js';

export async function benchCorpus(count: number, seed = 1): Promise<string> {
  const root = await makeTree({});
  for (let i = 0; i < count; i++) {
    const file = path.join(root, corpusPath(i));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, corpusArticle(i, seed).bytes);
  }
  return root;
}

/** A custom rule (rules/exit.mjs) that kills its worker thread on a post titled with BOOM. */
export const EXIT_ON_BOOM_RULE = [
  "export const meta = { id: 'exit-on-boom', description: 'Kills its thread on BOOM.', defaultSeverity: 'warn' };",
  "export function check(post) { if (post.title.includes('BOOM')) process.exit(3); }",
].join('\n');
