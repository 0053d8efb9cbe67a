/**
 * `sarif`: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, VS Code SARIF viewer).
 * One run; tool.driver lists every known rule (ruleIndex points into it); one artifact per
 * linted file; results carry physical locations with regions and related locations.
 * At most `limits.sarifMaxResults` results (5,000; errors first, then by file and line) and
 * 100 locations per result, as GitHub code scanning keeps; what was left out is said in
 * `invocations[0].toolExecutionNotifications`.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../model/finding.js';
import { SARIF_DEFAULT_MAX_RESULTS, SARIF_MAX_LOCATIONS, SARIF_MAX_RESULTS_LIMIT, selectFindings } from './limits.js';
import type { FormatContext, Formatter, RuleInfo } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const DEFAULT_INFORMATION_URI = 'https://www.npmjs.com/package/anp';

function level(severity: Severity): 'error' | 'warning' | 'none' {
  return severity === 'error' ? 'error' : severity === 'warn' ? 'warning' : 'none';
}

/** A relative URI reference with forward slashes and percent-encoded segments, or a file: URL. */
export function artifactUri(file: string, cwd: string): string {
  const absolute = resolve(cwd, file);
  const rel = isAbsolute(file) ? relative(cwd, absolute) : file;
  if (rel.startsWith('..') || isAbsolute(rel)) return pathToFileURL(absolute).href;
  return rel
    .split(sep)
    .join('/')
    .split('/')
    .filter((segment) => segment !== '.' && segment !== '')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function region(finding: { line: number; column?: number | undefined; endLine?: number | undefined; endColumn?: number | undefined }): Record<string, number> {
  const out: Record<string, number> = { startLine: finding.line, startColumn: finding.column ?? 1 };
  const endLine = finding.endLine ?? finding.line;
  out.endLine = endLine;
  // Without a known end column the region runs to the end of endLine (SARIF's default).
  if (finding.endColumn !== undefined) out.endColumn = finding.endColumn;
  return out;
}

/** SARIF's "friendly name": `stale-review` -> `StaleReview`. */
export function friendlyName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

function descriptor(rule: RuleInfo): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: rule.id,
    name: friendlyName(rule.id),
    shortDescription: { text: rule.description },
  };
  if (rule.helpUri) out.helpUri = rule.helpUri;
  out.defaultConfiguration = rule.defaultSeverity === 'off' ? { enabled: false, level: 'warning' } : { level: level(rule.defaultSeverity) };
  return out;
}

export function buildSarif(results: Parameters<Formatter>[0], context: FormatContext): Record<string, unknown> {
  const rules: RuleInfo[] = [...context.rules];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const artifacts: Array<Record<string, unknown>> = [];
  const artifactIndex = new Map<string, number>();
  const sarifResults: Array<Record<string, unknown>> = [];
  const maxResults = Math.min(context.limits?.sarifMaxResults ?? SARIF_DEFAULT_MAX_RESULTS, SARIF_MAX_RESULTS_LIMIT);
  const kept = selectFindings(results, maxResults);
  let leftOut = 0;
  let locationsLeftOut = 0;
  let resultsCut = 0;

  const location = (uri: string, index: number, where: Parameters<typeof region>[0]) => ({
    physicalLocation: { artifactLocation: { uri, index }, region: region(where) },
  });
  const artifactOf = (file: string): { uri: string; index: number } => {
    const uri = artifactUri(file, context.cwd);
    if (!artifactIndex.has(uri)) {
      artifactIndex.set(uri, artifacts.length);
      artifacts.push({ location: { uri }, roles: ['analysisTarget'] });
    }
    return { uri, index: artifactIndex.get(uri)! };
  };
  const groups = new GroupedResults();

  for (const result of results) {
    const { uri, index } = artifactOf(result.file);
    for (const finding of result.findings) {
      if (kept !== null && !kept.has(finding)) {
        leftOut++;
        continue;
      }
      if (!ruleIndex.has(finding.ruleId)) {
        ruleIndex.set(finding.ruleId, rules.length);
        rules.push({ id: finding.ruleId, description: finding.ruleId, defaultSeverity: finding.severity });
      }
      if (finding.group) {
        const fresh = groups.add(finding, { uri, index }, artifactOf, location);
        if (fresh) sarifResults.push({ ruleId: finding.ruleId, ruleIndex: ruleIndex.get(finding.ruleId), level: level(finding.severity), ...fresh });
        continue;
      }
      const entry: Record<string, unknown> = {
        ruleId: finding.ruleId,
        ruleIndex: ruleIndex.get(finding.ruleId),
        level: level(finding.severity),
        message: { text: finding.message },
        locations: [location(uri, index, finding)],
      };
      if (finding.related && finding.related.length > 0) {
        // One location plus related ones: at most SARIF_MAX_LOCATIONS in all.
        const shownRelated = finding.related.slice(0, SARIF_MAX_LOCATIONS - 1);
        if (shownRelated.length < finding.related.length) {
          locationsLeftOut += finding.related.length - shownRelated.length;
          resultsCut++;
        }
        entry.relatedLocations = shownRelated.map((related, i) => ({
          id: i + 1,
          ...location(uri, index, { line: related.line }),
          ...(related.message ? { message: { text: related.message } } : {}),
        }));
      }
      sarifResults.push(entry);
    }
  }

  const grouped = groups.finish();
  locationsLeftOut += grouped.locationsLeftOut;
  resultsCut += grouped.resultsCut;

  const notifications: Array<Record<string, unknown>> = [];
  if (leftOut > 0) {
    notifications.push({
      level: 'warning',
      message: { text: `${leftOut} of ${leftOut + sarifResults.length} results left out: at most ${maxResults} per run are kept (errors first, then by file and line); see the full report (anp lint -f json) or raise --sarif-max-results (at most ${SARIF_MAX_RESULTS_LIMIT})` },
    });
  }
  if (locationsLeftOut > 0) {
    notifications.push({
      level: 'note',
      message: { text: `${locationsLeftOut} related locations left out of ${resultsCut} results: at most ${SARIF_MAX_LOCATIONS} locations per result are kept` },
    });
  }
  const invocations = notifications.length > 0 ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }] } : {};

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'anp',
            version: context.version,
            semanticVersion: context.version,
            informationUri: context.informationUri ?? DEFAULT_INFORMATION_URI,
            rules: rules.map(descriptor),
          },
        },
        ...invocations,
        artifacts,
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

