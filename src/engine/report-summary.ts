/**
 * Builds the ReportSummary the html report needs, from the posts the linter parses anyway:
 * pass `collector.addPost` as `lintFiles`' `onPost`, then `collector.result()` to `format`.
 * Keeps per post a title and a date, and the paragraph counts of StatsCollector.
 */
import type { ResolvedConfig } from '../config/resolve.js';
import type { Post } from '../model/post.js';
import type { ReportSummary } from '../model/report-summary.js';
import { isoDay as dayOfValue, isoOfDay, subValue } from './meta-access.js';
import { isoDay } from './now.js';
import { StatsCollector } from './stats.js';

export type { ReportSummary } from '../model/report-summary.js';

export class ReportSummaryCollector {
  private readonly stats: StatsCollector;
  private readonly posts: ReportSummary['posts'] = {};

  constructor(
    private readonly now: Date,
    private readonly resolved: ResolvedConfig,
    /** How many repeated paragraphs to keep. */
    private readonly top = 20,
  ) {
    this.stats = new StatsCollector(now, resolved);
  }

  /** One parsed post (as `onPost` gives it). */
  addPost(post: Post, file: string): void {
    this.stats.addPost(post);
    const day = dayOfValue(subValue(post, 'revision', 'lastReviewed'));
    this.posts[file] = { title: post.title, reviewed: day === undefined ? null : isoOfDay(day) };
  }

  result(): ReportSummary {
    const stats = this.stats.result(this.top);
    const stale = this.resolved.settings.get('stale-review');
    return {
      now: isoDay(this.now),
      staleAfterDays: stale && stale.severity !== 'off' ? (stale.options as { maxAgeDays: number }).maxAgeDays : null,
      posts: this.posts,
      repeatedParagraphs: stats.repeatedParagraphs.map(({ text, posts, first }) => ({ text, posts, first })),
    };
  }
}
