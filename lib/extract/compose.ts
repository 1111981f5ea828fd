import { NODES_PER_STEP, type ExtractedText, type Piece, type TextSegment } from './pieces';
import { renderedParentOf, type Hosts } from './rendered-tree';

/**
 * Stage 3, composing: the text from the recorded pieces (those in the article, or all of them),
 * with each text node's offsets. Text node data is copied verbatim, so
 * `text.slice(seg.start, seg.end) === seg.node.data`; separators belong to no node.
 */

/** A test of whether a block lies inside the article (`roots` or below them), remembered for every element on the way up. */
export function insideArticle(roots: Set<Element>, hosts: Hosts): (block: Element) => boolean {
  const known = new Map<Node, boolean>();
  return (block) => {
    const path: Node[] = [];
    let n: Node | null = block;
    let inside = false;
    while (n) {
      const answer = known.get(n);
      if (answer !== undefined) {
        inside = answer;
        break;
      }
      path.push(n);
      if (roots.has(n as Element)) {
        inside = true;
        break;
      }
      n = renderedParentOf(hosts, n);
    }
    for (const p of path) known.set(p, inside);
    return inside;
  };
}

/**
 * The separator to write after `last` (the last piece written) when the text is `length` long,
 * or undefined for none: none at the start, no doubled line breaks, no space after whitespace,
 * and a table row that starts a line starts with its border.
 */
function separatorAfter(sep: string, last: string, length: number): string | undefined {
  if (sep === ' ') return last === '' || /\s$/.test(last) ? undefined : sep;
  if (sep === '\n') return length === 0 || last.endsWith('\n') ? undefined : sep;
  if (sep === '\n|' && (length === 0 || last.endsWith('\n'))) return '|';
  return sep;
}

/** The text of the pieces whose block passes `include` (all when it is undefined); pauses every NODES_PER_STEP pieces. */
export function* composeText(pieces: readonly Piece[], title: string, include?: (block: Element) => boolean): Generator<void, ExtractedText, void> {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let last = '';
  for (let i = 0; i < pieces.length; i++) {
    if (i % NODES_PER_STEP === NODES_PER_STEP - 1) yield;
    const p = pieces[i]!;
    if (include && !include(p.block)) continue;
    const written = p.node ? p.node.data : separatorAfter(p.sep, last, length);
    if (written === undefined) continue;
    if (p.node) segments.push({ node: p.node, start: length, end: length + written.length });
    parts.push(written);
    length += written.length;
    last = written;
  }
  return { text: parts.join(''), title, segments };
}
