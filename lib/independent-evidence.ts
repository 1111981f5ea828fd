/**
 * How Spinscope adds up independent evidence, everywhere it does (the signals' combination in
 * score.ts, the boilerplate families, the table kinds, the spun signal's two parts): each piece has
 * a strength p in 0..1, "this page is low-quality syndication" with that chance, and together they
 * hold with the chance that at least one does, 1 − Π(1 − pᵢ). One conclusive piece is enough, two
 * middling ones reinforce each other, and the result stays within 0..1 however many there are.
 */
export function independentEvidence(strengths: Iterable<number>): number {
  let none = 1;
  for (const p of strengths) none *= 1 - Math.min(1, Math.max(0, p));
  return 1 - none;
}

/** A chance (0..1) as the score a report gives: 0..100 with one decimal, as it is shown and compared against thresholds. */
export function reportedScore(chance: number): number {
  return Math.round(chance * 1000) / 10;
}

/** The lowest unrounded score that reports as `score` or more (29.95 reports as 30.0). */
export function reportsAtLeast(score: number): number {
  return score - 0.05;
}
