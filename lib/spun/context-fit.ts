import type { Tokens } from '../tokenize';
import type { SpunModel } from './model';

/**
 * Contextual fit: a spinner swaps a word for a thesaurus synonym that its context rejects, so a spun
 * page has many words the language model finds unlikely in place while one of the word's synonyms
 * fits the same place far better ("Jap Europe" → Eastern, "homeland safety" → security).
 *
 * For each word the model can judge, the window the word affects — the three trigrams that contain
 * it — is scored with the word and with each synonym:
 *
 *     gain(s)        = ln P(window with s) − ln P(window with w)
 *     commonGain(s)  = gain(s) − (ln P(s) − ln P(w))
 *
 * `commonGain` takes out what s gains merely by being a commoner word. The word is an oddity when
 * its best synonym has gain ≥ MIN_GAIN and commonGain ≥ MIN_COMMON_GAIN. Honest text has oddities
 * too, at a base rate; the page statistic (statistic.ts) weighs their number against it.
 *
 * A spinner often swaps both words of a pair ("home flooring" for house floor, "robust assist" for
 * strong support), and then neither word alone is repaired by one synonym: its neighbour is spun
 * too. So two adjacent judged words that the model has never seen together, and that neither is an
 * oddity alone, are tried as a pair: every synonym of the first with every synonym of the second
 * that forms a pair the model knows, scored on the four trigrams that contain either word, by the
 * same two thresholds.
 */
export const MIN_GAIN = 5;
export const MIN_COMMON_GAIN = 3;
/** Synonyms within this much of the best one are offered too ("probably X or Y"). */
const ALTERNATIVE_MARGIN = 1;
const MAX_EXPECTED = 3;
/**
 * A pair's candidates are found by walking the second synonym's list of known predecessors when it
 * is at most this many times longer than the first word's synonyms, and by one filtered look-up per
 * candidate otherwise (a common second word has thousands of predecessors).
 */
const MERGE_FACTOR = 8;

/** Token texts that end a sentence (the next word starts one). */
const SENTENCE_END = new Set(['.', '!', '?', ';', '…']);
const DIGIT = /\d/;

export interface Oddity {
  /** Index of the word's token. */
  token: number;
  /** The likeliest original(s), best first, lower case. */
  expected: string[];
  /** ln of how many times better the best synonym fits the place. */
  gain: number;
  /** The same, less the best synonym's advantage of being a commoner word. */
  commonGain: number;
  /** Which neighbour carries most of the gain: the word before, the word after, or both. */
  side: 'before' | 'after' | 'both';
  /** Token indices of the neighbours, -1 at a boundary. */
  before: number;
  after: number;
}

/** Two adjacent words out of place together, with the pair of synonyms that fits instead. */
export interface PairOddity {
  /** Token indices of the two words. */
  first: number;
  second: number;
  /** The likeliest original pair(s), best first, lower case, as "first second". */
  expected: string[];
  gain: number;
  commonGain: number;
}

export interface ContextFitScan {
  /** Words the model could judge (its vocabulary, not articles, pronouns or auxiliaries). */
  judged: number;
  oddities: Oddity[];
  pairs: PairOddity[];
  /** Tokens read; less than the text's tokens when the page was longer than the signal reads. */
  tokensRead: number;
}

/**
 * The page as runs of model word ids: a run ends at punctuation, digits, a word the model does not
 * know, or a line break; runs that start or end a sentence get the model's sentence markers.
 */
interface Runs {
  /** Model ids, runs separated by -1. */
  ids: Int32Array;
  /** Token index of each entry, -1 for markers and separators. */
  tokens: Int32Array;
  length: number;
}

function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/** A line of at most this many words that does not end a sentence or clause is a heading, a menu or a table-of-contents entry. */
const HEADING_WORDS = 6;
const LINE_END_PUNCTUATION = new Set(['.', '!', '?', ',', ';', ':', '"', '”', ')']);

/**
 * Tokens on heading-like lines: titles, list and contents entries written in Title Case are
 * names and labels, which the model has rarely seen together ("Value Expressions", "Row
 * Constructors") and which are not the running text a spinner rewrites word by word.
 */
