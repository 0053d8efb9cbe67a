/**
 * The registry of built-in rules, in catalog order (the README's rule table). The CLI, the
 * config validator, `anp rules` and the docs all read this one list.
 */
import type { Rule } from '../src/engine/rule.js';
import checklistMismatch from './checklist-mismatch.js';
import corpusDuplicateParagraph from './corpus-duplicate-paragraph.js';
import duplicateCodeBlock from './duplicate-code-block.js';
import duplicateParagraph from './duplicate-paragraph.js';
import emptyPost from './empty-post.js';
import emptySection from './empty-section.js';
import futureReview from './future-review.js';
import imageMismatch from './image-mismatch.js';
import invalidEncoding from './invalid-encoding.js';
import metaDuplicateField from './meta-duplicate-field.js';
import metaFieldMissing from './meta-field-missing.js';
import metaInvalid from './meta-invalid.js';
import metaLabelStyle from './meta-label-style.js';
import metaMissing from './meta-missing.js';
import metaUnknownField from './meta-unknown-field.js';
import nearDuplicateArticle from './near-duplicate-article.js';
import nearDuplicateParagraph from './near-duplicate-paragraph.js';
import needsReview from './needs-review.js';
import paragraphCountMismatch from './paragraph-count-mismatch.js';
import placeholderImage from './placeholder-image.js';
import referenceMismatch from './reference-mismatch.js';
import repeatedSentence from './repeated-sentence.js';
import scrapeResidue from './scrape-residue.js';
import staleReview from './stale-review.js';
import topicMismatch from './topic-mismatch.js';
import unreadableInput from './unreadable-input.js';

export const builtinRules: readonly Rule<any>[] = [
  // input
  unreadableInput,
  invalidEncoding,
  emptyPost,
  // duplication inside a post
  duplicateParagraph,
  nearDuplicateParagraph,
  repeatedSentence,
  duplicateCodeBlock,
  // meta box
  metaMissing,
  metaFieldMissing,
  metaInvalid,
  metaDuplicateField,
  metaUnknownField,
  metaLabelStyle,
  // freshness
  staleReview,
  futureReview,
  needsReview,
  // consistency between the meta box and the body
  topicMismatch,
  checklistMismatch,
  imageMismatch,
  paragraphCountMismatch,
  referenceMismatch,
  placeholderImage,
  // structure
  emptySection,
  scrapeResidue,
  // across the corpus (a corpus phase after every post is parsed)
  corpusDuplicateParagraph,
  nearDuplicateArticle,
];

const byId = new Map(builtinRules.map((rule) => [rule.meta.id, rule]));

/** The built-in rule with this id, or undefined. */
export function findRule(id: string, rules: readonly Rule<any>[] = builtinRules): Rule<any> | undefined {
  return rules === builtinRules ? byId.get(id) : rules.find((rule) => rule.meta.id === id);
}

export const builtinRuleIds: readonly string[] = builtinRules.map((rule) => rule.meta.id);
