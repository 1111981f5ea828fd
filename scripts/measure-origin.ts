/**
 * How much a canonical link to another site may weigh: honest copies carry one too. Debian's
 * python-sklearn-doc ships scikit-learn's manual as HTML whose every page names its home on
 * scikit-learn.org as canonical, so each page read as if served from a mirror is an honest copy
 * that says where its original is. This scores every such page with the whole engine (the page's
 * own claims, the shipped model), and prints how many are flagged at the shipped origin score and
 * what other scores would flag, computed from the other signals' scores.
 *
 *   npm run measure:origin           (needs python-sklearn-doc: apt-get install python-sklearn-doc)
 *   npm run -s measure:origin -- --json
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readHtmlPage } from '../cli/html';
import { cliResources } from '../cli/spun-model';
import { ORIGIN_SCORE } from '../lib/detectors/origin';
import { analyze, DEFAULT_SETTINGS, SIGNAL_IDS } from '../lib/index';

const DOC_DIR = '/usr/share/doc/python-sklearn-doc/html';
const MIRROR = 'https://docs-mirror.example';
const TRIED_SCORES = [0, 5, 10, 15, 20];

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });
}

if (!existsSync(DOC_DIR)) {
  process.stderr.write(`measure:origin: ${DOC_DIR} is missing; install Debian's python-sklearn-doc.\n`);
  process.exit(1);
}

const resources = cliResources();
const { suspicious } = DEFAULT_SETTINGS.thresholds;
let pages = 0;
let withCanonicalElsewhere = 0;
let flaggedShipped = 0;
const flaggedAt = new Map(TRIED_SCORES.map((score) => [score, 0]));
for (const file of htmlFiles(DOC_DIR).sort()) {
  const { text, claims } = readHtmlPage(readFileSync(file, 'utf8'));
  const report = analyze(text, {}, { url: MIRROR + file, claims }, resources);
  pages++;
  if (report.signals.origin.findings.some((f) => f.rule === 'origin/canonical')) withCanonicalElsewhere++;
  if (report.flagged) flaggedShipped++;
  // The other signals' combined evidence, as lib/score.ts combines it, then each origin score on top.
  const others = SIGNAL_IDS.filter((id) => id !== 'origin').reduce((clean, id) => clean * (1 - Math.min(1, report.signals[id].score / 100)), 1);
  for (const score of TRIED_SCORES) if (100 * (1 - others * (1 - score / 100)) >= suspicious) flaggedAt.set(score, flaggedAt.get(score)! + 1);
}

const result = { pages, withCanonicalElsewhere, shippedOriginScore: ORIGIN_SCORE, flaggedShipped, flaggedByOriginScore: Object.fromEntries(flaggedAt) };
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const pct = (n: number) => `${((100 * n) / pages).toFixed(1)}%`;
  console.log(`scikit-learn's manual read as a mirror's copy: ${pages} pages, ${withCanonicalElsewhere} with a canonical link to scikit-learn.org`);
  console.log(`flagged at the shipped origin score (${ORIGIN_SCORE}): ${flaggedShipped} (${pct(flaggedShipped)})`);
  for (const [score, n] of flaggedAt) console.log(`  flagged if the origin signal scored ${String(score).padStart(2)}: ${String(n).padStart(4)} (${pct(n)})`);
}
