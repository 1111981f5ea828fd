/**
 * The compiled language model's binary layout, shared by the build (scripts/spun-model/compile.ts),
 * which writes it, and the run time (lib/spun/model.ts), which reads it without parsing: every
 * section is a typed array over the file's own bytes.
 *
 * Layout, little-endian, each section starting on a 4-byte boundary:
 *
 *     magic u32, version u32, section count u32, then per section: id u32, byte offset u32, byte length u32
 *
 * Probabilities are natural logarithms, stored as one-byte codes into a 256-entry Float32 codebook
 * per kind. Word ids are 16 bits (the vocabulary has fewer than 65,536 words).
 */
export const MODEL_MAGIC = 0x4d4e5053; // "SPNM"
export const MODEL_VERSION = 3;

/** Section ids. */
export const Section = {
  /** u32 words, then u32 offsets[words + 1] into the UTF-8 bytes of the words (joined, sorted by id). */
  vocabulary: 1,
  /** u8 per word: WORD_CENTRE and other flags. */
  wordFlags: 2,
  /** u8 unigram log-probability code per word. */
  unigramProb: 3,
  /** u8 unigram back-off code per word. */
  unigramBackoff: 4,
  /** u32 per word + 1: where the word's bigrams start (bigrams are grouped by their second word). */
  bigramStart: 5,
  /** u16 per bigram: the bigram's first word, ascending within a group. */
  bigramContext: 6,
  /** u8 per bigram: log P(second | first) code. */
  bigramProb: 7,
  /** u32 bit vector over bigrams: the bigram has a back-off weight or trigrams (an "extra" entry). */
  bigramExtraBits: 8,
  /** u32 per 256 bigrams: extras before that block (rank directory of the bit vector). */
  bigramExtraRank: 9,
  /** u8 per extra: back-off code of the bigram as a history. */
  extraBackoff: 10,
  /** u32 per extra + 1: where the bigram's trigrams start. */
  extraTrigramStart: 11,
  /** u16 per trigram: its first word, ascending within a bigram's group. */
  trigramContext: 12,
  /** u8 per trigram: log P(third | first second) code. */
  trigramProb: 13,
  /** u32 per word + 1: byte offset of the word's synonym list. */
  synonymStart: 14,
  /** Synonym lists: ascending word ids, each as a varint of its difference from the previous one. */
  synonymData: 15,
  /** Float32[256] × 5: codebooks for unigram prob, unigram back-off, bigram prob, back-off, trigram prob. */
  codebooks: 16,
  /** UTF-8 JSON: provenance (sources, licences, counts) for the docs and the options page. */
  provenance: 17,
  /** u32 bit vector of 2^BIGRAM_FILTER_BITS bits: a one-hash Bloom filter over the bigrams, at `bigramFilterSlot`. */
  bigramFilter: 18,
  /**
   * u16 open-addressing table of the vocabulary: a word's slot is `fnv1a(word)` (lib/fnv1a.ts) masked to the
   * table's size (a power of two, at least twice the words), probed linearly; each slot holds the
   * word's id + 1, 0 when empty. Stored, so that loading the model builds no map of its words.
   */
  vocabularyIndex: 19,
} as const;

export const CODEBOOK = { unigramProb: 0, unigramBackoff: 1, bigramProb: 2, backoff: 3, trigramProb: 4 } as const;
export const CODEBOOK_SIZE = 256;

/** Word flag: the word can be judged (a content or spinnable word, not a pronoun, article or auxiliary). */
export const WORD_CENTRE = 1;
/** Word flag: the sentence markers `<s>` and `</s>`. */
export const WORD_MARKER = 2;

/** Bigrams per rank-directory block of the extras bit vector. */
export const RANK_BLOCK = 256;

export const SENTENCE_START = '<s>';
export const SENTENCE_END = '</s>';

/**
 * Bits of the bigram filter: 2^24 (2 MB) for about 2 M bigrams, so about 1 in 9 absent pairs still
 * needs a search. Stored in the file, so that loading the model builds nothing.
 */
export const BIGRAM_FILTER_BITS = 24;

/** The filter bit of the bigram (v w). */
export function bigramFilterSlot(v: number, w: number): number {
  return (Math.imul(v, 0x9e3779b1) ^ Math.imul(w + 1, 0x85ebca77)) >>> (32 - BIGRAM_FILTER_BITS);
}

/** The vocabulary index's slots for n words: the power of two at least twice n. */
export const vocabularyIndexSize = (n: number) => 2 ** Math.ceil(Math.log2(2 * Math.max(1, n)));

/** Index of `key` in the ascending range [lo, hi) of `a`, or -1: how every list of word ids in the model is searched. */
export function searchSorted(a: Uint16Array | Uint32Array, lo: number, hi: number, key: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = a[mid]!;
    if (v < key) lo = mid + 1;
    else if (v > key) hi = mid;
    else return mid;
  }
  return -1;
}
