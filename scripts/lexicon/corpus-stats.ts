/**
 * Counting helpers for the lexicon pipeline: word and bigram counts of tokenised texts, and exact
 * phrase counts (every occurrence, overlapping ones included) through a token trie.
 */
import { phraseTokens, tokenize, type Tokens } from '../../lib/tokenize';

export interface NgramCounts {
  words: number;
  unigrams: Map<string, number>;
  /** "w1 w2" for two adjacent word tokens. */
  bigrams: Map<string, number>;
}

export function tokenizeAll(texts: string[]): Tokens[] {
  return texts.map((t) => tokenize(t));
}

export function countNgrams(docs: Tokens[]): NgramCounts {
  const unigrams = new Map<string, number>();
  const bigrams = new Map<string, number>();
  let words = 0;
  for (const t of docs) {
    for (let i = 0; i < t.count; i++) {
      if (!t.isWord[i]) continue;
      words++;
      const w = t.norms[i]!;
      unigrams.set(w, (unigrams.get(w) ?? 0) + 1);
      if (i + 1 < t.count && t.isWord[i + 1]) {
        const b = w + ' ' + t.norms[i + 1]!;
        bigrams.set(b, (bigrams.get(b) ?? 0) + 1);
      }
    }
  }
  return { words, unigrams, bigrams };
}

interface Node {
  next?: Map<string, Node>;
  ids?: number[];
}

/** A set of phrases that can be counted in tokenised texts. */
export class PhraseCounter {
  private root: Node = { next: new Map() };
  readonly size: number;
  constructor(phrases: string[]) {
    this.size = phrases.length;
    phrases.forEach((p, id) => {
      let node = this.root;
      for (const t of phraseTokens(p)) {
        node.next ??= new Map();
        let c = node.next.get(t);
        if (!c) node.next.set(t, (c = {}));
        node = c;
      }
      if (node !== this.root) (node.ids ??= []).push(id);
    });
  }

  /** Occurrences of each phrase in the docs, per doc group (`group(docIndex)` → 0..groups-1). */
  count(docs: Tokens[], groups = 1, group: (doc: number) => number = () => 0): Int32Array[] {
    const out = Array.from({ length: groups }, () => new Int32Array(this.size));
    const rootNext = this.root.next!;
    docs.forEach((t, d) => {
      const counts = out[group(d)]!;
      for (let i = 0; i < t.count; i++) {
        let node = rootNext.get(t.norms[i]!);
        let j = i;
        while (node) {
          if (node.ids) for (const id of node.ids) counts[id]!++;
          j++;
          if (j >= t.count || !node.next) break;
          node = node.next.get(t.norms[j]!);
        }
      }
    });
    return out;
  }
}
