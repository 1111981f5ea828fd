import type { Detector, DetectorInput, DetectorResult } from './detector';

/** Syndication boilerplate: placeholder, being written. */
export function detectBoilerplate(_input: DetectorInput): DetectorResult {
  return { score: 0, findings: [], stats: {} };
}

export const boilerplateDetector: Detector = { id: 'boilerplate', englishOnly: false, detect: detectBoilerplate };
