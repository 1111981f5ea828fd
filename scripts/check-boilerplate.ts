/**
 * Checks lib/data/boilerplate.json (npm run check:boilerplate, part of npm test) and measures it:
 *
 * 1. Shape: ids unique and kebab-case, weights in 0..1, a description and a message, known flags,
 *    known %variants%, at least one example that must fire and one that must not.
 * 2. Safety: every regex compiles; no unbounded quantifier (lines are bounded, so repetition can be
 *    too); no quantified group that itself contains a quantifier or an alternation (the shapes that
 *    backtrack exponentially); no back-references; anchored at the line start unless the entry says
 *    why it cannot be. Then each regex is run on hostile lines of the maximum length built from its
 *    own examples and from characters regexes tend to choke on, and must finish each within a bound.
 * 3. Examples: each runs through the real scanner (with its previous line and page address), fires
 *    or stays silent as stated, and yields the stated source address.
 * 4. Documentation: docs/boilerplate.md names every pattern id, with its weight.
 * 5. False hits per million words on the clean references (Brown, nlp-corpus: one sentence a line,
 *    the harshest layout for line-anchored patterns) and the clean dev pages, tune and holdout parts
 *    reported apart; and, for information, what the signal alone finds on the `syndicated` dev pages.
 *
 * Exits 1 when any problem is found.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  BOILERPLATE_DATA,
  boilerplateScore,
  compilePattern,
  expandVariants,
  scanBoilerplate,
  type BoilerplateData,
  type BoilerplateExample,
  type BoilerplatePattern,
  type CompiledPattern,
} from '../lib/detectors/boilerplate';
import { tokenize } from '../lib/tokenize';
import { cleanReferences, devCorpus, devSplit, type DevPage } from './corpora';

/** Most false hits per million clean words the data file may produce. */
const MAX_FALSE_HITS_PER_MILLION = 2;
/** A pattern that needs longer than this on one hostile line of maximum length backtracks. */
const MAX_HOSTILE_MS = 25;
/** The default `suspicious` threshold: the signal alone must stay below it on clean pages. */
const SUSPICIOUS = 30;

const problems: string[] = [];
const problem = (where: string, message: string) => problems.push(`${where}: ${message}`);

interface Quantifier {
  min: number;
  max: number;
  length: number;
}

/** Reads a quantifier at `i` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each maybe lazy), or undefined. */
function readQuantifier(src: string, i: number): Quantifier | undefined {
  const c = src[i];
  let q: Quantifier | undefined;
  if (c === '*') q = { min: 0, max: Infinity, length: 1 };
  else if (c === '+') q = { min: 1, max: Infinity, length: 1 };
  else if (c === '?') q = { min: 0, max: 1, length: 1 };
  else if (c === '{') {
    const m = /^\{(\d{1,6})(,(\d{0,6}))?\}/.exec(src.slice(i, i + 16));
    if (m) q = { min: Number(m[1]), max: m[2] === undefined ? Number(m[1]) : m[3] ? Number(m[3]) : Infinity, length: m[0].length };
  }
  if (q && src[i + q.length] === '?') q.length++;
  return q;
}

/** Index just past the escape sequence starting at `i` (a backslash). */
function skipEscape(src: string, i: number): number {
  const c = src[i + 1];
  if ((c === 'p' || c === 'P' || c === 'u' || c === 'k') && (src[i + 2] === '{' || src[i + 2] === '<')) {
    const close = src.indexOf(src[i + 2] === '{' ? '}' : '>', i + 3);
    return close < 0 ? src.length : close + 1;
  }
  if (c === 'u') return i + 6;
  if (c === 'x') return i + 4;
  if (c === 'c') return i + 3;
  return i + 2;
}

