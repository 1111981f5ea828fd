/**
 * Compiles the Sphinx 3-gram model and the synonym graph into the compact binary the engine reads
 * (layout in lib/spun/model-format.ts). A pure function of its inputs: the same sources give the
 * same bytes.
 *
 * What is kept, and why:
 * - Words: lower-case words (with inner apostrophes or hyphens) and the sentence markers; at most
 *   65,535 so ids fit 16 bits (the rarest go first).
 * - Bigrams: all of them between kept words. Back-substitution compares a word and its synonyms in
 *   the same place, and the bigrams are what tells them apart most often.
 * - Trigrams: the `trigramBudget` that matter most, by an entropy-style relevance: how far the
 *   trigram's probability is from what back-off would give, times how likely its history is. Trigrams
 *   with no word that can be judged are never asked for and are dropped first.
 * - Probabilities: 8-bit codes into a 256-value codebook per kind (evenly spaced levels).
 * - Synonyms: per judgeable word, the judgeable words of its synonym set, inflected like it.
 */
import { fnv1a } from '../../lib/fnv1a';
import {
  BIGRAM_FILTER_BITS,
  bigramFilterSlot,
  CODEBOOK_SIZE,
  MODEL_MAGIC,
  MODEL_VERSION,
  RANK_BLOCK,
  Section,
  SENTENCE_END,
  SENTENCE_START,
  vocabularyIndexSize,
  WORD_CENTRE,
  WORD_MARKER,
} from '../../lib/spun/model-format';
import { sphinxBigram, type SphinxLm } from './sphinx-lm';
import type { SynonymGraph } from './synonym-graph';

export interface CompileOptions {
  trigramBudget: number;
  /** Words never judged (articles, pronouns, auxiliaries): spinners leave them and synonyms do not exist. */
  nonCentreWords: ReadonlySet<string>;
  provenance: Record<string, unknown>;
}