function headingTokens(tokens: Tokens, text: string, limit: number): Uint8Array {
  const heading = new Uint8Array(limit);
  let lineStart = 0;
  let words = 0;
  const closeLine = (end: number) => {
    const last = end - 1;
    if (last >= lineStart && words > 0 && words <= HEADING_WORDS && !LINE_END_PUNCTUATION.has(tokens.norms[last]!)) heading.fill(1, lineStart, end);
  };
  for (let k = 0; k < limit; k++) {
    if (k > 0 && lineBreakBetween(text, tokens.ends[k - 1]!, tokens.starts[k]!)) {
      closeLine(k);
      lineStart = k;
      words = 0;
    }
    if (tokens.isWord[k]) words++;
  }
  closeLine(limit);
  return heading;
}

function toRuns(tokens: Tokens, text: string, model: SpunModel, maxTokens: number): Runs {
  const limit = Math.min(tokens.count, maxTokens);
  const heading = headingTokens(tokens, text, limit);
  const ids = new Int32Array(limit * 2 + 4);
  const at = new Int32Array(limit * 2 + 4);
  let n = 0;
  let inRun = false;
  let sentenceStart = true;
  const push = (id: number, token: number) => {
    ids[n] = id;
    at[n++] = token;
  };
  const close = (sentenceEnds: boolean) => {
    if (inRun) {
      if (sentenceEnds) push(model.sentenceEnd, -1);
      push(-1, -1);
    }
    inRun = false;
  };
  for (let k = 0; k < limit; k++) {
    if (k > 0 && lineBreakBetween(text, tokens.ends[k - 1]!, tokens.starts[k]!)) {
      close(true);
      sentenceStart = true;
    }
    const norm = tokens.norms[k]!;
    if (heading[k]) {
      close(false);
      continue;
    }
    if (!tokens.isWord[k] || DIGIT.test(norm)) {
      if (SENTENCE_END.has(norm)) {
        close(true);
        sentenceStart = true;
      } else close(false);
      continue;
    }
    const id = model.id(norm);
    if (id < 0) {
      close(false);
      sentenceStart = false;
      continue;
    }
    if (!inRun) {
      inRun = true;
      if (sentenceStart) push(model.sentenceStart, -1);
    }
    sentenceStart = false;
    push(id, k);
  }
  close(true);
  return { ids, tokens: at, length: n };
}

