/**
 * Reads CMU Sphinx's "Trie Language Model" binary (Debian's pocketsphinx-en-us ships the US English
 * 3-gram model as en-us.lm.bin). Debian's sphinx_lm_convert cannot turn this file into ARPA text, so
 * the build reads it here. The format, as sphinxbase's lm_trie.c, lm_trie_quant.c and
 * ngram_model_trie.c write it:
 *
 *     "Trie Language Model", u8 order, u32 counts[order],
 *     i32 (unused), Float32 quantisation tables (bigram prob, bigram back-off, trigram prob; 65,536 each),
 *     unigrams: (Float32 prob, Float32 back-off, u32 first bigram)[count1 + 1],
 *     bigrams, bit-packed: word id, 16-bit back-off code, 16-bit prob code, next-trigram pointer,
 *     trigrams, bit-packed: word id, 16-bit prob code,
 *     i32 length, the words as NUL-terminated strings.
 *
 * The trie is reversed: bigrams are grouped under their *second* word and keyed by the first, and
 * trigrams under the bigram (second, third) keyed by the first word. Values are log base 1.0001;
 * this reader returns natural logarithms.
 */
import { searchSorted } from '../../lib/spun/model-format';
export const SPHINX_LM_PATH = '/usr/share/pocketsphinx/model/en-us/en-us.lm.bin';
export const SPHINX_LM_PACKAGE = 'pocketsphinx-en-us';

const HEADER = 'Trie Language Model';
const QUANT_TABLE = 65536;
const LN_BASE = Math.log(1.0001);

export interface SphinxLm {
  words: string[];
  unigramProb: Float32Array;
  unigramBackoff: Float32Array;
  /** Bigrams of word w are [bigramStart[w], bigramStart[w + 1]), keyed by their first word. */
  bigramStart: Uint32Array;
  bigramContext: Uint32Array;
  bigramProb: Float32Array;
  bigramBackoff: Float32Array;
  /** Trigrams of bigram b are [trigramStart[b], trigramStart[b + 1]), keyed by their first word. */
  trigramStart: Uint32Array;
  trigramContext: Uint32Array;
  trigramProb: Float32Array;
}

const bitsFor = (max: number) => (max === 0 ? 0 : 32 - Math.clz32(max));

export function readSphinxLm(file: Uint8Array): SphinxLm {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (new TextDecoder('latin1').decode(file.subarray(0, HEADER.length)) !== HEADER) throw new Error('Not a Sphinx trie language model.');
  let at = HEADER.length;
  const order = file[at++]!;
  if (order !== 3) throw new Error(`Expected a 3-gram model, found order ${order}.`);
  const [n1, n2, n3] = [0, 1, 2].map((i) => view.getUint32(at + 4 * i, true)) as [number, number, number];
  at += 12 + 4;
  const bigramProbTable = at;
  const bigramBackoffTable = at + QUANT_TABLE * 4;
  const trigramProbTable = at + 2 * QUANT_TABLE * 4;
  at += 3 * QUANT_TABLE * 4;
  const unigrams = at;
  at += (n1 + 1) * 12;
  const wordBits = bitsFor(n1);
  const nextBits = bitsFor(n3);
  const bigramBits = wordBits + 32 + nextBits;
  const trigramBits = wordBits + 16;
  const packedSize = (entries: number, bits: number) => Math.floor(((1 + entries) * bits + 7) / 8) + 8;
  const bigrams = at;
  at += packedSize(n2, bigramBits);
  const trigrams = at;
  at += packedSize(n3, trigramBits);
  const stringsLength = view.getInt32(at, true);
  at += 4;
  const words = new TextDecoder('latin1').decode(file.subarray(at, at + stringsLength)).split('\0').slice(0, n1);
  if (words.length !== n1 || at + stringsLength !== file.byteLength) throw new Error('Unexpected Sphinx model layout.');

  const u32At = (o: number) => (file[o]! | (file[o + 1]! << 8) | (file[o + 2]! << 16) | (file[o + 3]! << 24)) >>> 0;
  const bitsAt = (region: number, bit: number, length: number) => (u32At(region + (bit >>> 3)) >>> (bit & 7)) & (length >= 32 ? 0xffffffff : (1 << length) - 1);
  const table = (start: number, code: number) => view.getFloat32(start + 4 * code, true) * LN_BASE;

  const unigramProb = new Float32Array(n1);
  const unigramBackoff = new Float32Array(n1);
  const bigramStart = new Uint32Array(n1 + 1);
  for (let w = 0; w <= n1; w++) {
    const o = unigrams + w * 12;
    if (w < n1) {
      unigramProb[w] = view.getFloat32(o, true) * LN_BASE;
      unigramBackoff[w] = view.getFloat32(o + 4, true) * LN_BASE;
    }
    bigramStart[w] = view.getUint32(o + 8, true);
  }
  const bigramContext = new Uint32Array(n2);
  const bigramProb = new Float32Array(n2);
  const bigramBackoff = new Float32Array(n2);
  const trigramStart = new Uint32Array(n2 + 1);
  for (let b = 0; b <= n2; b++) {
    const bit = b * bigramBits;
    if (b < n2) {
      bigramContext[b] = bitsAt(bigrams, bit, wordBits);
      bigramBackoff[b] = table(bigramBackoffTable, bitsAt(bigrams, bit + wordBits, 16));
      bigramProb[b] = table(bigramProbTable, bitsAt(bigrams, bit + wordBits + 16, 16));
    }
    trigramStart[b] = bitsAt(bigrams, bit + wordBits + 32, nextBits);
  }
  const trigramContext = new Uint32Array(n3);
  const trigramProb = new Float32Array(n3);
  for (let t = 0; t < n3; t++) {
    const bit = t * trigramBits;
    trigramContext[t] = bitsAt(trigrams, bit, wordBits);
    trigramProb[t] = table(trigramProbTable, bitsAt(trigrams, bit + wordBits, 16));
  }
  return { words, unigramProb, unigramBackoff, bigramStart, bigramContext, bigramProb, bigramBackoff, trigramStart, trigramContext, trigramProb };
}

export const sphinxBigram = (lm: SphinxLm, v: number, w: number) => searchSorted(lm.bigramContext, lm.bigramStart[w]!, lm.bigramStart[w + 1]!, v);

/** ln P(w | u v) with Katz back-off, as sphinxbase computes it; u, v are -1 for a shorter context. */
export function sphinxLogProb(lm: SphinxLm, u: number, v: number, w: number): number {
  if (v < 0) return lm.unigramProb[w]!;
  const historyBackoff = () => {
    if (u < 0) return 0;
    const h = sphinxBigram(lm, u, v);
    return h < 0 ? 0 : lm.bigramBackoff[h]!;
  };
  const b = sphinxBigram(lm, v, w);
  if (b < 0) return lm.unigramProb[w]! + lm.unigramBackoff[v]! + historyBackoff();
  if (u < 0) return lm.bigramProb[b]!;
  const t = searchSorted(lm.trigramContext, lm.trigramStart[b]!, lm.trigramStart[b + 1]!, u);
  return t >= 0 ? lm.trigramProb[t]! : lm.bigramProb[b]! + historyBackoff();
}
