/**
 * Builds the Post from the lines, their layout roles and the body lines' labels, in one
 * walk. Open blocks (code, lists, a fence) are closed by whatever comes next, so this is the
 * one place that decides where a block ends and which container (a section, or a list item
 * by its indentation) a block belongs to.
 */
import type { Block, CodeBlock, ListBlock, ListItem, Post, Section } from '../model/post.js';
import { countWords } from './lines.js';
import { bulletAt, Bullet, indentWidth } from './features.js';
import { detectLanguage } from './code-language.js';
import { MetaBoxReader } from './meta-box.js';

interface OpenCode {
  block: CodeBlock;
  entry: Post['codeBlocks'][number];
  lines: string[];
  /** Blank lines seen since the last code line: kept if the block continues. */
  pendingBlank: number;
  /** Leading whitespace removed from every line: the indent of the list item it sits in. */
  strip: number;
  /** The fence's language, when fenced (undefined: detect). */
  fenceLang: string | null | undefined;
  container: Block[];
}

interface OpenList {
  block: ListBlock;
  markerIndent: number;
  contentIndent: number;
}

export interface FinishInfo {
  schemaVersion: Post['schemaVersion'];
  file: string;
  lines: number;
  bytes: number;
}

export class PostAssembler {
  private titleText: string | null = null;
  private readonly sections: Section[] = [];
  private current: Section | null = null;
  private readonly codeBlocks: Post['codeBlocks'] = [];
  private readonly codeLines: Array<{ lines: string[]; fenceLang: string | null | undefined; block: CodeBlock }> = [];
  private readonly images: Post['images'] = [];
  private readonly residueLines: Post['residue'] = [];
  private code: OpenCode | null = null;
  private fenced = false;
  private readonly lists: OpenList[] = [];
  private meta: MetaBoxReader | null = null;
  private words = 0;
  private paragraphs = 0;

  title(text: string, line: number): void {
    this.titleText = text;
    this.words += countWords(text);
    // The intro is the section the title heads: its line is the title's line.
    this.current = { heading: null, line, blocks: [] };
    this.sections.push(this.current);
  }

  heading(text: string, line: number): void {
    this.closeBlocks();
    this.words += countWords(text);
    this.current = { heading: text, line, blocks: [] };
    this.sections.push(this.current);
  }

  /** A prose line: inside the list item it is indented under, else a paragraph of the section. */
  paragraph(text: string, line: number, indent: number): void {
    this.closeCode();
    this.words += countWords(text);
    const item = this.itemFor(indent);
    if (item) {
      (item.blocks ??= []).push({ type: 'paragraph', text, line });
      this.touchLists(line);
      return;
    }
    this.closeLists();
    this.paragraphs++;
    this.sectionBlocks(line).push({ type: 'paragraph', text, line });
  }

  image(caption: string, source: string, line: number, endLine: number): void {
    this.closeBlocks();
    this.sectionBlocks(line).push({ type: 'image', caption, source: source.length > 0 ? source : null, line, endLine });
    this.images.push({ caption, source: source.length > 0 ? source : null, line });
  }

  /** A bullet line: a sibling of the item at its indent, nested under a shallower one, or a new list. */
  listItem(text: string, line: number, markerIndent: number, contentIndent: number): void {
    this.closeCode();
    this.words += countWords(text);
    const item: ListItem = { text, line };
    while (this.lists.length > 0) {
      const top = this.lists[this.lists.length - 1]!;
      if (markerIndent >= top.contentIndent) {
        // Deeper than the open item's text: a nested list inside that item.
        const parent = top.block.items[top.block.items.length - 1]!;
        const nested: ListBlock = { type: 'list', items: [item], line, endLine: line };
        (parent.blocks ??= []).push(nested);
        this.lists.push({ block: nested, markerIndent, contentIndent });
        this.touchLists(line);
        return;
      }
      if (markerIndent >= top.markerIndent - 1 || this.lists.length === 1) {
        top.block.items.push(item);
        top.markerIndent = Math.min(top.markerIndent, markerIndent);
        top.contentIndent = contentIndent;
        this.touchLists(line);
        return;
      }
      this.lists.pop();
    }
    const list: ListBlock = { type: 'list', items: [item], line, endLine: line };
    this.sectionBlocks(line).push(list);
    this.lists.push({ block: list, markerIndent, contentIndent });
  }

  /** A code line (raw, with its indentation), outside a fence. */
  codeLine(raw: string, line: number, indent: number): void {
    if (this.code && !this.fenced) {
      this.appendCode(raw, line);
      return;
    }
    const item = this.itemFor(indent);
    let container: Block[];
    let strip = 0;
    if (item) {
      container = item.blocks ??= [];
      strip = this.lists[this.lists.length - 1]!.contentIndent;
      this.touchLists(line);
    } else {
      this.closeLists();
      container = this.sectionBlocks(line);
    }
    this.openCode(container, line, strip, undefined);
    this.appendCode(raw, line);
  }

  blankLine(): void {
    if (this.code && !this.fenced) this.code.pendingBlank++;
  }

  openFence(lang: string | null, line: number): void {
    this.closeBlocks();
    this.openCode(this.sectionBlocks(line), line, 0, lang);
    this.fenced = true;
  }

  addFenceLine(raw: string, line: number): void {
    const code = this.code!;
    code.lines.push(raw.trimEnd());
    code.block.endLine = line;
  }