const MAX_WORDS = 65535;
const WORD_SHAPE = /^[a-z]+(?:['-][a-z]+)*$/;

/**
 * 256 evenly spaced levels from the 0.05% quantile to the maximum, and an encoder to the nearest:
 * log-probabilities are read as differences, so what matters is a small error everywhere (at most
 * half a step), including the few very probable words that equal-count bins would lump together.
 */
export function codebook(values: Float32Array): { centres: Float32Array; encode: (x: number) => number } {
  const sorted = Float32Array.from(values).sort();
  const lo = sorted.length ? sorted[Math.floor(sorted.length * 0.0005)]! : 0;
  const hi = sorted.length ? sorted[sorted.length - 1]! : 0;
  const step = (hi - lo) / (CODEBOOK_SIZE - 1) || 1;
  const centres = Float32Array.from({ length: CODEBOOK_SIZE }, (_, i) => lo + i * step);
  const encode = (x: number) => Math.min(CODEBOOK_SIZE - 1, Math.max(0, Math.round((x - lo) / step)));
  return { centres, encode };
}

function varint(out: number[], x: number): void {
  while (x >= 0x80) {
    out.push((x & 0x7f) | 0x80);
    x >>>= 7;
  }
  out.push(x);
}

/** The words kept, as old ids in ascending order (so old order, which is alphabetical, is kept). */
function selectVocabulary(lm: SphinxLm): number[] {
  const shaped = lm.words.map((w, i) => [w, i] as const).filter(([w]) => w === SENTENCE_START || w === SENTENCE_END || WORD_SHAPE.test(w));
  if (shaped.length <= MAX_WORDS) return shaped.map(([, i]) => i);
  const byFrequency = [...shaped].sort((a, b) => lm.unigramProb[b[1]]! - lm.unigramProb[a[1]]!);
  return byFrequency
    .slice(0, MAX_WORDS)
    .map(([, i]) => i)
    .sort((a, b) => a - b);
}

/** Relevance of each trigram (-1 when it is never asked for), for pruning to a budget. */
function trigramRelevance(lm: SphinxLm, kept: Int32Array, centre: (old: number) => boolean): Float64Array {
  const out = new Float64Array(lm.trigramContext.length).fill(-1);
  for (let w = 0; w < lm.words.length; w++) {
    if (kept[w]! < 0) continue;
    for (let b = lm.bigramStart[w]!; b < lm.bigramStart[w + 1]!; b++) {
      const v = lm.bigramContext[b]!;
      if (kept[v]! < 0) continue;
      for (let t = lm.trigramStart[b]!; t < lm.trigramStart[b + 1]!; t++) {
        const u = lm.trigramContext[t]!;
        if (kept[u]! < 0 || !(centre(u) || centre(v) || centre(w))) continue;
        const h = sphinxBigram(lm, u, v);
        const backedOff = lm.bigramProb[b]! + (h >= 0 ? lm.bigramBackoff[h]! : 0);
        const history = lm.unigramProb[u]! + (h >= 0 ? lm.bigramProb[h]! : lm.unigramBackoff[u]! + lm.unigramProb[v]!);
        out[t] = Math.exp(history + lm.trigramProb[t]!) * Math.abs(lm.trigramProb[t]! - backedOff);
      }
    }
  }
  return out;
}

export interface CompiledModel {
  bytes: Uint8Array;
  counts: { words: number; centres: number; bigrams: number; trigrams: number; backoffs: number; synonymEntries: number };
}

export function compileSpunModel(lm: SphinxLm, graph: SynonymGraph, options: CompileOptions): CompiledModel {
  const oldIds = selectVocabulary(lm);
  const kept = new Int32Array(lm.words.length).fill(-1);
  oldIds.forEach((old, i) => (kept[old] = i));
  const n = oldIds.length;
  const words = oldIds.map((old) => lm.words[old]!);
  const isMarker = (w: string) => w === SENTENCE_START || w === SENTENCE_END;
  const isCentreWord = (w: string) => !isMarker(w) && w.length >= 2 && !options.nonCentreWords.has(w);
  const flags = new Uint8Array(n);
  words.forEach((w, i) => (flags[i] = (isMarker(w) ? WORD_MARKER : 0) | (isCentreWord(w) ? WORD_CENTRE : 0)));

  // Trigrams to keep.
  const relevance = trigramRelevance(lm, kept, (old) => isCentreWord(lm.words[old]!));
  const ranked = relevance.filter((r) => r >= 0).sort();
  const cut = ranked.length > options.trigramBudget ? ranked[ranked.length - options.trigramBudget]! : 0;
  let keptTrigrams = 0;
  const keepTrigram = new Uint8Array(relevance.length);
  for (let t = 0; t < relevance.length; t++) {
    if (relevance[t]! >= 0 && relevance[t]! >= cut && keptTrigrams < options.trigramBudget) {
      keepTrigram[t] = 1;
      keptTrigrams++;
    }
  }

  // Bigrams (grouped by second word, ascending first word), their extras and trigrams.
  const bigramStart = new Uint32Array(n + 1);
  const bigramContext: number[] = [];
  const bigramProb: number[] = [];
  const extraFlags: number[] = [];
  const extraBackoff: number[] = [];
  const extraTrigramStart: number[] = [];
  const trigramContext: number[] = [];
  const trigramProb: number[] = [];
  for (let i = 0; i < n; i++) {
    const w = oldIds[i]!;
    bigramStart[i] = bigramContext.length;
    for (let b = lm.bigramStart[w]!; b < lm.bigramStart[w + 1]!; b++) {
      const v = kept[lm.bigramContext[b]!]!;
      if (v < 0) continue;
      const first = trigramContext.length;
      for (let t = lm.trigramStart[b]!; t < lm.trigramStart[b + 1]!; t++) {
        if (!keepTrigram[t]) continue;
        trigramContext.push(kept[lm.trigramContext[t]!]!);
        trigramProb.push(lm.trigramProb[t]!);
      }
      const hasExtra = Math.abs(lm.bigramBackoff[b]!) > 1e-6 || trigramContext.length > first;
      bigramContext.push(v);
      bigramProb.push(lm.bigramProb[b]!);
      extraFlags.push(hasExtra ? 1 : 0);
      if (hasExtra) {
        extraBackoff.push(lm.bigramBackoff[b]!);
        extraTrigramStart.push(first);
      }
    }
  }
  bigramStart[n] = bigramContext.length;
  extraTrigramStart.push(trigramContext.length);

  const m = bigramContext.length;
  const extraBits = new Uint32Array(Math.ceil(m / 32));
  const extraRank = new Uint32Array(Math.ceil(m / RANK_BLOCK) + 1);
  let rank = 0;
  for (let b = 0; b < m; b++) {
    if (b % RANK_BLOCK === 0) extraRank[b / RANK_BLOCK] = rank;
    if (extraFlags[b]) {
      extraBits[b >>> 5]! |= 1 << (b & 31);
      rank++;
    }
  }

  // Most pairs a scan asks about are not in the model (nearly all of a two-word swap's candidates
  // are not), so a one-hash Bloom filter over every bigram answers "no" for most of them without a search.
  const bigramFilter = new Uint32Array(2 ** (BIGRAM_FILTER_BITS - 5));
  for (let w = 0; w < n; w++) {
    for (let b = bigramStart[w]!; b < bigramStart[w + 1]!; b++) {
      const slot = bigramFilterSlot(bigramContext[b]!, w);
      bigramFilter[slot >>> 5]! |= 1 << (slot & 31);
    }
  }

  // Codebooks and codes.
  const unigramProb = Float32Array.from(oldIds, (o) => lm.unigramProb[o]!);
  const unigramBackoff = Float32Array.from(oldIds, (o) => lm.unigramBackoff[o]!);
  const books = [unigramProb, unigramBackoff, Float32Array.from(bigramProb), Float32Array.from(extraBackoff), Float32Array.from(trigramProb)].map(codebook);
  const codes = (values: ArrayLike<number>, k: number) => Uint8Array.from(values as number[], (x) => books[k]!.encode(x));
  const codebooks = new Float32Array(books.length * CODEBOOK_SIZE);
  books.forEach((b, k) => codebooks.set(b.centres, k * CODEBOOK_SIZE));

  // Synonyms.
  const id = new Map(words.map((w, i) => [w, i]));
  const synonymStart = new Uint32Array(n + 1);
  const synonymData: number[] = [];
  let synonymEntries = 0;
  for (let i = 0; i < n; i++) {
    synonymStart[i] = synonymData.length;
    if (!(flags[i]! & WORD_CENTRE)) continue;
    const list = [...graph.synonymsOf(words[i]!)]
      .map((s) => id.get(s))
      .filter((s): s is number => s !== undefined && s !== i && (flags[s]! & WORD_CENTRE) !== 0)
      .sort((a, b) => a - b);
    let prev = 0;
    for (const s of list) {
      varint(synonymData, s - prev);
      prev = s;
    }
    synonymEntries += list.length;
  }
  synonymStart[n] = synonymData.length;

  // Vocabulary bytes.
  const encoder = new TextEncoder();
  const wordBytes = words.map((w) => encoder.encode(w));
  const vocabulary = new Uint32Array(2 + n);
  vocabulary[0] = n;
  let offset = 0;
  for (let i = 0; i < n; i++) {
    vocabulary[1 + i] = offset;
    offset += wordBytes[i]!.length;
  }
  vocabulary[1 + n] = offset;
  const vocabularyText = new Uint8Array(offset);
  offset = 0;
  for (const b of wordBytes) {
    vocabularyText.set(b, offset);
    offset += b.length;
  }

  const slots = vocabularyIndexSize(n);
  const vocabularyIndex = new Uint16Array(slots);
  for (let i = 0; i < n; i++) {
    let slot = fnv1a(words[i]!) & (slots - 1);
    while (vocabularyIndex[slot] !== 0) slot = (slot + 1) & (slots - 1);
    vocabularyIndex[slot] = i + 1;
  }

  const counts = { words: n, centres: flags.filter((f) => f & WORD_CENTRE).length, bigrams: m, trigrams: trigramContext.length, backoffs: extraBackoff.length, synonymEntries };
  const sections: [number, Uint8Array][] = [
    [Section.vocabulary, concat(new Uint8Array(vocabulary.buffer), vocabularyText)],
    [Section.wordFlags, flags],
    [Section.unigramProb, codes(unigramProb, 0)],
    [Section.unigramBackoff, codes(unigramBackoff, 1)],
    [Section.bigramStart, new Uint8Array(bigramStart.buffer)],
    [Section.bigramContext, new Uint8Array(Uint16Array.from(bigramContext).buffer)],
    [Section.bigramProb, codes(bigramProb, 2)],
    [Section.bigramExtraBits, new Uint8Array(extraBits.buffer)],
    [Section.bigramExtraRank, new Uint8Array(extraRank.buffer)],
    [Section.extraBackoff, codes(extraBackoff, 3)],
    [Section.extraTrigramStart, new Uint8Array(Uint32Array.from(extraTrigramStart).buffer)],
    [Section.trigramContext, new Uint8Array(Uint16Array.from(trigramContext).buffer)],
    [Section.trigramProb, codes(trigramProb, 4)],
    [Section.synonymStart, new Uint8Array(synonymStart.buffer)],
    [Section.synonymData, Uint8Array.from(synonymData)],
    [Section.codebooks, new Uint8Array(codebooks.buffer)],
    [Section.provenance, encoder.encode(JSON.stringify({ ...options.provenance, counts }))],
    [Section.bigramFilter, new Uint8Array(bigramFilter.buffer)],
    [Section.vocabularyIndex, new Uint8Array(vocabularyIndex.buffer)],
  ];
  return { bytes: pack(sections), counts };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

const align4 = (x: number) => (x + 3) & ~3;

function pack(sections: [number, Uint8Array][]): Uint8Array {
  const headerLength = 12 + sections.length * 12;
  let offset = align4(headerLength);
  const placed = sections.map(([id, data]) => {
    const at = offset;
    offset = align4(offset + data.length);
    return { id, data, at };
  });
  const out = new Uint8Array(offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, MODEL_MAGIC, true);
  view.setUint32(4, MODEL_VERSION, true);
  view.setUint32(8, sections.length, true);
  placed.forEach(({ id, data, at }, i) => {
    view.setUint32(12 + i * 12, id, true);
    view.setUint32(16 + i * 12, at, true);
    view.setUint32(20 + i * 12, data.length, true);
    out.set(data, at);
  });
  return out;
}
