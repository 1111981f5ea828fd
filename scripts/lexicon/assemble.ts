/**
 * The lexicon build as a pure function: `buildLexicon(inputs)` turns the sources and the clean text
 * (./inputs.ts reads them) into the lexicon's entries, and `lexiconFile` into the text of
 * lib/data/lexicon.json. No file is read or written here.
 *
 * Every entry's rate in clean text sets or vetoes its weight: every clean reference corpus, the
 * `clean` pages of the dev corpus's tune part, the word pairs Google Books uses most and the n-grams
 * of the spun signal's language model, and for generated spins WordNet's glosses and both thesauri's
 * multi-word terms. The held-out dev pages are not an input.
 *
 * To estimate how the vetoing generalises to clean text it has not seen, the clean references are
 * split in two halves by document (inHalfB): the entries are also built with the veto from half A
 * only (`halfAEntries`), so that their hits on half B can be counted. The shipped lexicon uses both.
 */
import { compileLexicon, lexiconIndex, type LexiconEntry, type LexiconGroup } from '../../lib/lexicon';
import type { TextDoc } from '../../corpora';
import { phraseTokens, type Tokens } from '../../lib/tokenize';
import { inHalfB } from '../evaluation';
import { countNgrams, PhraseCounter, tokenizeAll } from './corpus-stats';
import { curatedDrafts, GEN, generatedDrafts, ppsDrafts, round2, SOURCES, type CuratedEntry, type Draft } from './drafts';
import { spinnerSynonyms, type TorturedPair } from './spinner-pairs';

export interface LexiconInputs {
  /** Where fixed expressions are mined: Brown and nlp-corpus. */
  miningTexts: readonly string[];
  /** Every clean reference corpus by name (the mining ones included): what vetoes and weighs. */
  references: Readonly<Record<string, readonly TextDoc[]>>;
  /** The text of the clean pages of the dev corpus's tune part. */
  tuneCleanTexts: readonly string[];
  ppsPhrases: readonly TorturedPair[];
  /** pps-tortured-fingerprints.csv as text. */
  ppsFingerprintsCsv: string;
  curated: readonly CuratedEntry[];
  /** WordNet's multi-word lemmas. */
  thesaurusCompounds: readonly string[];
  /** WordNet's glosses and examples and both thesauri's multi-word terms. */
  thesaurusTexts: readonly string[];
  /** The word pairs Google Books uses most, lower case, "w1 w2". */
  commonPairs: ReadonlySet<string>;
  /** Whether the spun signal's language model holds every word pair and triple of the phrase's lower-case words. */
  modelHolds: (words: readonly string[]) => boolean;
}

export interface LexiconBuild {
  /** The shipped entries, sorted by source and phrase. */
  entries: LexiconEntry[];
  /** The entries as vetoed by half A of the clean references only. */
  halfAEntries: LexiconEntry[];
  /** Each entry's finer class for reports (generated entries: how many words were replaced). */
  classOf: ReadonlyMap<LexiconEntry, string>;
  stats: { collocations: number; spinnerSubstitutions: number; ppsPhrases: number; curated: number; dropped: Record<string, number> };
}

/** One draft per phrase and context: curated beats PPS beats generated. */
function merge(drafts: readonly Draft[]): Draft[] {
  const merged = new Map<string, Draft>();
  for (const d of drafts) {
    const key = phraseTokens(d.phrase).join(' ') + '\u0000' + JSON.stringify(d.context ?? {}) + (d.exactCase ? '!' : '');
    if (!merged.has(key)) merged.set(key, d);
  }
  return [...merged.values()];
}

const asEntry = (d: Draft, weight: number): LexiconEntry => {
  const e: LexiconEntry = { phrase: d.phrase, original: d.original, weight, source: d.source };
  if (d.context) e.context = d.context;
  if (d.exactCase) e.exactCase = true;
  return e;
};

/**
 * Matches per entry, context rules applied, by compiling a lexicon of the entries and matching it:
 * exactly what the engine would flag.
 */
function contextHits(entries: LexiconEntry[], docs: readonly Tokens[], texts: readonly string[]): Int32Array {
  const lex = compileLexicon({ version: 1, sources: SOURCES, entries });
  const out = new Int32Array(entries.length);
  docs.forEach((t, d) => {
    for (const m of lex.match(t, texts[d]!)) out[m.id]!++;
  });
  return out;
}