  /** Ends the fence; `endLine` is the closing fence, or the last line before the meta box. */
  closeFence(endLine: number): void {
    const code = this.code!;
    code.block.endLine = Math.max(endLine, code.block.line);
    while (code.lines.length > 0 && code.lines[code.lines.length - 1] === '') code.lines.pop();
    this.fenced = false;
    this.closeCode();
  }

  inFence(): boolean {
    return this.fenced;
  }

  residue(text: string, line: number): void {
    this.closeBlocks();
    this.residueLines.push({ text, line });
  }

  /**
   * The box starts at its marker. A second marker (a box after `Similar Posts`, a page
   * scraped twice) continues the same box: its fields then count as repeats of the first.
   */
  openMeta(marker: string, line: number): void {
    this.closeBlocks();
    if (this.meta) this.meta.addStray(marker, line);
    else this.meta = new MetaBoxReader(line);
  }

  metaLine(text: string, line: number, bullet: string | null): void {
    this.meta!.addLine(text, line, bullet);
  }

  finish(info: FinishInfo): Post {
    if (this.fenced) this.closeFence(info.lines);
    this.closeBlocks();
    const meta = this.meta ? this.meta.finish() : null;
    const hint = meta && typeof meta.fields.codeLanguage === 'string' ? meta.fields.codeLanguage : null;
    this.codeBlocks.forEach((entry, i) => {
      const source = this.codeLines[i]!;
      // A fence's info string names the language; a fence without one, or no fence, is detected.
      const lang = typeof source.fenceLang === 'string' ? source.fenceLang : detectLanguage(source.lines, hint);
      entry.lang = lang;
      source.block.lang = lang;
    });
    // The checklist: every item (nested ones too) of the lists in a `checklist` section.
    const checklist: Post['checklist'] = [];
    const collect = (list: ListBlock) => {
      for (const item of list.items) {
        checklist.push({ text: item.text, line: item.line });
        for (const inner of item.blocks ?? []) if (inner.type === 'list') collect(inner);
      }
    };
    for (const section of this.sections) {
      if (section.heading === null || !section.heading.toLowerCase().includes('checklist')) continue;
      for (const block of section.blocks) if (block.type === 'list') collect(block);
    }
    return {
      schemaVersion: info.schemaVersion,
      file: info.file,
      title: this.titleText,
      sections: this.sections,
      codeBlocks: this.codeBlocks,
      checklist,
      images: this.images,
      meta,
      residue: this.residueLines,
      stats: { lines: info.lines, words: this.words, paragraphs: this.paragraphs, bytes: info.bytes },
    };
  }

  /**
   * The innermost open list item that a line at `indent` sits under (deeper than the item's
   * marker), closing the lists it has left; null when it is under none.
   */
  private itemFor(indent: number): ListItem | null {
    while (this.lists.length > 0) {
      const top = this.lists[this.lists.length - 1]!;
      if (indent > top.markerIndent) return top.block.items[top.block.items.length - 1]!;
      this.lists.pop();
    }
    return null;
  }

  /** A line was added inside the open lists: every open list now ends at it. */
  private touchLists(line: number): void {
    for (const list of this.lists) list.block.endLine = line;
  }

  private sectionBlocks(line: number): Block[] {
    if (!this.current) {
      // No title line (the file opened with a fence): an intro section without a heading.
      this.current = { heading: null, line, blocks: [] };
      this.sections.push(this.current);
    }
    return this.current.blocks;
  }

  private openCode(container: Block[], line: number, strip: number, fenceLang: string | null | undefined): void {
    const block: CodeBlock = { type: 'code', lang: null, text: '', line, endLine: line };
    container.push(block);
    const entry = { lang: null as string | null, text: '', line, endLine: line, section: this.current ? this.current.heading : null };
    this.codeBlocks.push(entry);
    const lines: string[] = [];
    this.codeLines.push({ lines, fenceLang, block });
    this.code = { block, entry, lines, pendingBlank: 0, strip, fenceLang, container };
  }

  private appendCode(raw: string, line: number): void {
    const code = this.code!;
    for (; code.pendingBlank > 0; code.pendingBlank--) code.lines.push('');
    code.lines.push(stripIndent(raw, code.strip).trimEnd());
    code.block.endLine = line;
    if (code.container !== this.current?.blocks) this.touchLists(line);
  }

  private closeBlocks(): void {
    this.closeCode();
    this.closeLists();
  }

  private closeCode(): void {
    const code = this.code;
    if (!code) return;
    this.code = null;
    this.fenced = false;
    const text = code.lines.join('\n');
    code.block.text = text;
    code.entry.text = text;
    code.entry.endLine = code.block.endLine;
  }

  private closeLists(): void {
    this.lists.length = 0;
  }
}

/** Removes up to `width` columns of leading whitespace (the list item's indent). */
function stripIndent(raw: string, width: number): string {
  if (width === 0) return raw;
  let i = 0;
  let column = 0;
  while (i < raw.length && column < width) {
    const code = raw.charCodeAt(i);
    if (code === 32 || code === 0xa0) column++;
    else if (code === 9) column += 4 - (column % 4);
    else break;
    i++;
  }
  return raw.slice(i);
}

/** The marker indent and content indent of a bullet line, or null when it has no bullet. */
export function bulletIndents(raw: string, trimmed: string): { marker: number; content: number; textStart: number } | null {
  const bullet = bulletAt(trimmed);
  if (bullet.kind === Bullet.None) return null;
  const marker = indentWidth(raw);
  return { marker, content: marker + bullet.textStart, textStart: bullet.textStart };
}

