import { independentEvidence, reportedScore } from './independent-evidence';
import type { Settings } from './settings';
import { SIGNAL_IDS, type SignalId } from './signals';
import type { ScoredVerdict, SignalReport } from './types';

/**
 * The combined score treats each signal as independent evidence (./independent-evidence.ts): a signal scoring s
 * (0..100) with weight w says "low-quality syndication" with strength p = min(1, w·s/100), and the
 * combined score is the chance that at least one of them is right:
 *
 *     score = 100 · (1 − Π (1 − pᵢ))
 *
 * So one conclusive signal is enough (boilerplate alone can make a page `syndicated`), two middling
 * signals reinforce each other, a disabled or unassessed signal contributes nothing, and the result
 * stays within 0..100 whatever the weights. Each signal's contribution is reported so the popup can
 * show why.
 */
export function combineScores(signals: Record<SignalId, SignalReport>, settings: Settings): { score: number; contributions: Record<SignalId, number> } {
  const contributions = {} as Record<SignalId, number>;
  const strengths = SIGNAL_IDS.map((id) => {
    const s = signals[id];
    const p = s.enabled && s.assessed ? Math.min(1, (settings.signals[id].weight * s.score) / 100) : 0;
    contributions[id] = reportedScore(p);
    return p;
  });
  return { score: reportedScore(independentEvidence(strengths)), contributions };
}

export function verdictFor(score: number, thresholds: Settings['thresholds']): ScoredVerdict {
  if (score >= thresholds.syndicated) return 'syndicated';
  if (score >= thresholds.suspicious) return 'suspicious';
  return 'clean';
}
