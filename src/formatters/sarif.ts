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
import type { FileResult, Finding, Severity } from '../model/finding.js';
import { byPriority, SARIF_DEFAULT_MAX_RESULTS, SARIF_MAX_LOCATIONS, SARIF_MAX_RESULTS_LIMIT } from './limits.js';
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

interface Candidate {
  /** Position in the run (result order, then finding order): the order results are written in. */
  seq: number;
  finding: Finding;
  uri: string;
  index: number;
}

/**
 * The `max` best candidates by priority (errors first, then file, line, column; ties in run
 * order), as a max-heap on that order: the run's worst kept candidate is at the top.
 */
class BestOf {
  readonly heap: Candidate[] = [];
  constructor(private readonly max: number) {}

  private static worse(a: Candidate, b: Candidate): boolean {
    return (byPriority(a.finding, b.finding) || a.seq - b.seq) > 0;
  }

  add(candidate: Candidate): void {
    const { heap } = this;
    if (this.max <= 0) return;
    if (heap.length < this.max) {
      heap.push(candidate);
      let at = heap.length - 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!BestOf.worse(heap[at]!, heap[parent]!)) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
      return;
    }
    if (!BestOf.worse(heap[0]!, candidate)) return;
    heap[0] = candidate;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && BestOf.worse(heap[left]!, heap[worst]!)) worst = left;
      if (right < heap.length && BestOf.worse(heap[right]!, heap[worst]!)) worst = right;
      if (worst === at) break;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  }

  /** The candidates from best to worst. */
  sorted(): Candidate[] {
    return [...this.heap].sort((a, b) => byPriority(a.finding, b.finding) || a.seq - b.seq);
  }
}

/**
 * SARIF built result by result, in memory bounded by the files (one artifact each) and
 * `sarifMaxResults` (at most that many errors and that many warnings are kept as candidates),
 * not by the findings: `anp lint -f sarif` feeds it as files are linted. `finish()` gives
 * exactly what `buildSarif` over the same results gives.
 */
export class SarifBuilder {
  private readonly artifacts: Array<Record<string, unknown>> = [];
  private readonly artifactIndex = new Map<string, number>();
  private readonly maxResults: number;
  private readonly errors: BestOf;
  private readonly warnings: BestOf;
  private seq = 0;

  constructor(private readonly context: FormatContext) {
    this.maxResults = Math.min(context.limits?.sarifMaxResults ?? SARIF_DEFAULT_MAX_RESULTS, SARIF_MAX_RESULTS_LIMIT);
    this.errors = new BestOf(this.maxResults);
    this.warnings = new BestOf(this.maxResults);
  }

  /** The artifact of a file (added when new). */
  private artifactOf(file: string): { uri: string; index: number } {
    const uri = artifactUri(file, this.context.cwd);
    let index = this.artifactIndex.get(uri);
    if (index === undefined) {
      index = this.artifacts.length;
      this.artifactIndex.set(uri, index);
      this.artifacts.push({ location: { uri }, roles: ['analysisTarget'] });
    }
    return { uri, index };
  }

  add(result: FileResult): void {
    const { uri, index } = this.artifactOf(result.file);
    for (const finding of result.findings) {
      const candidate = { seq: this.seq++, finding, uri, index };
      if (finding.severity === 'error') this.errors.add(candidate);
      else this.warnings.add(candidate);
    }
  }

  finish(): Record<string, unknown> {
    const { context, maxResults } = this;
    const rules: RuleInfo[] = [...context.rules];
    const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
    const errors = this.errors.sorted();
    const kept = [...errors, ...this.warnings.sorted().slice(0, maxResults - errors.length)].sort((a, b) => a.seq - b.seq);
    const leftOut = this.seq - kept.length;
    const sarifResults: Array<Record<string, unknown>> = [];
    let locationsLeftOut = 0;
    let resultsCut = 0;

    const location = (uri: string, index: number, where: Parameters<typeof region>[0]) => ({
      physicalLocation: { artifactLocation: { uri, index }, region: region(where) },
    });
    const groups = new GroupedResults();

    for (const { finding, uri, index } of kept) {
      if (!ruleIndex.has(finding.ruleId)) {
        ruleIndex.set(finding.ruleId, rules.length);
        rules.push({ id: finding.ruleId, description: finding.ruleId, defaultSeverity: finding.severity });
      }
      if (finding.group) {
        // A cluster across files: one result (GroupedResults).
        const fresh = groups.add(finding, { uri, index }, (file) => this.artifactOf(file), location);
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
          artifacts: this.artifacts,
          results: sarifResults,
          columnKind: 'utf16CodeUnits',
        },
      ],
    };
  }
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

export function buildSarif(results: Parameters<Formatter>[0], context: FormatContext): Record<string, unknown> {
  const builder = new SarifBuilder(context);
  for (const result of results) builder.add(result);
  return builder.finish();
}

/** The sarif report's text from the builder (what `formatSarif` writes). */
export function sarifText(builder: SarifBuilder): string {
  return `${JSON.stringify(builder.finish(), null, 2)}\n`;
}

export const formatSarif: Formatter = (results, context) => `${JSON.stringify(buildSarif(results, context), null, 2)}\n`;
