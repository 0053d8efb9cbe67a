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
import type { Severity } from '../model/finding.js';
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

  for (const result of results) {
    const uri = artifactUri(result.file, context.cwd);
    if (!artifactIndex.has(uri)) {
      artifactIndex.set(uri, artifacts.length);
      artifacts.push({ location: { uri }, roles: ['analysisTarget'] });
    }
    const index = artifactIndex.get(uri)!;
    for (const finding of result.findings) {
      if (kept !== null && !kept.has(finding)) {
        leftOut++;
        continue;
      }
      if (!ruleIndex.has(finding.ruleId)) {
        ruleIndex.set(finding.ruleId, rules.length);
        rules.push({ id: finding.ruleId, description: finding.ruleId, defaultSeverity: finding.severity });
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

export const formatSarif: Formatter = (results, context) => `${JSON.stringify(buildSarif(results, context), null, 2)}\n`;
