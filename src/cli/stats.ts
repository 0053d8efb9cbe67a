/**
 * `anp stats [paths…]`: a picture of the corpus, as tables or JSON. The numbers come from
 * the engine (src/engine/stats.ts: lint results and parsed posts); this file only renders.
 */
import Table from 'cli-table3';
import { Chalk } from 'chalk';
import type { Command } from 'commander';
import { resolveNow } from '../engine/now.js';
import { StatsCollector, type CorpusStats } from '../engine/stats.js';
import { UsageError, type ColorLevel } from '../index.js';
import { plural } from '../text/plural.js';
import { stdoutColor, toStdout } from './io.js';
import type { CommandContext } from './main.js';
import { addShared, linterFor, type SharedValues } from './options.js';

export type { CorpusStats, DuplicateCluster, RepeatedParagraph } from '../engine/stats.js';

interface StatsOptions extends SharedValues {
  top: number;
}

export function renderStats(stats: CorpusStats, level: ColorLevel): string {
  const chalk = new Chalk({ level });
  const style = { head: [], border: [] };
  const percent = (count: number) => (stats.posts === 0 ? '' : ` (${Math.round((count / stats.posts) * 1000) / 10}%)`);
  const corpus = new Table({ style });
  corpus.push(
    { [chalk.bold('files')]: String(stats.files) },
    { [chalk.bold('posts')]: `${stats.posts}${stats.unreadable > 0 ? ` (+${stats.unreadable} unreadable)` : ''}` },
    { [chalk.bold('with meta')]: `${stats.withMeta}${percent(stats.withMeta)}` },
    { [chalk.bold('meta completeness (posts with meta)')]: stats.metaCompleteness === null ? 'n/a' : `${stats.metaCompleteness}%` },
    stats.stale === null
      ? { [chalk.bold('stale')]: 'n/a (stale-review is off)' }
      : { [chalk.bold(`stale (reviewed > ${stats.staleAfterDays} days before ${stats.now})`)]: `${stats.stale}${percent(stats.stale)}` },
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
  out.push(chalk.bold('Most repeated paragraphs across posts'), stats.repeatedParagraphs.length > 0 ? repeated.toString() : '(none repeated)', '');

  const clusters = new Table({ head: ['articles', 'first article', 'near-duplicates of it'].map((h) => chalk.bold(h)), colAligns: ['right', 'left', 'left'], wordWrap: true, style });
  for (const cluster of stats.clusters) {
    const more = cluster.size - 1 - cluster.members.length;
    clusters.push([String(cluster.size), cluster.first, cluster.members.join('\n') + (more > 0 ? `\n(${more} more)` : '')]);
  }
  out.push(chalk.bold('Largest clusters of near-duplicate articles'), stats.clusters.length > 0 ? clusters.toString() : '(none)');
  return `${out.join('\n')}\n`;
}

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--top ${value}: expected a whole number >= 1`);
  return Number(value);
}

export function registerStatsCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('stats')
    .description('a table of the corpus: posts, meta completeness, stale reviews, difficulty, findings by rule, repeated paragraphs, near-duplicate clusters')
    .argument('[paths...]', 'files and folders (default: .)');
  addShared(command, ['config', 'rule', 'rulesDir', 'now', 'ignorePattern', 'respectGitignore', 'noFollowSymlinks'], { config: 'config file (as for anp lint)' })
    .option('--top <n>', 'how many repeated paragraphs and near-duplicate clusters to show', positiveInteger, 5);
  addShared(command, ['json', 'color', 'noColor'], { json: 'print the statistics as JSON' })
    .addHelpText('after', '\nExamples:\n  anp stats content/ --now 2026-11-23\n  anp stats content/ --json')
    .action(async (paths: string[], options: StatsOptions) => {
      const { io } = context;
      const now = resolveNow(options.now, io.env);
      const linter = linterFor(options, io, now);
      const collector = new StatsCollector(now, await linter.config());
      for await (const result of linter.lintFiles(paths, { onPost: (post) => collector.addPost(post) })) collector.addResult(result);
      const stats = collector.result(options.top);
      await toStdout(io, options.json ? `${JSON.stringify(stats, null, 2)}\n` : renderStats(stats, stdoutColor(options.color, io)));
    });
}
