/**
 * The lint pipeline, which the CLI and library users both drive: config + plugins -> rule
 * settings, then for each file read -> parse -> rules, then the corpus phase. One post is in
 * memory at a time; only findings are kept between posts.
 */
import path from 'node:path';
import { builtinRules } from '../../rules/index.js';
import { loadConfig, validateConfigObject, type LoadedConfig } from '../config/load.js';
import { pluginPaths, resolveConfig, type ResolvedConfig } from '../config/resolve.js';
import type { ConfigFile, RuleEntry } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { formatters, FORMAT_NAMES, isFormatName, type FormatName } from '../formatters/index.js';
import type { ReportLimits } from '../formatters/limits.js';
import type { ColorLevel, FormatContext } from '../formatters/types.js';
import { discoverFiles } from '../io/discover.js';
import { IgnoreMatcher } from '../io/ignores.js';
import { byteLengthEscaped, encodeEscaped, escapedLines, replaceEscapes } from '../io/escape.js';
import { decodeBytes, DEFAULT_MAX_BYTES, textSource, type SourceRead } from '../io/read.js';
import { readSources } from '../io/read-many.js';
import { ItemSpill } from '../io/spill.js';
import { removeStaleTempsIn, writeFileAtomic } from '../io/write.js';
import type { FileResult, Finding } from '../model/finding.js';
import type { Post } from '../model/post.js';
import { parsePost } from '../parser/index.js';
import { cacheFile, cacheKey, DEFAULT_CACHE_LOCATION, LintCache, type CacheEntry, type CacheOptions } from './cache.js';
import { mergeFindings, startCorpus, summariseForCorpus, type CorpusData, type CorpusLinter } from './corpus.js';
import { shardFiles, type Shard } from './shard.js';
import { fixText, type LintedText } from './fix.js';
import type { ReportSummary } from '../model/report-summary.js';
import { resolveNow } from './now.js';
import { exportInWorkers, lintInWorkers, workerCount, type Concurrency, type ExportItem, type WorkerSetup } from './parallel.js';
import { packageInfo, ruleInfos } from './package-info.js';
import { loadRuleModules, loadRulesDir, mergeRules, validateRule } from './plugins.js';
import type { Rule } from './rule.js';
import { lintPost, unreadableFinding } from './runner.js';

/**
 * One file's findings and their counts (`anp lint -f json` prints an array of these); with
 * `corpusSummaries`, also the file's corpus summaries.
 */
export type LintResult = FileResult & { corpus?: CorpusData };

/** How many results a corpus rule holds back in memory; the rest wait in a temp file (tests lower it). */
export const heldResults = { inMemory: 1000 };

export interface LinterOptions {
  /** Folder that paths (files, patterns, a config file, rules dirs) are relative to. Default: `process.cwd()`. */
  cwd?: string;
  /**
   * A config file (relative to `cwd`), a config object (the file's shape; its plugins are
   * relative to `cwd`), or `false` for the defaults. Default: `anp.config.json`,
   * `.anprc.json` or `package.json#anp`, found upward from `cwd`.
   */
  config?: string | ConfigFile | false;
  /** The date freshness rules compare with (`Date` or `YYYY-MM-DD`). Default: SOURCE_DATE_EPOCH, else today. */
  now?: Date | string;
  /** Rule settings applied over the config: `{ "stale-review": ["error", { maxAgeDays: 730 }] }`. */
  rules?: Record<string, RuleEntry>;
  /** `ID:SEVERITY` overrides, as `anp lint --rule` takes them (applied last). */
  ruleFlags?: readonly string[];
  /** Custom rules as objects (the built-in rules' `meta` + `check` shape; see `defineRule`). */
  customRules?: readonly Rule<any>[];
  /** Folders of custom rule modules (`.js`, `.mjs`, `.cjs`), relative to `cwd`, as `--rules-dir`. */
  rulesDirs?: readonly string[];
  /** Extra globs to skip (relative to `cwd`), added to the config's `ignores` (which are relative to the config file). */
  ignorePatterns?: readonly string[];
  /** Also skip what `.gitignore` ignores (as the config's `respectGitignore`). Default: the config's, else false. */
  respectGitignore?: boolean;
  /**
   * A path or glob that leads to no file (an empty folder, a glob matching nothing, every
   * file ignored) is a UsageError naming it, as in ESLint (`anp lint` sets it unless
   * `--no-error-on-unmatched-pattern`). Default false.
   */
  errorOnUnmatchedPattern?: boolean;
  /** Where SOURCE_DATE_EPOCH is read from. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /**
   * Follow symbolic links to folders inside the folders given (default true). A link that
   * leads back into a folder being walked (a cycle) is never followed.
   */
  followSymlinks?: boolean;
  /**
   * Problems found while walking folders that do not stop the run (a symlink cycle, a folder
   * that cannot be read), one message each. Default: ignored.
   */
  onWarning?: (message: string) => void;
  /**
   * Apply the fixes rules offer (up to 10 passes, each re-parsed and checked; see
   * docs/api.md): each result then has `output`, the fixed text, when something changed,
   * and its findings are what is left. A function chooses findings one by one. Nothing is
   * written: `outputFixes(results)` does that. Default: false.
   */
  fix?: boolean | ((finding: Finding) => boolean);
  /** With `fix`: only fixes of rules with one of these tags (`duplication`, `meta`, …). */
  fixTypes?: readonly string[];
}

