/**
 * The one way of counting how well something flags pages. Whatever is judged (the whole engine, one
 * signal alone, a lexicon under construction), a caller says per page whether it was flagged, and
 * these functions count:
 * - on the labelled dev corpus, per label pages flagged out of pages, precision, recall and the clean
 *   false-positive rate, for all pages and for the tune and holdout parts of the one split;
 * - on clean reference corpora cut into pages of PAGE_WORDS words, pages flagged per corpus;
 * - in clean text, hits per million words, with the phrases (and classes) that hit most.
 */
import type { DevPage, Label, TextDoc } from '../../corpora';
import { partsOf, type Part } from './split';

export const LABELS: readonly Label[] = ['spun', 'syndicated', 'clean'];
/** About the length of a news article's body, and of a dev page. */
export const PAGE_WORDS = 400;

/** Rounded to `digits`; null for a ratio with nothing to divide by. */
export const round = (x: number, digits = 3): number | null => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);

// ---------------------------------------------------------------- dev corpus

/** One dev page and the verdict on it; `outcome` is an optional finer class counted per label (the engine's verdict). */
export interface Judged<P extends DevPage = DevPage> {
  page: P;
  flagged: boolean;
  outcome?: string;
}

/** Pages and flagged pages of one label, plus one count per outcome asked for. */
export type LabelCount = { pages: number; flagged: number } & Record<string, number>;

export interface Rates {
  perLabel: Record<Label, LabelCount>;
  precision: number | null;
  recallSpun: number | null;
  recallSyndicated: number | null;
  recallBoth: number | null;
  falsePositiveRate: number | null;
}
export type ByPart<T> = Record<'all' | Part, T>;

export function rates(judged: readonly Judged[], outcomes: readonly string[] = []): Rates {
  const count = (label: Label, flagged?: boolean) => judged.filter((j) => j.page.label === label && (flagged === undefined || j.flagged === flagged)).length;
  const perLabel = Object.fromEntries(
    LABELS.map((label) => {
      const of = judged.filter((j) => j.page.label === label);
      const counts: LabelCount = { pages: of.length, flagged: of.filter((j) => j.flagged).length };
      for (const o of outcomes) counts[o] = of.filter((j) => j.outcome === o).length;
      return [label, counts];
    }),
  ) as Record<Label, LabelCount>;
  const truePositives = count('spun', true) + count('syndicated', true);
  return {
    perLabel,
    precision: round(truePositives / judged.filter((j) => j.flagged).length),
    recallSpun: round(count('spun', true) / count('spun')),
    recallSyndicated: round(count('syndicated', true) / count('syndicated')),
    recallBoth: round(truePositives / (count('spun') + count('syndicated'))),
    falsePositiveRate: round(count('clean', true) / count('clean')),
  };
}

/** Rates for all pages and for each part. `judged` must cover the whole dev corpus (see devSplit). */
export function ratesByPart(judged: readonly Judged[], outcomes: readonly string[] = []): ByPart<Rates> {
  const part = partsOf(judged.map((j) => j.page));
  return {
    all: rates(judged, outcomes),
    tune: rates(
      judged.filter((j) => part.get(j.page.id) === 'tune'),
      outcomes,
    ),
    holdout: rates(
      judged.filter((j) => part.get(j.page.id) === 'holdout'),
      outcomes,
    ),
  };
}

/** Spun or syndicated pages not flagged, and clean pages flagged. */
export function mistakes<J extends Judged>(judged: readonly J[]): { misses: J[]; falsePositives: J[] } {
  return {
    misses: judged.filter((j) => j.page.label !== 'clean' && !j.flagged),
    falsePositives: judged.filter((j) => j.page.label === 'clean' && j.flagged),
  };
}

// ---------------------------------------------------------------- clean pages

