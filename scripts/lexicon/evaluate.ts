/**
 * How a freshly built lexicon does, counted and reported through scripts/evaluation:
 * - hits per million words of the clean references (which also vetoed it), per corpus;
 * - on clean text it has not seen: the half-A lexicon's hits on half B, and half B's pages that its
 *   lexicon part alone brings to the suspicious threshold;
 * - on the dev corpus (tune and holdout): pages flagged by the engine without the language model, by
 *   the lexicon part alone, and by the lexicon part with each subset of the sources;
 * - hits per million words by entry class on the tune part's spun and clean pages.
 *
 * Import it only after lib/data/lexicon.json is written: the engine reads that file when loaded.
 */
import { devCorpus, type TextDoc } from '../../corpora';
import { detectSpun } from '../../lib/detectors/spun';
import { analyze } from '../../lib/index';
import { compileLexicon, type CompiledLexicon, type LexiconEntry } from '../../lib/lexicon';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { tokenize } from '../../lib/tokenize';
import {
  countCleanPages,
  countHits,
  devSplit,
  formatCleanPages,
  formatComparison,
  formatHits,
  inHalfB,
  ratesByPart,
  type ByPart,
  type HitCount,
  type Rates,
} from '../evaluation';
import type { LexiconBuild, LexiconInputs } from './assemble';
import { SOURCES } from './drafts';

const SUSPICIOUS = DEFAULT_SETTINGS.thresholds.suspicious;
const compile = (entries: LexiconEntry[]) => compileLexicon({ version: 1, sources: SOURCES, entries });
/** The spun signal's lexicon part alone (no language model) on a page. */
const lexiconScore = (text: string, lexicon: CompiledLexicon) => detectSpun({ text, tokens: tokenize(text), language: 'eng' }, lexicon).score;

/** Hits of `lexicon` in each corpus and in all of them together, classed by entry class. */
function hitsPerCorpus(corpora: Record<string, readonly TextDoc[]>, lexicon: CompiledLexicon, classOf: LexiconBuild['classOf']): HitCount[] {
  const hitsIn = (doc: TextDoc) => {
    const tokens = tokenize(doc.text);
    return { words: tokens.words, hits: lexicon.match(tokens, doc.text).map((m) => ({ phrase: m.entry.phrase, class: classOf.get(m.entry) ?? m.entry.source })) };
  };
  const rows = Object.entries(corpora).map(([name, docs]) => countHits(name, docs, hitsIn));
  return [...rows, countHits('all', Object.values(corpora).flat(), hitsIn)];
}

export function evaluateLexicon(build: LexiconBuild, inputs: LexiconInputs, fileBytes: number) {
  const { entries, halfAEntries, classOf, stats } = build;
  const shipped = compile(entries);
  const halfA = compile(halfAEntries);
  const unseen = Object.fromEntries(Object.entries(inputs.references).map(([name, docs]) => [name, docs.filter((d) => inHalfB(d.id))]));

  const dev = devCorpus();
  const judge = (flaggedOf: (text: string, url: string) => boolean): ByPart<Rates> => ratesByPart(dev.map((page) => ({ page, flagged: flaggedOf(page.text, page.url) })));
  const subsets: [string, string[]][] = [
    ['curated', ['curated']],
    ['curated+pps', ['curated', 'pps']],
    ['curated+generated', ['curated', 'generated']],
  ];
  const devRows: [string, ByPart<Rates>][] = [
    ['engine without the language model', judge((text, url) => analyze(text, undefined, { url }).flagged)],
    ['lexicon part alone', judge((text) => lexiconScore(text, shipped) >= SUSPICIOUS)],
    ...subsets.map(([name, sources]): [string, ByPart<Rates>] => {
      const lexicon = compile(entries.filter((e) => sources.includes(e.source)));
      return [`lexicon part alone, ${name}`, judge((text) => lexiconScore(text, lexicon) >= SUSPICIOUS)];
    }),
  ];

  const { tune } = devSplit(dev);
  const tunePages = (label: string) => tune.filter((p) => p.label === label);
  const summary = {
    lexicon: {
      entries: entries.length,
      bySource: entries.reduce<Record<string, number>>((r, e) => ((r[e.source] = (r[e.source] ?? 0) + 1), r), {}),
      ...stats,
      fileBytes,
    },
    cleanReferences: hitsPerCorpus(inputs.references, shipped, classOf),
    unseenCleanText: hitsPerCorpus(unseen, halfA, classOf),
    unseenCleanPages: countCleanPages(unseen, (text) => ({ flagged: lexiconScore(text, halfA) >= SUSPICIOUS })),
    dev: Object.fromEntries(devRows),
    tuneClasses: [hitsPerCorpus({ 'tune spun pages': tunePages('spun') }, shipped, classOf)[0]!, hitsPerCorpus({ 'tune clean pages': tunePages('clean') }, shipped, classOf)[0]!],
  };

  const text = () => [
    `Lexicon: ${entries.length} entries ${JSON.stringify(summary.lexicon.bySource)}; dropped by clean-text veto ${JSON.stringify(stats.dropped)}`,
    `  from ${stats.collocations} collocations of clean English; ${stats.spinnerSubstitutions} spinner substitutions learned from PPS; ${stats.ppsPhrases} usable PPS phrases; ${stats.curated} curated`,
    `  size on disk ${(fileBytes / 1024).toFixed(0)} kB`,
    '',
    'Clean references (also used to veto): lexicon hits',
    ...formatHits(summary.cleanReferences),
    '',
    'Unseen clean text: hits on half B of the clean references of the lexicon vetoed by half A only',
    ...formatHits(summary.unseenCleanText),
    '',
    `Unseen clean pages: half B's pages brought to ${SUSPICIOUS} by the half-A lexicon part alone`,
    ...formatCleanPages(summary.unseenCleanPages),
    '',
    `Dev corpus: pages flagged (the lexicon part alone: spun score ≥ ${SUSPICIOUS})`,
    ...formatComparison(devRows),
    '',
    'Tune pages: lexicon hits by entry class',
    ...formatHits(summary.tuneClasses),
  ];
  return { summary, text };
}
