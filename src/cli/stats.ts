/**
 * `anp stats [paths…]`: a picture of the corpus: how many posts, how many have a meta box
 * and how complete it is, how many reviews are stale, posts by difficulty, findings by
 * rule, and the paragraphs repeated across most posts (template boilerplate). Posts are
 * processed one at a time; what is kept is counts and one fingerprint per distinct
 * paragraph.
 */
import { hash64 } from '../text/hash.js';
import { normaliseText } from '../text/normalise.js';
import Table from 'cli-table3';
import { Chalk } from 'chalk';
import type { Command } from 'commander';
import { discoverFiles } from '../io/discover.js';
import { FIELD_SPECS } from '../meta/fields.js';
import type { Post } from '../model/post.js';
import { countByRule } from '../formatters/stylish.js';
import { plural } from '../formatters/types.js';
import type { FileResult } from '../model/finding.js';
import { UsageError } from '../errors.js';
import { collect, colorLevel, isoDay, lintFiles, parseIsoDate, resolveNow, setupRules } from './shared.js';

interface StatsOptions {
  config?: string;
  rule?: string[];
  rulesDir?: string;
  now?: string;
  ignorePattern?: string[];
  json?: boolean;
  top: number;
  color?: boolean;
}

export interface RepeatedParagraph {
  hash: string;
  posts: number;
  first: { file: string; line: number };
  text: string;
}

