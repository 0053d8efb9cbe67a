/**
 * `anp stats`: a picture of a corpus built from what the engine already computes, one post
 * at a time: the lint results (findings by rule; stale reviews are the stale-review rule's
 * findings) and the parsed posts (meta completeness against meta-field-missing's `required`
 * fields, difficulty against the meta schema, paragraphs by the corpus rules' fingerprint).
 * What is kept is counts and one fingerprint per distinct paragraph.
 */
import { META_KEYS, strictFieldSchemas, type MetaKey } from '../meta/fields.js';
import { countByRule, type FileResult, type RuleCount } from '../model/finding.js';
import type { Post } from '../model/post.js';
import type { ResolvedConfig } from '../config/resolve.js';
import { expectedMetaFields, field } from './meta-access.js';
import { isoDay } from './now.js';
import { paragraphFingerprint, proseParagraphs } from './post-index.js';

export interface RepeatedParagraph {
  hash: string;
  posts: number;
  first: { file: string; line: number };
  text: string;
}

/** A cluster of near-duplicate articles (near-duplicate-article's findings, by their group). */
export interface DuplicateCluster {
  /** Articles in the cluster, the first included. */
  size: number;
  /** The cluster's first article (in path order). */
  first: string;
  /** The other members, in path order (the first MAX_CLUSTER_MEMBERS). */
  members: string[];
}

/** Members listed per cluster in the stats. */
export const MAX_CLUSTER_MEMBERS = 10;

export interface CorpusStats {
  now: string;
  files: number;
  posts: number;
  unreadable: number;
  withMeta: number;
  /** Mean share of the expected meta fields present, over posts with a meta box (0..100). */
  metaCompleteness: number | null;
  /** stale-review's `maxAgeDays`; null when the rule is off. */
  staleAfterDays: number | null;
  /** Files with a stale-review finding; null when the rule is off. */
  stale: number | null;
  byDifficulty: Record<string, number>;
  findings: { total: number; errors: number; warnings: number; byRule: RuleCount[] };
  repeatedParagraphs: RepeatedParagraph[];
  /** The largest clusters of near-duplicate articles; empty when near-duplicate-article is off. */
  clusters: DuplicateCluster[];
}

const STALE_RULE = 'stale-review';
const DIFFICULTY_ORDER = ['beginner', 'intermediate', 'advanced', '(invalid)', '(none)'];

/** Accumulates the statistics: `addPost` for each parsed post, `addResult` for each lint result. */
export class StatsCollector {
  private files = 0;
  private posts = 0;
  private unreadable = 0;
  private withMeta = 0;
  private completenessSum = 0;
  private stale = 0;
  private readonly byDifficulty = new Map<string, number>();
  private readonly ruleCounts = new Map<string, RuleCount>();
  private readonly clusters = new Map<string, DuplicateCluster>();
  private readonly paragraphs = new Map<string, { posts: number; lastPost: number; file: string; line: number; text: string }>();
  private readonly staleAfterDays: number | null;
  private readonly required: readonly MetaKey[];

  constructor(
    private readonly now: Date,
    resolved: ResolvedConfig,
  ) {
    const stale = resolved.settings.get(STALE_RULE);
    this.staleAfterDays = stale && stale.severity !== 'off' ? (stale.options as { maxAgeDays: number }).maxAgeDays : null;
    const missing = resolved.settings.get('meta-field-missing')?.options as { required?: MetaKey[] } | undefined;
    this.required = missing?.required ?? META_KEYS;
  }

  /** One lint result; only counts are kept, never the findings. */
  addResult(result: FileResult): void {
    this.files++;
    if (result.findings.some((finding) => finding.ruleId === STALE_RULE)) this.stale++;
    countByRule([result], this.ruleCounts);
    for (const finding of result.findings) {
      if (!finding.group) continue;
      const { first, size } = finding.group;
      let cluster = this.clusters.get(first);
      if (!cluster) this.clusters.set(first, (cluster = { size, first, members: [] }));
      if (cluster.members.length < MAX_CLUSTER_MEMBERS) cluster.members.push(finding.file);
    }
  }

  /** One parsed post (unreadable files have none). */
  addPost(post: Post): void {
    const postIndex = this.posts++;
    if (post.meta !== null) {
      this.withMeta++;
      const { expected, missing } = expectedMetaFields(post, this.required);
      this.completenessSum += expected.length === 0 ? 1 : (expected.length - missing.length) / expected.length;
    }
    const difficulty = field(post, 'difficulty');
    const key = difficulty === undefined ? '(none)' : (strictFieldSchemas.difficulty.safeParse(difficulty).data ?? '(invalid)');
    this.byDifficulty.set(key, (this.byDifficulty.get(key) ?? 0) + 1);

    for (const paragraph of proseParagraphs(post)) {
      const print = paragraphFingerprint(paragraph);
      if (print === '') continue;
      const entry = this.paragraphs.get(print);
      if (!entry) {
        const text = paragraph.text.length > 100 ? `${paragraph.text.slice(0, 97)}...` : paragraph.text;
        this.paragraphs.set(print, { posts: 1, lastPost: postIndex, file: post.file, line: paragraph.line, text });
      } else if (entry.lastPost !== postIndex) {
        entry.posts++;
        entry.lastPost = postIndex;
      }
    }
  }

  result(top: number): CorpusStats {
    const byRule = countByRule([], this.ruleCounts);
    let errors = 0;
    let warnings = 0;
    for (const row of byRule) {
      errors += row.errors;
      warnings += row.warnings;
    }
    const repeated = [...this.paragraphs.entries()]
      .filter(([, entry]) => entry.posts >= 2)
      .sort(([ha, a], [hb, b]) => b.posts - a.posts || (ha < hb ? -1 : ha > hb ? 1 : 0))
      .slice(0, top)
      .map(([hash, entry]) => ({ hash, posts: entry.posts, first: { file: entry.file, line: entry.line }, text: entry.text }));
    const byDifficulty: Record<string, number> = {};
    for (const name of DIFFICULTY_ORDER) if (this.byDifficulty.has(name)) byDifficulty[name] = this.byDifficulty.get(name)!;
    return {
      now: isoDay(this.now),
      files: this.files,
      posts: this.posts,
      unreadable: this.files - this.posts,
      withMeta: this.withMeta,
      metaCompleteness: this.withMeta === 0 ? null : Math.round((this.completenessSum / this.withMeta) * 1000) / 10,
      staleAfterDays: this.staleAfterDays,
      stale: this.staleAfterDays === null ? null : this.stale,
      byDifficulty,
      findings: { total: errors + warnings, errors, warnings, byRule },
      repeatedParagraphs: repeated,
      clusters: [...this.clusters.values()].sort((a, b) => b.size - a.size || (a.first < b.first ? -1 : a.first > b.first ? 1 : 0)).slice(0, top),
    };
  }
}
