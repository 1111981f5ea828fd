/**
 * One tokenisation pass shared by the detectors. A token is a run of letters, digits and combining
 * marks with optional inner apostrophes ("don't"), or a single punctuation or symbol character, so
 * phrase matching can be punctuation-aware ("embrace:" is two tokens, and "vision. And" never
 * matches a phrase "vision and"). Whitespace separates tokens and is not a token.
 *
 * Every pattern here is linear: the word class and the apostrophe group cannot match the same
 * character, so there is nothing to backtrack into.
 */
const TOKEN = /([\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*)|[^\s\p{L}\p{N}\p{M}]/gu;

export interface Tokens {
  count: number;
  /** Code-unit offsets into the original text; `end` exclusive. */
  starts: Int32Array;
  ends: Int32Array;
  /** Lower-cased token text with ’ folded to ', for matching. */
  norms: string[];
  /** 1 for word tokens, 0 for punctuation and symbols. */
  isWord: Uint8Array;
  /** Number of word tokens. */
  words: number;
}

/** Normalises a token the way `tokenize` does: lower case, curly apostrophe folded. */
export function normaliseToken(token: string): string {
  const lower = token.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/** Splits a phrase into normalised tokens, exactly as text is split, so lexicon and text agree. */
export function phraseTokens(phrase: string): string[] {
  return Array.from(phrase.matchAll(TOKEN), (m) => normaliseToken(m[0]));
}

export function tokenize(text: string): Tokens {
  let capacity = Math.max(16, Math.ceil(text.length / 5));
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let isWord = new Uint8Array(capacity);
  const norms: string[] = [];
  // Lower-casing the whole text once is cheaper than per token, but only valid when it keeps every
  // offset (e.g. 'İ' lower-cases to two code units); otherwise lower-case per token.
  const lowered = text.toLowerCase();
  const sameLength = lowered.length === text.length;
  let count = 0;
  let words = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    if (count === capacity) {
      capacity *= 2;
      starts = grow(starts, capacity);
      ends = grow(ends, capacity);
      const w = new Uint8Array(capacity);
      w.set(isWord);
      isWord = w;
    }
    const start = m.index;
    const end = start + m[0].length;
    starts[count] = start;
    ends[count] = end;
    const raw = sameLength ? lowered.slice(start, end) : m[0].toLowerCase();
    norms.push(raw.includes('’') ? raw.replace(/’/g, "'") : raw);
    const word = m[1] === undefined ? 0 : 1;
    isWord[count] = word;
    words += word;
    count++;
  }
  return { count, starts, ends, norms, isWord, words };
}

function grow(a: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(capacity);
  b.set(a);
  return b;
}