export interface LintTextOptions {
  /** The name the findings report. Default `<text>`. */
  filePath?: string;
  /** Called with the parsed post (the fixed one, when fixing) after its rules ran. */
  onPost?: (post: Post, file: string) => void;
}

export interface FormatOptions {
  /** Colour level of `stylish` (0 = none, the default). */
  color?: ColorLevel;
  /** What sarif and github keep (defaults: 5,000 SARIF results, 10 annotations per level). */
  limits?: ReportLimits;
  /** Columns stylish wraps to, with a hanging indent (the CLI gives the terminal's, else 80). Default: no wrapping. */
  columns?: number;
  /** What the html report shows besides findings (titles, review dates, repeated paragraphs); see `ReportSummaryCollector`. */
  summary?: ReportSummary;
}

/** A file read for export: its post, or why it could not be read. */
export type ReadPost =
  | { file: string; post: Post; invalidUtf8Lines: readonly number[] }
  | { file: string; post: null; message: string };

export interface LintFilesOptions {
  /**
   * Worker threads: a number, `auto` (cores - 1; none below AUTO_MIN_FILES files or below 3
   * cores) or `off` (the default: this thread). Results are the same whatever the value.
   * Ignored (this thread) with `onPost`, `customRules` objects or a corpus rule without
   * `corpusSummary`.
   */
  concurrency?: Concurrency;
  /**
   * Called with each parsed post right after its rules ran, in path order (not for
   * unreadable files). The post must not be kept; `anp stats` counts what it needs.
   */
  onPost?: (post: Post, file: string) => void;
  /**
   * Reuse the findings (and corpus summaries) of files unchanged since the last cached run,
   * and write the cache for the next one (see docs/cli.md, `--cache`). `true`: `.anpcache`
   * in `cwd`, by size and mtime. Not used (a warning says so) when fixing, with `onPost`, or
   * with a corpus rule that has no `corpusSummary`.
   */
  cache?: boolean | CacheOptions;
  /** Lint only this share of the files (`--shard i/n`): a stable split by a hash of each path. */
  shard?: Shard;
  /**
   * Leave the corpus phase to whoever combines the results (`mergeReports`, `anp merge`):
   * each result carries `corpus`, its corpus rules' summaries, and no corpus findings are
   * made. Every corpus rule that is on must have `corpusSummary`.
   */
  corpusSummaries?: boolean;
  /** Called with the number of files linted so far and the total: once before the first, then after each. */
  onProgress?: (done: number, total: number) => void;
}

export interface ExportPostsOptions {
  /** JSON.stringify's indent: 0 (default) or 2. */
  indent?: number;
  /** As for lintFiles. */
  concurrency?: Concurrency;
}

