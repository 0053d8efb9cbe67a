/** Placeholder until the parser lands (same signature). */
import type { Post } from '../model/post.js';
export interface ParseOptions { file: string; bytes?: number }
export function parsePost(text: string, options: ParseOptions): Post {
  return { schemaVersion: 1, file: options.file, title: null, sections: [], codeBlocks: [], checklist: [], images: [], meta: null, residue: [], stats: { lines: 0, words: 0, paragraphs: 0, bytes: options.bytes ?? text.length } };
}
