/**
 * What the platforms keep, so that what reaches them is what matters most. GitHub code
 * scanning rejects a SARIF run with more than 25,000 results, keeps 5,000 of an accepted one
 * and shows at most 100 locations per result; a GitHub Actions step keeps at most 10 error
 * and 10 warning annotations and drops the rest silently, in arrival order. So the reports
 * choose: errors first, then by file, line and column.
 */
import type { FileResult, Finding } from '../model/finding.js';

export const SARIF_DEFAULT_MAX_RESULTS = 5_000;
export const SARIF_MAX_RESULTS_LIMIT = 25_000;
/** Locations per SARIF result, related locations included. */
export const SARIF_MAX_LOCATIONS = 100;
/** Annotations of each level (error, warning) that `-f github` writes by default. */
export const GITHUB_DEFAULT_MAX_ANNOTATIONS = 10;

export interface ReportLimits {
  /** SARIF results per run (default 5,000). */
  sarifMaxResults?: number | undefined;
  /** github annotations per level (default 10). */
  maxAnnotations?: number | undefined;
  /** Where the full report is, for the github notice (other reports of the run). */
  fullReport?: readonly string[] | undefined;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Errors first, then by file, line and column (a stable order for equal findings). */
export function byPriority(a: Finding, b: Finding): number {
  return (
    Number(a.severity !== 'error') - Number(b.severity !== 'error') ||
    compare(a.file, b.file) ||
    a.line - b.line ||
    (a.column ?? 1) - (b.column ?? 1)
  );
}

/**
 * The findings to keep when at most `max` may be shown: a Set of the kept findings (by
 * identity), or null when all fit.
 */
export function selectFindings(results: readonly FileResult[], max: number): Set<Finding> | null {
  let total = 0;
  for (const result of results) total += result.findings.length;
  if (total <= max) return null;
  const all = results.flatMap((result) => result.findings);
  return new Set(all.sort(byPriority).slice(0, max));
}

/** The findings of one severity, by priority, at most `max`, and how many there were. */
export function topFindings(results: readonly FileResult[], severity: Finding['severity'], max: number): { shown: Finding[]; total: number } {
  const all = results.flatMap((result) => result.findings.filter((finding) => finding.severity === severity));
  return { shown: all.sort(byPriority).slice(0, max), total: all.length };
}
