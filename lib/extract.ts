/**
 * Article text extraction from a DOM, shared by the content script (live page, in time slices) and
 * the CLI (linkedom, in one go). Takes the document as a parameter: lib/ uses no DOM globals, and
 * only reads the tree (no clone, no layout, no computed styles), so it behaves the same on a live
 * page and on linkedom, and never changes the page.
 *
 * Method (after Mozilla Readability's candidate scoring, made single-pass and interruptible):
 * 1. Walk the body once, iteratively, pruning subtrees that are never article text (scripts,
 *    navigation, forms, hidden elements, and elements whose role, class or id says menu, sidebar,
 *    comments, footer…). Record each text node with its nearest block element, and the block
 *    separators (line breaks, table cell borders) between them. The walk follows the page as
 *    rendered: open shadow roots (with their slots' assigned nodes) and same-origin frames are
 *    read in place; closed shadow roots and cross-origin frames cannot be read by any script.
 * 2. Score blocks that read like paragraphs (≥ 25 characters, mostly not link text): each adds to
 *    its parent, half to its grandparent and a third to the next ancestor. Ancestors' link density
 *    and class/id hints adjust their score; the best one is the article, joined by siblings that
 *    score well or read as paragraphs.
 * 3. Fallback: when no candidate holds enough text (a page of short lines, a list, a page the
 *    heuristics reject), all unpruned text is used.
 *
 * Text node data is copied verbatim, so `text.slice(seg.start, seg.end) === seg.node.data` and any
 * offset in the text maps back to a live text node; separators belong to no node.
 * Table rows come out as `| cell | cell |` lines, as honest pages converted to text show them.
 */
export interface TextSegment {
  node: Text;
  /** Offsets of this node's text in `ExtractedText.text`. */
  start: number;
  end: number;
}

export interface ExtractedText {
  text: string;
  title: string;
  /** The text nodes that make up the text, in document order. */
  segments: TextSegment[];
}

/** Elements whose content is never article text. */
const PRUNED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'CANVAS', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO',
  'NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'DIALOG', 'MENU', 'HEAD',
]);
const PRUNED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'search', 'dialog', 'alertdialog']);
/** Readability's "unlikely candidates", unless the same class/id also says content. */
const UNLIKELY = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|cookie|newsletter|share/i;
const MAYBE_CONTENT = /and|article|body|column|content|main|mathjax|shadow/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story/i;
const NEGATIVE = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;

/** Elements that break a line: text on either side is not one sentence. */
const BLOCK_TAGS = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'SECTION',
  'ARTICLE', 'MAIN', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'CAPTION', 'FIGURE', 'FIGCAPTION', 'ADDRESS', 'HR', 'BR', 'BODY',
  'DETAILS', 'SUMMARY', 'CENTER', 'IFRAME',
]);
const CELL_TAGS = new Set(['TD', 'TH']);

/** A block counts as a paragraph from this many characters. */
const MIN_PARAGRAPH = 25;
/** Below this much text the chosen article is not trusted and all text is used. */
const MIN_ARTICLE = 140;
/** How many ancestors a paragraph's score reaches. */
const SCORE_LEVELS = 3;
/** Nodes visited between two yields of the step generator. */
const NODES_PER_STEP = 400;

/** One recorded piece of text in document order: a text node or a separator, with the element it sits in. */
interface Piece {
  /** The text node, or undefined for a separator. */
  node: Text | undefined;
  /** The separator text, when `node` is undefined. */
  sep: string;
  /** Nearest block ancestor (membership in the article is decided on it). */
  block: Element;
}

interface BlockStats {
  chars: number;
  linkChars: number;
  commas: number;
}

