/**
 * The whole engine on honest web pages as the extension sees them: HTML, extracted the way the
 * content script extracts it, with the page's own markup claims. Debian's documentation packages
 * ship manuals as HTML (release notes, API references, tutorials: technical writing full of code),
 * which no part of the engine was tuned on as pages. Each installed manual is scored page by page
 * at default settings, served from its own site; and scikit-learn's manual, whose every page names
 * its home on scikit-learn.org as canonical, is also read as if from a mirror, an honest copy that
 * says where its original is, to see what the origin signal's score does to honest copies.
 *
 *   npm run measure:honest-html           (needs the packages: apt-get install python3-doc nodejs-doc
 *                                           python-django-doc python-sqlalchemy-doc postgresql-doc-15
 *                                           python-sklearn-doc)
 *   npm run -s measure:honest-html -- --json
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readHtmlPage } from '../cli/html';
import { cliResources } from '../cli/spun-model';
import { ORIGIN_SCORE } from '../lib/detectors/origin';
import { analyze, DEFAULT_SETTINGS, SIGNAL_IDS, type Report } from '../lib/index';
import { combineScores } from '../lib/score';

const MANUALS: Record<string, string> = {
  python: '/usr/share/doc/python3.11/html',
  nodejs: '/usr/share/doc/nodejs/api',
  django: '/usr/share/doc/python-django-doc/html',
  sqlalchemy: '/usr/share/doc/python-sqlalchemy-doc/html',
  postgresql: '/usr/share/doc/postgresql-doc-15/html',
  'scikit-learn': '/usr/share/doc/python-sklearn-doc/html',
};
const MIRRORED = 'scikit-learn';
const TRIED_ORIGIN_SCORES = [0, 5, 10, 15, 20];

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });
}

const resources = cliResources();
const { suspicious } = DEFAULT_SETTINGS.thresholds;
const fired = (r: Report) => SIGNAL_IDS.filter((id) => r.signals[id].score > 0 && id !== 'origin');

interface ManualResult {
  pages: number;
  flagged: number;
  /** Flagged pages on which each signal scored above 0. */
  flaggedWith: Record<string, number>;
  examples: string[];
}
const manuals: Record<string, ManualResult> = {};
let mirror: { pages: number; withCanonicalElsewhere: number; flaggedByOriginScore: Record<number, number> } | undefined;

for (const [name, dir] of Object.entries(MANUALS)) {
  if (!existsSync(dir)) continue;
  const result: ManualResult = { pages: 0, flagged: 0, flaggedWith: {}, examples: [] };
  const counts = new Map(TRIED_ORIGIN_SCORES.map((score) => [score, 0]));
  let withCanonicalElsewhere = 0;
  for (const file of htmlFiles(dir).sort()) {
    const { text, claims } = readHtmlPage(readFileSync(file, 'utf8'));
    const own = analyze(text, {}, { url: `https://${name}.docs.example${file}`, claims: claims.filter((c) => c.kind !== 'canonical' && c.kind !== 'og:url') }, resources);
    result.pages++;
    if (own.flagged) {
      result.flagged++;
      for (const id of fired(own)) result.flaggedWith[id] = (result.flaggedWith[id] ?? 0) + 1;
      if (result.examples.length < 5) result.examples.push(`${file.slice(dir.length + 1)} (${own.score}: ${fired(own).map((id) => `${id} ${own.signals[id].score}`).join(', ')})`);
    }
    if (name !== MIRRORED) continue;
    const copy = analyze(text, {}, { url: `https://docs-mirror.example${file}`, claims }, resources);
    if (copy.signals.origin.findings.some((f) => f.rule === 'origin/canonical')) withCanonicalElsewhere++;
    // The page's score as the engine combines it, with the origin signal scoring each tried value instead of its own.
    for (const score of TRIED_ORIGIN_SCORES) {
      const signals = { ...copy.signals, origin: { ...copy.signals.origin, assessed: true, score } };
      if (combineScores(signals, DEFAULT_SETTINGS).score >= suspicious) counts.set(score, counts.get(score)! + 1);
    }
  }
  manuals[name] = result;
  if (name === MIRRORED) mirror = { pages: result.pages, withCanonicalElsewhere, flaggedByOriginScore: Object.fromEntries(counts) };
}

if (!Object.keys(manuals).length) {
  process.stderr.write('measure:honest-html: none of the Debian manuals is installed (see the comment at the top).\n');
  process.exit(1);
}
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ manuals, mirror, shippedOriginScore: ORIGIN_SCORE }, null, 2)}\n`);
} else {
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
  console.log('Honest HTML manuals, each page served from its own site, default settings:');
  for (const [name, r] of Object.entries(manuals)) {
    const by = Object.entries(r.flaggedWith).map(([id, n]) => `${id} ${n}`).join(', ');
    console.log(`  ${name.padEnd(13)} ${String(r.flagged).padStart(3)} of ${String(r.pages).padStart(4)} flagged (${pct(r.flagged, r.pages)})${by ? `; signals above 0 on them: ${by}` : ''}`);
    for (const example of r.examples) console.log(`      ${example}`);
  }
  if (mirror) {
    console.log(`\n${MIRRORED}'s manual read from a mirror: ${mirror.pages} pages, ${mirror.withCanonicalElsewhere} with a canonical link to its home site`);
    for (const [score, n] of Object.entries(mirror.flaggedByOriginScore)) {
      console.log(`  flagged if the origin signal scored ${score.padStart(2)}: ${String(n).padStart(4)} (${pct(n, mirror.pages)})${Number(score) === ORIGIN_SCORE ? '  <- shipped' : ''}`);
    }
  }
}
