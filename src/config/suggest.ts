/** "did you mean …?" helpers: nearest known word by edit distance. */
import { editDistance } from '../text/levenshtein.js';


/**
 * The known word closest to `word`, if it is close enough to be a plausible typo: at most
 * a third of the longer word's length (and at least 2 edits are always allowed), or a
 * word that contains / is contained in the other.
 */
export function nearest(word: string, known: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(word.length, best.length) / 3));
  if (bestDistance <= limit) return best;
  const bestLower = best.toLowerCase();
  if (lower.length >= 3 && (bestLower.includes(lower) || lower.includes(bestLower))) return best;
  return undefined;
}

/** ` did you mean "x"?` or the empty string. */
export function didYouMean(word: string, known: Iterable<string>): string {
  const match = nearest(word, known);
  return match === undefined ? '' : `; did you mean "${match}"?`;
}