export interface Linter {
  /** The resolved settings: every rule, its severity and options, include and ignores. */
  config(): Promise<ResolvedConfig>;
  /** Every known rule: the built-ins, then custom rules (plugins, rules dirs, objects). */
  rules(): Promise<readonly Rule<any>[]>;
  /** Lints one text (or bytes, checked for binary content and invalid UTF-8 like a file). */
  lintText(text: string | Uint8Array, options?: LintTextOptions): Promise<LintResult>;
  /**
   * Lints the files and folders given (folders searched with the config's `include`), one
   * result per file in path order. Results stream as files are linted, except when a corpus
   * rule is on: they come after the last file, with the corpus findings merged in.
   * A path that does not exist is a UsageError before any result.
   */
  lintFiles(patterns: string | readonly string[], options?: LintFilesOptions): AsyncIterable<LintResult>;
  /**
   * The corpus phase over results made with `corpusSummaries` (the shards of a run, read back
   * and put in path order, as `anp merge` does): yields them, without `corpus`, with the
   * corpus findings merged in, exactly as one `lintFiles` over every file would have.
   */
  combine(results: AsyncIterable<LintResult> | Iterable<LintResult>): AsyncIterable<LintResult>;
  /** The files `lintFiles` would read, relative to `cwd`, sorted. */
  files(patterns: string | readonly string[]): Promise<string[]>;
  /** Reads and parses the files given (no rules), as `anp export` does. */
  readPosts(files: readonly string[]): AsyncIterable<ReadPost>;
  /** `readPosts` with each post as its JSON text (`JSON.stringify(post, null, indent)`), on worker threads if asked. */
  exportPosts(files: readonly string[], options?: ExportPostsOptions): AsyncIterable<ExportItem>;
  /** The results as a report: stylish, json, sarif, github, junit, compact or html. */
  format(results: readonly LintResult[], name: string, options?: FormatOptions): string;
  /**
   * Writes the `output` of each result that has one over its file (relative to `cwd`),
   * atomically (a reader sees the old file or the new one), keeping a BOM the file had.
   * Returns the files written.
   */
  outputFixes(results: readonly LintResult[]): Promise<string[]>;
  /** "Now" for the freshness rules, at UTC midnight. */
  readonly now: Date;
  readonly cwd: string;
}

/** Loads the config (synchronously: a bad config throws a ConfigError here) and returns a Linter. */
export function createLinter(options: LinterOptions = {}): Linter {
  return new LinterImpl(options);
}

class LinterImpl implements Linter {
  readonly cwd: string;
  private nowDate: Date | undefined;
  private readonly loaded: LoadedConfig;
  private resolved: ResolvedConfig | undefined;
  private setup: Promise<ResolvedConfig> | undefined;
  /** Files found by `files()` that must not be opened (FIFOs, dangling links), with the reason. */
  private readonly special = new Map<string, string>();
  /** Folders whose stale fix temp files outputFixes has removed (once per folder). */
  private readonly cleanedFolders = new Set<string>();

  constructor(private readonly options: LinterOptions) {
    this.cwd = path.resolve(options.cwd ?? process.cwd());
    this.loaded = loadFrom(options.config, this.cwd);
  }

  /** Resolved on first use, so commands that never compare dates ignore a bad SOURCE_DATE_EPOCH. */
  get now(): Date {
    this.nowDate ??= resolveNow(this.options.now, this.options.env ?? process.env);
    return this.nowDate;
  }

  config(): Promise<ResolvedConfig> {
    this.setup ??= this.resolve().then((resolved) => (this.resolved = resolved));
    return this.setup;
  }

  async rules(): Promise<readonly Rule<any>[]> {
    return (await this.config()).rules;
  }

  private async resolve(): Promise<ResolvedConfig> {
    const { options, cwd, loaded } = this;
    let rules: Rule<any>[];
    try {
      const plugins = [...(await loadRuleModules(pluginPaths(loaded)))];
      for (const dir of options.rulesDirs ?? []) plugins.push(...(await loadRulesDir(path.resolve(cwd, dir))));
      (options.customRules ?? []).forEach((rule, index) => plugins.push(validateRule(rule, `customRules[${index}]`)));
      rules = mergeRules(builtinRules, plugins);
    } catch (error) {
      // A PluginError names the path and the problem; absolute paths under cwd are shown relative.
      if (error instanceof UsageError) error.message = displayPaths(error.message, cwd);
      throw error;
    }
    const withRules = options.rules ? { ...loaded, config: { ...loaded.config, rules: { ...loaded.config.rules, ...options.rules } } } : loaded;
    return resolveConfig(withRules, rules, options.ruleFlags ?? []);
  }

  async lintText(text: string | Uint8Array, options: LintTextOptions = {}): Promise<LintResult> {
    const resolved = await this.config();
    const file = options.filePath ?? '<text>';
    const source: SourceRead =
      typeof text === 'string' ? textSource(text) : decodeBytes(text, { maxBytes: maxBytesOf(resolved) });
    const corpus = startCorpus(resolved.rules, resolved.settings, this.now);
    const { result, post } = lintSource(file, source, resolved, this.now, corpus, this.fixing(resolved));
    if (post !== null) options.onPost?.(post, file);
    return [...mergeCorpus([result], corpus)][0]!;
  }

