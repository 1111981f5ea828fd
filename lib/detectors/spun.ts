import lexiconData from '../data/lexicon.json';
import { compileLexicon, type CompiledLexicon, type LexiconData } from '../lexicon';
import type { Finding } from '../types';
import type { Detector, DetectorInput, DetectorResult } from './detector';

/**
 * Spun synonyms: tortured phrases left by article spinners, matched against the lexicon.
 *
 * Score: each distinct phrase contributes its weight once, plus a little for each repeat
 * (log-damped, so one phrase repeated twenty times does not look like systematic spinning).
 * That evidence is divided by the length of the text in thousands of words, with a floor of
 * MIN_WORDS words so a 60-word snippet with one hit is not scored as dense spinning, and mapped
 * to 0..100 by a saturating curve. A text needs several distinct phrases to score high.
 */
const MIN_WORDS = 250;
/** Evidence per 1,000 words at which the score reaches 1 − 1/e ≈ 63. */
const DENSITY_SCALE = 6;
/** Repeats of one phrase add this much per natural-log unit of the count. */
const REPEAT_BONUS = 0.3;

let compiled: CompiledLexicon | undefined;
/** Compiled on first use so importing the engine costs nothing until a text is analysed. */
export function spunLexicon(): CompiledLexicon {
  compiled ??= compileLexicon(lexiconData as LexiconData);
  return compiled;
}

export function detectSpun(input: DetectorInput, lexicon: CompiledLexicon = spunLexicon()): DetectorResult {
  const { text, tokens } = input;
  const matches = lexicon.match(tokens);
  const findings: Finding[] = [];
  const perEntry = new Map<number, { weight: number; count: number }>();
  for (const m of matches) {
    const actual = text.slice(m.start, m.end);
    findings.push({
      signal: 'spun',
      rule: 'spun/lexicon',
      message: `“${actual}” looks like a spinner's synonym for “${m.entry.original.join('” or “')}”.`,
      start: m.start,
      end: m.end,
      actual,
      expected: [...m.entry.original],
      weight: m.entry.weight,
    });
    const e = perEntry.get(m.id);
    if (e) e.count++;
    else perEntry.set(m.id, { weight: m.entry.weight, count: 1 });
  }
  let evidence = 0;
  let strongDistinct = 0;
  for (const { weight, count } of perEntry.values()) {
    evidence += weight * (1 + REPEAT_BONUS * Math.log(count));
    if (weight >= 0.5) strongDistinct++;
  }
  const words = tokens.words;
  const density = (evidence * 1000) / Math.max(words, MIN_WORDS);
  const score = 100 * (1 - Math.exp(-density / DENSITY_SCALE));
  return {
    score: Math.round(score * 10) / 10,
    findings,
    stats: {
      hits: matches.length,
      distinctPhrases: perEntry.size,
      strongDistinctPhrases: strongDistinct,
      perThousandWords: words ? Math.round(((matches.length * 1000) / words) * 100) / 100 : 0,
      weightedEvidence: Math.round(evidence * 100) / 100,
      lexiconSize: lexicon.size,
    },
  };
}

export const spunDetector: Detector = {
  id: 'spun',
  englishOnly: true,
  detect: (input) => detectSpun(input),
};
