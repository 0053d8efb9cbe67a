/**
 * Fixes on ESLint's model. A rule may attach a `fix` to a finding: text edits by line and
 * column over the post's source text. `applyFixes` applies every fix that overlaps no fix
 * applied before it (in position order); `fixText` lints, applies, re-parses and repeats up
 * to `maxPasses` times, checking after each pass that the post's structure is what it was
 * (title, headings, code blocks, checklist, meta values), apart from what the fixes are
 * allowed to change. When a pass's result fails that check, its fixes are halved until the
 * ones that break it are found; those are dropped, the others kept, and the next pass tries
 * again from the new text.
 *
 * Positions: `line` 1-based; `column` 1-based in UTF-16 code units of the line without its
 * terminator; the end is exclusive. `(line, length + 1)` is the end of a line's text and
 * `(line + 1, 1)` the start of the next, so a range across them removes the terminator.
 * `(lineCount + 1, 1)` is the end of the text. Edits never write line terminators of their
 * own, so a file keeps its line endings (CRLF, LF or CR); the BOM is the caller's (it is not
 * part of the text).
 */
import { FIELD_SPECS, type MetaKey } from '../meta/fields.js';
import { typeField } from '../meta/typing.js';
import type { Finding, Fix, FixRefusal } from '../model/finding.js';
import type { Post } from '../model/post.js';
import { codeKey } from '../text/code-key.js';
import { labelTypoOf, SourceText } from './fixer.js';

export type { Fix, TextEdit } from '../model/finding.js';

/** The most passes `fixText` makes (ESLint's number). */
export const MAX_FIX_PASSES = 10;

interface OffsetEdit { start: number; end: number; text: string }

/** A fix's edits as offsets, sorted; null when an edit is outside the text or edits overlap. */
function toOffsets(source: SourceText, fix: Fix): OffsetEdit[] | null {
  const out: OffsetEdit[] = [];
  for (const edit of fix.edits) {
    const start = source.offset(edit.line, edit.column);
    const end = source.offset(edit.endLine, edit.endColumn);
    if (start === -1 || end === -1 || end < start || /[\r\n]/.test(edit.text)) return null;
    out.push({ start, end, text: edit.text });
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let index = 1; index < out.length; index++) if (out[index]!.start < out[index - 1]!.end) return null;
  return out;
}

export interface AppliedFixes<T> {
  output: string;
  /** The fixes applied, in position order. */
  applied: T[];
  /** Fixes left out: they overlapped one applied before them, or were not valid for the text. */
  skipped: T[];
}

/**
 * Applies every fix that overlaps none applied before it, in order of their first edit
 * (ties: the earlier item). Ranges that only touch do not overlap; two insertions at one
 * place do. `fixOf` picks the fix of an item (a finding, or the fix itself).
 */
export function applyFixes<T>(text: string, items: readonly T[], fixOf: (item: T) => Fix | undefined): AppliedFixes<T> {
  const source = new SourceText(text);
  const candidates: Array<{ item: T; edits: OffsetEdit[]; order: number }> = [];
  const skipped: T[] = [];
  items.forEach((item, order) => {
    const fix = fixOf(item);
    if (!fix) return;
    const edits = fix.edits.length > 0 ? toOffsets(source, fix) : null;
    if (edits) candidates.push({ item, edits, order });
    else skipped.push(item);
  });
  candidates.sort((a, b) => a.edits[0]!.start - b.edits[0]!.start || a.edits[0]!.end - b.edits[0]!.end || a.order - b.order);
  const taken: OffsetEdit[] = [];
  const applied: T[] = [];
  for (const candidate of candidates) {
    const clashes = candidate.edits.some((edit) => taken.some((other) => overlaps(edit, other)));
    if (clashes) {
      skipped.push(candidate.item);
      continue;
    }
    taken.push(...candidate.edits);
    applied.push(candidate.item);
  }
  taken.sort((a, b) => a.start - b.start);
  let output = '';
  let at = 0;
  for (const edit of taken) {
    output += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  output += text.slice(at);
  return { output, applied, skipped };
}

function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** What a fix must not change: the post's structure, as compared by `checkStructure`. */
export interface Structure {
  title: string | null;
  headings: Array<string | null>;
  /** Per section: whether anything is under its heading (a fix must not empty a section). */
  filled: boolean[];
  code: Array<{ lang: string | null; text: string }>;
  checklist: string[];
  fields: Record<string, string>;
  extra: Array<{ label: string; value: string }>;
}

export function structureOf(post: Post): Structure {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(post.meta?.fields ?? {})) fields[key] = JSON.stringify(value);
  return {
    title: post.title,
    headings: post.sections.map((section) => section.heading),
    filled: post.sections.map((section) => section.blocks.length > 0),
    code: post.codeBlocks.map((block) => ({ lang: block.lang, text: block.text })),
    checklist: post.checklist.map((item) => item.text),
    fields,
    extra: (post.meta?.extra ?? []).map((entry) => ({ label: entry.label, value: entry.value })),
  };
}