  async files(patterns: string | readonly string[]): Promise<string[]> {
    const resolved = await this.config();
    const given = typeof patterns === 'string' ? [patterns] : patterns.length > 0 ? [...patterns] : ['.'];
    const cliIgnores = [...(this.options.ignorePatterns ?? [])];
    const configHere = path.resolve(resolved.ignoresDir) === this.cwd;
    const matcher = new IgnoreMatcher({
      cwd: this.cwd,
      ignores: cliIgnores,
      scoped: [{ dir: resolved.ignoresDir, patterns: resolved.ignores }],
      gitignore: this.options.respectGitignore ?? resolved.respectGitignore,
    });
    const { files, missing, unmatched, ignored } = await discoverFiles(given, {
      cwd: this.cwd,
      include: resolved.include,
      // Globs relative to the cwd also prune the walk; the matcher decides for every file.
      ignores: [...(configHere ? resolved.ignores : []), ...cliIgnores],
      followSymlinks: this.options.followSymlinks ?? true,
      matcher,
    }).then((discovery) => {
      for (const message of discovery.warnings) this.options.onWarning?.(message);
      for (const [file, reason] of discovery.special) this.special.set(file, reason);
      return discovery;
    });
    if (missing.length > 0) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
    for (const file of ignored) this.options.onWarning?.(`${file}: skipped, an ignore pattern matches it`);
    const unmatchedNamed = unmatched.filter((pattern) => !ignored.includes(pattern));
    if (unmatchedNamed.length > 0 && this.options.errorOnUnmatchedPattern === true) {
      const list = unmatchedNamed.map((pattern) => `"${pattern}"`).join(', ');
      throw new UsageError(`no files matching ${list} (include: ${resolved.include.join(', ')}); use --no-error-on-unmatched-pattern to allow this`);
    }
    return files;
  }

  lintFiles(patterns: string | readonly string[], options: LintFilesOptions = {}): AsyncIterable<LintResult> {
    return this.lintFilesGen(patterns, options);
  }

  private async *lintFilesGen(patterns: string | readonly string[], options: LintFilesOptions): AsyncGenerator<LintResult> {
    let files = await this.files(patterns);
    if (options.shard !== undefined) files = shardFiles(files, options.shard);
    const resolved = await this.config();
    // Corpus rules (corpus-duplicate-paragraph) collect every post in the same pass and report
    // after the last one; null when none of them is on.
    const corpus = startCorpus(resolved.rules, resolved.settings, this.now);
    const fixing = this.fixing(resolved);
    const summariesOnly = options.corpusSummaries === true && corpus !== null;
    if (summariesOnly && !corpus.summarisable) {
      const ids = corpus.ruleIds.join(', ');
      throw new UsageError(`a corpus rule (${ids}) has no corpusSummary, so its findings cannot be made from shard reports; turn it off or lint without --shard`);
    }
    const cache = await this.openCache(files, options, resolved, corpus, fixing);
    // Results wait for the corpus findings: the first 1,000 in memory, the rest in a temp file.
    const held = new ItemSpill<LintResult>(heldResults.inMemory);
    let committed = false;
    let done = 0;
    options.onProgress?.(0, files.length);
    try {
      for await (const item of this.items(files, options, resolved, corpus, fixing, cache, summariesOnly)) {
        options.onProgress?.(++done, files.length);
        if (corpus === null) yield item.result;
        else if (summariesOnly) yield item.corpus ? { ...item.result, corpus: item.corpus } : item.result;
        else {
          if (item.corpus) corpus.collectData(item.result.file, item.corpus);
          held.push(item.result);
        }
      }
      await cache?.commit();
      committed = true;
    } finally {
      if (!committed) {
        await cache?.abort();
        held.dispose();
      }
    }
    if (corpus !== null && !summariesOnly) {
      try {
        yield* mergeCorpus(held.drain(), corpus);
      } finally {
        held.dispose();
      }
    }
  }

