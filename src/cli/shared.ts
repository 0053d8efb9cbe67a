/**
 * What `lint` and `stats` share: the package's identity, colour and "now" resolution, the
 * config + plugins -> resolved settings step, and the per-file lint loop (bounded memory:
 * one post at a time, only findings are kept).
 */
import { isoDateToDay } from '../meta/dates.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRules } from '../../rules/index.js';
import { loadConfig } from '../config/load.js';
import { resolveConfig, type ResolvedConfig } from '../config/resolve.js';
import { mergeFindings, type CorpusLinter } from '../engine/corpus.js';
import { loadRuleModules, loadRulesDir, mergeRules } from '../engine/plugins.js';
import type { Rule } from '../engine/rule.js';
import { lintPost, unreadableFinding } from '../engine/runner.js';
import type { RuleInfo } from '../formatters/types.js';
import { DEFAULT_MAX_BYTES, type SourceRead } from '../io/read.js';
import { readSources } from '../io/read-many.js';
import type { FileResult, Finding } from '../model/finding.js';
import type { Post } from '../model/post.js';
import { parsePost } from '../parser/index.js';
import { UsageError } from '../errors.js';

// ---------------------------------------------------------------------------------------
// The package

export interface PackageInfo {
  root: string;
  version: string;
  informationUri: string;
  /** Base URL under which `docs/rules/<id>.md` can be read. */
  docsBase: string;
}

let packageInfoCache: PackageInfo | undefined;

/** The installed package (found upward from this module: works from src/ and dist/src/). */
export function packageInfo(): PackageInfo {
  if (packageInfoCache) return packageInfoCache;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
        homepage?: string;
        repository?: string | { url?: string };
      };
      if (pkg.name === 'anp') {
        const version = pkg.version ?? '0.0.0';
        const repo = repositoryUrl(pkg.repository);
        packageInfoCache = {
          root: dir,
          version,
          informationUri: pkg.homepage ?? repo ?? 'https://www.npmjs.com/package/anp',
          // A GitHub repository shows the docs rendered; otherwise the published package's
          // own files (the package ships docs/) through a CDN.
          docsBase: repo?.startsWith('https://github.com/') ? `${repo}/blob/v${version}` : `https://unpkg.com/anp@${version}`,
        };
        return packageInfoCache;
      }
    } catch {
      // not here; keep going up
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the package.json of anp');
    dir = parent;
  }
}

function repositoryUrl(repository: string | { url?: string } | undefined): string | undefined {
  const raw = typeof repository === 'string' ? repository : repository?.url;
  if (!raw) return undefined;
  const url = raw.replace(/^git\+/, '').replace(/\.git$/, '').replace(/^github:/, 'https://github.com/');
  return /^https?:\/\//.test(url) ? url : undefined;
}

/** Rule summaries for formatters (SARIF tool.driver.rules). */
export function ruleInfos(rules: readonly Rule<any>[]): RuleInfo[] {
  const { docsBase } = packageInfo();
  return rules.map((rule) => ({
    id: rule.meta.id,
    description: rule.meta.description,
    defaultSeverity: rule.meta.defaultSeverity,
    helpUri: /^docs\/rules\/[\w.-]+\.md$/.test(rule.meta.docs ?? '') ? `${docsBase}/${rule.meta.docs}` : /^https?:\/\//.test(rule.meta.docs ?? '') ? rule.meta.docs : undefined,
  }));
}

// ---------------------------------------------------------------------------------------
// Colour

export type ColorLevel = 0 | 1 | 2 | 3;

/**
 * `--color` / `--no-color` win; then NO_COLOR (any non-empty value) and FORCE_COLOR
 * (0/false = off, 1/true/'' = 16 colours, 2 = 256, 3 = truecolor); otherwise colour only
 * when the output is a terminal (never when writing to a file).
 */
export function colorLevel(option: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): ColorLevel {
  const force = env.FORCE_COLOR;
  const forcedLevel = (): ColorLevel => {
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  };
  if (option === false) return 0;
  if (option === true) return force !== undefined && force !== '0' && force !== 'false' ? forcedLevel() : isTTY ? ttyLevel(env) : 1;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (force !== undefined) return force === '0' || force === 'false' ? 0 : forcedLevel();
  if (!isTTY) return 0;
  if (env.TERM === 'dumb') return 0;
  return ttyLevel(env);
}

function ttyLevel(env: NodeJS.ProcessEnv): ColorLevel {
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (/-256(color)?$/i.test(env.TERM ?? '')) return 2;
  return 1;
}

// ---------------------------------------------------------------------------------------
// Now

