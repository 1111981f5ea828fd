/**
 * Generated spin candidates: take the fixed expressions ordinary English uses most (frequent,
 * strongly associated bigrams of the clean corpora, and the thesaurus's own multi-word terms whose
 * words are common), substitute their words the way a spinner does (build.ts chooses the substitutes:
 * substitutions learned from real spinner output), and keep
 * the spins that look like English words put together (every word attested in clean text) but that
 * clean text never puts together. Vetoing against clean text happens in build.ts.
 */
import type { NgramCounts } from './corpus-stats';

/** Function words a spinner leaves alone (and substituting them makes ordinary English). */
export const FUNCTION_WORDS = new Set(
  (
    'a an the of to in on at by for with from and or but nor is are was were be been being am have has had do does did ' +
    'will would can could shall should may might must it its he she they we you i me him her them us my your his their ' +
    'our this that these those there here as if not no so than then which who whom whose what when where why how all ' +
    'any some one also just up out about into over after before each every other such only own same too very s t ' +
    'don let more most much many few both either neither again further once off'
  ).split(' '),
);

export interface Collocation {
  /** The expression as it appears in clean text (lower case). */
  phrase: string;
  /** Its count in the clean references. */
  count: number;
  kind: 'bigram' | 'compound' | 'word';
}

export interface Candidate {
  phrase: string;
  original: string;
  /** How many of the expression's words were replaced. */
  replaced: number;
  collocation: Collocation;
  /** Expected count of the spin in the clean references if its words were independent: high and yet never seen means English avoids it. */
  expected: number;
}

const ALPHA = /^[a-z]+$/;

/**
 * Frequent, fixed bigrams: both words alphabetic, at least one a content word, seen at least
 * `minCount` times, and together far more often than chance (pointwise mutual information).
 */
export function frequentBigrams(c: NgramCounts, minCount: number, minPmi: number): Collocation[] {
  const out: Collocation[] = [];
  for (const [b, n] of c.bigrams) {
    if (n < minCount) continue;
    const [w1, w2] = b.split(' ') as [string, string];
    if (!ALPHA.test(w1) || !ALPHA.test(w2)) continue;
    if (FUNCTION_WORDS.has(w1) || FUNCTION_WORDS.has(w2)) continue;
    const pmi = Math.log2((n * c.words) / (c.unigrams.get(w1)! * c.unigrams.get(w2)!));
    if (pmi >= minPmi) out.push({ phrase: b, count: n, kind: 'bigram' });
  }
  return out;
}

/**
 * The thesaurus's two-word terms ("interest rate", "eastern europe"): fixed expressions by definition,
 * kept when clean text uses them at least `minCount` times.
 */
export function thesaurusCompounds(terms: Iterable<string>, c: NgramCounts, minCount: number): Collocation[] {
  const out: Collocation[] = [];
  for (const term of terms) {
    const words = term.split(' ');
    if (words.length !== 2 || !words.every((w) => ALPHA.test(w) && !FUNCTION_WORDS.has(w))) continue;
    const count = c.bigrams.get(term) ?? 0;
    if (count >= minCount) out.push({ phrase: term, count, kind: 'compound' });
  }
  return out;
}

/** Frequent content words, whose multi-word synonyms a spinner writes ("homeowners" → "house owners"). */
export function frequentWords(c: NgramCounts, minCount: number): Collocation[] {
  const out: Collocation[] = [];
  for (const [w, n] of c.unigrams) if (n >= minCount && ALPHA.test(w) && !FUNCTION_WORDS.has(w)) out.push({ phrase: w, count: n, kind: 'word' });
  return out;
}

/** A word form's substitutes, as a spinner might write them. */
export type Synonyms = (form: string) => Iterable<string>;

/**
 * Spins of one expression: each word replaced by each of its one-word synonyms, and both replaced
 * by their first `bothLimit` synonyms. A spin counts only if every word in it occurs at least
 * `minWordCount` times in clean text: a spinner writes real words, and a spin of obscure words would
 * never match anything. Multi-word and hyphenated synonyms and function words are left out: on
 * clean text the generator had not seen, they make ordinary English ("get back together",
 * "well-balanced diet") far more often than one-word substitutions do (docs/log.md).
 */
export function spinsOf(col: Collocation, synonyms: Synonyms, c: NgramCounts, minWordCount: number, bothLimit: number): Candidate[] {
  const words = col.phrase.split(' ');
  if (col.kind === 'word') return multiWordSpins(col, synonyms, c, minWordCount);
  const attested = (w: string) => ALPHA.test(w) && !FUNCTION_WORDS.has(w) && (c.unigrams.get(w) ?? 0) >= minWordCount;
  const options = words.map((w) => [...synonyms(w)].filter(attested));
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (spun: string[], replaced: number) => {
    const phrase = spun.join(' ');
    if (phrase === col.phrase || seen.has(phrase)) return;
    seen.add(phrase);
    const expected = spun.reduce((p, w) => (p * c.unigrams.get(w)!) / c.words, c.words);
    out.push({ phrase, original: col.phrase, replaced, collocation: col, expected });
  };
  options.forEach((syns, i) => {
    for (const s of syns) add(words.map((w, k) => (k === i ? s : w)), 1);
  });
  if (words.length === 2) {
    // Both replaced ("price level" → "worth degree").
    for (const a of options[0]!.slice(0, bothLimit)) for (const b of options[1]!.slice(0, bothLimit)) add([a, b], 2);
  }
  return out;
}

/**
 * A single word's multi-word synonyms ("technology" → "applied science"), every word attested in
 * clean text and at least one of them a content word.
 */
function multiWordSpins(col: Collocation, synonyms: Synonyms, c: NgramCounts, minWordCount: number): Candidate[] {
  const out: Candidate[] = [];
  for (const syn of synonyms(col.phrase)) {
    const words = syn.split(/[ -]/);
    if (words.length < 2 || words.length > 3 || !words.every((w) => ALPHA.test(w) && (c.unigrams.get(w) ?? 0) >= minWordCount)) continue;
    if (words.every((w) => FUNCTION_WORDS.has(w))) continue;
    const expected = words.reduce((p, w) => (p * c.unigrams.get(w)!) / c.words, c.words);
    out.push({ phrase: syn, original: col.phrase, replaced: words.length, collocation: col, expected });
  }
  return out;
}
