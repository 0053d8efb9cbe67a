/**
 * Bulk suppressions, on ESLint's model (`eslint-suppressions.json`): a file that records,
 * per linted file and rule, how many findings were accepted. Counts, not lines, so an entry
 * survives edits that move the findings. A later run reports only the findings beyond the
 * recorded count (the last ones in line order, as the new ones are most likely further
 * down than the accepted ones), and says how many it suppressed.
 *
 *   { "content/post.txt": { "duplicate-paragraph": { "count": 2 } } }
 *
 * File paths in the file are relative to the folder of the suppressions file, with forward
 * slashes, so the file can be committed and used from any working folder.
 *
 * Pure functions over results; reading and writing the file is `src/cli/suppress.ts`.
 */
import path from 'node:path';
import type { FileResult, Finding } from '../model/finding.js';

export const SUPPRESSIONS_FILE = 'anp-suppressions.json';

/** file -> rule -> count. */
export type Suppressions = Record<string, Record<string, { count: number }>>;

/** An entry whose recorded count is higher than what the run found. */
export interface UnusedSuppression {
  file: string;
  ruleId: string;
  /** Recorded count minus findings of the rule in the file. */
  unused: number;
}

/** How result files (relative to cwd) map to keys of the suppressions file. */
export interface SuppressionKeys {
  cwd: string;
  /** The folder the suppressions file is in. */
  dir: string;
}

export function suppressionKey(file: string, keys: SuppressionKeys): string {
  const relative = path.relative(keys.dir, path.resolve(keys.cwd, file));
  return relative.split(path.sep).join('/');
}

function countFindings(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}

function recount<R extends FileResult>(result: R, findings: Finding[]): R {
  let errorCount = 0;
  let warningCount = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errorCount++;
    else warningCount++;
  }
  // Other fields (a fixed file's `output`) are kept.
  return { ...result, findings, errorCount, warningCount };
}

/** Validates the parsed JSON of a suppressions file; returns a problem or the data. */
export function parseSuppressions(data: unknown): Suppressions | string {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'expected an object of files';
  const out: Suppressions = {};
  for (const [file, rules] of Object.entries(data as Record<string, unknown>)) {
    if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) return `"${file}": expected an object of rules`;
    const entry: Record<string, { count: number }> = {};
    for (const [ruleId, value] of Object.entries(rules as Record<string, unknown>)) {
      const count = (value as { count?: unknown } | null)?.count;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return `"${file}" > "${ruleId}": expected { "count": a whole number >= 1 }`;
      entry[ruleId] = { count };
    }
    out[file] = entry;
  }
  return out;
}

/** The file's text: keys sorted (files, then rules), two-space indent, final newline. */
export function serializeSuppressions(suppressions: Suppressions): string {
  const sorted: Suppressions = {};
  for (const file of Object.keys(suppressions).sort(byCodePoint)) {
    const rules = suppressions[file]!;
    const ids = Object.keys(rules).sort(byCodePoint);
    if (ids.length === 0) continue;
    sorted[file] = Object.fromEntries(ids.map((id) => [id, { count: rules[id]!.count }]));
  }
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Records one file's findings: every rule (`ruleIds` null, `--suppress-all`) or only the
 * rules given (`--suppress-rule`), replacing the counts of those rules for that file.
 */
export function recordResult(suppressions: Suppressions, result: FileResult, keys: SuppressionKeys, ruleIds: ReadonlySet<string> | null): void {
  const key = suppressionKey(result.file, keys);
  const entry = { ...(suppressions[key] ?? {}) };
  if (ruleIds === null) for (const id of Object.keys(entry)) delete entry[id];
  else for (const id of ruleIds) delete entry[id];
  for (const [ruleId, count] of countFindings(result.findings)) {
    if (ruleIds === null || ruleIds.has(ruleId)) entry[ruleId] = { count };
  }
  if (Object.keys(entry).length === 0) delete suppressions[key];
  else suppressions[key] = entry;
}

/**
 * One file's result with the recorded findings removed: for each rule, the first `count`
 * findings (line order) are suppressed and the rest reported. Also returns how many were
 * suppressed, and the entries that found fewer findings than recorded.
 */
export function applyToResult<R extends FileResult>(suppressions: Suppressions, result: R, keys: SuppressionKeys): { result: R; suppressed: number; unused: UnusedSuppression[] } {
  const key = suppressionKey(result.file, keys);
  const entry = suppressions[key];
  if (entry === undefined) return { result, suppressed: 0, unused: [] };
  const found = countFindings(result.findings);
  const unused: UnusedSuppression[] = [];
  for (const [ruleId, { count }] of Object.entries(entry)) {
    const have = found.get(ruleId) ?? 0;
    if (have < count) unused.push({ file: key, ruleId, unused: count - have });
  }
  const seen = new Map<string, number>();
  let suppressed = 0;
  const kept = result.findings.filter((finding) => {
    const limit = entry[finding.ruleId]?.count ?? 0;
    const index = seen.get(finding.ruleId) ?? 0;
    seen.set(finding.ruleId, index + 1);
    if (index < limit) {
      suppressed++;
      return false;
    }
    return true;
  });
  if (suppressed === 0) return { result, suppressed, unused };
  return { result: recount(result, kept), suppressed, unused };
}

/**
 * `--prune-suppressions`: lowers each entry of a linted file to what the run found (dropping
 * it at zero). Entries of files this run did not lint are kept, unless `exists` says the file
 * is gone.
 */
export function pruneSuppressions(
  suppressions: Suppressions,
  linted: ReadonlyMap<string, ReadonlyMap<string, number>>,
  exists: (key: string) => boolean,
): { suppressions: Suppressions; removed: number } {
  const out: Suppressions = {};
  let removed = 0;
  for (const [file, rules] of Object.entries(suppressions)) {
    const found = linted.get(file);
    if (found === undefined && !exists(file)) {
      removed += Object.values(rules).reduce((sum, { count }) => sum + count, 0);
      continue;
    }
    const entry: Record<string, { count: number }> = {};
    for (const [ruleId, { count }] of Object.entries(rules)) {
      const keep = found === undefined ? count : Math.min(count, found.get(ruleId) ?? 0);
      removed += count - keep;
      if (keep > 0) entry[ruleId] = { count: keep };
    }
    if (Object.keys(entry).length > 0) out[file] = entry;
  }
  return { suppressions: out, removed };
}

/** Findings per rule of one result (what prune compares the entries with). */
export function ruleCounts(result: FileResult): Map<string, number> {
  return countFindings(result.findings);
}