/** Pages of `words` consecutive words (line breaks kept); a shorter tail is dropped. */
export function pagesOf(doc: TextDoc, words = PAGE_WORDS): string[] {
  const parts = doc.text.split(/(\s+)/);
  const pages: string[] = [];
  let page = '';
  let count = 0;
  for (let i = 0; i < parts.length; i += 2) {
    if (!parts[i]) continue;
    page += parts[i] + (parts[i + 1] ?? '');
    if (++count === words) {
      pages.push(page.trim());
      page = '';
      count = 0;
    }
  }
  return pages;
}

/**
 * The verdict on one clean page: flagged or not; `also`, further named yes/no outcomes counted beside
 * it (e.g. "flagged by one signal alone"); `example`, a line shown for a flagged page.
 */
export interface PageJudgement {
  flagged: boolean;
  also?: Record<string, boolean>;
  example?: string;
}

/** Pages flagged in one clean corpus; one count per name in `also`; the first few examples. */
export type CleanPageCount = { corpus: string; pages: number; flagged: number; flaggedShare: number | null; examples: string[] } & Record<string, unknown>;

export const MAX_EXAMPLES = 3;

/** Counts the judgements of one corpus's pages. */
export function tallyPages(corpus: string, judgements: Iterable<PageJudgement>): CleanPageCount {
  let pages = 0;
  let flagged = 0;
  const also: Record<string, number> = {};
  const examples: string[] = [];
  for (const j of judgements) {
    pages++;
    if (j.flagged) {
      flagged++;
      if (j.example !== undefined && examples.length < MAX_EXAMPLES) examples.push(j.example);
    }
    for (const [name, yes] of Object.entries(j.also ?? {})) also[name] = (also[name] ?? 0) + (yes ? 1 : 0);
  }
  return { corpus, pages, flagged, flaggedShare: round(flagged / pages, 4), ...also, examples };
}

/** Every corpus cut into pages of PAGE_WORDS words, each page judged. */
export function countCleanPages(corpora: Record<string, readonly TextDoc[]>, judge: (page: string, doc: TextDoc) => PageJudgement): CleanPageCount[] {
  return Object.entries(corpora).map(([corpus, docs]) => tallyPages(corpus, (function* () {
    for (const doc of docs) for (const page of pagesOf(doc)) yield judge(page, doc);
  })()));
}

// ---------------------------------------------------------------- hits in clean text

/** One hit in clean text: the phrase seen, and optionally the class of whatever matched it. */
export interface Hit {
  phrase: string;
  class?: string;
}

export interface HitCount {
  corpus: string;
  documents: number;
  /** Documents the judge did not assess (e.g. judged not English): neither their words nor their hits count. */
  notAssessed: number;
  words: number;
  hits: number;
  perMillionWords: number | null;
  topPhrases: [string, number][];
  /** Hits per class, when the hits have classes. */
  byClass?: Record<string, number>;
}

export const TOP_PHRASES = 10;

/** Hits per million words of `docs`; `hitsIn` gives a document's words and hits, or undefined when it does not assess it. */
export function countHits(corpus: string, docs: readonly TextDoc[], hitsIn: (doc: TextDoc, index: number) => { words: number; hits: readonly Hit[] } | undefined): HitCount {
  let words = 0;
  let hits = 0;
  let notAssessed = 0;
  const phrases = new Map<string, number>();
  const classes = new Map<string, number>();
  docs.forEach((doc, i) => {
    const found = hitsIn(doc, i);
    if (!found) {
      notAssessed++;
      return;
    }
    words += found.words;
    hits += found.hits.length;
    for (const h of found.hits) {
      const k = h.phrase.toLowerCase();
      phrases.set(k, (phrases.get(k) ?? 0) + 1);
      if (h.class !== undefined) classes.set(h.class, (classes.get(h.class) ?? 0) + 1);
    }
  });
  const count: HitCount = {
    corpus,
    documents: docs.length,
    notAssessed,
    words,
    hits,
    perMillionWords: round((hits * 1e6) / words, 2),
    topPhrases: [...phrases].sort((a, b) => b[1] - a[1]).slice(0, TOP_PHRASES),
  };
  if (classes.size) count.byClass = Object.fromEntries([...classes].sort((a, b) => b[1] - a[1]));
  return count;
}