/** `YYYY-MM-DD` as UTC midnight, or null when it is not a real calendar date. */
export function parseIsoDate(text: string): Date | null {
  const day = isoDateToDay(text);
  return day === undefined ? null : new Date(day * 86_400_000);
}

/** "Now" for freshness rules: --now, else SOURCE_DATE_EPOCH, else the clock; always UTC midnight. */
export function resolveNow(option: string | undefined, env: NodeJS.ProcessEnv, clock: () => Date = () => new Date()): Date {
  if (option !== undefined) {
    const date = parseIsoDate(option.trim());
    if (!date) throw new UsageError(`--now ${option}: expected a date YYYY-MM-DD, such as 2026-11-23`);
    return date;
  }
  let instant: Date;
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch.trim())) throw new UsageError(`SOURCE_DATE_EPOCH=${epoch}: expected a number of seconds since 1970-01-01`);
    instant = new Date(Number(epoch.trim()) * 1000);
  } else {
    instant = clock();
  }
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------
// Config + plugins

export interface SetupOptions {
  cwd: string;
  config?: string | undefined;
  rule?: string[] | undefined;
  rulesDir?: string | undefined;
}

/** Load the config, its plugins and --rules-dir, and resolve every rule's setting. */
export async function setupRules(options: SetupOptions): Promise<ResolvedConfig> {
  const loaded = loadConfig({ configFile: options.config, cwd: options.cwd });
  const pluginFiles = (loaded.config.plugins ?? []).map((file) => path.resolve(loaded.dir, file));
  let rules: Rule<any>[];
  try {
    const plugins = [...(await loadRuleModules(pluginFiles))];
    if (options.rulesDir !== undefined) plugins.push(...(await loadRulesDir(path.resolve(options.cwd, options.rulesDir))));
    rules = mergeRules(builtinRules, plugins);
  } catch (error) {
    // A PluginError names the path and the problem: a usage error (exit 2), not a crash.
    throw new UsageError(displayPaths((error as Error).message, options.cwd));
  }
  return resolveConfig(loaded, rules, options.rule ?? []);
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

// ---------------------------------------------------------------------------------------
// Linting

export function fileResult(file: string, findings: Finding[]): FileResult {
  let errorCount = 0;
  let warningCount = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errorCount++;
    else warningCount++;
  }
  return { file, findings, errorCount, warningCount };
}

export interface LintedSource {
  result: FileResult;
  /** The parsed post (null when the file was unreadable); the caller must not keep it. */
  post: Post | null;
}

/**
 * One source (already read) -> its findings. With a `corpus` (see startCorpus), the parsed
 * post is also handed to the corpus rules; their findings come from `corpus.finish()`.
 */
export function lintSource(file: string, source: SourceRead, resolved: ResolvedConfig, now: Date, corpus?: CorpusLinter | null): LintedSource {
  if (source.kind === 'unreadable') {
    const finding = unreadableFinding(file, source.message, resolved.settings);
    return { result: fileResult(file, finding ? [finding] : []), post: null };
  }
  const post = parsePost(source.text, { file, bytes: source.bytes });
  const input = { invalidUtf8Lines: source.invalidUtf8Lines };
  const findings = lintPost({ file, post, input }, resolved.rules, resolved.settings, now);
  corpus?.collect(file, post, input);
  return { result: fileResult(file, findings), post };
}

/**
 * Reads and lints files one after the other (paths relative to cwd): one file in memory at
 * a time, through the io layer's sequential reader. With a `corpus`, every parsed post is
 * also collected by the corpus rules (call `corpus.finish()` after the last one).
 */
export function* lintFiles(files: readonly string[], resolved: ResolvedConfig, now: Date, cwd: string, corpus?: CorpusLinter | null): Generator<LintedSource> {
  for (const { file, source } of readSources(files, { cwd, maxBytes: maxBytesOf(resolved) })) {
    yield lintSource(file, source, resolved, now, corpus);
  }
}

/**
 * Ends the corpus phase and merges its findings into the results of their files (sorted,
 * counts recomputed). Results are replaced in place; findings for a file with no result
 * (the corpus only reports collected files) are dropped.
 */
export function mergeCorpusFindings(results: FileResult[], corpus: CorpusLinter | null): void {
  if (!corpus) return;
  const byFile = corpus.finish();
  if (byFile.size === 0) return;
  for (let index = 0; index < results.length; index++) {
    const result = results[index]!;
    const extra = byFile.get(result.file);
    if (!extra) continue;
    byFile.delete(result.file);
    results[index] = fileResult(result.file, mergeFindings(result.findings, extra));
  }
}

/** Reads all of standard input as bytes. */
export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Commander's collector for repeatable options. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