  /** The cache of this run, or null (not asked, or a run it cannot serve: fixing, onPost, a corpus rule without summaries). */
  private async openCache(files: readonly string[], options: LintFilesOptions, resolved: ResolvedConfig, corpus: CorpusLinter | null, fixing: unknown): Promise<LintCache | null> {
    if (options.cache === undefined || options.cache === false) return null;
    const warn = (message: string): void => this.options.onWarning?.(message);
    const why = fixing !== null ? 'fixing' : options.onPost ? 'a report that needs every post (html, stats)' : corpus !== null && !corpus.summarisable ? `a corpus rule without corpusSummary (${corpus.ruleIds.join(', ')})` : null;
    if (why !== null) {
      warn(`the cache is not used with ${why}; every file is linted`);
      return null;
    }
    const settings = options.cache === true ? {} : options.cache;
    const strategy = settings.strategy ?? 'metadata';
    const rulesDirs = (this.options.rulesDirs ?? []).map((dir) => path.resolve(this.cwd, dir));
    return LintCache.open({
      file: cacheFile(settings.location ?? DEFAULT_CACHE_LOCATION, this.cwd),
      key: cacheKey(resolved, this.now, strategy, rulesDirs, this.cwd),
      strategy,
      files,
      cwd: this.cwd,
      special: this.special,
      warn,
    });
  }

  /**
   * Every file's own findings (corpus findings come later) and, when the run needs them
   * as data, its corpus summaries, in path order: from the cache, from workers or from this
   * thread. Without `needData` the posts go straight to `corpus.collect` in this thread.
   */
  private async *items(files: readonly string[], options: LintFilesOptions, resolved: ResolvedConfig, corpus: CorpusLinter | null, fixing: ((finding: Finding) => boolean) | null, cache: LintCache | null, summariesOnly: boolean): AsyncGenerator<CacheEntry> {
    const needData = corpus !== null && (cache !== null || summariesOnly);
    const misses = cache === null ? files : files.filter((_, index) => !cache.isHit(index));
    // Fixing re-parses and rewrites in this thread (the fix passes need the text and its post).
    const workers = this.workersFor(misses.length, options.concurrency, corpus) && !options.onPost && fixing === null ? workerCount(options.concurrency, misses.length) : 0;
    const linted = workers > 0 ? this.inWorkers(misses, resolved, corpus, workers) : this.inThread(misses, options, resolved, corpus, fixing, needData);
    if (cache === null) {
      yield* linted;
      return;
    }
    const iterator = linted[Symbol.asyncIterator]();
    try {
      for (let index = 0; index < files.length; index++) {
        if (cache.isHit(index)) {
          const entry = await cache.entry(index);
          if (entry !== undefined) {
            yield entry;
            continue;
          }
          // A damaged entry: lint the file here and now.
          const [again] = await collectAll(this.inThread([files[index]!], options, resolved, corpus, fixing, needData));
          await cache.put(index, again!);
          yield again!;
          continue;
        }
        const next = await iterator.next();
        if (next.done) throw new Error(`internal: no result for ${files[index]}`);
        await cache.put(index, next.value);
        yield next.value;
      }
    } finally {
      await iterator.return?.(undefined);
    }
  }

  private async *inWorkers(files: readonly string[], resolved: ResolvedConfig, corpus: CorpusLinter | null, workers: number): AsyncGenerator<CacheEntry> {
    const setup = this.workerSetup('lint', corpus !== null, 0);
    for await (const batch of lintInWorkers(files, this.special, setup, workers, resolved)) {
      for (const item of batch) {
        const transient = item.transient ? { transient: true as const } : {};
        if (corpus && item.summaries) yield { result: item.result, corpus: corpus.corpusData(item.summaries, { invalidUtf8Lines: item.invalidUtf8Lines ?? [] }), ...transient };
        else yield { result: item.result, ...transient };
      }
    }
  }

  private async *inThread(files: readonly string[], options: LintFilesOptions, resolved: ResolvedConfig, corpus: CorpusLinter | null, fixing: ((finding: Finding) => boolean) | null, needData: boolean): AsyncGenerator<CacheEntry> {
    const pause = eventLoopPauser();
    let data: CorpusData | undefined;
    // With needData, each post is summarised as a worker would; else it goes to the corpus run.
    const collector: Pick<CorpusLinter, 'collect'> | null =
      corpus === null ? null : needData ? { collect: (file, post, input) => void (data = corpus.corpusData(summariseForCorpus(resolved.rules, resolved.settings, file, post, input), input)) } : corpus;
    for (const { file, source } of readSources(files, { cwd: this.cwd, maxBytes: maxBytesOf(resolved), special: this.special })) {
      await pause();
      data = undefined;
      const { result, post } = lintSource(file, source, resolved, this.now, collector, fixing);
      if (post !== null) options.onPost?.(post, file);
      const transient = source.kind === 'unreadable' && source.reason === 'read-error' ? { transient: true as const } : {};
      yield data !== undefined ? { result, corpus: data, ...transient } : { result, ...transient };
    }
  }