/** The backtracking-prone shapes of a regex source, as messages. */
function regexShapeProblems(src: string): string[] {
  const out: string[] = [];
  interface Frame {
    varies: boolean;
    alternates: boolean;
  }
  const stack: Frame[] = [{ varies: false, alternates: false }];
  let i = 0;
  const afterAtom = (group?: Frame) => {
    const q = readQuantifier(src, i);
    if (!q) return;
    const top = stack[stack.length - 1]!;
    if (q.max === Infinity) out.push(`unbounded quantifier at ${i} ("${src.slice(Math.max(0, i - 12), i + q.length)}"); bound it, as lines are bounded`);
    if (group && q.max > 1 && (group.varies || group.alternates)) {
      out.push(`repeated group containing a ${group.varies ? 'quantifier' : 'alternation'} before ${i} (nested repetition backtracks)`);
    }
    if (q.max !== q.min) top.varies = true;
    i += q.length;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      if (/[1-9]/.test(src[i + 1] ?? '') || (src[i + 1] === 'k' && src[i + 2] === '<')) out.push(`back-reference at ${i}`);
      i = skipEscape(src, i);
      afterAtom();
    } else if (c === '[') {
      i++;
      if (src[i] === '^') i++;
      if (src[i] === ']') i++;
      while (i < src.length && src[i] !== ']') i = src[i] === '\\' ? skipEscape(src, i) : i + 1;
      i++;
      afterAtom();
    } else if (c === '(') {
      stack.push({ varies: false, alternates: false });
      i++;
      if (src[i] === '?') {
        const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]{0,40}>)/.exec(src.slice(i, i + 48));
        i += m ? m[0].length : 1;
      }
    } else if (c === ')') {
      const group = stack.length > 1 ? stack.pop()! : { varies: false, alternates: false };
      i++;
      const parent = stack[stack.length - 1]!;
      parent.varies ||= group.varies;
      parent.alternates ||= group.alternates;
      afterAtom(group);
    } else if (c === '|') {
      stack[stack.length - 1]!.alternates = true;
      i++;
    } else if (c === '^' || c === '$') {
      i++;
    } else {
      i++;
      afterAtom();
    }
  }
  return out;
}

const exampleOf = (e: BoilerplateExample) => (typeof e === 'string' ? { line: e } : e);

/** Checks the data file's shape; returns the ids of patterns whose regexes have backtracking-prone shapes. */
function checkShape(data: BoilerplateData): Set<string> {
  const unsafe = new Set<string>();
  if (!Number.isInteger(data.maxLineLength) || data.maxLineLength < 100 || data.maxLineLength > 4000) problem('maxLineLength', 'must be an integer from 100 to 4000');
  if (!Number.isInteger(data.maxFindings) || data.maxFindings < 1) problem('maxFindings', 'must be a positive integer');
  if (!(data.unknownSiteFactor >= 0 && data.unknownSiteFactor <= 1)) problem('unknownSiteFactor', 'must be in 0..1');
  for (const [name, words] of Object.entries(data.variants)) {
    if (!Array.isArray(words) || words.length === 0 || words.some((w) => typeof w !== 'string' || !w.trim())) problem(`variants.${name}`, 'must be a list of wordings');
  }
  const seen = new Set<string>();
  data.patterns.forEach((p: BoilerplatePattern, index) => {
    const where = `pattern ${p.id ?? `#${index}`}`;
    if (typeof p.id !== 'string' || !/^[a-z0-9]{1,30}(?:-[a-z0-9]{1,30}){0,8}$/.test(p.id)) problem(where, 'id must be kebab-case');
    if (seen.has(p.id)) problem(where, 'duplicate id');
    seen.add(p.id);
    if (typeof p.description !== 'string' || p.description.length < 20) problem(where, 'needs a description');
    if (typeof p.message !== 'string' || p.message.length < 10) problem(where, 'needs a message');
    if (typeof p.weight !== 'number' || !(p.weight > 0 && p.weight <= 1)) problem(where, 'weight must be in (0, 1]');
    if (typeof p.flags !== 'string' || !/^[iu]{0,2}$/.test(p.flags) || new Set(p.flags).size !== p.flags.length) problem(where, 'flags may only be i and u (lines are tested one at a time, without g, y, m or s)');
    if (!p.pattern.startsWith('^') && !p.unanchored) problem(where, 'anchor the pattern at the line start (^) or say in `unanchored` why it cannot be');
    if (p.outlet !== undefined && p.outlet !== 'elsewhere' && p.outlet !== 'own-site-exempt') problem(where, 'outlet must be "elsewhere" or "own-site-exempt"');
    const sources = [p.pattern, ...(p.previous === undefined ? [] : [p.previous])];
    for (const source of sources) {
      let expanded: string;
      try {
        expanded = expandVariants(source, data.variants);
      } catch (e) {
        problem(where, (e as Error).message);
        continue;
      }
      for (const shape of regexShapeProblems(expanded)) {
        problem(where, shape);
        unsafe.add(p.id);
      }
    }
    if (p.outlet && !p.pattern.includes('(?<outlet>')) problem(where, 'an outlet rule needs a named group `outlet`');
    if (p.sourceUrl && !p.pattern.includes('(?<url>')) problem(where, 'sourceUrl needs a named group `url`');
    if (!p.examples?.match?.length || !p.examples?.noMatch?.length) problem(where, 'needs at least one example that fires and one that must not');
  });
  return unsafe;
}