interface Candidate {
  score: number;
  chars: number;
  linkChars: number;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

function tagOf(el: Element): string {
  return (el.tagName || '').toUpperCase();
}

function classAndId(el: Element): string {
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  return cls && id ? `${cls} ${id}` : cls || id || '';
}

/** An element's open shadow root (a closed one cannot be seen by any script, ours included). */
function shadowRootOf(el: Element): ShadowRoot | null {
  return (el as { shadowRoot?: ShadowRoot | null }).shadowRoot ?? null;
}

/** The nodes assigned to a slot, when the DOM implementation has slots. */
function assignedNodesOf(el: Element): readonly Node[] | undefined {
  const slot = el as { assignedNodes?: (options?: { flatten?: boolean }) => Node[] };
  return typeof slot.assignedNodes === 'function' ? slot.assignedNodes() : undefined;
}

/** The body of a frame's document when it can be read (same origin, loaded); a cross-origin frame gives null. */
function frameBodyOf(el: Element): HTMLElement | undefined {
  try {
    return (el as { contentDocument?: Document | null }).contentDocument?.body ?? undefined;
  } catch {
    return undefined;
  }
}

function isPruned(el: Element, tag: string): boolean {
  if (tag === 'IFRAME') return frameBodyOf(el) === undefined || el.hasAttribute('hidden');
  if (PRUNED_TAGS.has(tag)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role && PRUNED_ROLES.has(role)) return true;
  if (tag === 'BODY' || tag === 'HTML' || tag === 'ARTICLE' || tag === 'MAIN') return false;
  const hints = classAndId(el);
  return hints !== '' && UNLIKELY.test(hints) && !MAYBE_CONTENT.test(hints);
}

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

/** Non-space characters in `s`, counted up to `cap` (enough to decide, without scanning a huge text). */
function nonSpaceLength(s: string, cap: number): number {
  let n = 0;
  for (let i = 0; i < s.length && n < cap; i++) if (s.charCodeAt(i) > 32) n++;
  return n;
}

function countCommas(s: string): number {
  let n = 0;
  for (let i = s.indexOf(','); i !== -1; i = s.indexOf(',', i + 1)) n++;
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

  // 1. Walk.
  /** Shadow roots and frame documents the walk entered, with the element that shows them. */
  const hosts = new Map<Node, Element>();
  /** The element a node is shown in: its parent, a shadow root's host, a frame document's frame. */
  const parentOf = (n: Node): Element | null => {
    const parent = n.parentNode;
    if (!parent) return null;
    if (parent.nodeType === ELEMENT) return parent as Element;
    return hosts.get(parent) ?? null;
  };
  const pieces: Piece[] = [];
  const blocks = new Map<Element, BlockStats>();
  const blockStack: Element[] = [body];
  let linkDepth = 0;
  let visited = 0;
  const pushSep = (sep: string, block: Element) => pieces.push({ node: undefined, sep, block });

  const enter = (el: Element, tag: string) => {
    const block = blockStack[blockStack.length - 1]!;
    if (tag === 'A') linkDepth++;
    if (tag === 'TR') pushSep('\n|', block);
    else if (CELL_TAGS.has(tag)) pushSep(' ', block);
    else if (BLOCK_TAGS.has(tag)) pushSep('\n', block);
    if (BLOCK_TAGS.has(tag) || CELL_TAGS.has(tag)) blockStack.push(el);
  };
  const leave = (el: Element, tag: string) => {
    if (tag === 'A') linkDepth--;
    if (blockStack[blockStack.length - 1] === el && blockStack.length > 1) blockStack.pop();
    const block = blockStack[blockStack.length - 1]!;
    if (CELL_TAGS.has(tag)) pushSep(' |', block);
    else if (BLOCK_TAGS.has(tag)) pushSep('\n', block);
  };

  // The walk follows the page as rendered: an open shadow root's tree in place of its host's
  // light children, a slot's assigned nodes in place of its fallback, and a same-origin frame's
  // body inside the frame. A frame of the walk is one element whose children are being visited.
  interface WalkFrame {
    el: Element;
    tag: string;
    /** Children given as a list (a slot's assigned nodes), else the sibling chain from `node`. */
    list: readonly Node[] | undefined;
    index: number;
    node: Node | null;
  }
  const frameOf = (el: Element, tag: string): WalkFrame => {
    const root = shadowRootOf(el);
    if (root) hosts.set(root, el);
    const assigned = tag === 'SLOT' ? assignedNodesOf(el) : undefined;
    if (assigned?.length) return { el, tag, list: assigned, index: 0, node: assigned[0]! };
    const frameBody = tag === 'IFRAME' ? frameBodyOf(el) : undefined;
    if (frameBody?.ownerDocument) hosts.set(frameBody.ownerDocument, el);
    return { el, tag, list: undefined, index: 0, node: (root ?? frameBody ?? el).firstChild };
  };
  const advance = (f: WalkFrame) => {
    f.node = f.list ? (f.list[++f.index] ?? null) : (f.node?.nextSibling ?? null);
  };
  const walk: WalkFrame[] = [frameOf(body, tagOf(body))];
  while (walk.length) {
    const frame = walk[walk.length - 1]!;
    const node = frame.node;
    if (!node) {
      walk.pop();
      if (walk.length) {
        leave(frame.el, frame.tag);
        advance(walk[walk.length - 1]!);
      }
      continue;
    }
    if (++visited % NODES_PER_STEP === 0) yield;
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      const text = node as Text;
      const data = text.data;
      const block = blockStack[blockStack.length - 1]!;
      if (data.trim() === '') {
        if (data.length) pushSep(' ', block);
      } else {
        pieces.push({ node: text, sep: '', block });
        let stats = blocks.get(block);
        if (!stats) blocks.set(block, (stats = { chars: 0, linkChars: 0, commas: 0 }));
        stats.chars += data.length;
        if (linkDepth > 0) stats.linkChars += data.length;
        stats.commas += countCommas(data);
      }
    } else if (node.nodeType === ELEMENT) {
      const el = node as Element;
      const tag = tagOf(el);
      if (!isPruned(el, tag)) {
        enter(el, tag);
        walk.push(frameOf(el, tag));
        continue;
      }
    }
    advance(frame);
  }

