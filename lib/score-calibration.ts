import calibrationData from './data/score-calibration.json';

/**
 * How whole-engine scores fall on honest writing: clean reference pages scored at default settings
 * by `npm run calibrate:thresholds` (scripts/calibrate-thresholds.ts), so that a threshold can say
 * what it does.
 */
export interface ScoreCalibration {
  version: 1;
  /** Each page is this many consecutive words of one document. */
  wordsPerPage: number;
  /** Pages scored in all. */
  pages: number;
  /** Pages scored per clean corpus. */
  corpora: Record<string, number>;
  /** `atLeast[t]`: pages whose score is t or more, for every whole t from 0 to 100. */
  atLeast: number[];
}

export const SCORE_CALIBRATION = calibrationData as ScoreCalibration;

/**
 * The share (0..1) of the measured honest pages whose score reaches `threshold` at default settings.
 * A threshold between two whole numbers gets the share at the whole number below it: at most that many.
 */
export function honestShareAtLeast(threshold: number, calibration: ScoreCalibration = SCORE_CALIBRATION): number {
  const t = Math.min(100, Math.max(0, Math.floor(threshold)));
  return calibration.atLeast[t]! / calibration.pages;
}