export function scanContextFit(tokens: Tokens, text: string, model: SpunModel, maxTokens = Infinity): ContextFitScan {
  const runs = toRuns(tokens, text, model, maxTokens);
  const { ids, length } = runs;
  const synonyms = new Uint16Array(model.maxSynonyms);
  const gains = new Float64Array(model.maxSynonyms);
  const oddities: Oddity[] = [];
  /** Run positions of the single oddities, so that a pair scan does not count a place twice. */
  const odd = new Uint8Array(length);
  let judged = 0;
  for (let i = 0; i < length; i++) {
    const w = ids[i]!;
    if (w < 0 || runs.tokens[i]! < 0 || !model.isCentre(w)) continue;
    judged++;
    const b = ids[i - 1] ?? -1;
    const c = ids[i + 1] ?? -1;
    // A word alone between boundaries has no context to be judged by.
    if (b < 0 && c < 0) continue;
    const count = model.synonyms(w, synonyms);
    if (count === 0) continue;
    const a = b >= 0 ? (ids[i - 2] ?? -1) : -1;
    const d = c >= 0 ? (ids[i + 2] ?? -1) : -1;
    // The window's log-probability is left (the word given the two before) + right (the one or two
    // after, given the word); only the terms that contain the word change.
    const leftW = model.logProb(a, b, w);
    const rightW = c >= 0 ? model.logProb(b, w, c) + (d >= 0 ? model.logProb(w, c, d) : 0) : 0;
    // Every synonym's window has log-probability at most 0, so a word whose own window is likelier
    // than e^-MIN_GAIN cannot be out of place.
    if (-(leftW + rightW) < MIN_GAIN) continue;
    const unigramW = model.unigram(w);
    // A synonym without a bigram after b is scored by back-off: its left term is its unigram plus the
    // history's weight, the same for every such synonym.
    const leftHistory = b >= 0 ? model.historyBackoff(a, b) : 0;
    const leftBackoff = b >= 0 ? model.backoff(-1, b) + leftHistory : 0;
    // The last trigram (s c d) has the same bigram (c d) for every synonym: looked up once.
    const cd = d >= 0 ? model.bigram(c, d) : -1;
    let best = -1;
    let bestGain = -Infinity;
    let bestLeft = 0;
    for (let j = 0; j < count; j++) {
      const s = synonyms[j]!;
      gains[j] = -Infinity;
      // Without a bigram beside either neighbour, a synonym's window is all back-off: it can only
      // look better by being a commoner word, which commonGain takes out again.
      const before = b >= 0 ? model.bigram(b, s) : -1;
      const unigramS = model.unigram(s);
      const l = (before >= 0 ? model.logProbAt(a, b, s, before, leftHistory) : unigramS + leftBackoff) - leftW;
      // The right terms are at most 0, so the gain is at most l − rightW: skip what cannot reach either
      // threshold before looking anything up on the right.
      const bound = l - rightW;
      if (bound < MIN_GAIN || bound - (unigramS - unigramW) < MIN_COMMON_GAIN) continue;
      const after = c >= 0 ? model.bigram(s, c) : -1;
      if (before < 0 && after < 0) continue;
      // The histories (b s) and (s c) are the bigrams just looked up: their back-off weights need no search.
      const r = c >= 0 ? model.logProbAt(b, s, c, after, model.bigramBackoff(before)) + (d >= 0 ? model.logProbAt(s, c, d, cd, model.bigramBackoff(after)) : 0) : 0;
      const gain = l + r - rightW;
      if (gain < MIN_GAIN || gain - (unigramS - unigramW) < MIN_COMMON_GAIN) continue;
      gains[j] = gain;
      if (gain > bestGain) {
        bestGain = gain;
        best = j;
        bestLeft = l;
      }
    }
    if (best < 0) continue;
    const s = synonyms[best]!;
    const alternatives: [number, number][] = [];
    for (let j = 0; j < count; j++) if (j !== best && gains[j]! >= bestGain - ALTERNATIVE_MARGIN) alternatives.push([gains[j]!, synonyms[j]!]);
    alternatives.sort((x, y) => y[0] - x[0]);
    const bestRight = bestGain - bestLeft;
    odd[i] = 1;
    oddities.push({
      token: runs.tokens[i]!,
      expected: [s, ...alternatives.slice(0, MAX_EXPECTED - 1).map(([, id]) => id)].map((id) => model.word(id)),
      gain: bestGain,
      commonGain: bestGain - (model.unigram(s) - unigramW),
      side: bestLeft > 2 * bestRight ? 'before' : bestRight > 2 * bestLeft ? 'after' : 'both',
      before: runs.tokens[i - 1] ?? -1,
      after: runs.tokens[i + 1] ?? -1,
    });
  }
  const pairs = scanPairs(runs, odd, model, synonyms);
  const tokensRead = Math.min(tokens.count, maxTokens);
  return { judged, oddities, pairs, tokensRead };
}