  async *combine(results: AsyncIterable<LintResult> | Iterable<LintResult>): AsyncGenerator<LintResult> {
    const resolved = await this.config();
    const corpus = startCorpus(resolved.rules, resolved.settings, this.now);
    const held = new ItemSpill<LintResult>(heldResults.inMemory);
    try {
      for await (const result of results) {
        const { corpus: data, ...plain } = result;
        if (corpus === null) yield plain;
        else {
          if (data !== undefined) corpus.collectData(plain.file, data);
          held.push(plain);
        }
      }
      if (corpus !== null) yield* mergeCorpus(held.drain(), corpus);
    } finally {
      held.dispose();
    }
  }

  async *readPosts(files: readonly string[]): AsyncGenerator<ReadPost> {
    const resolved = await this.config();
    const pause = eventLoopPauser();
    for (const { file, source } of readSources(files, { cwd: this.cwd, maxBytes: maxBytesOf(resolved), special: this.special })) {
      await pause();
      yield readPost(file, source);
    }
  }

  /** Which findings to fix, or null when not fixing. */
  private fixing(resolved: ResolvedConfig): ((finding: Finding) => boolean) | null {
    const { fix, fixTypes } = this.options;
    if (!fix) return null;
    const chosen = typeof fix === 'function' ? fix : () => true;
    if (fixTypes === undefined) return chosen;
    const known = new Set(resolved.rules.flatMap((rule) => [...(rule.meta.tags ?? [])]));
    const unknown = fixTypes.filter((type) => !known.has(type));
    if (unknown.length > 0) throw new UsageError(`unknown fix type ${unknown.map((type) => `"${type}"`).join(', ')}; expected rule tags: ${[...known].sort().join(', ')}`);
    const types = new Set(fixTypes);
    const byRule = new Map(resolved.rules.map((rule) => [rule.meta.id, (rule.meta.tags ?? []).some((tag) => types.has(tag))]));
    return (finding) => byRule.get(finding.ruleId) === true && chosen(finding);
  }

  async outputFixes(results: readonly LintResult[]): Promise<string[]> {
    const written: string[] = [];
    for (const result of results) {
      if (result.output === undefined) continue;
      const target = path.resolve(this.cwd, result.file);
      // Once per folder: the temp files of a fix run that was killed before its rename.
      const folder = path.dirname(target);
      if (!this.cleanedFolders.has(folder)) {
        this.cleanedFolders.add(folder);
        removeStaleTempsIn(folder);
      }
      // Escaped bytes (a file that was not all UTF-8) are written back as the bytes they were.
      await writeFileAtomic(target, encodeEscaped(result.output));
      written.push(result.file);
    }
    return written;
  }

  async *exportPosts(files: readonly string[], options: ExportPostsOptions = {}): AsyncGenerator<ExportItem> {
    const resolved = await this.config();
    const indent = options.indent ?? 0;
    const workers = this.workersFor(files.length, options.concurrency, null) ? workerCount(options.concurrency, files.length) : 0;
    if (workers > 0) {
      for await (const batch of exportInWorkers(files, this.special, this.workerSetup('export', false, indent), workers)) yield* batch;
      return;
    }
    const pause = eventLoopPauser();
    for (const { file, source } of readSources(files, { cwd: this.cwd, maxBytes: maxBytesOf(resolved), special: this.special })) {
      await pause();
      yield exportJson(file, source, indent);
    }
  }

  /** False when the run must stay in this thread whatever the concurrency (see LintFilesOptions). */
  private workersFor(files: number, concurrency: Concurrency | undefined, corpus: CorpusLinter | null): boolean {
    if (workerCount(concurrency, files) === 0) return false;
    if ((this.options.customRules ?? []).length > 0) return false;
    return corpus === null || corpus.summarisable;
  }

