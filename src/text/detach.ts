/**
 * A copy of `text` that keeps nothing else alive. V8 represents a substring as a view into
 * its parent string (and a concatenation as a pair of parts), so a value that outlives its
 * article (a cache key, a finding's message) would otherwise pin the whole article text.
 * Concatenating and slicing forces a fresh flat string.
 */
export function detach(text: string): string {
  return (' ' + text).slice(1);
}