function compileAll(data: BoilerplateData): CompiledPattern[] {
  const out: CompiledPattern[] = [];
  for (const p of data.patterns) {
    try {
      out.push(compilePattern(p, data.variants));
    } catch (e) {
      problem(`pattern ${p.id}`, `does not compile: ${(e as Error).message}`);
    }
  }
  return out;
}

function checkExamples(data: BoilerplateData, compiled: CompiledPattern[]): void {
  for (const cp of compiled) {
    const rule = `boilerplate/${cp.spec.id}`;
    const run = (e: BoilerplateExample) => {
      const ex = exampleOf(e);
      const text = ex.previous === undefined ? ex.line : `${ex.previous}\n${ex.line}`;
      return { ex, hits: scanBoilerplate(text, ex.url, [cp], data).findings.filter((f) => f.rule === rule) };
    };
    let yieldsUrl = false;
    for (const e of cp.spec.examples.match) {
      const { ex, hits } = run(e);
      if (hits.length === 0) problem(`pattern ${cp.spec.id}`, `does not fire on its example "${ex.line}"`);
      if (ex.sourceUrl !== undefined && hits[0]?.url !== ex.sourceUrl) problem(`pattern ${cp.spec.id}`, `gives source ${hits[0]?.url} instead of ${ex.sourceUrl} on "${ex.line}"`);
      yieldsUrl ||= hits.some((f) => f.url);
    }
    for (const e of cp.spec.examples.noMatch) {
      const { ex, hits } = run(e);
      if (hits.length) problem(`pattern ${cp.spec.id}`, `fires on its counter-example "${ex.line}"`);
    }
    if (cp.spec.sourceUrl && !yieldsUrl) problem(`pattern ${cp.spec.id}`, 'claims a source address but no example yields one');
  }
}

/** Lines of the maximum length that make regexes backtrack: the pattern's own examples repeated (whole and cut short) and runs of awkward characters. */
function hostileLines(spec: BoilerplatePattern, maxLength: number): string[] {
  const units = new Set<string>(['a', ' ', 'a ', '. ', '…', '[', '[…', '1', '1a', '0a', ':', ' : ', '/', 'http://', 'https://a', '\t', 'A ', 'Read more at ', 'The post ', ' appeared first on ']);
  for (const e of [...spec.examples.match, ...spec.examples.noMatch]) {
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
    for (const line of hostileLines(cp.spec, data.maxLineLength)) {
      for (const regex of cp.previous ? [cp.regex, cp.previous] : [cp.regex]) {
        // Best of three, so that a pause from another process is not taken for backtracking.
        let ms = Infinity;
        for (let run = 0; run < 3; run++) {
          const t0 = performance.now();
          regex.exec(line);
          ms = Math.min(ms, performance.now() - t0);
        }
        worst = Math.max(worst, ms);
        if (ms > MAX_HOSTILE_MS) problem(`pattern ${cp.spec.id}`, `took ${ms.toFixed(1)} ms on a hostile line "${line.slice(0, 40)}…"`);
      }
    }
  }
  return worst;
}

const DOCS = new URL('../docs/boilerplate.md', import.meta.url);

function checkDocs(data: BoilerplateData): void {
  const docs = readFileSync(DOCS, 'utf8');
  for (const p of data.patterns) {
    const row = docs.split('\n').find((l) => l.startsWith(`| \`${p.id}\` |`));
    const documented = row === undefined ? undefined : Number(row.split('|')[2]);
    if (documented === undefined) problem(`pattern ${p.id}`, 'is not in the table of docs/boilerplate.md');
    else if (documented !== p.weight) problem(`pattern ${p.id}`, `docs/boilerplate.md gives weight ${documented}, the data ${p.weight}`);
  }
}

