/**
 * Checks lib/data/boilerplate.json (npm run check:boilerplate, part of npm test) and measures it:
 *
 * 1. Shape: family ids unique and kebab-case, weights in 0..1, a description, a source and a
 *    message, known flags, known %variants%, at least MIN_EXAMPLES examples that must fire and as
 *    many that must not.
 * 2. Safety: every regex compiles; no unbounded quantifier (lines are bounded, so repetition can be
 *    too); no quantified group that itself contains a quantifier or an alternation (the shapes that
 *    backtrack exponentially); no back-references; anchored at the line start unless the family
 *    says why it cannot be. Then each regex is run on hostile lines of the maximum length built from
 *    its family's examples and from characters regexes tend to choke on, and must finish each
 *    within a bound.
 * 3. Examples: each runs through the real scanner (with its previous line and page address), fires
 *    or stays silent as stated, and yields the stated source address. An example that must fire may
 *    not be a line of a dev page: the dev pages measure the families, they do not write them.
 * 4. Documentation: the family table of docs/boilerplate.md lists every family with its weight.
 * 5. Per family: the dev `syndicated` and clean pages it fires on (with their own addresses), and
 *    its hits on every clean reference corpus corpora/clean.ts loads here, one sentence a
 *    line (the harshest layout for line-anchored patterns). Any hit on a clean reference corpus, or
 *    a clean dev page that the signal alone makes `suspicious`, is a problem.
 *
 * Exits 1 when any problem is found.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  BOILERPLATE_DATA,
  boilerplateScore,
  compileFamily,
  expandVariants,
  scanBoilerplate,
  type BoilerplateData,
  type BoilerplateExample,
  type BoilerplateFamily,
  type CompiledPattern,
} from '../lib/detectors/boilerplate';
import { tokenize } from '../lib/tokenize';
import { devCorpus } from '../corpora';
import { cleanCorpora } from '../corpora/clean';
import { countHits, mistakes, ratesByPart } from './evaluation/count';
import { formatComparison, formatHits } from './evaluation/report';
import { regexShapeProblems } from './regex-shape';

/** Fewest examples a family needs of each kind (fires, must not fire). */
const MIN_EXAMPLES = 3;
/** A pattern that needs longer than this on one hostile line of maximum length backtracks. */
const MAX_HOSTILE_MS = 25;
/** The default `suspicious` threshold: the signal alone must stay below it on clean pages. */
const SUSPICIOUS = 30;

const problems: string[] = [];
const problem = (where: string, message: string) => problems.push(`${where}: ${message}`);

const exampleOf = (e: BoilerplateExample) => (typeof e === 'string' ? { line: e } : e);