  private workerSetup(mode: WorkerSetup['mode'], corpus: boolean, indent: number): WorkerSetup {
    const { options } = this;
    return {
      mode,
      cwd: this.cwd,
      config: options.config,
      now: this.now.toISOString().slice(0, 10),
      rules: options.rules,
      ruleFlags: options.ruleFlags ?? [],
      rulesDirs: options.rulesDirs ?? [],
      indent,
      corpus,
    };
  }

  /** What a formatter is given, for the streamed reports of the CLI (see `reportContext`). */
  reportContext(name: string, options: FormatOptions = {}): FormatContext {
    return formatContext(name, {
      cwd: this.cwd,
      color: options.color ?? 0,
      limits: options.limits,
      columns: options.columns,
      rules: this.resolved?.rules ?? [...builtinRules, ...(this.options.customRules ?? [])],
    });
  }

  format(results: readonly LintResult[], name: string, options: FormatOptions = {}): string {
    return formatResults(results, name, {
      cwd: this.cwd,
      color: options.color ?? 0,
      limits: options.limits,
      columns: options.columns,
      ...(options.summary ? { summary: options.summary } : {}),
      // Before any lint the custom rules from modules may not be loaded yet; SARIF then lists
      // the rules it meets in the results.
      rules: this.resolved?.rules ?? [...builtinRules, ...(this.options.customRules ?? [])],
    });
  }
}

async function collectAll<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/**
 * Reading and parsing are synchronous, and an async generator that never waits for I/O runs
 * in microtasks only: signals (Ctrl-C), a closed stdout (EPIPE) and timers would wait for the
 * whole corpus. Every ~20 ms of work, give the event loop one turn.
 */
