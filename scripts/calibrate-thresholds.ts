/**
 * What the verdict thresholds mean on honest writing: every clean reference corpus
 * (corpora/clean.ts, the same pages the spun calibration and `npm run eval` use) is cut
 * into pages of PAGE_WORDS words, each page is scored by the whole engine at default settings, and
 * lib/data/score-calibration.json records how many pages reach each whole score from 0 to 100.
 * The options page reads it to say what a threshold does ("at 30, about N% of honest pages …").
 *
 *   npm run calibrate:thresholds             rewrite the file
 *   npm run calibrate:thresholds -- --check  exit 1 when the committed file is not what the engine gives now
 *
 * Any change to the engine's scoring changes these figures, so run it after one.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spunModelFromFile } from '../cli/spun-model';
import { analyze } from '../lib/index';
import type { ScoreCalibration } from '../lib/score-calibration';
import { cleanCorpora } from '../corpora/clean';
import { pagesOf, PAGE_WORDS } from './evaluation/count';

export const SCORE_CALIBRATION_PATH = join(import.meta.dirname, '..', 'lib', 'data', 'score-calibration.json');

const args = process.argv.slice(2);
const check = args.includes('--check');
const unknown = args.filter((a) => a !== '--check');
if (unknown.length) {
  process.stderr.write(`calibrate:thresholds: unknown argument ${unknown[0]}; the only option is --check.\n`);
  process.exit(2);
}

const t0 = performance.now();
const resources = { spunModel: spunModelFromFile() };
const corpora: Record<string, number> = {};
const atLeast = new Array<number>(101).fill(0);
let pages = 0;
for (const [name, docs] of Object.entries(cleanCorpora())) {
  let count = 0;
  for (const doc of docs) {
    for (const text of pagesOf(doc)) {
      const { score } = analyze(text, {}, {}, resources);
      // A page scoring s reaches every whole threshold up to floor(s).
      for (let t = 0; t <= Math.floor(score); t++) atLeast[t]!++;
      count++;
    }
  }
  corpora[name] = count;
  pages += count;
}
const calibration: ScoreCalibration = { version: 1, wordsPerPage: PAGE_WORDS, pages, corpora, atLeast };
const json = JSON.stringify(calibration) + '\n';
const seconds = ((performance.now() - t0) / 1000).toFixed(0);
if (check) {
  if (!existsSync(SCORE_CALIBRATION_PATH) || readFileSync(SCORE_CALIBRATION_PATH, 'utf8') !== json) {
    process.stderr.write(`calibrate:thresholds: ${SCORE_CALIBRATION_PATH} is not what the engine gives on the clean corpora; run npm run calibrate:thresholds.\n`);
    process.exit(1);
  }
  process.stdout.write(`calibrate:thresholds: ${SCORE_CALIBRATION_PATH} is current (${pages} pages, ${seconds} s).\n`);
} else {
  writeFileSync(SCORE_CALIBRATION_PATH, json);
  const share = (t: number) => `${((100 * atLeast[t]!) / pages).toFixed(2)}%`;
  process.stdout.write(`Wrote ${SCORE_CALIBRATION_PATH} in ${seconds} s: ${pages} pages; score ≥ 30: ${share(30)}, ≥ 60: ${share(60)}\n`);
}
