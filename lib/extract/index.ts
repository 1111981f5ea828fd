import { composeText, insideArticle } from './compose';
import type { ExtractedText } from './pieces';
import { articleRoots, scoreCandidates } from './score';
import { walkPage } from './walk';

export { locateRange } from './locate';
export type { ExtractedText, TextSegment } from './pieces';

/**
 * Article text extraction from a DOM, shared by the content script (live page, in time slices) and
 * the CLI (linkedom, in one go). Takes the document as a parameter: lib/ uses no DOM globals, and
 * only reads the tree (no clone, no layout, no computed styles), so it behaves the same on a live
 * page and on linkedom, and never changes the page.
 *
 * Stages, each a generator that pauses every few hundred nodes:
 * 1. walk.ts: one pass over the page as rendered, pruning what is never article text (prune.ts),
 *    recording each text node with its nearest block and the separators between blocks.
 * 2. score.ts: Readability-style scoring of the blocks' ancestors; the best one and the siblings
 *    that belong with it are the article.
 * 3. compose.ts: the article's text with each text node's offsets (locate.ts maps offsets back).
 *    When no article holds enough text (a page of short lines, a list, a page the heuristics
 *    reject), all unpruned text is used.
 *
 * Table rows come out as `| cell | cell |` lines, as honest pages converted to text show them.
 */

/** Below this many non-space characters the chosen article is not trusted and all text is used. */
const MIN_ARTICLE = 140;

/** Non-space characters in `s`, counted up to `cap` (enough to decide, without scanning a huge text). */
function nonSpaceLength(s: string, cap: number): number {
  let n = 0;
  for (let i = 0; i < s.length && n < cap; i++) if (s.charCodeAt(i) > 32) n++;
  return n;
}

/**
 * Extraction as a generator that yields every few hundred nodes, so a caller on a live page can
 * spread it over idle periods (see `extractArticle` for the one-go form). The document must not be
 * mutated between steps in a way the caller cares about; text nodes removed meanwhile are simply
 * not highlighted later.
 */
export function* extractArticleSteps(doc: Document): Generator<void, ExtractedText, void> {
  const title = (doc.title ?? '').trim();
  const body = doc.body ?? doc.documentElement;
  if (!body) return { text: '', title, segments: [] };
  const page = yield* walkPage(body);
  const candidates = yield* scoreCandidates(page.blocks, page.hosts);
  const roots = articleRoots(candidates, body);
  if (roots.size) {
    const article = yield* composeText(page.pieces, title, insideArticle(roots, page.hosts));
    if (nonSpaceLength(article.text, MIN_ARTICLE) >= MIN_ARTICLE) return article;
  }
  return yield* composeText(page.pieces, title);
}

/** Extracts the article text in one go (the CLI, tests, small pages). */
export function extractArticle(doc: Document): ExtractedText {
  const steps = extractArticleSteps(doc);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
