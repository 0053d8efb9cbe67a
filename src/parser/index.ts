/**
 * Text -> Post, in passes that are each linear in the lines:
 *
 *   split lines -> layout (fences, title, figures, meta box, residue: lines marked by their
 *   form) -> classify the body lines (features, scores, Viterbi) -> assemble the Post.
 *
 * The parser never throws on any input and never drops a non-blank line: what it cannot
 * place is kept as residue.
 */
import { SCHEMA_VERSION, type Post } from '../model/post.js';
import { splitLines } from './lines.js';
import { bulletText, figureSource } from './classify.js';
import { languageFromFence } from './code-language.js';
import { PostAssembler, bulletIndents } from './assemble.js';
import { scanLayout, Role } from './layout.js';
import { classifyBody, Label } from './classifier.js';
import { indentWidth } from './features.js';
import { decodeEntities } from '../text/entities.js';

export interface ParseOptions {
  /** The path as discovered; copied into `post.file`. */
  file: string;
  /** Size of the input in bytes (the decoder knows it; defaults to the UTF-8 length). */
  bytes?: number;
}

export function parsePost(text: string, options: ParseOptions): Post {
  const lines = splitLines(text);
  const layout = scanLayout(lines);
  const labels = classifyBody(lines, layout.body, layout.bodyCount);
  const post = new PostAssembler();
  let body = 0;

  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const line = index + 1;
    switch (layout.roles[index] as Role) {
      case Role.Blank:
        if (post.inFence()) post.addFenceLine('', line);
        else post.blankLine();
        break;
      case Role.Title:
        post.title(decodeEntities(headingWords(raw.trim())), line);
        break;
      case Role.FenceOpen:
        post.openFence(languageFromFence(layout.fences.get(index) ?? ''), line);
        break;
      case Role.FenceLine:
        post.addFenceLine(raw, line);
        break;
      case Role.FenceClose:
        post.closeFence(line);
        break;
      case Role.ImageCaption: {
        const figure = figureSource(lines[index + 1]!.trim())!;
        post.image(raw.trim(), figure.source, line, line + 1);
        index++;
        break;
      }
      case Role.ImageLone: {
        const figure = figureSource(raw.trim())!;
        post.image(figure.caption, figure.source, line, line);
        break;
      }
      case Role.MetaMarker:
        // An unclosed fence ends at the line before the box.
        if (post.inFence()) post.closeFence(line - 1);
        post.openMeta(raw.trim(), line);
        break;
      case Role.Meta: {
        const trimmed = raw.trim();
        post.metaLine(trimmed, line, bulletText(trimmed));
        break;
      }
      case Role.Residue:
        post.residue(raw.trim(), line);
        break;
      case Role.Body:
        addBodyLine(post, raw, line, labels[body++] as Label);
        break;
      default:
        break;
    }
  }

  return post.finish({
    schemaVersion: SCHEMA_VERSION,
    file: options.file,
    lines: lines.length,
    bytes: options.bytes ?? Buffer.byteLength(text, 'utf8'),
  });
}

function addBodyLine(post: PostAssembler, raw: string, line: number, label: Label): void {
  const trimmed = raw.trim();
  switch (label) {
    case Label.Heading:
      post.heading(decodeEntities(headingWords(trimmed)), line);
      return;
    case Label.Code:
      post.codeLine(raw, line, indentWidth(raw));
      return;
    case Label.Item: {
      const bullet = bulletIndents(raw, trimmed);
      if (bullet) {
        post.listItem(decodeEntities(trimmed.slice(bullet.textStart).trim()), line, bullet.marker, bullet.content);
        return;
      }
      break;
    }
    default:
      break;
  }
  // HTML entities left by the scrape (`&amp;`, `&#39;`) are decoded in prose, never in code.
  post.paragraph(decodeEntities(trimmed), line, indentWidth(raw));
}

/**
 * The words of a heading or title: a markdown `#` prefix (a page scraped from markdown) and
 * a trailing colon (`Why This Matters:`) are not part of it.
 */
export function headingWords(text: string): string {
  let heading = text;
  if (heading.charCodeAt(0) === 35 /* # */) {
    let i = 0;
    while (heading.charCodeAt(i) === 35) i++;
    if (i <= 6 && heading.charCodeAt(i) === 32) heading = heading.slice(i + 1).trim();
  }
  if (heading.length > 1 && heading.endsWith(':') && !heading.endsWith('::')) heading = heading.slice(0, -1).trimEnd();
  return heading.length > 0 ? heading : text;
}