type LocationOf = (uri: string, index: number, where: { line: number }) => Record<string, unknown>;

interface OpenGroup {
  result: { message: { text: string }; locations: unknown[]; relatedLocations: Array<Record<string, unknown>> };
  size: number;
  members: number;
  firstMessage: string;
}

/**
 * Findings that share a group (a cluster of near-duplicate articles: each member's finding
 * names the first article) become ONE result: at the group's first article, with the members
 * as related locations (at most SARIF_MAX_LOCATIONS - 1; the message counts the rest).
 * `add` returns the new result for a group's first finding, in report order, else null.
 */
class GroupedResults {
  private readonly open = new Map<string, OpenGroup>();

  add(finding: Finding, at: { uri: string; index: number }, artifactOf: (file: string) => { uri: string; index: number }, location: LocationOf): OpenGroup['result'] | null {
    const group = finding.group!;
    const key = `${finding.ruleId}\u0000${group.first}`;
    let entry = this.open.get(key);
    let fresh: OpenGroup['result'] | null = null;
    if (!entry) {
      const first = artifactOf(group.first);
      fresh = { message: { text: '' }, locations: [location(first.uri, first.index, { line: group.line })], relatedLocations: [] };
      entry = { result: fresh, size: group.size, members: 0, firstMessage: finding.message };
      this.open.set(key, entry);
    }
    entry.members++;
    if (entry.result.relatedLocations.length < SARIF_MAX_LOCATIONS - 1) {
      entry.result.relatedLocations.push({ id: entry.result.relatedLocations.length + 1, ...location(at.uri, at.index, finding), message: { text: finding.message } });
    }
    return fresh;
  }

  /** Writes each group's message; returns what was left out. */
  finish(): { locationsLeftOut: number; resultsCut: number } {
    let locationsLeftOut = 0;
    let resultsCut = 0;
    for (const entry of this.open.values()) {
      const listed = entry.result.relatedLocations.length;
      const unlisted = entry.members - listed;
      if (unlisted > 0) {
        locationsLeftOut += unlisted;
        resultsCut++;
      }
      const others = entry.size - 1;
      entry.result.message.text =
        `a cluster of ${entry.size} articles: ${others} other${others === 1 ? '' : 's'} near-duplicate of this one` +
        (unlisted > 0 ? ` (the first ${listed} are related locations, ${unlisted} more not listed)` : ' (related locations)') +
        `; first of them: ${entry.firstMessage}`;
    }
    return { locationsLeftOut, resultsCut };
  }
}

export const formatSarif: Formatter = (results, context) => `${JSON.stringify(buildSarif(results, context), null, 2)}\n`;
