import calibrationData from '../data/spun-calibration.json';
import { independentEvidence, reportedScore } from '../independent-evidence';
import type { CompiledLexicon } from '../lexicon';
import { scanContextFit, type Oddity, type PairOddity } from '../spun/context-fit';
import { lexiconPart, spunLexicon } from '../spun/lexicon-part';
import type { SpunModel } from '../spun/model';
import { contextScore, oddityZ, type SpunCalibration } from '../spun/statistic';
import type { Tokens } from '../tokenize';
import type { Finding } from '../types';
import type { Detector, DetectorInput, DetectorResult } from './detector';

export { spunLexicon, UNCORROBORATED } from '../spun/lexicon-part';

/**
 * Spun synonyms, from two kinds of evidence:
 * - contextual fit (../spun/context-fit.ts): words a language model of English finds out of place
 *   where one of their synonyms fits far better, counted per page against clean English's base
 *   rate (../spun/statistic.ts) — this generalises to spins no list has seen;
 * - the lexicon (../spun/lexicon-part.ts): phrases known from spinners' output and tortured-phrase
 *   research, each conclusive or nearly so on its own.
 * The signal's score combines the two as independent evidence (lib/independent-evidence.ts), as lib/score.ts
 * combines signals: 100 · (1 − (1 − context/100)(1 − lexicon/100)). Without a model (not loaded, or failed to load)
 * only the lexicon runs, and the stats say so (`contextAssessed` 0); without a lexicon only the model
 * runs (`lexiconSize` 0); the note says which part did not run, and without both the signal is not assessed.
 */
export const SPUN_CALIBRATION = calibrationData as SpunCalibration;

/** Words read for contextual fit: a long article's worth; the stats say when a page had more. */
export const MAX_CONTEXT_TOKENS = 30_000;
/**
 * On a page long enough to compare with clean English, words out of place are listed only when the
 * page has clearly more of them than clean English does (this z; docs/spun.md says how many clean pages reach it):
 * below it they are the few odd words every honest page has, and listing them would explain a
 * verdict nobody made. The stats count the ones withheld.
 */
export const LIST_CONTEXT_FROM_Z = 2;
/** Findings kept per page, strongest first; the stats still count every one. */
export const MAX_SPUN_FINDINGS = 300;

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * A whole number with thousands separators, as en-US writes it ("2,000"). Not toLocaleString: its
 * first call in a fresh worker loads the locale data (about 16 ms in Node), and the background pays
 * that at every start of its service worker.
 */
const grouped = (n: number) => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** How many times better, in words a reader can picture: "150 times", "about 2,000 times". */
function timesBetter(gain: number): string {
  const t = Math.exp(gain);
  if (t < 1000) return `${Math.round(t)} times`;
  const digits = Math.floor(Math.log10(t)) - 1;
  return `about ${grouped(Math.round(t / 10 ** digits) * 10 ** digits)} times`;
}

/** A synonym written with the capital of the word it replaces. */
const matchCase = (seen: string, s: string) => (/^\p{Lu}/u.test(seen) ? s.charAt(0).toUpperCase() + s.slice(1) : s);

/**
 * One out-of-place word as a finding: the word with the neighbour that rejects it ("homeland
 * safety"), and the same words with the synonym that fits ("homeland security").
 */
function oddityFinding(o: Oddity, text: string, tokens: Tokens): Finding {
  const from = o.side !== 'after' && o.before >= 0 ? o.before : o.token;
  const to = o.side !== 'before' && o.after >= 0 ? o.after : o.token;
  const start = tokens.starts[from]!;
  const end = tokens.ends[to]!;
  const actual = text.slice(start, end);
  const word = text.slice(tokens.starts[o.token]!, tokens.ends[o.token]!);
  const before = text.slice(start, tokens.starts[o.token]!);
  const after = text.slice(tokens.ends[o.token]!, end);
  const expected = o.expected.map((s) => before + matchCase(word, s) + after);
  const neighbour = from < o.token ? `after “${before.trim()}”` : to > o.token ? `before “${after.trim()}”` : 'here';
  return {
    signal: 'spun',
    rule: 'spun/context',
    message: `“${word}” is out of place ${neighbour}: its synonym “${o.expected[0]}” fits this place ${timesBetter(o.gain)} better in English text, more than its being a commoner word explains.`,
    start,
    end,
    actual,
    expected,
    weight: oddityWeight(o.commonGain),
  };
}

/** Two adjacent words out of place together ("Home flooring"), and the pair that fits ("House floor"). */
function pairFinding(o: PairOddity, text: string, tokens: Tokens): Finding {
  const start = tokens.starts[o.first]!;
  const end = tokens.ends[o.second]!;
  const actual = text.slice(start, end);
  const gap = text.slice(tokens.ends[o.first]!, tokens.starts[o.second]!);
  const firstSeen = text.slice(start, tokens.ends[o.first]!);
  const secondSeen = text.slice(tokens.starts[o.second]!, end);
  const expected = o.expected.map((pair) => {
    const [x, y] = pair.split(' ') as [string, string];
    return matchCase(firstSeen, x) + gap + matchCase(secondSeen, y);
  });
  return {
    signal: 'spun',
    rule: 'spun/context-pair',
    message: `“${actual}” is a pair English text does not use; with both words swapped for synonyms, “${o.expected[0]}” fits this place ${timesBetter(o.gain)} better, more than their being commoner words explains.`,
    start,
    end,
    actual,
    expected,
    weight: oddityWeight(o.commonGain),
  };
}

