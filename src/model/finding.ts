/**
 * What the rule engine produces and every formatter consumes. Formatters know only this
 * module; the json formatter's output is `LintReport` and `anp schema report` publishes it.
 */
import { z } from 'zod';

export const Severity = z.enum(['error', 'warn', 'off']);
export type Severity = z.infer<typeof Severity>;
/** A reported finding is never `off`. */
export type ReportedSeverity = Exclude<Severity, 'off'>;

export const RelatedLocation = z.object({
  line: z.int().min(1),
  message: z.string().optional(),
});

/**
 * Findings that belong together across files (a cluster of near-duplicate articles): each
 * member's finding names the group's first member, which has no finding of its own. The
 * SARIF formatter makes one result of a group.
 */
export const FindingGroup = z.object({
  /** The file of the group's first member (in path order). */
  first: z.string(),
  /** The line findings of that member would point at. */
  line: z.int().min(1),
  /** Members, the first included. */
  size: z.int().min(2),
});

export const Finding = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warn']),
  message: z.string(),
  file: z.string(),
  line: z.int().min(1),
  column: z.int().min(1).optional(),
  endLine: z.int().min(1).optional(),
  endColumn: z.int().min(1).optional(),
  related: z.array(RelatedLocation).optional(),
  group: FindingGroup.optional(),
});
/**
 * One text edit of a fix: replace the range from (line, column) to (endLine, endColumn),
 * end exclusive, with `text` (which holds no line break). See src/engine/fix.ts.
 */
export interface TextEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

/** A repair a rule offers with a finding: edits applied together, or not at all. */
export interface Fix {
  edits: TextEdit[];
  /**
   * Other repairs of the same finding, tried in order when the text this fix gives does not
   * re-parse to the same structure (src/engine/fix.ts): duplicate-paragraph's is to drop the
   * first copy instead of the later one, when the later one is all its section holds.
   */
  alternatives?: Fix[];
}

/**
 * A finding as the engine returns it. `fix` is the API's only: reports (json, sarif, …)
 * never carry it (the report schema has no `fix`).
 */
export type Finding = z.infer<typeof Finding> & { fix?: Fix };
export type RelatedLocation = z.infer<typeof RelatedLocation>;
export type FindingGroup = z.infer<typeof FindingGroup>;

const FileResultSchema = z.object({
  file: z.string(),
  findings: z.array(Finding),
  errorCount: z.int().min(0),
  warningCount: z.int().min(0),
});
/**
 * One file's findings. `output` (API only, never in a report) is the fixed text when the
 * linter was asked to fix and something changed; the findings are then what is left.
 */
export type FileResult = Omit<z.infer<typeof FileResultSchema>, 'findings'> & { findings: Finding[]; output?: string; fixesRefused?: FixRefusal[] };

/**
 * A fix the engine did not apply because the text it gave did not re-parse to the same
 * structure (API only: `fixesRefused` on a result when fixing). `reason` says what would
 * have changed (`a section was emptied`, `the headings changed`, …).
 */
export interface FixRefusal {
  ruleId: string;
  line: number;
  reason: string;
}
export const FileResult = FileResultSchema;

export const LintReport = z
  .array(FileResult)
  .meta({ title: 'anp lint report', description: 'The output of `anp lint --format json`.' });
export type LintReport = z.infer<typeof LintReport>;

export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(LintReport, { target: 'draft-2020-12' });
}

/** Findings of one rule, by severity. */
export interface RuleCount {
  ruleId: string;
  errors: number;
  warnings: number;
}

/**
 * Count of findings per rule, most frequent first (then by rule id). `counts` may carry the
 * counts of earlier calls (a running total over a stream of results).
 */
export function countByRule(results: readonly FileResult[], counts = new Map<string, RuleCount>()): RuleCount[] {
  for (const result of results) {
    for (const finding of result.findings) {
      const entry = counts.get(finding.ruleId) ?? { ruleId: finding.ruleId, errors: 0, warnings: 0 };
      if (finding.severity === 'error') entry.errors++;
      else entry.warnings++;
      counts.set(finding.ruleId, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.errors + b.warnings - (a.errors + a.warnings) || a.ruleId.localeCompare(b.ruleId));
}
