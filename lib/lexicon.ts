import { phraseTokens, type Tokens } from './tokenize';

/**
 * Token context that must hold around a phrase for it to count. Tokens are normalised
 * (lower case, punctuation as single-character tokens). `prev*` looks at the token just before
 * the phrase, `next*` at the token just after it; a missing token (start or end of text) satisfies
 * every `*None` and no `*Any`.
 */
export interface LexiconContext {
  prevAny?: string[];
  prevNone?: string[];
  nextAny?: string[];
  nextNone?: string[];
}

/** One entry of the shipped lexicon data file (lib/data/lexicon.json). */
export interface LexiconEntry {
  /** The spun wording, as it appears in text (matching is case-insensitive). */
  phrase: string;
  /** The wording it probably replaced; several when the spin is ambiguous. */
  original: string[];
  /** How much one occurrence says, 0..1: ~1 never occurs in honest text, ~0.1 is ordinary English that only counts in bulk. */
  weight: number;
  /** Where the entry came from (a key of the data file's `sources`). */
  source: string;
  /** When the phrase is only suspicious in some contexts. */
  context?: LexiconContext;
}

export interface LexiconData {
  version: 1;
  /** Source key → description and credit. */
  sources: Record<string, string>;
  entries: LexiconEntry[];
}

interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  /** Entries that end at this node (more than one only when contexts differ). */
  entries: CompiledEntry[] | undefined;
}

interface CompiledEntry {
  id: number;
  entry: LexiconEntry;
  length: number;
  prevAny?: Set<string>;
  prevNone?: Set<string>;
  nextAny?: Set<string>;
  nextNone?: Set<string>;
}

export interface LexiconMatch {
  /** Index of the entry in the lexicon's `entries`. */
  id: number;
  entry: LexiconEntry;
  /** Token range [first, last] inclusive. */
  firstToken: number;
  lastToken: number;
  start: number;
  end: number;
}

export interface CompiledLexicon {
  size: number;
  entries: readonly LexiconEntry[];
  match(tokens: Tokens): LexiconMatch[];
}

const toSet = (a: string[] | undefined) => (a && a.length ? new Set(a.map((t) => t.toLowerCase())) : undefined);

/**
 * Compiles entries into a token-level trie. Matching is one pass over the tokens: at each token a
 * single Map lookup at the root rejects almost every token (most words start no phrase), and the
 * longest phrase starting there is taken, so matching costs O(tokens × longest phrase).
 */
export function compileLexicon(data: LexiconData): CompiledLexicon {
  const root: TrieNode = { next: new Map(), entries: undefined };
  data.entries.forEach((entry, id) => {
    const toks = phraseTokens(entry.phrase);
    if (toks.length === 0) return;
    let node = root;
    for (const t of toks) {
      node.next ??= new Map();
      let child = node.next.get(t);
      if (!child) {
        child = { next: undefined, entries: undefined };
        node.next.set(t, child);
      }
      node = child;
    }
    const c: CompiledEntry = { id, entry, length: toks.length };
    const ctx = entry.context;
    if (ctx) {
      c.prevAny = toSet(ctx.prevAny);
      c.prevNone = toSet(ctx.prevNone);
      c.nextAny = toSet(ctx.nextAny);
      c.nextNone = toSet(ctx.nextNone);
    }
    (node.entries ??= []).push(c);
  });

  function contextHolds(c: CompiledEntry, tokens: Tokens, first: number, last: number): boolean {
    const prev = first > 0 ? tokens.norms[first - 1] : undefined;
    const next = last + 1 < tokens.count ? tokens.norms[last + 1] : undefined;
    if (c.prevAny && (prev === undefined || !c.prevAny.has(prev))) return false;
    if (c.prevNone && prev !== undefined && c.prevNone.has(prev)) return false;
    if (c.nextAny && (next === undefined || !c.nextAny.has(next))) return false;
    if (c.nextNone && next !== undefined && c.nextNone.has(next)) return false;
    return true;
  }

  function match(tokens: Tokens): LexiconMatch[] {
    const out: LexiconMatch[] = [];
    const rootNext = root.next!;
    const { norms, count } = tokens;
    let i = 0;
    while (i < count) {
      let node = rootNext.get(norms[i]!);
      if (node === undefined) {
        i++;
        continue;
      }
      let best: CompiledEntry | undefined;
      let bestLast = i;
      let j = i;
      while (node !== undefined) {
        if (node.entries) {
          for (const c of node.entries) {
            if (contextHolds(c, tokens, i, j)) {
              best = c;
              bestLast = j;
              break;
            }
          }
        }
        j++;
        if (j >= count || node.next === undefined) break;
        node = node.next.get(norms[j]!);
      }
      if (best) {
        out.push({
          id: best.id,
          entry: best.entry,
          firstToken: i,
          lastToken: bestLast,
          start: tokens.starts[i]!,
          end: tokens.ends[bestLast]!,
        });
        i = bestLast + 1;
      } else {
        i++;
      }
    }
    return out;
  }

  return { size: data.entries.length, entries: data.entries, match };
}
