/**
 * The first pass over the lines: the parts of an article that are marked by what they are,
 * not by how they read. Fences, the title, figure pairs, the meta box, the trailer and table
 * debris each have an unmistakable form; every other non-blank line is a body line, which
 * the classifier labels (heading, paragraph, code or list item) from evidence.
 */
import {
  fenceInfo,
  figureSource,
  isMetaMarker,
  isTableResidue,
  isTrailer,
  mayNameImageSource,
} from './classify.js';

export const enum Role {
  Blank,
  Title,
  /** The opening fence line; `fenceInfo` holds its info string. */
  FenceOpen,
  FenceLine,
  FenceClose,
  /** First line of a caption + source pair (the next line is ImageSource). */
  ImageCaption,
  ImageSource,
  /** A lone `caption. image source: host` line. */
  ImageLone,
  MetaMarker,
  Meta,
  Residue,
  Body,
}

export interface Layout {
  roles: Uint8Array;
  /** Indices (0-based) of the body lines, in order. */
  body: Int32Array;
  bodyCount: number;
  /** Info strings of the fences, by the opening line's index. */
  fences: Map<number, string>;
}

type Phase = 'start' | 'body' | 'meta' | 'trailer';

export function scanLayout(lines: readonly string[]): Layout {
  const roles = new Uint8Array(lines.length);
  const body = new Int32Array(lines.length);
  const fences = new Map<number, string>();
  let bodyCount = 0;
  let phase: Phase = 'start';
  let fenceMarker: string | null = null;

  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const trimmed = raw.trim();

    if (fenceMarker !== null) {
      if (trimmed.startsWith(fenceMarker) && trimmed.slice(3).trim().length === 0) {
        roles[index] = Role.FenceClose;
        fenceMarker = null;
        continue;
      }
      // An unclosed fence must not swallow the meta box: the marker ends it.
      if (!isMetaMarker(trimmed)) {
        roles[index] = trimmed.length === 0 ? Role.Blank : Role.FenceLine;
        continue;
      }
      fenceMarker = null;
    }
    if (trimmed.length === 0) {
      roles[index] = Role.Blank;
      continue;
    }
    if (isMetaMarker(trimmed)) {
      roles[index] = Role.MetaMarker;
      phase = 'meta';
      continue;
    }
    if (phase === 'meta') {
      if (isTrailer(trimmed)) {
        roles[index] = Role.Residue;
        phase = 'trailer';
      } else roles[index] = Role.Meta;
      continue;
    }
    // Table debris sits at the margin (`| | |`); an indented `|` is a compiler-error margin
    // inside code, a body line like any other.
    if (phase === 'trailer' || (raw.charCodeAt(0) === 124 && isTableResidue(trimmed))) {
      roles[index] = Role.Residue;
      continue;
    }
    if (isTrailer(trimmed)) {
      roles[index] = Role.Residue;
      phase = 'trailer';
      continue;
    }
    const fence = fenceInfo(trimmed);
    if (fence !== null) {
      roles[index] = Role.FenceOpen;
      fences.set(index, fence);
      fenceMarker = trimmed.slice(0, 3);
      phase = 'body';
      continue;
    }
    if (phase === 'start') {
      roles[index] = Role.Title;
      phase = 'body';
      continue;
    }
    // Figures: a caption line followed by `<caption>. image source: <host>`, or the source
    // line alone. Colons are rare in prose, so the pre-check is cheap.
    const next = lines[index + 1];
    if (next !== undefined && next.length > trimmed.length && mayNameImageSource(next)) {
      const figure = figureSource(next.trim());
      if (figure && figure.caption.toLowerCase() === trimmed.toLowerCase()) {
        roles[index] = Role.ImageCaption;
        roles[index + 1] = Role.ImageSource;
        index++;
        continue;
      }
    }
    if (mayNameImageSource(trimmed) && figureSource(trimmed)) {
      roles[index] = Role.ImageLone;
      continue;
    }
    roles[index] = Role.Body;
    body[bodyCount++] = index;
  }
  return { roles, body, bodyCount, fences };
}