/**
 * Why `after` is not `before` apart from what fixes may change, or null when it is:
 * - title, headings and checklist: identical, and no section that had content is left empty;
 * - code blocks: identical, except that a block may be gone when an earlier block that
 *   stayed has the same code (a duplicate removed);
 * - meta: every field keeps its value; a field may appear only where an unknown label of
 *   `before` (an `extra` entry) was the field's label misspelt, with the same value; the
 *   other extra entries stay.
 */
export function checkStructure(before: Structure, after: Structure): string | null {
  if (before.title !== after.title) return 'the title changed';
  if (!sameList(before.headings, after.headings)) return 'the headings changed';
  if (before.filled.some((filled, index) => filled && !after.filled[index])) return 'a section was emptied';
  if (!sameList(before.checklist, after.checklist)) return 'the checklist changed';
  const kept = new Set<string>();
  let next = 0;
  for (const block of before.code) {
    const match = after.code[next];
    if (match && match.text === block.text && match.lang === block.lang) {
      kept.add(codeKey(block.text));
      next++;
      continue;
    }
    if (!kept.has(codeKey(block.text))) return 'a code block changed';
  }
  if (next !== after.code.length) return 'a code block changed';
  for (const [key, value] of Object.entries(before.fields)) {
    if (after.fields[key] !== value) return `meta field ${key} changed`;
  }
  const remaining = [...before.extra];
  const take = (entry: { label: string; value: string }): boolean => {
    const index = remaining.findIndex((candidate) => candidate.label === entry.label && candidate.value === entry.value);
    if (index === -1) return false;
    remaining.splice(index, 1);
    return true;
  };
  for (const entry of after.extra) if (!take(entry)) return 'the meta box changed';
  for (const [key, value] of Object.entries(after.fields) as Array<[MetaKey, string]>) {
    if (key in before.fields) continue;
    const index = remaining.findIndex((entry) => labelTypoOf(entry.label) === key && sameTypedValue(key, entry.value, value));
    if (index === -1) return `meta field ${key} appeared`;
    remaining.splice(index, 1);
  }
  if (remaining.length > 0) return 'a meta entry was lost';
  return null;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Whether an unknown label's raw value, read as the field `key`, gives `typed` (JSON). */
function sameTypedValue(key: MetaKey, raw: string, typed: string): boolean {
  const spec = FIELD_SPECS.find((candidate) => candidate.key === key)!;
  const parts = raw.split('\n');
  const inlineFirst = { inline: parts[0] ?? '', bullets: parts.slice(1).map((text, index) => ({ text, line: index + 1 })) };
  const bulletsOnly = { inline: '', bullets: parts.map((text, index) => ({ text, line: index + 1 })) };
  return JSON.stringify(typeField(spec, inlineFirst)) === typed || (raw.length > 0 && JSON.stringify(typeField(spec, bulletsOnly)) === typed);
}

/** What one lint of a text gives the fix loop. */
export interface LintedText {
  post: Post;
  findings: Finding[];
}

export interface FixTextOptions {
  /** Which findings' fixes to apply (by default every finding with a fix). */
  filter?: (finding: Finding) => boolean;
  maxPasses?: number;
}

export interface FixTextResult {
  /** The text after every pass (the input when nothing was fixed). */
  output: string;
  /** The lint of `output` (its findings are what is left). */
  last: LintedText;
  /** Fixes applied, over all passes. */
  fixed: number;
  passes: number;
  /**
   * Fixes of `last`'s findings that were tried and dropped because the text they gave did not
   * re-parse to the same structure (lines of `output`).
   */
  rejected: FixRefusal[];
}

/**
 * Lints `text`, applies the fixes, re-lints, up to `maxPasses` times or until no fix applies.
 * `lint` parses and lints one text (the caller's rules and settings).
 */
export function fixText(text: string, lint: (text: string) => LintedText, options: FixTextOptions = {}): FixTextResult {
  const maxPasses = options.maxPasses ?? MAX_FIX_PASSES;
  const filter = options.filter ?? (() => true);
  const rejectedKeys = new Map<string, string>();
  let current = text;
  let linted = lint(text);
  let fixed = 0;
  let passes = 0;
  while (passes < maxPasses) {
    const source = new SourceText(current);
    // Fixes rejected in an earlier pass are tried again: a fix that broke the structure next
    // to another may be safe now. The loop ends when a pass has nothing safe to apply, which
    // a new run on the output would find too, so a second run changes nothing.
    const candidates = linted.findings.filter((finding) => finding.fix && filter(finding));
    if (candidates.length === 0) break;
    const before = structureOf(linted.post);
    const tryFixes = (findings: readonly Finding[]): { output: string; applied: Finding[]; next: LintedText } | string => {
      const { output, applied } = applyFixes(current, findings, (finding) => finding.fix);
      if (applied.length === 0 || output === current) return 'no change';
      const next = lint(output);
      return checkStructure(before, structureOf(next.post)) ?? { output, applied, next };
    };
    let outcome = tryFixes(candidates);
    if (typeof outcome === 'string') {
      // Something in the batch broke the structure: find the culprits by halving (a few
      // re-parses for one bad fix among many), keep the rest.
      const safe: Finding[] = [];
      const settle = (group: readonly Finding[]): void => {
        const tried = tryFixes([...safe, ...group]);
        if (typeof tried !== 'string') {
          safe.push(...group);
          return;
        }
        if (group.length === 1) {
          const finding = group[0]!;
          if (tried === 'no change') return; // it overlaps a fix already kept: the next pass
          // Refused: the rule's other repairs of the same finding, in order.
          const also: string[] = [];
          for (const alternative of finding.fix!.alternatives ?? []) {
            const instead = { ...finding, fix: alternative };
            const outcome = tryFixes([...safe, instead]);
            if (typeof outcome !== 'string') {
              safe.push(instead);
              return;
            }
            also.push(outcome);
          }
          rejectedKeys.set(fixKey(source, finding), refusalReason(tried, also));
          return;
        }
        const half = Math.ceil(group.length / 2);
        settle(group.slice(0, half));
        settle(group.slice(half));
      };
      settle(candidates);
      outcome = safe.length > 0 ? tryFixes(safe) : 'nothing safe';
      if (typeof outcome === 'string') break;
    }
    passes++;
    fixed += outcome.applied.length;
    current = outcome.output;
    linted = outcome.next;
  }
  // What is still refused: the fixes of the findings left that a pass tried and dropped.
  const rejected: FixRefusal[] = [];
  if (rejectedKeys.size > 0) {
    const source = new SourceText(current);
    for (const finding of linted.findings) {
      if (!finding.fix || !filter(finding)) continue;
      const reason = rejectedKeys.get(fixKey(source, finding));
      if (reason !== undefined) rejected.push({ ruleId: finding.ruleId, line: finding.line, reason });
    }
  }
  return { output: current, last: linted, fixed, passes, rejected };
}

/** `a section was emptied`, `…; so would its alternative`, `…; its alternatives: the headings changed, …`. */
function refusalReason(reason: string, alternatives: readonly string[]): string {
  if (alternatives.length === 0) return reason;
  const which = alternatives.length === 1 ? 'its alternative' : `its ${alternatives.length} alternatives`;
  if (alternatives.every((other) => other === reason)) return `${reason}; so would ${which}`;
  return `${reason}; ${which}: ${alternatives.join(', ')}`;
}

/** A fix by what it does, not where (positions move between passes). */
function fixKey(source: SourceText, finding: Finding): string {
  const parts = [finding.ruleId];
  for (const edit of finding.fix!.edits) {
    const start = source.offset(edit.line, edit.column);
    const end = source.offset(edit.endLine, edit.endColumn);
    parts.push(start === -1 || end === -1 ? `?${edit.line}` : source.text.slice(start, end), edit.text);
  }
  return parts.join('\u0000');
}
