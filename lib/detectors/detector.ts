import type { CompiledLexicon } from '../lexicon';
import type { OriginClaim } from '../origin';
import type { SpunModel } from '../spun/model';
import type { Tokens } from '../tokenize';
import type { Finding, SignalId } from '../types';

/** What every detector is given: the text, its tokens (computed once), the language and the page. */
export interface DetectorInput {
  text: string;
  tokens: Tokens;
  /** ISO 639-3 code from franc, or `und`. */
  language: string;
  /** The page's own address, when known. */
  url?: string;
  /** What the page's markup says about its origin; absent when the text did not come from a document. */
  claims?: readonly OriginClaim[];
  /** Data the caller loaded for the engine (see EngineResources). */
  resources?: EngineResources;
}

/**
 * Large data the engine does not import itself, because where it comes from depends on where the
 * engine runs (the extension fetches it from its package, the CLI and tests read the file).
 */
export interface EngineResources {
  /** The spun signal's language model (lib/data/spun-model.bin); without it, only the lexicon runs. */
  spunModel?: SpunModel;
  /** The spun signal's known phrases (lib/data/lexicon.json, compiled); without it, the bundled copy where there is one, else only the model runs. */
  spunLexicon?: CompiledLexicon;
}

export interface DetectorResult {
  /** 0..100 for this signal alone. */
  score: number;
  findings: Finding[];
  stats: Record<string, number>;
  /** The original source address, for detectors that can find one. */
  sourceUrl?: string;
  /** The original outlet's name, for detectors that can find one. */
  sourceName?: string;
  /** Set when the detector could not judge this input: why, in words. The engine reports it as not assessed. */
  notAssessed?: string;
  /** What the signal's figures say beyond its findings, in words (e.g. how many words were out of place, and why none is listed). */
  note?: string;
}

export interface Detector {
  id: SignalId;
  /** True when the detector relies on English word lists and must say "not assessed" for other languages. */
  englishOnly: boolean;
  detect(input: DetectorInput): DetectorResult;
}
