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
  /**
   * Match only text written exactly as `phrase` (e.g. lower-case "america" mid-sentence, which edited
   * text never writes, while "America" is ordinary).
   */
  exactCase?: boolean;
}

/**
 * Many spins of one original with one weight and source, stored once: the generated part of the
 * lexicon is mostly this shape, and grouping keeps the file a third of the size.
 */
export interface LexiconGroup {
  original: string;
  weight: number;
  source: string;
  /** As in LexiconEntry: the phrases match only when written exactly so. */
  exactCase?: boolean;
  phrases: string[];
}

export interface LexiconData {
  version: 1;
  /** Source key → description and credit. */
  sources: Record<string, string>;
  entries: LexiconEntry[];
  groups?: LexiconGroup[];
}

/** All entries of a data file, groups expanded, in file order (entries first). */
export function lexiconEntries(data: LexiconData): LexiconEntry[] {
  const out = [...data.entries];
  for (const g of data.groups ?? []) {
    // One `original` array per group, shared by its entries (read-only), saves memory on large groups.
    const original = [g.original];
    for (const phrase of g.phrases) {
      const e: LexiconEntry = { phrase, original, weight: g.weight, source: g.source };
      if (g.exactCase) e.exactCase = true;
      out.push(e);
    }
  }
  return out;
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
  exactCase: boolean;
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
  /** Matches in `tokens`, which must come from tokenising `text`. */
  match(tokens: Tokens, text: string): LexiconMatch[];
}

/** Words of ASCII letters and digits separated by single spaces: their tokens are the lower-cased words, found without the tokeniser's regex (most entries are such). */
const PLAIN_PHRASE = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

const toSet = (a: string[] | undefined) => (a && a.length ? new Set(a.map((t) => t.toLowerCase())) : undefined);

/**
 * Compiles entries into a token-level trie. Matching is one pass over the tokens: at each token a
 * single Map lookup at the root rejects almost every token (most words start no phrase), and the
 * longest phrase starting there is taken, so matching costs O(tokens × longest phrase).
 */
export function compileLexicon(data: LexiconData): CompiledLexicon {
  const root: TrieNode = { next: new Map(), entries: undefined };
  const all = lexiconEntries(data);
  all.forEach((entry, id) => {
    const toks = PLAIN_PHRASE.test(entry.phrase) ? entry.phrase.toLowerCase().split(' ') : phraseTokens(entry.phrase);
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
    const c: CompiledEntry = { id, entry, length: toks.length, exactCase: entry.exactCase === true };
    const ctx = entry.context;
    if (ctx) {
      c.prevAny = toSet(ctx.prevAny);
      c.prevNone = toSet(ctx.prevNone);
      c.nextAny = toSet(ctx.nextAny);
      c.nextNone = toSet(ctx.nextNone);
    }
    (node.entries ??= []).push(c);
  });

  function contextHolds(c: CompiledEntry, tokens: Tokens, text: string, first: number, last: number): boolean {
    if (c.exactCase && text.slice(tokens.starts[first]!, tokens.ends[last]!) !== c.entry.phrase) return false;
    const prev = first > 0 ? tokens.norms[first - 1] : undefined;
    const next = last + 1 < tokens.count ? tokens.norms[last + 1] : undefined;
    if (c.prevAny && (prev === undefined || !c.prevAny.has(prev))) return false;
    if (c.prevNone && prev !== undefined && c.prevNone.has(prev)) return false;
    if (c.nextAny && (next === undefined || !c.nextAny.has(next))) return false;
    if (c.nextNone && next !== undefined && c.nextNone.has(next)) return false;
    return true;
  }

  function match(tokens: Tokens, text: string): LexiconMatch[] {
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
            if (contextHolds(c, tokens, text, i, j)) {
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

  return { size: all.length, entries: all, match };
}
