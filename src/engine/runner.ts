/**
 * The runner: one parsed post + the resolved rule settings -> findings. Rules run in
 * registry order; a rule set to `off` is skipped; a rule that throws does not stop the
 * others (its crash becomes an error finding naming the rule). Findings come back sorted
 * by line, column and rule id, so reports are stable.
 */
import type { Finding, FindingGroup, Fix, ReportedSeverity, Severity } from '../model/finding.js';
import type { Post } from '../model/post.js';
import { SourceText } from './fixer.js';
import { forgetPostIndex } from './post-index.js';
import { detach } from '../text/detach.js';
import { defaultOptions, type InputFacts, type ReportDescriptor, type Rule, type RuleContext } from './rule.js';

export interface RuleSetting { severity: Severity; options: unknown }
export type RuleSettings = ReadonlyMap<string, RuleSetting>;
export interface RunnerInput {
  file: string;
  post: Post;
  input: InputFacts;
  /** The text the post was parsed from (without a BOM); rules build fixes on it. */
  text?: string;
}

/** The id of the rule whose severity `unreadableFinding` uses. */
export const UNREADABLE_RULE_ID = 'unreadable-input';

/**
 * Runs every rule on one post. `settings` holds each rule's severity and its options,
 * already parsed by the rule's schema; a rule missing from `settings` runs with its
 * default severity and default options (`schema.parse({})`).
 */
export function lintPost(input: RunnerInput, rules: readonly Rule<any>[], settings: RuleSettings, now: Date): Finding[] {
  const findings: Finding[] = [];
  forgetPostIndex();
  // Split into lines only when a rule asks (a rule building a fix).
  let source: SourceText | null | undefined;
  const sourceOf = (): SourceText | null => {
    if (source === undefined) source = input.text === undefined ? null : new SourceText(input.text);
    return source;
  };
  for (const rule of rules) {
    const setting = settings.get(rule.meta.id) ?? defaultSetting(rule);
    if (setting.severity === 'off') continue;
    const severity: ReportedSeverity = setting.severity;
    const ruleId = rule.meta.id;
    const context: RuleContext<unknown> = {
      file: input.file,
      options: setting.options,
      now,
      input: input.input,
      get source() {
        return sourceOf();
      },
      report(descriptor: ReportDescriptor) {
        findings.push(toFinding(ruleId, severity, input.file, descriptor));
      },
    };
    try {
      rule.check(input.post, context);
    } catch (error) {
      findings.push({
        ruleId,
        severity: 'error',
        message: `rule ${ruleId} crashed and was skipped: ${describeError(error)}`,
        file: input.file,
        line: 1,
      });
    }
  }
  return sortFindings(findings);
}

/**
 * The single finding for a file that could not be read or parsed (binary, too large,
 * unreadable), under the `unreadable-input` rule's severity; null when that rule is off.
 */
export function unreadableFinding(file: string, message: string, settings: RuleSettings): Finding | null {
  const severity = settings.get(UNREADABLE_RULE_ID)?.severity ?? 'error';
  if (severity === 'off') return null;
  return { ruleId: UNREADABLE_RULE_ID, severity, message, file, line: 1 };
}

/** Every rule at its default severity with its default options. */
export function defaultSettings(rules: readonly Rule<any>[]): Map<string, RuleSetting> {
  return new Map(rules.map((rule) => [rule.meta.id, defaultSetting(rule)]));
}

export function defaultSetting(rule: Rule<any>): RuleSetting {
  return { severity: rule.meta.defaultSeverity, options: defaultOptions(rule) };
}

/** Stable order: line, column, rule id, then message. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.line - b.line ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** A reported descriptor as a Finding (positions that are not positive integers are dropped). */
export function toFinding(ruleId: string, severity: ReportedSeverity, file: string, descriptor: ReportDescriptor): Finding {
  const line = position(descriptor.line) ?? 1;
  // Findings outlive their post: the message is detached from the post's text.
  const finding: Finding = { ruleId, severity, message: detach(String(descriptor.message)), file, line };
  const column = position(descriptor.column);
  if (column !== undefined) finding.column = column;
  const endLine = position(descriptor.endLine);
  if (endLine !== undefined && endLine >= line) finding.endLine = endLine;
  const endColumn = position(descriptor.endColumn);
  if (endColumn !== undefined && finding.column !== undefined) finding.endColumn = endColumn;
  if (descriptor.related && descriptor.related.length > 0) {
    finding.related = descriptor.related.map((related) => {
      const location: { line: number; message?: string } = { line: position(related.line) ?? 1 };
      if (related.message !== undefined) location.message = detach(related.message);
      return location;
    });
  }
  const group = (descriptor as { group?: FindingGroup }).group;
  if (group && typeof group.first === 'string' && Number.isInteger(group.size) && group.size >= 2) {
    finding.group = { first: detach(group.first), line: position(group.line) ?? 1, size: group.size };
  }
  if (descriptor.fix && Array.isArray(descriptor.fix.edits)) finding.fix = copyFix(descriptor.fix);
  return finding;
}

/** A rule's fix, copied (edit texts detached from the post), with its alternatives. */
function copyFix(fix: Fix): Fix {
  const copy: Fix = { edits: fix.edits.map((edit) => ({ line: edit.line, column: edit.column, endLine: edit.endLine, endColumn: edit.endColumn, text: detach(String(edit.text)) })) };
  const alternatives = Array.isArray(fix.alternatives) ? fix.alternatives.filter((alternative) => Array.isArray(alternative.edits)) : [];
  if (alternatives.length > 0) copy.alternatives = alternatives.map((alternative) => copyFix({ edits: alternative.edits }));
  return copy;
}

/** A 1-based position, or undefined for anything that is not a positive integer. */
function position(value: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
