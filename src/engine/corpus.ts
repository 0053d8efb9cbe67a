/**
 * The corpus phase of a lint run. Rules with a `corpus` hook (and not set to `off`) start
 * one `CorpusRun` each; every parsed post is handed to each run's `collect` right after
 * `lintPost` checked it, and `finish()` (after the last post) gathers what the runs report,
 * grouped by file, for the caller to merge into each file's findings.
 *
 * Failures are contained like `lintPost` contains a crashing `check`: a run that throws in
 * `collect` becomes one error finding on that file and is dropped (no `finish`); a run that
 * throws when started or in `finish` becomes one error finding on the first collected file.
 */
import type { Finding, ReportedSeverity } from '../model/finding.js';
import type { Post } from '../model/post.js';
import type { CorpusReportDescriptor, CorpusRun, InputFacts, Rule } from './rule.js';
import { defaultSetting, lintPost, sortFindings, toFinding, type RuleSettings, type RunnerInput } from './runner.js';

interface ActiveRun {
  ruleId: string;
  rule: Rule<any>;
  run: CorpusRun | null;
  /** Set when the run could not be started; reported on the first collected file. */
  startError: unknown;
}

export class CorpusLinter {
  private readonly runs: ActiveRun[] = [];
  private readonly findings = new Map<string, Finding[]>();
  private readonly collected = new Set<string>();
  private firstFile: string | undefined;
  private finished = false;

  /** Starts the corpus phase of every rule that has one and is not off. */
  constructor(rules: readonly Rule<any>[], settings: RuleSettings, now: Date) {
    for (const rule of rules) {
      if (typeof rule.corpus !== 'function') continue;
      const setting = settings.get(rule.meta.id) ?? defaultSetting(rule);
      if (setting.severity === 'off') continue;
      const severity: ReportedSeverity = setting.severity;
      const ruleId = rule.meta.id;
      const active: ActiveRun = { ruleId, rule, run: null, startError: undefined };
      try {
        const run = rule.corpus({
          options: setting.options,
          now,
          report: (descriptor: CorpusReportDescriptor) => {
            if (typeof descriptor?.file !== 'string') throw new TypeError('a corpus report needs the file it is about');
            if (!this.collected.has(descriptor.file)) throw new TypeError(`a corpus report names ${JSON.stringify(descriptor.file)}, which was not collected`);
            this.push(descriptor.file, toFinding(ruleId, severity, descriptor.file, descriptor));
          },
        });
        if (typeof run?.collect !== 'function' || typeof run.finish !== 'function') {
          throw new TypeError('corpus(context) must return { collect(post, context), finish() }');
        }
        active.run = run;
      } catch (error) {
        active.startError = error ?? new Error('failed');
      }
      this.runs.push(active);
    }
  }

  /** True when at least one rule has a corpus phase in this run. */
  get active(): boolean {
    return this.runs.length > 0;
  }

  /** Hands one parsed post to every run (call it right after lintPost on the same post). */
  collect(file: string, post: Post, input: InputFacts): void {
    if (this.finished) throw new Error('CorpusLinter: collect after finish');
    this.firstFile ??= file;
    this.collected.add(file);
    for (const active of this.runs) {
      if (!active.run) continue;
      try {
        active.run.collect(post, { file, input });
      } catch (error) {
        active.run = null;
        this.push(file, crashFinding(active.ruleId, file, 'in its corpus phase (collect)', error));
      }
    }
  }

  /**
   * True when every run can collect summaries made in worker threads (`corpusSummary` +
   * `collectSummary`), so the posts never need to reach this thread.
   */
  get summarisable(): boolean {
    return this.runs.every((active) => active.run === null || (typeof active.rule.corpusSummary === 'function' && typeof active.run.collectSummary === 'function'));
  }

  /** The ids of the rules with a corpus phase in this run, in the order their outcomes come. */
  get ruleIds(): string[] {
    return this.runs.map((active) => active.ruleId);
  }

  /** The outcomes of `summariseForCorpus` (in run order) keyed by rule id, with the reader's facts. */
  corpusData(outcomes: readonly SummaryOutcome[], input: InputFacts): CorpusData {
    const summaries: Record<string, SummaryOutcome> = {};
    this.runs.forEach((active, index) => {
      const outcome = outcomes[index];
      if (outcome !== undefined) summaries[active.ruleId] = outcome;
    });
    return { input: { invalidUtf8Lines: [...input.invalidUtf8Lines] }, summaries };
  }

  /** `collectSummaries` from CorpusData (a cache entry, a shard report): each run takes its rule's summary. */
  collectData(file: string, data: CorpusData): void {
    const outcomes = this.runs.map((active): SummaryOutcome => data.summaries[active.ruleId] ?? { error: 'no summary of this post (a report or cache made without this rule)' });
    this.collectSummaries(file, outcomes, data.input);
  }

  /** Like `collect`, with what `summariseForCorpus` made of the post (one outcome per run, in run order). */
  collectSummaries(file: string, outcomes: readonly SummaryOutcome[], input: InputFacts): void {
    if (this.finished) throw new Error('CorpusLinter: collect after finish');
    this.firstFile ??= file;
    this.collected.add(file);
    this.runs.forEach((active, index) => {
      if (!active.run) return;
      const outcome = outcomes[index];
      try {
        if (outcome === undefined) throw new Error('no summary for this post');
        if ('error' in outcome) throw new Error(outcome.error);
        active.run.collectSummary!(outcome.summary, { file, input });
      } catch (error) {
        active.run = null;
        this.push(file, crashFinding(active.ruleId, file, 'in its corpus phase (collect)', error));
      }
    });
  }

