import { fnv1a } from '../fnv1a';
import {
  BIGRAM_FILTER_BITS,
  bigramFilterSlot,
  CODEBOOK,
  CODEBOOK_SIZE,
  MODEL_MAGIC,
  MODEL_VERSION,
  RANK_BLOCK,
  searchSorted,
  Section,
  vocabularyIndexSize,
  SENTENCE_END,
  SENTENCE_START,
  WORD_CENTRE,
} from './model-format';

/**
 * The compiled 3-gram model of English and the synonym table, read straight from the bytes of
 * lib/data/spun-model.bin (layout in model-format.ts): loading is a few typed-array views, with no
 * parsing of n-grams or synonym lists and no map of the vocabulary (its hash table is in the file).
 */
export interface SpunModel {
  readonly vocabularySize: number;
  /** Id of a lower-case word, or -1 when the model does not know it. */
  id(word: string): number;
  word(id: number): string;
  /** The word can be judged: a content or spinnable word (not an article, pronoun or auxiliary). */
  isCentre(id: number): boolean;
  readonly sentenceStart: number;
  readonly sentenceEnd: number;
  /** ln P(w | u v); u and v are -1 when the context is shorter (start of a run of words). */
  logProb(u: number, v: number, w: number): number;
  /** ln P(w) alone. */
  unigram(w: number): number;
  /** True when the bigram (v w) is in the model. */
  hasBigram(v: number, w: number): boolean;
  /** True when the model holds the trigram (u v w) itself, not only by back-off. */
  hasTrigram(u: number, v: number, w: number): boolean;
  /** Index of the bigram (v w), or -1 when the model lacks it; for `logProbAt`. */
  bigram(v: number, w: number): number;
  /** The bigrams (v w) of a word w are the indices [bigramStart(w), bigramStart(w + 1)), sorted by v. */
  bigramStart(w: number): number;
  /** The first word v of the bigram at an index. */
  bigramContext(index: number): number;
  /**
   * `logProb(u, v, w)` given `bigram(v, w)` already looked up (v ≥ 0), saving the search; and, when
   * many words are scored after one history, that history's `historyBackoff(u, v)`, saving another.
   */
  logProbAt(u: number, v: number, w: number, bigramIndex: number, history?: number): number;
  /** ln of the back-off weight of the history (u v) as a pair, 0 when u < 0 or the model has no weight for it. */
  historyBackoff(u: number, v: number): number;
  /** `historyBackoff(u, v)` given `bigram(u, v)` already looked up (-1 when absent). */
  bigramBackoff(bigramIndex: number): number;
  /** ln of the back-off weight of the history (u v), v ≥ 0: `logProb(u, v, w)` = `unigram(w)` + this when the model lacks (v w). */
  backoff(u: number, v: number): number;
  /** The synonyms of a word (ids, inflected like it), written into `out`; returns how many. */
  synonyms(w: number, out: Uint16Array): number;
  /** Longest synonym list, so callers can size `out` once. */
  readonly maxSynonyms: number;
  /** Sources, licences and counts, as the build recorded them. */
  readonly provenance: Record<string, unknown>;
  /** Bytes the model occupies. */
  readonly byteLength: number;
}