function eventLoopPauser(intervalMs = 20): () => Promise<void> {
  let last = performance.now();
  return async () => {
    const now = performance.now();
    if (now - last < intervalMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}

/** Formats results by name; a name that is not a format is a UsageError listing them. */
export function formatResults(results: readonly LintResult[], name: string, context: { cwd: string; color: ColorLevel; rules: readonly Rule<any>[]; limits?: ReportLimits | undefined; columns?: number | undefined; summary?: ReportSummary }): string {
  if (!isFormatName(name)) throw new UsageError(`unknown format "${name}"; expected one of ${FORMAT_NAMES.join(', ')}`);
  const formatter = formatters[name satisfies FormatName];
  return formatter(results, formatContext(name, context));
}

/** The FormatContext of a report (version, rule infos, limits…). */
function formatContext(name: string, context: { cwd: string; color: ColorLevel; rules: readonly Rule<any>[]; limits?: ReportLimits | undefined; columns?: number | undefined; summary?: ReportSummary }): FormatContext {
  const info = packageInfo();
  return {
    cwd: context.cwd,
    version: info.version,
    informationUri: info.informationUri,
    colorLevel: name === 'stylish' ? context.color : 0,
    rules: ruleInfos(context.rules),
    limits: context.limits,
    columns: context.columns,
    ...(context.summary ? { summary: context.summary } : {}),
  };
}

/**
 * The FormatContext `linter.format(results, name, options)` would give its formatter: for
 * reports built result by result (the CLI's streamed sarif). Only for linters of createLinter.
 */
export function reportContext(linter: Linter, name: string, options: FormatOptions = {}): FormatContext {
  if (!(linter instanceof LinterImpl)) throw new TypeError('reportContext needs a linter made by createLinter');
  return linter.reportContext(name, options);
}

function loadFrom(config: LinterOptions['config'], cwd: string): LoadedConfig {
  if (typeof config === 'string') return loadConfig({ configFile: config, cwd });
  if (config === undefined) return loadConfig({ cwd });
  const where = { displayName: 'config (options)', keyPrefix: [] };
  return { file: null, displayName: where.displayName, dir: cwd, keyPrefix: [], config: config === false ? {} : validateConfigObject(config, where) };
}

/** Absolute paths under the cwd, shown relative in messages. */
function displayPaths(message: string, cwd: string): string {
  const prefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  return message.split(prefix).join('');
}

/** The byte limit of the reader: unreadable-input's `maxBytes` option. */
export function maxBytesOf(resolved: ResolvedConfig): number {
  const options = resolved.settings.get('unreadable-input')?.options as { maxBytes?: unknown } | undefined;
  return typeof options?.maxBytes === 'number' ? options.maxBytes : DEFAULT_MAX_BYTES;
}

export function fileResult(file: string, findings: Finding[]): FileResult {
  let errorCount = 0;
  let warningCount = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errorCount++;
    else warningCount++;
  }
  return { file, findings, errorCount, warningCount };
}

/**
 * One source (already read) -> its findings and its post (null when unreadable). With a
 * `corpus`, the post is also handed to the corpus rules; their findings come from mergeCorpus.
 */
export function lintSource(
  file: string,
  source: SourceRead,
  resolved: ResolvedConfig,
  now: Date,
  corpus: Pick<CorpusLinter, 'collect'> | null,
  fixing: ((finding: Finding) => boolean) | null = null,
): { result: FileResult; post: Post | null } {
  if (source.kind === 'unreadable') {
    const finding = unreadableFinding(file, source.message, resolved.settings);
    return { result: fileResult(file, finding ? [finding] : []), post: null };
  }
  const input = { invalidUtf8Lines: source.invalidUtf8Lines };
  const bom = source.bom === true ? 3 : 0;
  const lintWith = (text: string, parsed: string, given: typeof input): LintedText => {
    const post = parsePost(parsed, { file, bytes: text === source.text ? source.bytes : byteLengthEscaped(text) + bom });
    return { post, findings: lintPost({ file, post, input: given, text: parsed }, resolved.rules, resolved.settings, now) };
  };
  if (fixing === null) {
    const { post, findings } = lintWith(source.text, source.text, input);
    corpus?.collect(file, post, input);
    return { result: fileResult(file, findings), post };
  }
  // A file with bytes that are not UTF-8 is fixed in its escaped text (each bad byte one
  // U+DC80 + byte, src/io/escape.ts), so the fixed file keeps those bytes as they were; the
  // rules read it with each bad byte as U+FFFD, one per byte, so columns stay the same.
  const escaped = source.escapedText;
  const lint =
    escaped === undefined
      ? (text: string): LintedText => lintWith(text, text, input)
      : (text: string): LintedText => lintWith(text, replaceEscapes(text), { invalidUtf8Lines: escapedLines(text) });
  const fixed = fixText(escaped ?? source.text, lint, { filter: fixing });
  const changed = fixed.output !== (escaped ?? source.text);
  // Unchanged: the findings of the text as decoded, as without fixing.
  const { post, findings } = changed || escaped === undefined ? fixed.last : lintWith(source.text, source.text, input);
  const finalInput = changed && escaped !== undefined ? { invalidUtf8Lines: escapedLines(fixed.output) } : input;
  corpus?.collect(file, post, finalInput);
  const result = fileResult(file, findings);
  if (changed) result.output = (source.bom === true ? '\uFEFF' : '') + fixed.output;
  if (fixed.rejected.length > 0) result.fixesRefused = fixed.rejected;
  return { result, post };
}

/** One source (already read) as `anp export` writes it: the post's JSON text, or why it could not be read. */
/** One source (already read) -> its post, or why there is none. */
function readPost(file: string, source: SourceRead): ReadPost {
  if (source.kind === 'unreadable') return { file, post: null, message: source.message };
  try {
    return { file, post: parsePost(source.text, { file, bytes: source.bytes }), invalidUtf8Lines: source.invalidUtf8Lines };
  } catch (error) {
    // The parser is specified never to throw; if it does anyway, lose one file, not the run.
    const message = error instanceof Error ? error.message : String(error);
    return { file, post: null, message: `the parser failed (${message.split('\n')[0]}); not exported, please report this` };
  }
}

export function exportJson(file: string, source: SourceRead, indent: number): ExportItem {
  const read = readPost(file, source);
  if (read.post === null) return { file, json: null, message: read.message };
  const { post } = read;
  return { file, json: indent > 0 ? JSON.stringify(post, null, indent) : JSON.stringify(post), invalidUtf8Lines: read.invalidUtf8Lines };
}

/** Ends the corpus phase and merges its findings into the results of their files (sorted, counts recomputed). */
function* mergeCorpus(results: Iterable<FileResult>, corpus: CorpusLinter | null): Generator<FileResult> {
  if (!corpus) {
    yield* results;
    return;
  }
  const byFile = corpus.finish();
  for (const result of results) {
    const extra = byFile.get(result.file);
    if (!extra) {
      yield result;
      continue;
    }
    const merged = fileResult(result.file, mergeFindings(result.findings, extra));
    if (result.output !== undefined) merged.output = result.output;
    if (result.fixesRefused !== undefined) merged.fixesRefused = result.fixesRefused;
    yield merged;
  }
}