function scanPairs(runs: Runs, odd: Uint8Array, model: SpunModel, first: Uint16Array): PairOddity[] {
  const { ids, length } = runs;
  const second = new Uint16Array(model.maxSynonyms);
  const secondUnigram = new Float64Array(model.maxSynonyms);
  const secondLast = new Float64Array(model.maxSynonyms);
  const firstLeft = new Float64Array(model.maxSynonyms);
  const firstCommonLeft = new Float64Array(model.maxSynonyms);
  /** Back-off weights of the histories (b s1) and (s2 c), from the bigrams looked up for the first and last terms. */
  const firstHistory = new Float64Array(model.maxSynonyms);
  const secondAfter = new Int32Array(model.maxSynonyms);
  const found: PairOddity[] = [];
  /** Best candidates of the current pair: [gain, commonGain, s1, s2], strongest first. */
  const best: [number, number, number, number][] = [];
  for (let i = 0; i + 1 < length; i++) {
    const w1 = ids[i]!;
    const w2 = ids[i + 1]!;
    if (w1 < 0 || w2 < 0 || odd[i] || odd[i + 1] || runs.tokens[i]! < 0 || runs.tokens[i + 1]! < 0) continue;
    if (!model.isCentre(w1) || !model.isCentre(w2) || model.hasBigram(w1, w2)) continue;
    const n1 = model.synonyms(w1, first);
    const n2 = n1 ? model.synonyms(w2, second) : 0;
    if (n2 === 0) continue;
    const b = ids[i - 1] ?? -1;
    const a = b >= 0 ? (ids[i - 2] ?? -1) : -1;
    const c = ids[i + 2] ?? -1;
    const d = c >= 0 ? (ids[i + 3] ?? -1) : -1;
    const base = model.logProb(a, b, w1) + model.logProbAt(b, w1, w2, -1) + (c >= 0 ? model.logProb(w1, w2, c) + (d >= 0 ? model.logProb(w2, c, d) : 0) : 0);
    if (-base < MIN_GAIN) continue;
    const unigrams = model.unigram(w1) + model.unigram(w2);
    const cd = c >= 0 && d >= 0 ? model.bigram(c, d) : -1;
    for (let k = 0; k < n2; k++) {
      secondUnigram[k] = model.unigram(second[k]!);
      secondAfter[k] = c >= 0 ? model.bigram(second[k]!, c) : -1;
      secondLast[k] = c >= 0 && d >= 0 ? model.logProbAt(second[k]!, c, d, cd, model.bigramBackoff(secondAfter[k]!)) : 0;
    }
    best.length = 0;
    // Every term is at most 0, so the first and last terms (each depends on one synonym only) bound
    // the gain: candidates that cannot reach either threshold are never looked up.
    let maxLeft = -Infinity;
    const leftHistory = b >= 0 ? model.historyBackoff(a, b) : 0;
    for (let j = 0; j < n1; j++) {
      const s1 = first[j]!;
      const bs1 = b >= 0 ? model.bigram(b, s1) : -1;
      firstHistory[j] = model.bigramBackoff(bs1);
      const left = (b >= 0 ? model.logProbAt(a, b, s1, bs1, leftHistory) : model.unigram(s1)) - base;
      firstLeft[j] = left < MIN_GAIN ? -Infinity : left;
      firstCommonLeft[j] = left - model.unigram(s1) + unigrams - MIN_COMMON_GAIN;
      if (left > maxLeft) maxLeft = left;
    }
    if (maxLeft < MIN_GAIN) continue;
    const consider = (j: number, k: number, xy: number) => {
      const s1 = first[j]!;
      const s2 = second[k]!;
      const gain = firstLeft[j]! + model.logProbAt(b, s1, s2, xy, firstHistory[j]!) + (c >= 0 ? model.logProbAt(s1, s2, c, secondAfter[k]!, model.bigramBackoff(xy)) + secondLast[k]! : 0);
      if (gain < MIN_GAIN) return;
      const commonGain = gain - (model.unigram(s1) + secondUnigram[k]! - unigrams);
      if (commonGain >= MIN_COMMON_GAIN) best.push([gain, commonGain, s1, s2]);
    };
    for (let k = 0; k < n2; k++) {
      if (maxLeft + secondLast[k]! < MIN_GAIN) continue;
      const s2 = second[k]!;
      const lo = model.bigramStart(s2);
      const hi = model.bigramStart(s2 + 1);
      if (hi - lo <= MERGE_FACTOR * n1) {
        // The words known to precede s2 and the first word's synonyms are both sorted by id: one
        // pass over both finds every pair the model knows, reading one short list in order.
        for (let x = lo, j = 0; x < hi && j < n1; ) {
          const v = model.bigramContext(x);
          const s1 = first[j]!;
          if (v < s1) x++;
          else if (v > s1) j++;
          else {
            if (firstLeft[j]! > -Infinity) consider(j, k, x);
            x++;
            j++;
          }
        }
      } else {
        for (let j = 0; j < n1; j++) {
          if (firstLeft[j]! + secondLast[k]! < MIN_GAIN || firstCommonLeft[j]! + secondLast[k]! - secondUnigram[k]! < 0) continue;
          const xy = model.bigram(first[j]!, s2);
          if (xy >= 0) consider(j, k, xy);
        }
      }
    }
    if (best.length === 0) continue;
    // Ties keep the order of the synonyms' ids, first word then second.
    best.sort((x, y) => y[0] - x[0] || x[2] - y[2] || x[3] - y[3]);
    const [gain, commonGain] = best[0]!;
    found.push({
      first: runs.tokens[i]!,
      second: runs.tokens[i + 1]!,
      expected: best
        .filter(([g]) => g >= gain - ALTERNATIVE_MARGIN)
        .slice(0, MAX_EXPECTED)
        .map(([, , s1, s2]) => `${model.word(s1)} ${model.word(s2)}`),
      gain,
      commonGain,
    });
  }
  return found;
}
