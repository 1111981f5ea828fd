import { NODES_PER_STEP, type BlockStats, type Piece } from './pieces';
import { isPruned } from './prune';
import { assignedNodesOf, CDATA_SECTION_NODE, ELEMENT_NODE, frameBodyOf, shadowRootOf, tagOf, TEXT_NODE, type Hosts } from './rendered-tree';

/**
 * Stage 1, the walk: one iterative pass over the page as rendered (an open shadow root's tree in
 * place of its host's light children, a slot's assigned nodes in place of its fallback, a
 * same-origin frame's body inside the frame), skipping pruned subtrees. It records each text node
 * with its nearest block element, the separators between blocks (line breaks, table cell
 * borders), and how much text, link text and commas each block holds.
 */

/** Elements that break a line: text on either side is not one sentence. */
const BLOCK_TAGS = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'SECTION',
  'ARTICLE', 'MAIN', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'CAPTION', 'FIGURE', 'FIGCAPTION', 'ADDRESS', 'HR', 'BR', 'BODY',
  'DETAILS', 'SUMMARY', 'CENTER', 'IFRAME',
]);
const CELL_TAGS = new Set(['TD', 'TH']);

/** What the walk found. */
export interface WalkedPage {
  pieces: Piece[];
  /** Text statistics of every block that directly holds text, in document order. */
  blocks: Map<Element, BlockStats>;
  hosts: Hosts;
}

/** The walk's record so far, and where in the tree it is. */
interface WalkRecord extends WalkedPage {
  /** The open block elements, innermost last; the body at the bottom. */
  blockStack: Element[];
  /** How many links the walk is inside. */
  linkDepth: number;
}

/** One element whose children are being visited. */
interface WalkFrame {
  el: Element;
  tag: string;
  /** Children given as a list (a slot's assigned nodes), else the sibling chain from `node`. */
  list: readonly Node[] | undefined;
  index: number;
  node: Node | null;
}

const currentBlock = (record: WalkRecord): Element => record.blockStack[record.blockStack.length - 1]!;

function addSeparator(record: WalkRecord, sep: string): void {
  record.pieces.push({ node: undefined, sep, block: currentBlock(record) });
}

function countCommas(s: string): number {
  let n = 0;
  for (let i = s.indexOf(','); i !== -1; i = s.indexOf(',', i + 1)) n++;
  return n;
}

/** A text node: a piece counted in its block's statistics, or a space when it is only whitespace. */
function recordText(record: WalkRecord, text: Text): void {
  const data = text.data;
  const block = currentBlock(record);
  if (data.trim() === '') {
    if (data.length) addSeparator(record, ' ');
    return;
  }
  record.pieces.push({ node: text, sep: '', block });
  let stats = record.blocks.get(block);
  if (!stats) record.blocks.set(block, (stats = { chars: 0, linkChars: 0, commas: 0 }));
  stats.chars += data.length;
  if (record.linkDepth > 0) stats.linkChars += data.length;
  stats.commas += countCommas(data);
}

/** The separator before an element's content, and the element as the new block when it is one. */
function enterElement(record: WalkRecord, el: Element, tag: string): void {
  if (tag === 'A') record.linkDepth++;
  if (tag === 'TR') addSeparator(record, '\n|');
  else if (CELL_TAGS.has(tag)) addSeparator(record, ' ');
  else if (BLOCK_TAGS.has(tag)) addSeparator(record, '\n');
  if (BLOCK_TAGS.has(tag) || CELL_TAGS.has(tag)) record.blockStack.push(el);
}

/** The separator after an element's content, in the block around it. */
function leaveElement(record: WalkRecord, el: Element, tag: string): void {
  if (tag === 'A') record.linkDepth--;
  if (currentBlock(record) === el && record.blockStack.length > 1) record.blockStack.pop();
  if (CELL_TAGS.has(tag)) addSeparator(record, ' |');
  else if (BLOCK_TAGS.has(tag)) addSeparator(record, '\n');
}

/** The children an element shows: its shadow tree, a slot's assigned nodes, a frame's body, or its own children. */
function childrenShown(hosts: Hosts, el: Element, tag: string): WalkFrame {
  const root = shadowRootOf(el);
  if (root) hosts.set(root, el);
  const assigned = tag === 'SLOT' ? assignedNodesOf(el) : undefined;
  if (assigned?.length) return { el, tag, list: assigned, index: 0, node: assigned[0]! };
  const frameBody = tag === 'IFRAME' ? frameBodyOf(el) : undefined;
  if (frameBody?.ownerDocument) hosts.set(frameBody.ownerDocument, el);
  return { el, tag, list: undefined, index: 0, node: (root ?? frameBody ?? el).firstChild };
}

function nextChild(frame: WalkFrame): void {
  frame.node = frame.list ? (frame.list[++frame.index] ?? null) : (frame.node?.nextSibling ?? null);
}

/** Walks the page from `body`, pausing every NODES_PER_STEP nodes. */
export function* walkPage(body: Element): Generator<void, WalkedPage, void> {
  const record: WalkRecord = { pieces: [], blocks: new Map(), hosts: new Map(), blockStack: [body], linkDepth: 0 };
  const stack: WalkFrame[] = [childrenShown(record.hosts, body, tagOf(body))];
  let visited = 0;
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    const node = frame.node;
    if (!node) {
      stack.pop();
      if (stack.length) {
        leaveElement(record, frame.el, frame.tag);
        nextChild(stack[stack.length - 1]!);
      }
      continue;
    }
    if (++visited % NODES_PER_STEP === 0) yield;
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      recordText(record, node as Text);
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      const tag = tagOf(el);
      if (!isPruned(el, tag)) {
        enterElement(record, el, tag);
        stack.push(childrenShown(record.hosts, el, tag));
        continue;
      }
    }
    nextChild(frame);
  }
  return { pieces: record.pieces, blocks: record.blocks, hosts: record.hosts };
}
