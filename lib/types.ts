import type { SignalId } from './signals';

/** The signals and their order are registered in lib/signals.ts. */
export type { SignalId };

export const VERDICTS = ['clean', 'suspicious', 'syndicated'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A cell-structured table recovered from flattened text. */
export interface RecoveredTable {
  rows: string[][];
}

/**
 * One piece of evidence, in one shape for every detector (after retext/vfile messages).
 * Offsets are UTF-16 code-unit indices into the text given to `analyze`, `end` exclusive,
 * so `text.slice(start, end) === actual`.
 */
export interface Finding {
  signal: SignalId;
  /** Rule id, `signal/name`, e.g. `spun/lexicon`, `tables/glued-cells`, `boilerplate/scraper-footer`. */
  rule: string;
  /** One sentence a reader understands. */
  message: string;
  start: number;
  end: number;
  /** The text seen. */
  actual: string;
  /** What the text probably replaced, where that applies (the original wording of a spun phrase). */
  expected?: string[];
  /** How much this finding says, 0..1: 1 is conclusive on its own. */
  weight: number;
  /** Tables: the structure, where it could be recovered. */
  table?: RecoveredTable;
  /** Boilerplate: the original source address the page credits. */
  url?: string;
}

export interface SignalReport {
  id: SignalId;
  /** Off in the settings: not run, score 0. */
  enabled: boolean;
  /** False when the signal could not judge this text (e.g. an English lexicon on a French page). */
  assessed: boolean;
  /** Why the signal was not assessed, in words. */
  note?: string;
  /** 0..100 before the signal's weight is applied. */
  score: number;
  findings: Finding[];
  /** Signal-specific figures, e.g. `perThousandWords`, `distinctPhrases`. */
  stats: Record<string, number>;
}

export interface Report {
  /** 0..100, the combination of the signal scores described in lib/score.ts. */
  score: number;
  verdict: Verdict;
  flagged: boolean;
  /** ISO 639-3 code from franc, `und` when the text is too short or unclear to tell. */
  language: string;
  words: number;
  chars: number;
  signals: Record<SignalId, SignalReport>;
  /** The original article's address, when the page credits one. */
  sourceUrl?: string;
  thresholds: { suspicious: number; syndicated: number };
  /** Set when the input was longer than the engine reads; only the first part was analysed. */
  truncatedAt?: number;
  /**
   * Set when the text is shorter than MIN_JUDGED_WORDS and not flagged: the verdict is then `clean`
   * only for want of evidence, and the extension shows a neutral state, not a "clean" badge.
   */
  tooLittleText?: true;
}

/** What `analyze` knows about the page besides its text. */
export interface PageContext {
  /** The page's own address; signals may compare it with a credited source. */
  url?: string;
}
