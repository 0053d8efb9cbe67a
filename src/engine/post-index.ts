/**
 * Derived views of a post that several rules need (normalised prose paragraphs, their
 * words, exact repeats). Computed once per post and shared by the rules that need them, so
 * no rule re-walks or re-normalises what another already did.
 */
import type { Post } from '../model/post.js';
import { hash64 } from '../text/hash.js';
import { words as wordsOf } from '../text/normalise.js';

export interface ProseParagraph {
  /** Index in document order among all prose paragraphs. */
  index: number;
  text: string;
  line: number;
  /** The heading of its section; null for the intro. */
  heading: string | null;
  /** Normalised words (case, whitespace and punctuation folded). */
  words: string[];
  /** The normalised words joined by single spaces: the exact-duplicate key. */
  key: string;
}

interface PostIndex {
  paragraphs?: ProseParagraph[];
  repeats?: Map<number, ProseParagraph>;
}

// The runner checks one post with every rule before moving on, so remembering the last post
// is as good as a map and costs the garbage collector nothing (a WeakMap keyed by 100,000
// short-lived posts is measurably slow: ephemeron tables).
let lastPost: Post | undefined;
let lastIndex: PostIndex = {};

/** Drops the memo; the runner calls it before each post so a reused (mutated) post object is re-read. */
export function forgetPostIndex(): void {
  lastPost = undefined;
  lastIndex = {};
}

function indexOf(post: Post): PostIndex {
  if (post !== lastPost) {
    lastPost = post;
    lastIndex = {};
  }
  return lastIndex;
}

/** Every paragraph block of the post, intro included, in document order. */
export function proseParagraphs(post: Post): readonly ProseParagraph[] {
  const index = indexOf(post);
  if (!index.paragraphs) {
    const result: ProseParagraph[] = [];
    for (const section of post.sections) {
      for (const block of section.blocks) {
        if (block.type !== 'paragraph') continue;
        const words = wordsOf(block.text);
        result.push({ index: result.length, text: block.text, line: block.line, heading: section.heading, words, key: words.join(' ') });
      }
    }
    index.paragraphs = result;
  }
  return index.paragraphs;
}

/** The fingerprint the corpus rules and `anp stats` count a paragraph by: hash64 of its key (empty for an empty key). */
export function paragraphFingerprint(paragraph: ProseParagraph): string {
  return paragraph.key.length === 0 ? '' : hash64(paragraph.key);
}

/** Paragraph indexes that repeat an earlier paragraph exactly (same normalised key). */
export function exactRepeats(post: Post): ReadonlyMap<number, ProseParagraph> {
  const index = indexOf(post);
  if (index.repeats) return index.repeats;
  const firstByKey = new Map<string, ProseParagraph>();
  const repeats = new Map<number, ProseParagraph>();
  for (const paragraph of proseParagraphs(post)) {
    if (paragraph.key.length === 0) continue;
    const first = firstByKey.get(paragraph.key);
    if (first) repeats.set(paragraph.index, first);
    else firstByKey.set(paragraph.key, paragraph);
  }
  index.repeats = repeats;
  return repeats;
}