/** One sentence a line: every sentence start is a line start, the harshest layout for anchored patterns. */
const asLines = (text: string) => text.replace(/([.!?]["')]?) (?=["'(]?[A-Z])/g, '$1\n');

interface Tally {
  words: number;
  hits: number;
  byRule: Map<string, number>;
}

function tally(texts: Iterable<{ text: string; url?: string }>, compiled: CompiledPattern[], data: BoilerplateData): Tally {
  const t: Tally = { words: 0, hits: 0, byRule: new Map() };
  for (const { text, url } of texts) {
    t.words += tokenize(text).words;
    const scan = scanBoilerplate(text, url, compiled, data);
    t.hits += scan.matches;
    for (const f of scan.findings) t.byRule.set(f.rule, (t.byRule.get(f.rule) ?? 0) + 1);
  }
  return t;
}

const perMillion = (t: Tally) => (t.words ? (t.hits / t.words) * 1e6 : 0);
const describeTally = (name: string, t: Tally) =>
  `${name}: ${t.words.toLocaleString('en')} words, ${t.hits} hits, ${perMillion(t).toFixed(2)} per million words${t.byRule.size ? ` (${[...t.byRule].map(([r, n]) => `${r} ${n}`).join(', ')})` : ''}`;

function measureCorpora(data: BoilerplateData, compiled: CompiledPattern[]): void {
  const references = cleanReferences().map((d) => ({ text: asLines(d.text) }));
  const refTally = tally(references, compiled, data);
  console.log(describeTally('clean references (Brown + nlp-corpus, one sentence a line)', refTally));
  if (perMillion(refTally) > MAX_FALSE_HITS_PER_MILLION) problem('clean references', `${perMillion(refTally).toFixed(2)} false hits per million words (limit ${MAX_FALSE_HITS_PER_MILLION})`);

  const { tune, holdout } = devSplit(devCorpus());
  for (const [part, pages] of [['tune', tune], ['holdout', holdout]] as [string, DevPage[]][]) {
    const clean = pages.filter((p) => p.label === 'clean');
    console.log(describeTally(`dev clean pages, ${part} (${clean.length})`, tally(clean, compiled, data)));
    for (const p of clean) {
      const score = boilerplateScore(scanBoilerplate(p.text, p.url, compiled, data).strongest);
      if (score >= SUSPICIOUS) problem(`dev clean page ${p.id}`, `boilerplate alone scores ${score}, at or above the suspicious threshold`);
    }
    const syndicated = pages.filter((p) => p.label === 'syndicated');
    const found = syndicated.map((p) => {
      const scan = scanBoilerplate(p.text, p.url, compiled, data);
      return { id: p.id, score: boilerplateScore(scan.strongest), rules: [...scan.strongest.keys()] };
    });
    const flagged = found.filter((f) => f.score >= SUSPICIOUS).length;
    console.log(`dev syndicated pages, ${part}: ${flagged}/${syndicated.length} at or above ${SUSPICIOUS} on boilerplate alone`);
    for (const f of found) console.log(`  ${f.score.toFixed(1).padStart(5)}  ${f.id}  ${f.rules.join(', ') || '-'}`);
  }
}

function main(): void {
  const data = BOILERPLATE_DATA;
  const unsafe = checkShape(data);
  // Patterns rejected for their shape are not run any further: they may never finish.
  const compiled = compileAll(data).filter((cp) => !unsafe.has(cp.spec.id));
  checkExamples(data, compiled);
  const worst = checkHostile(data, compiled);
  checkDocs(data);
  console.log(`${data.patterns.length} patterns, ${data.patterns.filter((p) => !p.pattern.startsWith('^')).length} unanchored; slowest hostile line ${worst.toFixed(2)} ms (limit ${MAX_HOSTILE_MS} ms)`);
  measureCorpora(data, compiled);
  if (problems.length) {
    console.error(`\n${problems.length} problem(s) in lib/data/boilerplate.json:`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log('boilerplate data OK');
}

main();
