/**
 * What the html report shows besides the findings, gathered by the engine while it lints
 * (src/engine/report-summary.ts), so the formatter never reads or parses a file. Small: one
 * title and review date per post, and the most repeated paragraphs.
 */
export interface ReportSummary {
  /** The day review ages are counted to (YYYY-MM-DD): the run's "now". */
  now: string;
  /** stale-review's `maxAgeDays`; null when the rule is off. */
  staleAfterDays: number | null;
  /** By file, as the results name it: the post's title and its `revision.lastReviewed` (YYYY-MM-DD), null when absent or invalid. */
  posts: Record<string, { title: string | null; reviewed: string | null }>;
  /** Paragraphs found in two posts or more, most posts first (text cut to 100 characters). */
  repeatedParagraphs: Array<{ text: string; posts: number; first: { file: string; line: number } }>;
}
