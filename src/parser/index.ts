/**
 * Text -> Post in one linear pass over the lines. Each line is classified with its
 * neighbours as context (an open code block, an open list, the next line for figure
 * captions) and appended to the post being assembled. The parser never throws on any input
 * and never drops a non-blank line: what it cannot place is kept as residue.
 */
import { SCHEMA_VERSION, type Post } from '../model/post.js';
import { splitLines, isBlank, isIndented } from './lines.js';
import {
  bulletText,
  continuesCode,
  fenceInfo,
  figureSource,
  headingText,
  isMetaMarker,
  isProse,
  isTableResidue,
  isTrailer,
  isYamlKeyLine,
  looksLikeCode,
  mayNameImageSource,
  measureLine,
  wordsOf,
} from './classify.js';
import { languageFromFence } from './code-language.js';
import { PostAssembler } from './assemble.js';

export interface ParseOptions {
  /** The path as discovered; copied into `post.file`. */
  file: string;
  /** Size of the input in bytes (the decoder knows it; defaults to the UTF-8 length). */
  bytes?: number;
}

type Phase = 'start' | 'body' | 'meta' | 'trailer';

export function parsePost(text: string, options: ParseOptions): Post {
  const lines = splitLines(text);
  const post = new PostAssembler();
  let phase: Phase = 'start';
  let sourceScanIndex = -1;
  let sourceScanResult = false;

  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const line = index + 1;

    if (post.inFence()) {
      const trimmed = raw.trim();
      if (post.isFenceClose(trimmed)) {
        post.closeFence(line);
        continue;
      }
      // An unclosed fence must not swallow the meta box: the marker ends it.
      if (!isMetaMarker(trimmed)) {
        post.addFenceLine(raw);
        continue;
      }
      post.closeFence(line - 1);
    }

    const trimmed = raw.trim();
    if (trimmed.length === 0) {
      post.blankLine();
      continue;
    }

    if (isMetaMarker(trimmed)) {
      post.openMeta(trimmed, line);
      phase = 'meta';
      continue;
    }
    if (phase === 'meta') {
      if (isTrailer(trimmed)) {
        post.residue(trimmed, line);
        phase = 'trailer';
      } else {
        post.metaLine(trimmed, line, bulletText(trimmed));
      }
      continue;
    }
    if (phase === 'trailer' || isTableResidue(trimmed)) {
      post.residue(trimmed, line);
      continue;
    }
    if (isTrailer(trimmed)) {
      post.residue(trimmed, line);
      phase = 'trailer';
      continue;
    }

    const fence = fenceInfo(trimmed);
    if (fence !== null) {
      post.openFence(trimmed.slice(0, 3), languageFromFence(fence), line);
      phase = 'body';
      continue;
    }
    if (phase === 'start') {
      post.title(stripMarkdownHeading(trimmed), line);
      phase = 'body';
      continue;
    }

    // Figures: a caption line followed by `<caption>. image source: <host>`. The look-ahead's
    // scan of the next line is remembered, so each line is scanned for a source once.
    const namesSource = sourceScanIndex === index ? sourceScanResult : mayNameImageSource(trimmed);
    const next = lines[index + 1];
    if (next !== undefined && next.length > trimmed.length) {
      sourceScanIndex = index + 1;
      sourceScanResult = mayNameImageSource(next);
    }
    if (next !== undefined && sourceScanIndex === index + 1 && sourceScanResult) {
      const figure = figureSource(next.trim());
      if (figure && figure.caption.toLowerCase() === trimmed.toLowerCase()) {
        post.image(trimmed, figure.source, line, line + 1);
        index++;
        continue;
      }
    }
    const lone = namesSource ? figureSource(trimmed) : null;
    if (lone) {
      post.image(lone.caption, lone.source, line, line);
      continue;
    }

    const item = bulletText(trimmed);
    // `- key: value` right after code is YAML, not a checklist.
    if (item !== null && !(post.inCode() && !post.hasPendingBlank() && isYamlKeyLine(trimmed))) {
      post.listItem(item, line);
      continue;
    }

    const measure = measureLine(trimmed);
    if (post.inCode()) {
      if (isIndented(raw) || continuesCode(trimmed) || isYamlKeyLine(trimmed) || looksLikeCode(trimmed, measure)) {
        post.codeLine(raw, line);
        continue;
      }
    } else if (looksLikeCode(trimmed, measure) || (isYamlKeyLine(trimmed) && startsYaml(lines, index))) {
      post.codeLine(raw, line);
      continue;
    }

    const heading = isProse(trimmed, measure) ? null : headingText(trimmed);
    if (heading !== null) post.heading(heading, line);
    else post.paragraph(trimmed, line, wordsOf(measure));
  }

  return post.finish({
    schemaVersion: SCHEMA_VERSION,
    file: options.file,
    lines: lines.length,
    bytes: options.bytes ?? Buffer.byteLength(text, 'utf8'),
  });
}

/** `# Title` (a page scraped from markdown) -> `Title`. */
function stripMarkdownHeading(text: string): string {
  if (text.charCodeAt(0) !== 35) return text;
  return headingText(text) ?? text;
}

/**
 * A `key:` line starts YAML only when the next non-blank line continues it (indented, or
 * another key), so a heading such as `Checklist:` followed by bullets stays a heading.
 */
function startsYaml(lines: readonly string[], index: number): boolean {
  for (let i = index + 1; i < lines.length; i++) {
    const next = lines[i]!;
    if (isBlank(next)) continue;
    const trimmed = next.trim();
    return isYamlKeyLine(trimmed);
  }
  return false;
}