export function buildLexicon(inputs: LexiconInputs): LexiconBuild {
  const references = Object.values(inputs.references).flat();
  const refTokens = tokenizeAll(references.map((d) => d.text));
  const totalRefWords = refTokens.reduce((n, t) => n + t.words, 0);
  const halfB = references.map((d) => inHalfB(d.id));
  const tuneCleanTokens = tokenizeAll([...inputs.tuneCleanTexts]);
  const ngrams = countNgrams(tokenizeAll([...inputs.miningTexts]));
  const spinner = spinnerSynonyms(inputs.ppsPhrases, GEN.minPairPhrases);

  const pps = ppsDrafts(inputs.ppsPhrases, inputs.ppsFingerprintsCsv);
  const { drafts: generated, collocations } = generatedDrafts(ngrams, inputs.thesaurusCompounds, spinner.synonyms);
  const curated = curatedDrafts(inputs.curated);
  const drafts = merge([...curated, ...pps, ...generated]);

  // Rates are counted per phrase through the same tokeniser as the engine: every occurrence,
  // regardless of longest match, for vetoing (a spin hidden inside a longer match still occurs).
  const rawCounter = new PhraseCounter(drafts.map((d) => d.phrase));
  const [rawA, rawB] = rawCounter.count(refTokens, 2, (d) => (halfB[d] ? 1 : 0));
  const [rawTune] = rawCounter.count(tuneCleanTokens);
  const [rawThesaurus] = rawCounter.count(tokenizeAll([...inputs.thesaurusTexts]));
  // Context-aware counts for curated entries (their raw string is ordinary English; only the context makes them spins).
  const curatedIdx = drafts.map((d, i) => (d.vetoable ? -1 : i)).filter((i) => i >= 0);
  const curatedEntries = curatedIdx.map((i) => asEntry(drafts[i]!, 1));
  const ctxRefs = contextHits(curatedEntries, refTokens, references.map((d) => d.text));
  const ctxTune = contextHits(curatedEntries, tuneCleanTokens, inputs.tuneCleanTexts);
  const curatedHits = new Map<number, number>();
  curatedIdx.forEach((i, k) => curatedHits.set(i, ctxRefs[k]! + ctxTune[k]!));

  /**
   * A phrase that the language model holds whole (each word pair as a bigram, each triple as a
   * trigram), or a pair Google Books uses most, is ordinary English, whatever a thesaurus or a paper
   * screener says ("cloud computing", "elderly folks", "on the off chance"): the model keeps only
   * n-grams its training text used repeatedly.
   */
  const ordinaryPhrase = (phrase: string) => {
    const words = phraseTokens(phrase);
    return words.length >= 2 && ((words.length === 2 && inputs.commonPairs.has(words.join(' '))) || inputs.modelHolds(words));
  };

  /**
   * Weight from clean-text rate. A vetoable entry seen in clean text, or ordinary English, is dropped. A curated entry keeps
   * its ceiling when clean text never has it in its context, and is scaled down by its rate otherwise
   * (one hit per million words halves it), never below 0.05.
   */
  const weigh = (i: number, useHalfB: boolean): number | undefined => {
    const d = drafts[i]!;
    if (d.vetoable) {
      const seen = rawA![i]! + (useHalfB ? rawB![i]! : 0) + rawTune![i]! + (d.source === 'generated' ? rawThesaurus![i]! : 0);
      return seen > 0 || ordinaryPhrase(d.phrase) ? undefined : d.weight;
    }
    const rate = (curatedHits.get(i)! * 1e6) / totalRefWords;
    return round2(Math.max(0.05, d.weight / (1 + rate)));
  };

  const classOf = new Map<LexiconEntry, string>();
  const classed = (d: Draft, w: number) => {
    const e = asEntry(d, w);
    classOf.set(e, d.tag);
    return e;
  };
  const entries: LexiconEntry[] = [];
  const halfAEntries: LexiconEntry[] = [];
  const dropped: Record<string, number> = {};
  // Drafts are in rank order within each source, so the budget keeps the best-ranked survivors. Each
  // class of generated spin (one word replaced, both replaced, multi-word) gets a third of it, so the
  // classes with rarer words are not crowded out by the rank.
  const keptByTag = new Map<string, number>();
  const keptByTagA = new Map<string, number>();
  const withinBudget = (d: Draft, kept: Map<string, number>) => {
    if (d.source !== 'generated') return true;
    const n = kept.get(d.tag) ?? 0;
    kept.set(d.tag, n + 1);
    return n < GEN.maxGenerated / 3;
  };
  drafts.forEach((d, i) => {
    const w = weigh(i, true);
    if (w === undefined) dropped[d.source] = (dropped[d.source] ?? 0) + 1;
    else if (withinBudget(d, keptByTag)) entries.push(classed(d, w));
    const wa = weigh(i, false);
    if (wa !== undefined && withinBudget(d, keptByTagA)) halfAEntries.push(classed(d, wa));
  });
  entries.sort((a, b) => a.source.localeCompare(b.source) || a.phrase.localeCompare(b.phrase));
  return {
    entries,
    halfAEntries,
    classOf,
    stats: { collocations, spinnerSubstitutions: spinner.size, ppsPhrases: pps.length, curated: curated.length, dropped },
  };
}

/**
 * The text of lib/data/lexicon.json: context-free generated entries as groups (one original, many
 * spins, one weight) to keep the file small; the rest one entry a line; then the index by the first
 * two tokens that matching reads (`lexiconIndex`).
 */
export function lexiconFile(entries: readonly LexiconEntry[]): string {
  const groupable = (e: LexiconEntry) => e.source === 'generated' && !e.context;
  const plain = entries.filter((e) => !groupable(e));
  const groupMap = new Map<string, LexiconGroup>();
  for (const e of entries) {
    if (!groupable(e)) continue;
    const key = `${e.source}\u0000${e.original[0]}\u0000${e.weight}`;
    let g = groupMap.get(key);
    if (!g) {
      g = { original: e.original[0]!, weight: e.weight, source: e.source, phrases: [] };
      if (e.exactCase) g.exactCase = true;
      groupMap.set(key, g);
    }
    g.phrases.push(e.phrase);
  }
  const groups = [...groupMap.values()].sort((a, b) => a.source.localeCompare(b.source) || a.original.localeCompare(b.original) || a.weight - b.weight);
  const index = lexiconIndex({ version: 1, sources: SOURCES, entries: plain, groups });
  return (
    `{"version":1,"sources":${JSON.stringify(SOURCES, null, 2)},\n"entries":[\n${plain.map((e) => JSON.stringify(e)).join(',\n')}\n],\n` +
    `"groups":[\n${groups.map((g) => JSON.stringify(g)).join(',\n')}\n],\n` +
    `"index":{\n"keys":${JSON.stringify(index.keys)},\n"counts":${JSON.stringify(index.counts)},\n"ids":${JSON.stringify(index.ids)},\n"rests":${JSON.stringify(index.rests)}\n}}\n`
  );
}
