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

/**
 * Character classes for the hand-written scanner, cached per UTF-16 unit: 0 unknown, 1 word
 * (letter, digit, mark), 2 whitespace, 3 other. ASCII is decided inline; the rest once per
 * distinct character, from the same Unicode classes as the TOKEN regex.
 */
const WORD_CLASS = /[\p{L}\p{N}\p{M}]/u;
const SPACE_CLASS = /\s/;
const classes = new Uint8Array(65536);
function classOf(c: number): number {
  if (c < 128) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return 1;
    return c === 32 || (c >= 9 && c <= 13) ? 2 : 3;
  }
  let k = classes[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = WORD_CLASS.test(ch) ? 1 : SPACE_CLASS.test(ch) ? 2 : 3;
    classes[c] = k;
  }
  return k;
}
/** Class of the code point at i, and how many units it takes (astral characters take two). */
function isWordAt(s: string, i: number, c: number): number {
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return WORD_CLASS.test(s.slice(i, i + 2)) ? 2 : 0;
  }
  return classOf(c) === 1 ? 1 : 0;
}

/**
 * A hand-written scanner equivalent to the TOKEN regex (phraseTokens uses the regex; the tests
 * check they agree): about twice as fast as regex matching on large pages, which matters because
 * this pass is most of the engine's cost.
 */
export function tokenize(text: string): Tokens {
  let capacity = Math.max(16, Math.ceil(text.length / 5));
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let isWord = new Uint8Array(capacity);
  const norms: string[] = [];
  const vocabulary = new Map<string, string>();
  // Lower-casing the whole text once is cheaper than per token, but only valid when it keeps every
  // offset (e.g. 'İ' lower-cases to two code units); otherwise lower-case per token.
  const lowered = text.toLowerCase();
  const sameLength = lowered.length === text.length;
  const n = text.length;
  let count = 0;
  let words = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let width = isWordAt(text, i, c);
    const start = i;
    let word = 0;
    let curly = false;
    if (width > 0) {
      word = 1;
      i += width;
      while (i < n) {
        const d = text.charCodeAt(i);
        width = isWordAt(text, i, d);
        if (width > 0) {
          i += width;
        } else if ((d === 39 || d === 0x2019) && i + 1 < n && isWordAt(text, i + 1, text.charCodeAt(i + 1)) > 0) {
          if (d === 0x2019) curly = true;
          i++;
        } else break;
      }
    } else {
      if (classOf(c) === 2) {
        i++;
        continue;
      }
      // One punctuation or symbol character (a whole surrogate pair when astral).
      curly = c === 0x2019;
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    }
    if (count === capacity) {
      capacity *= 2;
      starts = grow(starts, capacity);
      ends = grow(ends, capacity);
      const w = new Uint8Array(capacity);
      w.set(isWord);
      isWord = w;
    }
    starts[count] = start;
    ends[count] = i;
    const raw = sameLength ? lowered.slice(start, i) : text.slice(start, i).toLowerCase();
    const norm = curly ? raw.replace(/’/g, "'") : raw;
    // Interned: a page repeats a small vocabulary, so keeping one string per distinct token (not
    // one per occurrence) keeps the retained heap near the vocabulary's size and spares the
    // garbage collector millions of old-generation strings on large pages.
    let interned = vocabulary.get(norm);
    if (interned === undefined) {
      interned = norm;
      vocabulary.set(norm, norm);
    }
    norms.push(interned);
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
