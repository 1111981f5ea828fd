import type { Detector, DetectorInput, DetectorResult } from './detector';

/** Concatenated tables: placeholder, being written. */
export function detectTables(_input: DetectorInput): DetectorResult {
  return { score: 0, findings: [], stats: {} };
}

export const tablesDetector: Detector = { id: 'tables', englishOnly: false, detect: detectTables };
