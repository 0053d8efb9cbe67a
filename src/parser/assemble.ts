/**
 * Builds the Post as classified lines arrive. Open blocks (code, list, fence) are closed by
 * whatever comes next, so the assembler is the one place that decides where a block ends.
 */
import type { Block, CodeBlock, ListBlock, Post, Section } from '../model/post.js';
import { countWords } from './lines.js';
import { detectLanguage } from './code-language.js';
import { MetaBoxReader } from './meta-box.js';

interface OpenCode {
  lines: string[];
  line: number;
  endLine: number;
  /** Blank lines seen since the last code line: kept if the block continues. */
  pendingBlank: number;
}

interface OpenFence {
  marker: string;
  lang: string | null;
  line: number;
  lines: string[];
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
  private readonly images: Post['images'] = [];
  private readonly residueLines: Post['residue'] = [];
  private code: OpenCode | null = null;
  private fence: OpenFence | null = null;
  private list: ListBlock | null = null;
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

  /** `words` is passed in: the classifier has already counted them. */
  paragraph(text: string, line: number, words: number): void {
    this.closeBlocks();
    this.words += words;
    this.paragraphs++;
    this.push({ type: 'paragraph', text, line });
  }

  image(caption: string, source: string, line: number, endLine: number): void {
    this.closeBlocks();
    this.push({ type: 'image', caption, source: source.length > 0 ? source : null, line, endLine });
    this.images.push({ caption, source: source.length > 0 ? source : null, line });
  }

  listItem(text: string, line: number): void {
    this.closeCode();
    this.words += countWords(text);
    if (!this.list) this.list = { type: 'list', items: [], line, endLine: line };
    this.list.items.push({ text, line });
    this.list.endLine = line;
  }

  inCode(): boolean {
    return this.code !== null;
  }

  hasPendingBlank(): boolean {
    return this.code !== null && this.code.pendingBlank > 0;
  }

  codeLine(raw: string, line: number): void {
    this.closeList();
    if (!this.code) this.code = { lines: [], line, endLine: line, pendingBlank: 0 };
    for (; this.code.pendingBlank > 0; this.code.pendingBlank--) this.code.lines.push('');
    this.code.lines.push(raw.trimEnd());
    this.code.endLine = line;
  }

  blankLine(): void {
    if (this.code) this.code.pendingBlank++;
  }

  inFence(): boolean {
    return this.fence !== null;
  }

  openFence(marker: string, lang: string | null, line: number): void {
    this.closeBlocks();
    this.fence = { marker, lang, line, lines: [] };
  }

  isFenceClose(trimmed: string): boolean {
    return this.fence !== null && trimmed.startsWith(this.fence.marker) && trimmed.slice(3).trim().length === 0;
  }

  addFenceLine(raw: string): void {
    this.fence!.lines.push(raw.trimEnd());
  }

  /** Ends the fence; `endLine` is the closing fence, or the last line before the meta box. */
  closeFence(endLine: number): void {
    const fence = this.fence!;
    this.fence = null;
    while (fence.lines.length > 0 && fence.lines[fence.lines.length - 1] === '') fence.lines.pop();
    this.pushCode(fence.lang ?? detectLanguage(fence.lines), fence.lines, fence.line, Math.max(endLine, fence.line));
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
    if (this.fence) this.closeFence(info.lines);
    this.closeBlocks();
    const checklist: Post['checklist'] = [];
    for (const section of this.sections) {
      if (section.heading === null || !section.heading.toLowerCase().includes('checklist')) continue;
      for (const block of section.blocks) if (block.type === 'list') checklist.push(...block.items);
    }
    return {
      schemaVersion: info.schemaVersion,
      file: info.file,
      title: this.titleText,
      sections: this.sections,
      codeBlocks: this.codeBlocks,
      checklist,
      images: this.images,
      meta: this.meta ? this.meta.finish() : null,
      residue: this.residueLines,
      stats: { lines: info.lines, words: this.words, paragraphs: this.paragraphs, bytes: info.bytes },
    };
  }

  private push(block: Block): void {
    if (!this.current) {
      // No title line (the file opened with a fence): an intro section without a heading.
      this.current = { heading: null, line: block.line, blocks: [] };
      this.sections.push(this.current);
    }
    this.current.blocks.push(block);
  }

  private pushCode(lang: string | null, lines: string[], line: number, endLine: number): void {
    const block: CodeBlock = { type: 'code', lang, text: lines.join('\n'), line, endLine };
    this.push(block);
    this.codeBlocks.push({ lang, text: block.text, line, endLine, section: this.current!.heading });
  }

  private closeBlocks(): void {
    this.closeCode();
    this.closeList();
  }

  private closeCode(): void {
    const code = this.code;
    if (!code) return;
    this.code = null;
    this.pushCode(detectLanguage(code.lines), code.lines, code.line, code.endLine);
  }

  private closeList(): void {
    const list = this.list;
    if (!list) return;
    this.list = null;
    this.push(list);
  }
}