  // 2. Score ancestors of paragraph-like blocks.
  const candidates = new Map<Element, Candidate>();
  let step = 0;
  for (const [block, stats] of blocks) {
    if (++step % NODES_PER_STEP === 0) yield;
    let el: Element | null = block;
    const score = stats.chars >= MIN_PARAGRAPH && stats.linkChars / stats.chars < 0.5 ? 1 + stats.commas + Math.min(Math.floor(stats.chars / 100), 3) : 0;
    for (let level = 0; level <= SCORE_LEVELS && el; level++) {
      // Level 0 is the block itself: it counts its own text but scores only from its children,
      // so a lone long paragraph does not outscore the container holding all paragraphs.
      let c = candidates.get(el);
      if (!c) candidates.set(el, (c = { score: initialScore(el), chars: 0, linkChars: 0 }));
      c.chars += stats.chars;
      c.linkChars += stats.linkChars;
      if (level > 0) c.score += score / (level === 1 ? 1 : level === 2 ? 2 : level * 3);
      el = parentOf(el);
    }
  }

  let top: Element | undefined;
  let topScore = -Infinity;
  const finalScore = (c: Candidate) => c.score * (1 - (c.chars ? c.linkChars / c.chars : 0));
  for (const [el, c] of candidates) {
    if (c.chars < MIN_PARAGRAPH) continue;
    const s = finalScore(c);
    if (s > topScore) {
      topScore = s;
      top = el;
    }
  }

  // The article: the top candidate and the siblings that belong with it.
  const roots = new Set<Element>();
  if (top && topScore > 0) {
    roots.add(top);
    const parent = top.parentNode;
    if (parent && top !== body) {
      const threshold = Math.max(10, topScore * 0.2);
      for (let sib = parent.firstChild; sib; sib = sib.nextSibling) {
        if (sib === top || sib.nodeType !== ELEMENT) continue;
        const el = sib as Element;
        const c = candidates.get(el);
        if (!c) continue;
        const density = c.chars ? c.linkChars / c.chars : 1;
        if (finalScore(c) >= threshold || (tagOf(el) === 'P' && c.chars > 80 && density < 0.25)) roots.add(el);
      }
    }
  }

  // 3. Compose the text from the pieces inside the article (or from all pieces).
  const inArticle = new Map<Node, boolean>();
  const isInside = (el: Element): boolean => {
    const path: Node[] = [];
    let n: Node | null = el;
    let found = false;
    while (n) {
      const known = inArticle.get(n);
      if (known !== undefined) {
        found = known;
        break;
      }
      path.push(n);
      if (roots.has(n as Element)) {
        found = true;
        break;
      }
      n = parentOf(n);
    }
    for (const p of path) inArticle.set(p, found);
    return found;
  };

  function* compose(filter: boolean): Generator<void, ExtractedText, void> {
    const parts: string[] = [];
    const segments: TextSegment[] = [];
    let length = 0;
    let last = '';
    for (let i = 0; i < pieces.length; i++) {
      if (i % NODES_PER_STEP === NODES_PER_STEP - 1) yield;
      const p = pieces[i]!;
      if (filter && !isInside(p.block)) continue;
      if (p.node) {
        const data = p.node.data;
        segments.push({ node: p.node, start: length, end: length + data.length });
        parts.push(data);
        length += data.length;
        last = data;
        continue;
      }
      // Separators: none at the start, no doubled line breaks, no space after whitespace.
      let sep = p.sep;
      if (sep === ' ') {
        if (last === '' || /\s$/.test(last)) continue;
      } else if (sep === '\n') {
        if (length === 0 || last.endsWith('\n')) continue;
      } else if (sep === '\n|' && (length === 0 || last.endsWith('\n'))) {
        sep = '|';
      }
      parts.push(sep);
      length += sep.length;
      last = sep;
    }
    return { text: parts.join(''), title, segments };
  }

  if (roots.size) {
    const article = yield* compose(true);
    if (nonSpaceLength(article.text, MIN_ARTICLE) >= MIN_ARTICLE) return article;
  }
  return yield* compose(false);
}

/** Extracts the article text in one go (the CLI, tests, small pages). */
export function extractArticle(doc: Document): ExtractedText {
  const steps = extractArticleSteps(doc);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Maps a range of offsets in the extracted text back to DOM positions: the text node and offset of
 * its start and end. Undefined when the range falls outside the text nodes (e.g. on a separator).
 * `segments` must be sorted by `start`, as `extractArticle` returns them.
 */
export function locateRange(
  segments: readonly TextSegment[],
  start: number,
  end: number,
): { startNode: Text; startOffset: number; endNode: Text; endOffset: number } | undefined {
  const find = (offset: number, isEnd: boolean): TextSegment | undefined => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = segments[mid]!;
      if (isEnd ? offset <= s.start : offset < s.start) hi = mid - 1;
      else if (isEnd ? offset > s.end : offset >= s.end) lo = mid + 1;
      else return s;
    }
    return undefined;
  };
  if (end <= start) return undefined;
  const a = find(start, false);
  const b = find(end, true);
  if (!a || !b) return undefined;
  return { startNode: a.node, startOffset: start - a.start, endNode: b.node, endOffset: end - b.start };
}
