/**
 * Calibrates the spun signal's contextual fit on clean English (`npm run calibrate:spun`): every
 * clean reference corpus is cut into pages of PAGE_WORDS words, each page is scanned, and
 * - the base rate and between-page spread of out-of-place words are fitted on all pages together
 *   (method of moments of a beta-binomial),
 * - zSuspicious is set so that on every corpus at most FLAGGED_SHARE of pages reach the suspicious
 *   score with the whole spun signal, the contextual score combined with the lexicon's as the
 *   signal combines them: a page whose lexicon part already scores reaches 30 at a lower z.
 * Writes lib/data/spun-calibration.json with each corpus's figures; `--check` fails when the
 * committed file differs from what the corpora give. It reports the pages reaching zSuspicious per
 * corpus through scripts/evaluation (text, or `--json`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spunModelFromFile } from '../../cli/spun-model';
import { reportsAtLeast } from '../../lib/independent-evidence';
import { contextPart, LIST_CONTEXT_FROM_Z } from '../../lib/detectors/spun';
import { lexiconPart, spunLexicon } from '../../lib/spun/lexicon-part';
import { SUSPICIOUS_SCORE, type SpunCalibration } from '../../lib/spun/statistic';
import { tokenize } from '../../lib/tokenize';
import type { TextDoc } from '../../corpora';
import { cleanCorpora } from '../../corpora/clean';
import { formatCleanPages, PAGE_WORDS, pagesOf, printReport, reportOptions, round, tallyPages, type CleanPageCount } from '../evaluation';

const here = dirname(fileURLToPath(import.meta.url));
export const CALIBRATION_PATH = join(here, '..', '..', 'lib', 'data', 'spun-calibration.json');
export const FLAGGED_SHARE = 0.003;
export const MIN_JUDGED = 40;

export interface PageCount {
  judged: number;
  outOfPlace: number;
  /** The spun signal's lexicon part on the page (0..100). */
  lexiconScore: number;
}

/** Fits base rate and spread on page counts, and z per page. */
export function fitBetaBinomial(pages: readonly PageCount[]): { baseRate: number; spread: number } {
  const k = pages.reduce((s, p) => s + p.outOfPlace, 0);
  const n = pages.reduce((s, p) => s + p.judged, 0);
  const p0 = k / n;
  let excess = 0;
  for (const p of pages) excess += (p.outOfPlace / p.judged - p0) ** 2 - (p0 * (1 - p0)) / p.judged;
  return { baseRate: p0, spread: Math.max(0, excess / pages.length) };
}

const z = (p: PageCount, baseRate: number, spread: number) => (p.outOfPlace - p.judged * baseRate) / Math.sqrt(p.judged * baseRate * (1 - baseRate) + p.judged ** 2 * spread);

/** Scores are reported and compared rounded (lib/independent-evidence.ts), so a page scoring 29.95 is flagged. */
const FLAGGED_FROM = reportsAtLeast(SUSPICIOUS_SCORE);

/**
 * The highest zSuspicious at which the spun signal flags a page of this z and lexicon score: the
 * signal's score is 100·(1 − (1 − c/100)(1 − lexicon/100)) with c = 30·z/zSuspicious, so the
 * contextual score the page needs is lower when its lexicon part scores. Infinity when the lexicon
 * part flags the page alone, −Infinity when no threshold flags it.
 */
export function criticalZ(z: number, lexiconScore: number): number {
  if (lexiconScore >= FLAGGED_FROM) return Infinity;
  if (z <= 0) return -Infinity;
  const contextNeeded = 100 * (1 - (100 - FLAGGED_FROM) / (100 - lexiconScore));
  return (SUSPICIOUS_SCORE * z) / contextNeeded;
}

/** The lowest zSuspicious that flags at most `share` of the pages: just above the critical z of the highest page that must stay below. */
function thresholdFor(criticals: readonly number[], share: number): number {
  const descending = [...criticals].sort((a, b) => b - a);
  const allowed = Math.floor(share * descending.length);
  const highestUnflagged = descending[allowed];
  return highestUnflagged === undefined || !Number.isFinite(highestUnflagged) ? 0 : highestUnflagged + 0.001;
}