export interface CorpusStats {
  now: string;
  files: number;
  posts: number;
  unreadable: number;
  withMeta: number;
  /** Mean share of the expected meta fields present, over posts with a meta box (0..100). */
  metaCompleteness: number | null;
  staleAfterDays: number;
  stale: number;
  byDifficulty: Record<string, number>;
  findings: { total: number; errors: number; warnings: number; byRule: Array<{ ruleId: string; errors: number; warnings: number }> };
  repeatedParagraphs: RepeatedParagraph[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Accumulates the statistics one post at a time. */
export class StatsCollector {
  private files = 0;
  private posts = 0;
  private unreadable = 0;
  private withMeta = 0;
  private completenessSum = 0;
  private stale = 0;
  private readonly byDifficulty = new Map<string, number>();
  private errors = 0;
  private warnings = 0;
  private readonly byRule = new Map<string, { ruleId: string; errors: number; warnings: number }>();
  private readonly paragraphs = new Map<string, { posts: number; lastPost: number; file: string; line: number; text: string }>();

  constructor(
    private readonly now: Date,
    private readonly staleAfterDays: number,
  ) {}

  add(result: FileResult, post: Post | null): void {
    this.files++;
    // Only counts are kept, never the findings themselves.
    this.errors += result.errorCount;
    this.warnings += result.warningCount;
    for (const row of countByRule([result])) {
      const entry = this.byRule.get(row.ruleId) ?? { ruleId: row.ruleId, errors: 0, warnings: 0 };
      entry.errors += row.errors;
      entry.warnings += row.warnings;
      this.byRule.set(row.ruleId, entry);
    }
    if (post === null) {
      this.unreadable++;
      return;
    }
    const postIndex = this.posts++;
    const fields = (post.meta?.fields ?? {}) as Record<string, unknown>;
    if (post.meta !== null) {
      this.withMeta++;
      const flags = fields.flags as { hasImages?: unknown } | undefined;
      const expected = FIELD_SPECS.filter((spec) => spec.key !== 'imageSources' || (typeof flags === 'object' && flags?.hasImages === true));
      const present = expected.filter((spec) => fields[spec.key] !== undefined).length;
      this.completenessSum += expected.length === 0 ? 1 : present / expected.length;
      const revision = fields.revision as { lastReviewed?: unknown } | undefined;
      const reviewed = typeof revision === 'object' && typeof revision?.lastReviewed === 'string' ? parseIsoDate(revision.lastReviewed) : null;
      if (reviewed && (this.now.getTime() - reviewed.getTime()) / DAY_MS > this.staleAfterDays) this.stale++;
    }
    const difficulty = fields.difficulty;
    const key =
      difficulty === undefined ? '(none)' : typeof difficulty === 'string' && ['beginner', 'intermediate', 'advanced'].includes(difficulty) ? difficulty : '(invalid)';
    this.byDifficulty.set(key, (this.byDifficulty.get(key) ?? 0) + 1);

    for (const section of post.sections) {
      for (const block of section.blocks) {
        if (block.type !== 'paragraph') continue;
        // The same normalisation and fingerprint the duplicate rules use.
        const normalised = normaliseText(block.text);
        if (normalised === '') continue;
        const hash = hash64(normalised);
        const entry = this.paragraphs.get(hash);
        if (!entry) {
          this.paragraphs.set(hash, { posts: 1, lastPost: postIndex, file: post.file, line: block.line, text: block.text.length > 100 ? `${block.text.slice(0, 97)}...` : block.text });
        } else if (entry.lastPost !== postIndex) {
          entry.posts++;
          entry.lastPost = postIndex;
        }
      }
    }
  }

  result(top: number): CorpusStats {
    const { errors, warnings } = this;
    const byRule = [...this.byRule.values()].sort(
      (a, b) => b.errors + b.warnings - (a.errors + a.warnings) || a.ruleId.localeCompare(b.ruleId),
    );
    const repeated = [...this.paragraphs.entries()]
      .filter(([, entry]) => entry.posts >= 2)
      .sort(([ha, a], [hb, b]) => b.posts - a.posts || (ha < hb ? -1 : ha > hb ? 1 : 0))
      .slice(0, top)
      .map(([hash, entry]) => ({ hash, posts: entry.posts, first: { file: entry.file, line: entry.line }, text: entry.text }));
    const order = ['beginner', 'intermediate', 'advanced', '(invalid)', '(none)'];
    const byDifficulty: Record<string, number> = {};
    for (const name of order) if (this.byDifficulty.has(name)) byDifficulty[name] = this.byDifficulty.get(name)!;
    return {
      now: isoDay(this.now),
      files: this.files,
      posts: this.posts,
      unreadable: this.unreadable,
      withMeta: this.withMeta,
      metaCompleteness: this.withMeta === 0 ? null : Math.round((this.completenessSum / this.withMeta) * 1000) / 10,
      staleAfterDays: this.staleAfterDays,
      stale: this.stale,
      byDifficulty,
      findings: { total: errors + warnings, errors, warnings, byRule },
      repeatedParagraphs: repeated,
    };
  }
}

export function renderStats(stats: CorpusStats, level: 0 | 1 | 2 | 3): string {
  const chalk = new Chalk({ level });
  const style = { head: [], border: [] };
  const percent = (count: number) => (stats.posts === 0 ? '' : ` (${Math.round((count / stats.posts) * 1000) / 10}%)`);
  const corpus = new Table({ style });
  corpus.push(
    { [chalk.bold('files')]: String(stats.files) },
    { [chalk.bold('posts')]: `${stats.posts}${stats.unreadable > 0 ? ` (+${stats.unreadable} unreadable)` : ''}` },
    { [chalk.bold('with meta')]: `${stats.withMeta}${percent(stats.withMeta)}` },
    { [chalk.bold('meta completeness (posts with meta)')]: stats.metaCompleteness === null ? 'n/a' : `${stats.metaCompleteness}%` },
    { [chalk.bold(`stale (reviewed > ${stats.staleAfterDays} days before ${stats.now})`)]: `${stats.stale}${percent(stats.stale)}` },
    { [chalk.bold('findings')]: `${stats.findings.total} (${plural(stats.findings.errors, 'error')}, ${plural(stats.findings.warnings, 'warning')})` },
  );
  const out = [chalk.bold('Corpus'), corpus.toString(), ''];

  const difficulty = new Table({ head: ['difficulty', 'posts'].map((h) => chalk.bold(h)), colAligns: ['left', 'right'], style });
  for (const [name, count] of Object.entries(stats.byDifficulty)) difficulty.push([name, String(count)]);
  out.push(chalk.bold('By difficulty'), Object.keys(stats.byDifficulty).length > 0 ? difficulty.toString() : '(no posts)', '');

  const rules = new Table({ head: ['rule', 'errors', 'warnings'].map((h) => chalk.bold(h)), colAligns: ['left', 'right', 'right'], style });
  for (const row of stats.findings.byRule) rules.push([row.ruleId, String(row.errors), String(row.warnings)]);
  out.push(chalk.bold('Findings by rule'), stats.findings.byRule.length > 0 ? rules.toString() : '(none)', '');

  const repeated = new Table({ head: ['posts', 'first seen', 'paragraph'].map((h) => chalk.bold(h)), colAligns: ['right', 'left', 'left'], colWidths: [7, Math.max(12, ...stats.repeatedParagraphs.map((r) => `${r.first.file}:${r.first.line}`.length)) + 2, 62], wordWrap: true, style });
  for (const row of stats.repeatedParagraphs) repeated.push([String(row.posts), `${row.first.file}:${row.first.line}`, row.text]);
  out.push(chalk.bold('Most repeated paragraphs across posts'), stats.repeatedParagraphs.length > 0 ? repeated.toString() : '(none repeated)');
  return `${out.join('\n')}\n`;
}

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--top ${value}: expected a whole number >= 1`);
  return Number(value);
}

export function registerStatsCommand(program: Command): void {
  program
    .command('stats')
    .description('a table of the corpus: posts, meta completeness, stale reviews, difficulty, findings by rule, repeated paragraphs')
    .argument('[paths...]', 'files and folders (default: .)')
    .option('-c, --config <file>', 'config file (as for anp lint)')
    .option('--rule <id:severity>', 'override a rule\'s severity (repeatable)', collect)
    .option('--rules-dir <dir>', 'load custom rule modules from this folder')
    .option('--now <date>', 'the date staleness is measured from, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)')
    .option('--ignore-pattern <glob>', 'skip files matching this glob (repeatable)', collect)
    .option('--top <n>', 'how many repeated paragraphs to show', positiveInteger, 5)
    .option('--json', 'print the statistics as JSON')
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output')
    .addHelpText('after', '\nExamples:\n  anp stats content/ --now 2026-11-23\n  anp stats content/ --json')
    .action(async (paths: string[], options: StatsOptions) => {
      const cwd = process.cwd();
      const now = resolveNow(options.now, process.env);
      const resolved = await setupRules({ cwd, config: options.config, rule: options.rule, rulesDir: options.rulesDir });
      const { files, missing } = await discoverFiles(paths.length > 0 ? paths : ['.'], {
        include: resolved.include,
        ignores: [...resolved.ignores, ...(options.ignorePattern ?? [])],
        cwd,
      });
      if (missing.length > 0) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
      const staleOptions = resolved.settings.get('stale-review')?.options as { maxAgeDays?: unknown } | undefined;
      const staleAfterDays = typeof staleOptions?.maxAgeDays === 'number' ? staleOptions.maxAgeDays : 365;
      const collector = new StatsCollector(now, staleAfterDays);
      for (const { result, post } of lintFiles(files, resolved, now, cwd)) collector.add(result, post);
      const stats = collector.result(options.top);
      process.stdout.write(
        options.json ? `${JSON.stringify(stats, null, 2)}\n` : renderStats(stats, colorLevel(options.color, process.env, process.stdout.isTTY === true)),
      );
    });
}
