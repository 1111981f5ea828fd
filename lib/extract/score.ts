import { NODES_PER_STEP, type BlockStats } from './pieces';
import { classAndId, ELEMENT_NODE, renderedParentOf, tagOf, type Hosts } from './rendered-tree';

/**
 * Stage 2, scoring (after Mozilla Readability's candidate scoring, made single-pass): blocks that
 * read like paragraphs add to their parent, half to their grandparent and a third to the next
 * ancestor. Ancestors' link density and class/id hints adjust their score; the best one is the
 * article, joined by siblings that score well or read as paragraphs.
 */

const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story/i;
const NEGATIVE = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;

/** A block counts as a paragraph from this many characters. */
const MIN_PARAGRAPH = 25;
/** How many ancestors a paragraph's score reaches. */
const SCORE_LEVELS = 3;

/** An element that may hold the article: its score and the text below it. */
export interface Candidate {
  score: number;
  chars: number;
  linkChars: number;
}

/** What an element scores before any paragraph adds to it: by its tag, and by the names of its class and id. */
function initialScore(el: Element): number {
  let score = 0;
  switch (tagOf(el)) {
    case 'ARTICLE':
    case 'MAIN':
      score += 10;
      break;
    case 'DIV':
    case 'SECTION':
      score += 5;
      break;
    case 'PRE':
    case 'TD':
    case 'BLOCKQUOTE':
      score += 3;
      break;
    case 'OL':
    case 'UL':
    case 'DL':
    case 'DD':
    case 'DT':
    case 'LI':
      score -= 3;
      break;
    case 'H1':
    case 'H2':
    case 'H3':
    case 'H4':
    case 'H5':
    case 'H6':
    case 'TH':
      score -= 5;
      break;
  }
  const hints = classAndId(el);
  if (hints) {
    if (NEGATIVE.test(hints)) score -= 25;
    if (POSITIVE.test(hints)) score += 25;
  }
  return score;
}

/** What a block gives its ancestors: nothing unless it reads like a paragraph, more for commas and length. */
function paragraphScore(stats: BlockStats): number {
  if (stats.chars < MIN_PARAGRAPH || stats.linkChars / stats.chars >= 0.5) return 0;
  return 1 + stats.commas + Math.min(Math.floor(stats.chars / 100), 3);
}

/** The share of a paragraph's score an ancestor `level` steps up receives is 1 / this. */
function levelDivisor(level: number): number {
  return level === 1 ? 1 : level === 2 ? 2 : level * 3;
}

/** Every block and its ancestors up to SCORE_LEVELS, scored; pauses every NODES_PER_STEP blocks. */
export function* scoreCandidates(blocks: Map<Element, BlockStats>, hosts: Hosts): Generator<void, Map<Element, Candidate>, void> {
  const candidates = new Map<Element, Candidate>();
  let step = 0;
  for (const [block, stats] of blocks) {
    if (++step % NODES_PER_STEP === 0) yield;
    const score = paragraphScore(stats);
    let el: Element | null = block;
    for (let level = 0; level <= SCORE_LEVELS && el; level++) {
      // Level 0 is the block itself: it counts its own text but scores only from its children,
      // so a lone long paragraph does not outscore the container holding all paragraphs.
      let c = candidates.get(el);
      if (!c) candidates.set(el, (c = { score: initialScore(el), chars: 0, linkChars: 0 }));
      c.chars += stats.chars;
      c.linkChars += stats.linkChars;
      if (level > 0) c.score += score / levelDivisor(level);
      el = renderedParentOf(hosts, el);
    }
  }
  return candidates;
}

/** A candidate's score, reduced by the share of its text that is links. */
const finalScore = (c: Candidate) => c.score * (1 - (c.chars ? c.linkChars / c.chars : 0));

/** The best-scoring candidate with at least a paragraph's worth of text (the first of equals). */
function topCandidate(candidates: Map<Element, Candidate>): { el: Element; score: number } | undefined {
  let top: { el: Element; score: number } | undefined;
  for (const [el, c] of candidates) {
    if (c.chars < MIN_PARAGRAPH) continue;
    const score = finalScore(c);
    if (!top || score > top.score) top = { el, score };
  }
  return top;
}

/**
 * The elements that make up the article: the top candidate and its siblings that score well or
 * read as paragraphs. Empty when no candidate scores above zero.
 */
export function articleRoots(candidates: Map<Element, Candidate>, body: Element): Set<Element> {
  const roots = new Set<Element>();
  const top = topCandidate(candidates);
  if (!top || top.score <= 0) return roots;
  roots.add(top.el);
  const parent = top.el.parentNode;
  if (!parent || top.el === body) return roots;
  const threshold = Math.max(10, top.score * 0.2);
  for (let sib = parent.firstChild; sib; sib = sib.nextSibling) {
    if (sib === top.el || sib.nodeType !== ELEMENT_NODE) continue;
    const el = sib as Element;
    const c = candidates.get(el);
    if (!c) continue;
    const density = c.chars ? c.linkChars / c.chars : 1;
    if (finalScore(c) >= threshold || (tagOf(el) === 'P' && c.chars > 80 && density < 0.25)) roots.add(el);
  }
  return roots;
}