/** Checks the data file's shape; returns the ids of families with a regex of a backtracking-prone shape. */
function checkShape(data: BoilerplateData): Set<string> {
  const unsafe = new Set<string>();
  if (!Number.isInteger(data.maxLineLength) || data.maxLineLength < 100 || data.maxLineLength > 4000) problem('maxLineLength', 'must be an integer from 100 to 4000');
  if (!Number.isInteger(data.maxFindings) || data.maxFindings < 1) problem('maxFindings', 'must be a positive integer');
  if (!(data.unknownSiteFactor >= 0 && data.unknownSiteFactor <= 1)) problem('unknownSiteFactor', 'must be in 0..1');
  for (const [name, words] of Object.entries(data.variants)) {
    if (!Array.isArray(words) || words.length === 0 || words.some((w) => typeof w !== 'string' || !w.trim())) problem(`variants.${name}`, 'must be a list of wordings');
  }
  const seen = new Set<string>();
  data.families.forEach((f: BoilerplateFamily, index) => {
    const where = `family ${f.id ?? `#${index}`}`;
    if (typeof f.id !== 'string' || !/^[a-z0-9]{1,30}(?:-[a-z0-9]{1,30}){0,8}$/.test(f.id)) problem(where, 'id must be kebab-case');
    if (seen.has(f.id)) problem(where, 'duplicate id');
    seen.add(f.id);
    if (typeof f.description !== 'string' || f.description.length < 20) problem(where, 'needs a description of what it catches');
    if (typeof f.source !== 'string' || f.source.length < 40) problem(where, 'needs a source: where the marker comes from and why honest pages do not show it');
    if (typeof f.message !== 'string' || f.message.length < 10) problem(where, 'needs a message');
    if (typeof f.weight !== 'number' || !(f.weight > 0 && f.weight <= 1)) problem(where, 'weight must be in (0, 1]');
    if (typeof f.flags !== 'string' || !/^[iu]{0,2}$/.test(f.flags) || new Set(f.flags).size !== f.flags.length) problem(where, 'flags may only be i and u (lines are tested one at a time, without g, y, m or s)');
    if (f.outlet !== undefined && f.outlet !== 'elsewhere' && f.outlet !== 'own-site-exempt') problem(where, 'outlet must be "elsewhere" or "own-site-exempt"');
    if (!Array.isArray(f.patterns) || f.patterns.length === 0 || f.patterns.some((p) => typeof p !== 'string' || !p)) {
      problem(where, 'needs a list of patterns');
      unsafe.add(f.id);
      return;
    }
    for (const source of [...f.patterns, ...(f.previous === undefined ? [] : [f.previous])]) {
      let expanded: string;
      try {
        expanded = expandVariants(source, data.variants);
      } catch (e) {
        problem(where, (e as Error).message);
        continue;
      }
      for (const shape of regexShapeProblems(expanded)) {
        problem(where, shape);
        unsafe.add(f.id);
      }
    }
    for (const p of f.patterns) {
      if (!p.startsWith('^') && !f.unanchored) problem(where, `anchor the pattern at the line start (^) or say in \`unanchored\` why it cannot be: ${p}`);
      if (f.outlet && !p.includes('(?<outlet>')) problem(where, `an outlet rule needs a named group \`outlet\` in every pattern: ${p}`);
    }
    const { match, noMatch } = f.examples ?? {};
    if (!(match?.length >= MIN_EXAMPLES) || !(noMatch?.length >= MIN_EXAMPLES)) problem(where, `needs at least ${MIN_EXAMPLES} examples that fire and ${MIN_EXAMPLES} that must not`);
  });
  return unsafe;
}

function compileAll(data: BoilerplateData, unsafe: Set<string>): CompiledPattern[] {
  const out: CompiledPattern[] = [];
  // Families rejected for their shape are not run any further: they may never finish.
  for (const f of data.families.filter((f) => !unsafe.has(f.id))) {
    try {
      out.push(...compileFamily(f, data.variants));
    } catch (e) {
      problem(`family ${f.id}`, `does not compile: ${(e as Error).message}`);
    }
  }
  return out;
}

const lineKey = (line: string) => line.trim().replace(/\s+/g, ' ').toLowerCase();

function checkExamples(data: BoilerplateData, compiled: CompiledPattern[], devLines: Set<string>): void {
  for (const family of data.families) {
    const patterns = compiled.filter((cp) => cp.family === family);
    if (patterns.length === 0) continue;
    const where = `family ${family.id}`;
    const rule = `boilerplate/${family.id}`;
    const run = (e: BoilerplateExample) => {
      const ex = exampleOf(e);
      const text = ex.previous === undefined ? ex.line : `${ex.previous}\n${ex.line}`;
      return { ex, hits: scanBoilerplate(text, ex.url, patterns, data).findings.filter((f) => f.rule === rule) };
    };
    let yieldsUrl = false;
    for (const e of family.examples.match) {
      const { ex, hits } = run(e);
      if (hits.length === 0) problem(where, `does not fire on its example "${ex.line}"`);
      if (ex.sourceUrl !== undefined && hits[0]?.url !== ex.sourceUrl) problem(where, `gives source ${hits[0]?.url} instead of ${ex.sourceUrl} on "${ex.line}"`);
      if (devLines.has(lineKey(ex.line))) problem(where, `its example "${ex.line}" is a line of a dev page; write examples from the marker's source`);
      yieldsUrl ||= hits.some((f) => f.url);
    }
    for (const e of family.examples.noMatch) {
      const { ex, hits } = run(e);
      if (hits.length) problem(where, `fires on its counter-example "${ex.line}"`);
    }
    if (family.patterns.some((p) => p.includes('(?<url>')) && !yieldsUrl) problem(where, 'has a `url` group but no example yields a source address');
  }
}

