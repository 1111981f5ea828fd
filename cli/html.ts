import { parseHTML } from 'linkedom';
import { extractArticle } from '../lib/extract';
import { readOriginClaims, type OriginClaim } from '../lib/origin';

/**
 * HTML longer than this is cut before it is parsed: the parser's time and memory grow with the
 * whole document, and up to this much HTML, however dense its tags, its memory stays within that
 * of reading the engine's MAX_CHARS of plain text and its time within seconds (docs/cli.md has the
 * measurements). Article pages are far smaller.
 */
export const MAX_HTML_CHARS = 8 * 1024 * 1024;

/**
 * The HTML to parse: all of it when it is within MAX_HTML_CHARS, otherwise its start, cut before
 * the last tag that begins within the budget so that no tag is parsed half. `more` says the
 * caller has read only the start of the document (the rest is left out in any case).
 */
export function capHtml(html: string, more = false): { html: string; cut: boolean } {
  if (!more && html.length <= MAX_HTML_CHARS) return { html, cut: false };
  const head = html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html;
  const lastTag = head.lastIndexOf('<');
  return { html: lastTag > 0 ? head.slice(0, lastTag) : head, cut: true };
}

const HTML_START = /<html[\s>/]/i;
const BODY_START = /<body[\s>/]/i;

/**
 * A document linkedom can read: its parser finds no body (and so no text) in a fragment, or in a
 * page that leaves out the `<html>` or `<body>` tags HTML allows to be implied, so those are
 * wrapped in a document's skeleton the way a browser would imply it.
 */
export function asDocument(html: string): string {
  return HTML_START.test(html) && BODY_START.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
}

/**
 * The article text of an HTML page or fragment, by the same extraction the content script uses,
 * and what its markup says about the article's origin.
 */
export function readHtmlPage(html: string): { text: string; claims: OriginClaim[] } {
  const { document } = parseHTML(asDocument(html));
  const doc = document as unknown as Document;
  return { text: extractArticle(doc).text, claims: readOriginClaims(doc) };
}

/**
 * The page's address when the caller gave none: the one its markup gives as its own (the
 * canonical link, else og:url), with a note saying so; undefined when it gives none.
 */
export function addressFromMarkup(claims: readonly OriginClaim[], notes: string[]): string | undefined {
  const own = claims.find((c) => c.kind === 'canonical' && c.url) ?? claims.find((c) => c.kind === 'og:url' && c.url);
  if (!own?.url) return undefined;
  notes.push(`No address was given (--url), so the page's own ${own.kind === 'canonical' ? 'canonical link' : 'og:url'}, ${own.url}, is taken as its address.`);
  return own.url;
}
