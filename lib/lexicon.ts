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
  /** The index matching reads (`lexiconIndex(data)`), stored by the lexicon build; computed at load when absent. */
  index?: LexiconIndex;
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

/**
 * The entries by their first two normalised tokens joined by a space (the one token of a one-token
 * phrase), in a form that loads without parsing a phrase or building an object per entry: the
 * background loads the lexicon at every start of its service worker. Ids count `entries`, then the
 * groups' phrases, in file order.
 */
export interface LexiconIndex {
  /** The keys, sorted, one per line. */
  keys: string;
  /** Per key, how many entries it lists. */
  counts: number[];
  /** The listed entries' ids, key after key; within a key longest phrase first, then by id. */
  ids: number[];
  /** Per listed id, in the same order, its normalised tokens after the key's, joined by spaces ('' for none), one per line. */
  rests: string;
}

/** An entry as matching reads it once its tokens matched: its context and case to check. */
interface CompiledEntry {
  id: number;
  entry: LexiconEntry;
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
  /** Matches in `tokens`, which must come from tokenising `text`. */
  match(tokens: Tokens, text: string): LexiconMatch[];
}

/** Words of ASCII letters and digits separated by single spaces: their tokens are the lower-cased words, found without the tokeniser's regex (most entries are such). */
const PLAIN_PHRASE = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/** A phrase's normalised tokens, as matching compares them with a text's. */
const tokensOf = (phrase: string) => (PLAIN_PHRASE.test(phrase) ? phrase.toLowerCase().split(' ') : phraseTokens(phrase));

const toSet = (a: string[] | undefined) => (a && a.length ? new Set(a.map((t) => t.toLowerCase())) : undefined);

/** Index keys of one token: the phrases of one token; of two: every longer phrase too. */
const KEY_TOKENS = 2;

/** The index the lexicon build stores (`LexiconData.index`). */
export function lexiconIndex(data: LexiconData): LexiconIndex {
  const byKey = new Map<string, { id: number; tokens: string[] }[]>();
  lexiconEntries(data).forEach((entry, id) => {
    const tokens = tokensOf(entry.phrase);
    if (tokens.length === 0) return;
    const key = tokens.slice(0, KEY_TOKENS).join(' ');
    const list = byKey.get(key);
    if (list) list.push({ id, tokens });
    else byKey.set(key, [{ id, tokens }]);
  });
  const keys: string[] = [];
  const index: LexiconIndex = { keys: '', counts: [], ids: [], rests: '' };
  const rests: string[] = [];
  for (const [key, list] of [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    keys.push(key);
    index.counts.push(list.length);
    for (const e of list.sort((a, b) => b.tokens.length - a.tokens.length || a.id - b.id)) {
      index.ids.push(e.id);
      rests.push(e.tokens.slice(KEY_TOKENS).join(' '));
    }
  }
  index.keys = keys.join('\n');
  index.rests = rests.join('\n');
  return index;
}

/** The entry with an id of the index, without expanding every group: ids past `entries` fall into the groups in order. */
function entryReader(data: LexiconData): { size: number; entry(id: number): LexiconEntry } {
  const groups = data.groups ?? [];
  const groupStarts = new Int32Array(groups.length + 1);
  groupStarts[0] = data.entries.length;
  groups.forEach((g, k) => (groupStarts[k + 1] = groupStarts[k]! + g.phrases.length));
  // One `original` array per group, shared by its entries (read-only).
  const originals: (string[] | undefined)[] = new Array(groups.length);
  return {
    size: groupStarts[groups.length]!,
    entry(id) {
      if (id < data.entries.length) return data.entries[id]!;
      let lo = 0;
      let hi = groups.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (groupStarts[mid]! <= id) lo = mid;
        else hi = mid - 1;
      }
      const g = groups[lo]!;
      const e: LexiconEntry = { phrase: g.phrases[id - groupStarts[lo]!]!, original: (originals[lo] ??= [g.original]), weight: g.weight, source: g.source };
      if (g.exactCase) e.exactCase = true;
      return e;
    },
  };
}