/** Lines of the maximum length that make regexes backtrack: the family's own examples repeated (whole and cut short) and runs of awkward characters. */
function hostileLines(family: BoilerplateFamily, maxLength: number): string[] {
  const units = new Set<string>(['a', ' ', 'a ', '. ', '…', '[', '[…', '1', '1a', '0a', ':', ' : ', '/', 'http://', 'https://a', '\t', 'A ', 'Read more at ', 'The post ', ' appeared first on ', 'a.b: 1 | ', '{{a', '[a ']);
  for (const e of [...family.examples.match, ...family.examples.noMatch]) {
    const { line } = exampleOf(e);
    units.add(line + ' ');
    units.add(line.slice(0, -1));
    units.add(line.slice(0, Math.ceil(line.length / 2)));
    for (const word of line.split(' ')) if (word) units.add(word + ' ');
  }
  const lines: string[] = [];
  for (const unit of units) {
    const body = unit.repeat(Math.ceil(maxLength / unit.length)).slice(0, maxLength - 1);
    lines.push(body + '!', '!' + body);
  }
  return lines;
}

function checkHostile(data: BoilerplateData, compiled: CompiledPattern[]): number {
  let worst = 0;
  for (const cp of compiled) {
    for (const line of hostileLines(cp.family, data.maxLineLength)) {
      for (const regex of cp.previous ? [cp.regex, cp.previous] : [cp.regex]) {
        // Best of three, so that a pause from another process is not taken for backtracking.
        let ms = Infinity;
        for (let run = 0; run < 3; run++) {
          const t0 = performance.now();
          regex.exec(line);
          ms = Math.min(ms, performance.now() - t0);
        }
        worst = Math.max(worst, ms);
        if (ms > MAX_HOSTILE_MS) problem(`family ${cp.family.id}`, `took ${ms.toFixed(1)} ms on a hostile line "${line.slice(0, 40)}…" (${regex.source.slice(0, 40)}…)`);
      }
    }
  }
  return worst;
}

const DOCS = new URL('../docs/boilerplate.md', import.meta.url);

function checkDocs(data: BoilerplateData): void {
  const docs = readFileSync(DOCS, 'utf8');
  for (const f of data.families) {
    const row = docs.split('\n').find((l) => l.startsWith(`| \`${f.id}\` |`));
    const documented = row === undefined ? undefined : Number(row.split('|')[2]);
    if (documented === undefined) problem(`family ${f.id}`, 'is not in the family table of docs/boilerplate.md');
    else if (documented !== f.weight) problem(`family ${f.id}`, `docs/boilerplate.md gives weight ${documented}, the data ${f.weight}`);
  }
}

