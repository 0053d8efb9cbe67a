/**
 * HTML character references in scraped prose (`&amp;`, `&lt;`, `&#39;`, `&#x27;`, `&nbsp;`, any
 * named entity of the HTML spec) decoded to the characters they stand for, with the `entities`
 * package (the decoder of htmlparser2 / cheerio, kept up to date with the WHATWG entity table).
 *
 * For prose only (paragraphs, headings, list items): code keeps its text as written, since
 * `&amp;` inside a code sample may be exactly what the author meant.
 *
 * Choices:
 * - **Strict mode**: a reference must end with `;`. The legacy HTML rule also decodes a few
 *   bare names (`&copy`, `&not`, `&amp`), which in plain text turns a URL's `?a=1&copy=2` into
 *   `?a=1©=2` and `&notice` into `¬ice`; a scraper's output spells references in full.
 * - **One pass**: `&amp;lt;` becomes `&lt;` (the text the page showed), not `<`.
 * - `&nbsp;` becomes U+00A0, as in the page; the text helpers (`normaliseText`, `foldSpaces`)
 *   already treat it as a space.
 * - Unknown names (`&foo;`) and `&` without a reference (`R&D`, `a && b`) stay as written;
 *   `&#0;` and out-of-range numbers become U+FFFD, as the HTML spec says.
 */
import { decodeHTMLStrict } from 'entities';

/** `text` with its HTML character references decoded; the same string when it has none. */
export function decodeEntities(text: string): string {
  // Hot path (called per paragraph): most text has no `&`, and a strict reference needs a `;`.
  const amp = text.indexOf('&');
  if (amp === -1 || text.indexOf(';', amp + 2) === -1) return text;
  return decodeHTMLStrict(text);
}