/**
 * Compiles a lexicon for matching. Entries are found by the page's next two tokens (or one, for
 * one-token phrases) through the index: the data's own, stored by the lexicon build, because the
 * background loads the lexicon at every start of its service worker and this way reads no phrase
 * until one matches. Each index list is ordered longest phrase first, so the first listed entry whose
 * tokens and context hold is the longest phrase starting at that token. Matching costs a Map lookup
 * per token (two where a phrase of several tokens starts with it).
 */
export function compileLexicon(data: LexiconData): CompiledLexicon {
  const index = data.index ?? lexiconIndex(data);
  const rests = index.rests.split('\n');
  /** Key → its number, whose entries are at [keyStarts[k], keyStarts[k + 1]) of `index.ids` and `rests`. */
  const byKey = new Map<string, number>();
  const keyStarts = new Int32Array(index.counts.length + 1);
  /** First tokens of the phrases of several tokens, whose two-token keys are worth forming. */
  const startsLonger = new Set<string>();
  index.keys.split('\n').forEach((key, k) => {
    byKey.set(key, k);
    keyStarts[k + 1] = keyStarts[k]! + index.counts[k]!;
    const space = key.indexOf(' ');
    if (space > 0) startsLonger.add(key.slice(0, space));
  });
  const reader = entryReader(data);
  const compiled = new Map<number, CompiledEntry>();
  function compiledEntry(id: number): CompiledEntry {
    let c = compiled.get(id);
    if (c) return c;
    const entry = reader.entry(id);
    c = { id, entry, exactCase: entry.exactCase === true };
    const ctx = entry.context;
    if (ctx) {
      c.prevAny = toSet(ctx.prevAny);
      c.prevNone = toSet(ctx.prevNone);
      c.nextAny = toSet(ctx.nextAny);
      c.nextNone = toSet(ctx.nextNone);
    }
    compiled.set(id, c);
    return c;
  }

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
    const { norms, count } = tokens;
    /** The page's tokens from `from` joined like an index entry's rest: following[n] holds n of them. */
    const following: string[] = [''];
    /** The first entry of key k (the tokens before `from`) whose further tokens and context hold at i; sets `last`. */
    let last = 0;
    const firstHolding = (k: number, i: number, from: number): CompiledEntry | undefined => {
      following.length = 1;
      for (let at = keyStarts[k]!; at < keyStarts[k + 1]!; at++) {
        const rest = rests[at]!;
        // The page's joined tokens grow longer with each token, so only the first at least as long as
        // the rest can equal it.
        let n = 0;
        while (following[n]!.length < rest.length && from + n < count) {
          n++;
          if (n === following.length) following.push(n === 1 ? norms[from]! : `${following[n - 1]!} ${norms[from + n - 1]!}`);
        }
        if (following[n] !== rest) continue;
        const c = compiledEntry(index.ids[at]!);
        if (contextHolds(c, tokens, text, i, from + n - 1)) {
          last = from + n - 1;
          return c;
        }
      }
      return undefined;
    };
    let i = 0;
    while (i < count) {
      const first = norms[i]!;
      const longer = i + 1 < count && startsLonger.has(first) ? byKey.get(`${first} ${norms[i + 1]!}`) : undefined;
      const single = byKey.get(first);
      const best = (longer !== undefined ? firstHolding(longer, i, i + 2) : undefined) ?? (single !== undefined ? firstHolding(single, i, i + 1) : undefined);
      if (!best) {
        i++;
        continue;
      }
      out.push({ id: best.id, entry: best.entry, firstToken: i, lastToken: last, start: tokens.starts[i]!, end: tokens.ends[last]! });
      i = last + 1;
    }
    return out;
  }

  return { size: reader.size, match };
}