/** The calibration, and per corpus the usable pages that reach its threshold, counted as every evaluation counts. */
export function calibrate(corpora: Record<string, readonly PageCount[]>): { calibration: SpunCalibration; cleanPages: CleanPageCount[] } {
  const usable = Object.fromEntries(Object.entries(corpora).map(([name, ps]) => [name, ps.filter((p) => p.judged >= MIN_JUDGED)]));
  const { baseRate, spread } = fitBetaBinomial(Object.values(usable).flat());
  const stats = Object.entries(usable).map(([name, ps]) => {
    const zs = ps.map((p) => z(p, baseRate, spread));
    const criticals = ps.map((p, i) => criticalZ(zs[i]!, p.lexiconScore));
    return { name, ps, zs, criticals, ownThreshold: thresholdFor(criticals, FLAGGED_SHARE) };
  });
  const zSuspicious = Math.max(...stats.map((s) => s.ownThreshold));
  const cleanPages = stats.map(({ name, zs, criticals }) => tallyPages(name, zs.map((x, i) => ({ flagged: criticals[i]! >= zSuspicious, also: { listed: x >= LIST_CONTEXT_FROM_Z } }))));
  const r = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
  const calibration: SpunCalibration = {
    version: 1,
    baseRate: r(baseRate, 6),
    spread: r(spread, 8),
    zSuspicious: r(zSuspicious, 3),
    minJudged: MIN_JUDGED,
    corpora: Object.fromEntries(
      stats.map(({ name, ps, ownThreshold }, i) => [
        name,
        {
          pages: ps.length,
          wordsPerPage: PAGE_WORDS,
          meanRate: r(ps.reduce((s, p) => s + p.outOfPlace / p.judged, 0) / ps.length),
          flaggedShare: cleanPages[i]!.flaggedShare!,
          ownThreshold: r(ownThreshold, 3),
        },
      ]),
    ),
  };
  return { calibration, cleanPages };
}

export function countPages(docs: readonly TextDoc[]): PageCount[] {
  const model = spunModelFromFile();
  const lexicon = spunLexicon();
  if (!lexicon) throw new Error('The calibration reads the lexicon bundled with the engine (lib/data/lexicon.json), and it is missing.');
  return docs.flatMap((d) =>
    pagesOf(d).map((text) => {
      const input = { text, tokens: tokenize(text), language: 'eng' };
      const { stats } = contextPart(input, model);
      return { judged: stats.judgedWords!, outOfPlace: stats.outOfPlaceWords! + stats.outOfPlacePairs!, lexiconScore: lexiconPart(input, lexicon).score };
    }),
  );
}

const USAGE = `npm run calibrate:spun [-- --check] [-- --json]

Fits the spun signal's contextual-fit statistic on every clean reference corpus cut into pages of
${PAGE_WORDS} words and writes lib/data/spun-calibration.json. --check only compares the committed file
with what the corpora give (exit 1 when they differ). Either way it reports, per corpus, the pages of at
least ${MIN_JUDGED} judged words that reach the threshold, and those that reach z ${LIST_CONTEXT_FROM_Z} (from where the
signal lists the words it found out of place); --json prints that report as JSON.`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const options = reportOptions('calibrate:spun', USAGE, ['--check']);
  const t0 = performance.now();
  const counts = Object.fromEntries(Object.entries(cleanCorpora()).map(([name, docs]) => [name, countPages(docs)]));
  const { calibration, cleanPages } = calibrate(counts);
  const json = JSON.stringify(calibration, null, 2) + '\n';
  const seconds = ((performance.now() - t0) / 1000).toFixed(0);
  if (options.flags.has('--check')) {
    if (!existsSync(CALIBRATION_PATH) || readFileSync(CALIBRATION_PATH, 'utf8') !== json) {
      process.stderr.write(`calibrate:spun: ${CALIBRATION_PATH} is not what the corpora give; run npm run calibrate:spun.\n`);
      process.exit(1);
    }
    process.stderr.write(`calibrate:spun: ${CALIBRATION_PATH} is current (${seconds} s).\n`);
  } else {
    writeFileSync(CALIBRATION_PATH, json);
    process.stderr.write(`Wrote ${CALIBRATION_PATH} in ${seconds} s\n`);
  }
  const summary = { baseRate: calibration.baseRate, spread: calibration.spread, zSuspicious: calibration.zSuspicious, cleanPages };
  printReport(options, summary, () => [
    `base rate ${calibration.baseRate}, spread ${calibration.spread}; zSuspicious ${calibration.zSuspicious} (at most ${round(100 * FLAGGED_SHARE, 2)}% of each corpus's pages reach it)`,
    `Clean reference pages of ${PAGE_WORDS} words with at least ${MIN_JUDGED} judged words reaching zSuspicious`,
    ...formatCleanPages(cleanPages, { listed: `z ≥ ${LIST_CONTEXT_FROM_Z} (words listed)` }),
  ]);
}