  /**
   * Ends the runs and returns their findings by file, each list sorted like lintPost's.
   * Only files with findings appear.
   */
  finish(): Map<string, Finding[]> {
    if (!this.finished) {
      this.finished = true;
      for (const active of this.runs) {
        if (active.startError !== undefined) {
          if (this.firstFile !== undefined) this.push(this.firstFile, crashFinding(active.ruleId, this.firstFile, 'when its corpus phase started', active.startError));
          continue;
        }
        if (!active.run) continue;
        try {
          active.run.finish();
        } catch (error) {
          if (this.firstFile !== undefined) this.push(this.firstFile, crashFinding(active.ruleId, this.firstFile, 'in its corpus phase (finish)', error));
        }
        active.run = null;
      }
      for (const list of this.findings.values()) sortFindings(list);
    }
    return this.findings;
  }

  private push(file: string, finding: Finding): void {
    const list = this.findings.get(file);
    if (list) list.push(finding);
    else this.findings.set(file, [finding]);
  }
}

/** One corpus rule's summary of one post, or why it could not be made. */
export type SummaryOutcome = { summary: unknown } | { error: string };

/**
 * One post's corpus summaries as plain JSON data, keyed by rule id, with what the reader knew
 * of the file: what the lint cache and a shard report keep, so that a later run (or `anp
 * merge`) can hand them to each corpus rule's `collectSummary` without the post.
 */
export interface CorpusData {
  input: InputFacts;
  summaries: Record<string, SummaryOutcome>;
}

const TYPED_ARRAYS = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array'] as const;
type TypedArrayName = (typeof TYPED_ARRAYS)[number];

/**
 * JSON.stringify's replacer for CorpusData (the cache, shard reports): what structured clone
 * carries to a worker but JSON does not (typed arrays, Map, Set) is written as a tagged
 * object that `corpusReviver` turns back, so a summary survives a file as it survives a thread.
 */
export function corpusReplacer(this: unknown, _key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const name = value.constructor.name;
    if ((TYPED_ARRAYS as readonly string[]).includes(name)) return { $anpTyped: name, values: Array.from(value as unknown as ArrayLike<number>) };
  }
  if (value instanceof Map) return { $anpMap: [...value.entries()] };
  if (value instanceof Set) return { $anpSet: [...value.values()] };
  return value;
}

/** JSON.parse's reviver for what `corpusReplacer` wrote. */
export function corpusReviver(this: unknown, _key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const tagged = value as { $anpTyped?: unknown; values?: unknown; $anpMap?: unknown; $anpSet?: unknown };
  if (typeof tagged.$anpTyped === 'string' && Array.isArray(tagged.values) && (TYPED_ARRAYS as readonly string[]).includes(tagged.$anpTyped)) {
    const Typed = globalThis[tagged.$anpTyped as TypedArrayName];
    return Typed.from(tagged.values as number[]);
  }
  if (Array.isArray(tagged.$anpMap)) return new Map(tagged.$anpMap as Array<[unknown, unknown]>);
  if (Array.isArray(tagged.$anpSet)) return new Set(tagged.$anpSet as unknown[]);
  return value;
}

/**
 * The worker side of `collectSummaries`: each corpus rule that is on (in the order the
 * CorpusLinter starts them) summarises the post.
 */
export function summariseForCorpus(rules: readonly Rule<any>[], settings: RuleSettings, file: string, post: Post, input: InputFacts): SummaryOutcome[] {
  const outcomes: SummaryOutcome[] = [];
  for (const rule of rules) {
    if (typeof rule.corpus !== 'function') continue;
    const setting = settings.get(rule.meta.id) ?? defaultSetting(rule);
    if (setting.severity === 'off') continue;
    try {
      if (typeof rule.corpusSummary !== 'function') throw new Error('the rule has no corpusSummary');
      outcomes.push({ summary: rule.corpusSummary(post, { file, options: setting.options, input }) });
    } catch (error) {
      outcomes.push({ error: error instanceof Error ? error.message || error.name : String(error) });
    }
  }
  return outcomes;
}

/** A CorpusLinter when some rule has a corpus phase that is not off, else null. */
export function startCorpus(rules: readonly Rule<any>[], settings: RuleSettings, now: Date): CorpusLinter | null {
  const linter = new CorpusLinter(rules, settings, now);
  return linter.active ? linter : null;
}

/** `findings` plus `extra`, sorted (a new array when there is anything to add). */
export function mergeFindings(findings: Finding[], extra: readonly Finding[] | undefined): Finding[] {
  if (!extra || extra.length === 0) return findings;
  return sortFindings([...findings, ...extra]);
}

/**
 * Lints several posts as one run, corpus phase included: for library users and tests.
 * (The CLI streams instead: it keeps only findings between posts.) Results are in input order.
 */
export function lintPosts(sources: Iterable<RunnerInput>, rules: readonly Rule<any>[], settings: RuleSettings, now: Date): Array<{ file: string; findings: Finding[] }> {
  const corpus = startCorpus(rules, settings, now);
  const results: Array<{ file: string; findings: Finding[] }> = [];
  for (const source of sources) {
    results.push({ file: source.file, findings: lintPost(source, rules, settings, now) });
    corpus?.collect(source.file, source.post, source.input);
  }
  if (corpus) {
    const byFile = corpus.finish();
    for (const result of results) {
      const extra = byFile.get(result.file);
      if (!extra) continue;
      result.findings = mergeFindings(result.findings, extra);
      byFile.delete(result.file);
    }
  }
  return results;
}

function crashFinding(ruleId: string, file: string, where: string, error: unknown): Finding {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return { ruleId, severity: 'error', message: `rule ${ruleId} crashed ${where} and was skipped: ${text}`, file, line: 1 };
}