/** One sentence a line: every sentence start is a line start, the harshest layout for anchored patterns. */
const asLines = (text: string) => text.replace(/([.!?]["')]?) (?=["'(]?[A-Z])/g, '$1\n');

/** Per family, on how many of the judged pages it fires. */
function pagesHit(judged: readonly { families: string[] }[]): Map<string, number> {
  const hit = new Map<string, number>();
  for (const j of judged) for (const id of j.families) hit.set(id, (hit.get(id) ?? 0) + 1);
  return hit;
}

function measure(data: BoilerplateData, compiled: CompiledPattern[]): void {
  // The dev pages judged by boilerplate alone, counted the way npm run eval counts the whole engine.
  const judged = devCorpus().map((page) => {
    const scan = scanBoilerplate(page.text, page.url, compiled, data);
    const score = boilerplateScore(scan.strongest);
    return { page, score, flagged: score >= SUSPICIOUS, families: [...scan.strongest.keys()] };
  });
  console.log(`dev pages at or above ${SUSPICIOUS} on boilerplate alone:`);
  console.log(formatComparison([['boilerplate alone', ratesByPart(judged)]]).join('\n'));
  for (const j of judged.filter((j) => j.page.label === 'syndicated')) console.log(`  ${j.score.toFixed(1).padStart(5)}  ${j.page.id}  ${j.families.join(', ') || '-'}`);
  for (const fp of mistakes(judged).falsePositives) problem(`dev clean page ${fp.page.id}`, `boilerplate alone scores ${fp.score}, at or above the suspicious threshold`);
  const synd = pagesHit(judged.filter((j) => j.page.label === 'syndicated'));
  const devClean = pagesHit(judged.filter((j) => j.page.label === 'clean'));

  // Clean corpora one sentence a line, the harshest layout for anchored patterns; a hit's class is its family.
  const corpora = Object.entries(cleanCorpora()).map(([name, docs]) =>
    countHits(name, docs, (doc) => {
      const text = asLines(doc.text);
      const hits = scanBoilerplate(text, undefined, compiled, data).findings.map((f) => ({ phrase: f.actual.slice(0, 80), class: f.rule.slice('boilerplate/'.length) }));
      return { words: tokenize(text).words, hits };
    }),
  );
  console.log('\nclean references (hits per million words):');
  console.log(formatHits(corpora).join('\n'));
  for (const c of corpora) {
    if (c.hits) problem(`clean reference ${c.corpus}`, `${c.hits} hits (${Object.entries(c.byClass ?? {}).map(([id, n]) => `${id} ${n}`).join(', ')}); no family may fire on honest text`);
  }

  console.log(`\nPer family (dev pages: pages it fires on; clean references: lines it fires on)\n`);
  const nSynd = judged.filter((j) => j.page.label === 'syndicated').length;
  const nClean = judged.filter((j) => j.page.label === 'clean').length;
  console.log(`| family | weight | examples (fire / not) | dev syndicated (${nSynd}) | dev clean (${nClean}) | ${corpora.map((c) => c.corpus).join(' | ')} |`);
  console.log(`|---|---|---|---|---|${corpora.map(() => '---|').join('')}`);
  for (const f of data.families) {
    const cells = corpora.map((c) => String(c.byClass?.[f.id] ?? 0));
    console.log(`| \`${f.id}\` | ${f.weight} | ${f.examples.match.length} / ${f.examples.noMatch.length} | ${synd.get(f.id) ?? 0} | ${devClean.get(f.id) ?? 0} | ${cells.join(' | ')} |`);
  }
  console.log(`| words | | | | | ${corpora.map((c) => c.words.toLocaleString('en')).join(' | ')} |`);
}

function main(): void {
  const data = BOILERPLATE_DATA;
  const unsafe = checkShape(data);
  const compiled = compileAll(data, unsafe);
  const devLines = new Set(devCorpus().flatMap((p) => p.text.split('\n').map(lineKey)));
  checkExamples(data, compiled, devLines);
  const worst = checkHostile(data, compiled);
  checkDocs(data);
  const patterns = data.families.flatMap((f) => f.patterns);
  console.log(`${data.families.length} families, ${patterns.length} patterns (${patterns.filter((p) => !p.startsWith('^')).length} unanchored); slowest hostile line ${worst.toFixed(2)} ms (limit ${MAX_HOSTILE_MS} ms)`);
  measure(data, compiled);
  if (problems.length) {
    console.error(`\n${problems.length} problem(s) in lib/data/boilerplate.json:`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log('boilerplate data OK');
}

main();