/** One out-of-place word or pair says little (honest text has a few); the weight grows with how clearly the context prefers the synonym. */
const oddityWeight = (commonGain: number) => round(Math.min(0.4, 0.1 + (commonGain - 3) / 20), 2);

const percent = (share: number) => `${(100 * share).toFixed(1)}%`;

/**
 * What contextual fit saw on the page, for the reader: how many words were out of place against
 * honest English's rate, and why they are listed or not, so that the part of the score they add (or
 * its absence) is never unexplained.
 */
function contextNote(outOfPlace: number, judged: number, listed: boolean, cal: SpunCalibration): string {
  if (judged === 0) return 'No word here could be judged in its context.';
  const seen = `Out of place in their context: ${grouped(outOfPlace)} of the ${grouped(judged)} words judged`;
  if (judged < cal.minJudged) return `${seen}, too few words to compare with honest English, so they add nothing to the score.`;
  const against = `${seen} (${percent(outOfPlace / judged)}), where honest English has about ${percent(cal.baseRate)}.`;
  if (outOfPlace === 0) return against;
  if (listed) return `${against} Each is listed with the wording that fits the place.`;
  if (outOfPlace / judged <= cal.baseRate) return `${against} That is no more than honest English has, so they are not listed.`;
  return `${against} Honest pages vary that much, so they are not listed one by one.`;
}

/** Said when only the lexicon could run. */
export const CONTEXT_NOT_LOADED_NOTE = 'Known spun phrases only: the model of English that judges words in their context could not be loaded.';

export interface ContextPart {
  score: number;
  /** The page's words out of place against honest English's rate, in words, and why they are or are not listed. */
  note: string;
  /** Every word out of place, whether or not the page is odd enough for them to be listed. */
  findings: Finding[];
  /** The findings are worth showing: the page is too short to compare, or clearly odder than clean English. */
  listed: boolean;
  stats: Record<string, number>;
}

export function contextPart(input: DetectorInput, model: SpunModel, cal: SpunCalibration = SPUN_CALIBRATION): ContextPart {
  const { text, tokens } = input;
  const scan = scanContextFit(tokens, text, model, MAX_CONTEXT_TOKENS);
  const words = new Set<string>();
  for (const o of scan.oddities) words.add(tokens.norms[o.token]!);
  const pairs = new Set<string>();
  for (const o of scan.pairs) pairs.add(`${tokens.norms[o.first]!} ${tokens.norms[o.second]!}`);
  const counted = words.size + pairs.size;
  const score = contextScore(counted, scan.judged, cal);
  const z = oddityZ(counted, scan.judged, cal);
  const findings = [...scan.oddities.map((o) => oddityFinding(o, text, tokens)), ...scan.pairs.map((o) => pairFinding(o, text, tokens))];
  const listed = scan.judged < cal.minJudged || z >= LIST_CONTEXT_FROM_Z;
  return {
    score,
    note: contextNote(counted, scan.judged, listed, cal),
    findings: findings.sort((x, y) => x.start - y.start),
    listed,
    stats: {
      contextAssessed: 1,
      judgedWords: scan.judged,
      outOfPlaceWords: words.size,
      outOfPlacePairs: pairs.size,
      outOfPlaceShare: scan.judged ? round(counted / scan.judged, 4) : 0,
      baseRate: cal.baseRate,
      oddityZ: round(z, 2),
      contextScore: round(score),
      contextTokensRead: scan.tokensRead,
      contextTokensSkipped: tokens.count - scan.tokensRead,
    },
  };
}

/** Said when the known phrases could not be loaded. */
export const LEXICON_NOT_LOADED_NOTE = 'Known spun phrases were not checked: their list could not be loaded.';

export function detectSpun(input: DetectorInput, lexicon: CompiledLexicon | undefined = input.resources?.spunLexicon ?? spunLexicon()): DetectorResult {
  const model = input.resources?.spunModel;
  if (!model && !lexicon) return { score: 0, findings: [], stats: { contextAssessed: 0, lexiconSize: 0 }, notAssessed: 'Not assessed: neither the model of English nor the list of known spun phrases could be loaded.' };
  const lex = lexicon ? lexiconPart(input, lexicon) : { score: 0, findings: [], stats: { lexiconSize: 0 } };
  const ctx: ContextPart = model ? contextPart(input, model) : { score: 0, note: CONTEXT_NOT_LOADED_NOTE, findings: [], listed: true, stats: { contextAssessed: 0 } };
  const score = reportedScore(independentEvidence([ctx.score / 100, lex.score / 100]));
  const contextListed = ctx.listed ? ctx.findings : [];
  const all = [...lex.findings, ...contextListed];
  const findings = all.length > MAX_SPUN_FINDINGS ? [...all].sort((a, b) => b.weight - a.weight || a.start - b.start).slice(0, MAX_SPUN_FINDINGS).sort((a, b) => a.start - b.start) : all;
  return {
    score,
    findings,
    note: lexicon ? ctx.note : `${ctx.note} ${LEXICON_NOT_LOADED_NOTE}`,
    stats: {
      ...lex.stats,
      lexiconScore: lex.score,
      ...ctx.stats,
      contextFindingsWithheld: ctx.findings.length - contextListed.length,
      findingsDropped: all.length - findings.length,
    },
  };
}

export const spunDetector: Detector = {
  id: 'spun',
  englishOnly: true,
  detect: (input) => detectSpun(input),
};