export class ModelFormatError extends Error {}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function loadSpunModel(input: ArrayBuffer | Uint8Array): SpunModel {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.byteOffset % 4 !== 0) throw new ModelFormatError('The model must start on a 4-byte boundary.');
  const buffer = bytes.buffer;
  const base = bytes.byteOffset;
  if (bytes.byteLength < 12) throw new ModelFormatError('The model file is too short.');
  const head = new DataView(buffer, base, bytes.byteLength);
  if (head.getUint32(0, true) !== MODEL_MAGIC) throw new ModelFormatError('This is not a Spinscope model file.');
  const version = head.getUint32(4, true);
  if (version !== MODEL_VERSION) throw new ModelFormatError(`Model version ${version} is not supported (expected ${MODEL_VERSION}).`);
  const sections = new Map<number, [number, number]>();
  const count = head.getUint32(8, true);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 12;
    const offset = head.getUint32(at + 4, true);
    const length = head.getUint32(at + 8, true);
    if (offset + length > bytes.byteLength) throw new ModelFormatError('A model section lies outside the file.');
    sections.set(head.getUint32(at, true), [offset, length]);
  }
  const section = (id: number): [number, number] => {
    const s = sections.get(id);
    if (!s) throw new ModelFormatError(`The model lacks section ${id}.`);
    return s;
  };
  const u8 = (id: number) => {
    const [o, l] = section(id);
    return new Uint8Array(buffer, base + o, l);
  };
  const u16 = (id: number) => {
    const [o, l] = section(id);
    return new Uint16Array(buffer, base + o, l >>> 1);
  };
  const u32 = (id: number) => {
    const [o, l] = section(id);
    return new Uint32Array(buffer, base + o, l >>> 2);
  };
  const f32 = (id: number) => {
    const [o, l] = section(id);
    return new Float32Array(buffer, base + o, l >>> 2);
  };

  const vocab = u32(Section.vocabulary);
  const n = vocab[0]!;
  const [vo] = section(Section.vocabulary);
  const textStart = vo + 4 + (n + 1) * 4;
  const text = new TextDecoder().decode(new Uint8Array(buffer, base + textStart, vocab[n + 1]!));
  // Offsets are in bytes; the vocabulary is ASCII apart from rare words, so decode per word only then.
  const ascii = text.length === vocab[n + 1]!;
  const decoded: (string | undefined)[] = new Array(n);
  const word = (i: number): string =>
    (decoded[i] ??= ascii ? text.slice(vocab[1 + i]!, vocab[2 + i]!) : new TextDecoder().decode(new Uint8Array(buffer, base + textStart + vocab[1 + i]!, vocab[2 + i]! - vocab[1 + i]!)));
  const vocabularyIndex = u16(Section.vocabularyIndex);
  if (vocabularyIndex.length !== vocabularyIndexSize(n)) throw new ModelFormatError('The vocabulary index has the wrong size.');
  const slotMask = vocabularyIndex.length - 1;
  const vocabularyBytes = new Uint8Array(buffer, base + textStart, vocab[n + 1]!);
  /** The word at id i is `w`: compared byte by byte with the file's ASCII, without making a string. */
  const isWord = (i: number, w: string): boolean => {
    if (!ascii) return word(i) === w;
    const start = vocab[1 + i]!;
    if (vocab[2 + i]! - start !== w.length) return false;
    for (let k = 0; k < w.length; k++) if (vocabularyBytes[start + k] !== w.charCodeAt(k)) return false;
    return true;
  };
  function id(w: string): number {
    for (let slot = fnv1a(w) & slotMask; ; slot = (slot + 1) & slotMask) {
      const entry = vocabularyIndex[slot]!;
      if (entry === 0) return -1;
      if (isWord(entry - 1, w)) return entry - 1;
    }
  }

  const flags = u8(Section.wordFlags);
  const books = f32(Section.codebooks);
  const book = (k: number) => books.subarray(k * CODEBOOK_SIZE, (k + 1) * CODEBOOK_SIZE);
  const uniProbBook = book(CODEBOOK.unigramProb);
  const uniBoBook = book(CODEBOOK.unigramBackoff);
  const biProbBook = book(CODEBOOK.bigramProb);
  const boBook = book(CODEBOOK.backoff);
  const triProbBook = book(CODEBOOK.trigramProb);
  const uniProb = u8(Section.unigramProb);
  const uniBo = u8(Section.unigramBackoff);
  const biStart = u32(Section.bigramStart);
  const biCtx = u16(Section.bigramContext);
  const biProb = u8(Section.bigramProb);
  const extraBits = u32(Section.bigramExtraBits);
  const extraRank = u32(Section.bigramExtraRank);
  const extraBo = u8(Section.extraBackoff);
  const triStart = u32(Section.extraTrigramStart);
  const triCtx = u16(Section.trigramContext);
  const triProb = u8(Section.trigramProb);
  const synStart = u32(Section.synonymStart);
  const synData = u8(Section.synonymData);
  const provenance = JSON.parse(new TextDecoder().decode(u8(Section.provenance))) as Record<string, unknown>;

  let maxSynonyms = 0;
  for (let w = 0; w < n; w++) maxSynonyms = Math.max(maxSynonyms, synStart[w + 1]! - synStart[w]!);

  const bigramFilter = u32(Section.bigramFilter);
  if (bigramFilter.length !== 2 ** (BIGRAM_FILTER_BITS - 5)) throw new ModelFormatError('The bigram filter has the wrong size.');
  const bigram = (v: number, w: number) => {
    const slot = bigramFilterSlot(v, w);
    if ((bigramFilter[slot >>> 5]! & (1 << (slot & 31))) === 0) return -1;
    return searchSorted(biCtx, biStart[w]!, biStart[w + 1]!, v);
  };
  // The file's rank directory counts per RANK_BLOCK bigrams; expanded once to a count per 32-bit
  // word (a quarter of a byte per bigram), a rank is one popcount instead of a loop over the block.
  const wordRank = new Uint32Array(extraBits.length);
  const rankShift = 31 - Math.clz32(RANK_BLOCK);
  for (let i = 0, r = 0; i < extraBits.length; i++) {
    if (((i << 5) & (RANK_BLOCK - 1)) === 0) r = extraRank[(i << 5) >>> rankShift]!;
    wordRank[i] = r;
    r += popcount(extraBits[i]!);
  }
  /** Rank of bigram b among extras, or -1 when it has none. */
  function extra(b: number): number {
    const word = extraBits[b >>> 5]!;
    const bit = 1 << (b & 31);
    if ((word & bit) === 0) return -1;
    return wordRank[b >>> 5]! + popcount(word & (bit - 1));
  }
  /** Index of the trigram (u v w) given the bigram (v w)'s index b ≥ 0, or -1 when the model lacks it. */
  function trigram(u: number, b: number): number {
    const e = extra(b);
    return e < 0 ? -1 : searchSorted(triCtx, triStart[e]!, triStart[e + 1]!, u);
  }
  /** Back-off weight of the history (u v). */
  function historyBackoff(u: number, v: number): number {
    return u < 0 ? 0 : bigramBackoff(bigram(u, v));
  }
  /** Back-off weight of the bigram at index h as a history (0 when h < 0 or it has none). */
  function bigramBackoff(h: number): number {
    const e = h < 0 ? -1 : extra(h);
    return e < 0 ? 0 : boBook[extraBo[e]!]!;
  }

  function logProb(u: number, v: number, w: number): number {
    if (v < 0) return uniProbBook[uniProb[w]!]!;
    return logProbAt(u, v, w, bigram(v, w));
  }

  function backoff(u: number, v: number): number {
    return uniBoBook[uniBo[v]!]! + historyBackoff(u, v);
  }

  function logProbAt(u: number, v: number, w: number, b: number, history?: number): number {
    if (b < 0) return uniProbBook[uniProb[w]!]! + (uniBoBook[uniBo[v]!]! + (history ?? historyBackoff(u, v)));
    const p2 = biProbBook[biProb[b]!]!;
    if (u < 0) return p2;
    const t = trigram(u, b);
    return t >= 0 ? triProbBook[triProb[t]!]! : p2 + (history ?? historyBackoff(u, v));
  }

  function synonyms(w: number, out: Uint16Array): number {
    let at = synStart[w]!;
    const end = synStart[w + 1]!;
    let id = 0;
    let k = 0;
    while (at < end) {
      let delta = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = synData[at++]!;
        delta |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      id += delta;
      out[k++] = id;
    }
    return k;
  }

  return {
    vocabularySize: n,
    id,
    word: (i) => (i >= 0 && i < n ? word(i) : ''),
    isCentre: (id) => (flags[id]! & WORD_CENTRE) !== 0,
    sentenceStart: id(SENTENCE_START),
    sentenceEnd: id(SENTENCE_END),
    logProb,
    unigram: (w) => uniProbBook[uniProb[w]!]!,
    hasBigram: (v, w) => bigram(v, w) >= 0,
    hasTrigram(u, v, w) {
      const b = bigram(v, w);
      return b >= 0 && trigram(u, b) >= 0;
    },
    bigram,
    bigramStart: (w) => biStart[w]!,
    bigramContext: (index) => biCtx[index]!,
    logProbAt,
    historyBackoff,
    bigramBackoff,
    backoff,
    synonyms,
    maxSynonyms,
    provenance,
    byteLength: bytes.byteLength,
  };
}
