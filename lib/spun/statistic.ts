/**
 * The page statistic of contextual fit. Honest text has out-of-place words too (a rare collocation,
 * a literary choice), at a base rate that varies from writer to writer; a spun page has many more.
 * The number of distinct out-of-place words k among n judged words is compared with clean English
 * as a beta-binomial: rate p0 and between-page variance τ², both fitted on clean reference text
 * (scripts/spun-model/calibrate.ts writes them to lib/data/spun-calibration.json):
 *
 *     z = (k − n·p0) / √(n·p0·(1 − p0) + n²·τ²)
 *
 * The τ² term keeps long honest pages by a wordy writer from looking spun merely for being long.
 * The signal's contextual score is linear in z, reaching the default suspicious threshold (30)
 * at `zSuspicious`, the z that the calibration found at most a small share of clean pages of every
 * reference corpus reaching.
 */
export interface SpunCalibration {
  version: 1;
  /** Clean English's share of judged words that are out of place. */
  baseRate: number;
  /** Between-page variance of that share. */
  spread: number;
  /** z at which the contextual score is 30. */
  zSuspicious: number;
  /** Fewer judged words than this and the contextual score is 0: too little to compare with the base rate. */
  minJudged: number;
  /** What the calibration measured, per clean corpus, for the docs and the options page. */
  corpora: Record<
    string,
    {
      pages: number;
      wordsPerPage: number;
      meanRate: number;
      flaggedShare: number;
      /** The zSuspicious this corpus alone would need; the calibration takes the largest. */
      ownThreshold: number;
    }
  >;
}

export const SUSPICIOUS_SCORE = 30;

export function oddityZ(outOfPlace: number, judged: number, cal: SpunCalibration): number {
  if (judged <= 0) return 0;
  const p = cal.baseRate;
  const variance = judged * p * (1 - p) + judged * judged * cal.spread;
  return (outOfPlace - judged * p) / Math.sqrt(variance);
}

/** 0..100: 0 at or below clean English's rate, 30 at `zSuspicious`, linear, capped. */
export function contextScore(outOfPlace: number, judged: number, cal: SpunCalibration): number {
  if (judged < cal.minJudged) return 0;
  const z = oddityZ(outOfPlace, judged, cal);
  return Math.min(100, Math.max(0, (SUSPICIOUS_SCORE * z) / cal.zSuspicious));
}
