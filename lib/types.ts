import type { OriginClaim } from './origin';
import type { SignalId } from './signals';

/** The signals and their order are registered in lib/signals.ts. */
export type { SignalId };

/** The verdicts a score maps to at the thresholds (lib/score.ts). */
export const SCORED_VERDICTS = ['clean', 'suspicious', 'syndicated'] as const;
export type ScoredVerdict = (typeof SCORED_VERDICTS)[number];
/** Every verdict: a scored one, or `not-text` for binary or undecodable input, which is not judged at all. */
export const VERDICTS = [...SCORED_VERDICTS, 'not-text'] as const;
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
  /**
   * The rest of the sentence the finding sits in (lib/context.ts), for a preview; set by the engine
   * on findings of at most MAX_CONTEXT_ACTUAL characters (a glued table is its own context).
   */
  context?: { before: string; after: string };
  /** Boilerplate and origin: the original source address the page credits. */
  url?: string;
  /**
   * For a finding in the page's markup rather than its text (the origin signal): the element read,
   * e.g. `<link rel="canonical">`. Such a finding has no place in the text: `start` and `end` are 0
   * and `actual` is empty, so the offsets invariant holds and nothing is highlighted.
   */
  element?: string;
}

export interface SignalReport {
  id: SignalId;
  /** Off in the settings: not run, score 0. */
  enabled: boolean;
  /** False when the signal could not judge this text (e.g. an English lexicon on a French page). */
  assessed: boolean;
  /** Why the signal was not assessed, or, when it was, what its figures say beyond its findings; in words. */
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
  /** True for the verdicts `suspicious` and `syndicated`. */
  flagged: boolean;
  /** ISO 639-3 code from franc, `und` when the text is too short or unclear to tell. */
  language: string;
  words: number;
  chars: number;
  signals: Record<SignalId, SignalReport>;
  /**
   * What each signal added to the score, 0..100: its score times its weight, capped at 100 (lib/score.ts).
   * The popup and the command line list the signals in this order, largest first.
   */
  contributions: Record<SignalId, number>;
  /** The original article's address, when the page credits one. */
  sourceUrl?: string;
  /** The original outlet's name, when the page's markup gives one that fits `sourceUrl`. */
  sourceName?: string;
  thresholds: { suspicious: number; syndicated: number };
  /** Set when the input was longer than the engine reads; only the first part was analysed. */
  truncatedAt?: number;
  /**
   * Set when the text is shorter than MIN_JUDGED_WORDS and not flagged: the verdict is then `clean`
   * only for want of evidence, and the extension shows a neutral state, not a "clean" badge.
   */
  tooLittleText?: true;
  /**
   * Set when the page is not flagged but signals that are on could not read it in its language
   * (the spun signal knows English only): not flagged, but not checked in full either, and the
   * extension shows a neutral state rather than a "clean" badge.
   */
  notJudgedInLanguage?: SignalId[];
  /**
   * Set with the verdict `not-text`: why the input was taken for binary or undecodable data rather
   * than text. No signal ran, and the score 0 means nothing.
   */
  notText?: string;
  /**
   * What the caller did to the input before the engine saw it, when that changes what was analysed
   * (the command line notes HTML cut before parsing and bytes that were not valid UTF-8).
   */
  inputNotes?: string[];
}

/** What `analyze` knows about the page besides its text. */
export interface PageContext {
  /** The page's own address; signals may compare it with a credited source. */
  url?: string;
  /**
   * What the page's markup says about its origin (lib/origin.ts), when the text came from a
   * document; absent for plain text, which the origin signal then does not assess.
   */
  claims?: readonly OriginClaim[];
}
