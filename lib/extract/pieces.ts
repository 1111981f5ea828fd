/**
 * What the extraction's stages hand on: the walk's record of the page (pieces of text and
 * statistics per block), and the result, text with a map from its offsets back to text nodes.
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

/** One recorded piece of text in document order: a text node or a separator, with the element it sits in. */
export interface Piece {
  /** The text node, or undefined for a separator. */
  node: Text | undefined;
  /** The separator text, when `node` is undefined. */
  sep: string;
  /** Nearest block ancestor (membership in the article is decided on it). */
  block: Element;
}

/** The text a block holds directly (not in nested blocks). */
export interface BlockStats {
  chars: number;
  /** Characters inside links. */
  linkChars: number;
  commas: number;
}

/** Nodes, blocks or pieces handled between two pauses of a stage, so a live page stays responsive. */
export const NODES_PER_STEP = 400;
