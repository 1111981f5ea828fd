import { describe, expect, it } from 'vitest';
import type { DevPage, Label } from '../../corpora';
import { countCleanPages, countHits, devSplit, formatComparison, pagesOf, ratesByPart, tallyPages, type Judged } from '../../scripts/evaluation';
import { buildLexicon, lexiconFile, type LexiconInputs } from '../../scripts/lexicon/assemble';

const page = (id: string, label: Label): DevPage => ({ id, url: `https://example.com/${id}`, label, note: '', text: '' });
/** Nine pages of each label, so each part of the split has some of every label. */
const corpus = (['spun', 'syndicated', 'clean'] as const).flatMap((label) => Array.from({ length: 9 }, (_, i) => page(`${label}-${i}`, label)));

describe('the dev split', () => {
  it('holds out every third page of each label, the same pages whatever the input order', () => {
    const { tune, holdout } = devSplit(corpus);
    expect(holdout.filter((p) => p.label === 'spun')).toHaveLength(3);
    expect(tune.filter((p) => p.label === 'clean')).toHaveLength(6);
    const again = devSplit([...corpus].reverse());
    expect(again.holdout.map((p) => p.id).sort()).toEqual(holdout.map((p) => p.id).sort());
  });
});

describe('counting flagged pages', () => {
  it('gives per label flagged of pages, precision, recall and the clean false-positive rate, for all pages and each part', () => {
    // Flag every spun page, no syndicated page, and one clean page.
    const judged: Judged[] = corpus.map((p) => ({ page: p, flagged: p.label === 'spun' || p.id === 'clean-0', outcome: p.label === 'spun' ? 'suspicious' : undefined }));
    const byPart = ratesByPart(judged, ['suspicious']);
    expect(byPart.all.perLabel.spun).toEqual({ pages: 9, flagged: 9, suspicious: 9 });
    expect(byPart.all.perLabel.syndicated).toEqual({ pages: 9, flagged: 0, suspicious: 0 });
    expect(byPart.all.precision).toBe(0.9);
    expect(byPart.all.recallSpun).toBe(1);
    expect(byPart.all.recallSyndicated).toBe(0);
    expect(byPart.all.recallBoth).toBe(0.5);
    expect(byPart.all.falsePositiveRate).toBe(0.111);
    expect(byPart.tune.perLabel.clean.pages + byPart.holdout.perLabel.clean.pages).toBe(9);
    expect(byPart.tune.perLabel.clean.flagged + byPart.holdout.perLabel.clean.flagged).toBe(1);
  });

  it('reports a ratio with nothing to divide by as null, not NaN', () => {
    const byPart = ratesByPart(corpus.map((p) => ({ page: p, flagged: false })));
    expect(byPart.all.precision).toBeNull();
    expect(JSON.stringify(byPart.all)).not.toContain('NaN');
  });

  it('shows several judges side by side as flagged/pages per label and part', () => {
    const lines = formatComparison([['nothing', ratesByPart(corpus.map((p) => ({ page: p, flagged: false })))]]);
    expect(lines[1]).toMatch(/^ {2}nothing +0\/6 +0\/3 +0\/6 +0\/3 +0\/6 +0\/3$/);
  });
});

describe('clean pages and hits', () => {
  it('cuts a document into whole pages of a fixed number of words and drops the shorter tail', () => {
    const text = Array.from({ length: 950 }, (_, i) => `w${i}`).join(' ');
    const pages = pagesOf({ id: 'd', text });
    expect(pages).toHaveLength(2);
    expect(pages[1]!.split(' ')).toHaveLength(400);
    expect(pages[1]!.startsWith('w400 ')).toBe(true);
  });

  it('counts flagged pages per corpus, with further outcomes and a few examples', () => {
    const doc = { id: 'd', text: Array.from({ length: 2000 }, () => 'word').join(' ') };
    const [count] = countCleanPages({ prose: [doc] }, (text, d) => ({ flagged: true, also: { alone: false }, example: `${d.id}: ${text.length}` }));
    expect(count).toMatchObject({ corpus: 'prose', pages: 5, flagged: 5, flaggedShare: 1, alone: 0 });
    expect(count!.examples).toHaveLength(3);
    expect(tallyPages('empty', []).flaggedShare).toBeNull();
  });

  it('counts hits per million words, leaving out the documents not assessed', () => {
    const docs = [
      { id: 'a', text: 'x' },
      { id: 'b', text: 'y' },
    ];
    const count = countHits('c', docs, (d) => (d.id === 'a' ? { words: 500_000, hits: [{ phrase: 'Jap Europe', class: 'curated' }] } : undefined));
    expect(count).toMatchObject({ documents: 2, notAssessed: 1, words: 500_000, hits: 1, perMillionWords: 2, topPhrases: [['jap europe', 1]], byClass: { curated: 1 } });
  });
});

describe('the lexicon build', () => {
  const clean = 'The machine learning course covers deep learning and the table below. '.repeat(20);
  const inputs: LexiconInputs = {
    miningTexts: [clean],
    references: { prose: [{ id: 'prose/1', text: clean }] },
    tuneCleanTexts: [],
    ppsPhrases: [
      { tortured: 'profound learning', correct: 'deep learning' },
      { tortured: 'machine learning', correct: 'machine learning' },
      { tortured: 'table below', correct: 'table underneath' },
      { tortured: 'elderly folks', correct: 'older adults' },
      { tortured: 'on the off chance', correct: 'computer-aided design' },
      { tortured: 'advantage gizmos', correct: '???' },
      { tortured: 'crow inquiry calculation', correct: 'crow search algorithm ?' },
    ],
    ppsFingerprintsCsv: 'query,type,papers\n"""profound learning""",phrase,"1,200"\n',
    curated: [{ phrase: 'desk under', original: ['table below'], weight: 1, reason: 'test' }],
    thesaurusCompounds: [],
    thesaurusTexts: [],
    commonPairs: new Set(),
    modelHolds: (words) => ['elderly folks', 'on the off chance'].includes(words.join(' ')),
  };

  it('keeps spins clean text never writes, drops those it does, and writes the same file from the same inputs', () => {
    const built = buildLexicon(inputs);
    const phrases = built.entries.map((e) => e.phrase);
    expect(phrases).toContain('profound learning');
    expect(phrases).toContain('desk under');
    // "table below" occurs in the clean text; "machine learning" replaced no word.
    expect(phrases).not.toContain('table below');
    expect(phrases).not.toContain('machine learning');
    // What the language model holds is ordinary English, though no clean text here has it.
    expect(phrases).not.toContain('elderly folks');
    expect(phrases).not.toContain('on the off chance');
    // A finding must say what was replaced: a row that does not know it is left out, and a doubt mark is not shown.
    expect(phrases).not.toContain('advantage gizmos');
    expect(built.entries.find((e) => e.phrase === 'crow inquiry calculation')!.original).toEqual(['crow search algorithm']);
    // Found in 1,200 papers: weighs more than a phrase PPS has no fingerprint for.
    expect(built.entries.find((e) => e.phrase === 'profound learning')!.weight).toBeGreaterThan(0.8);
    expect(lexiconFile(buildLexicon(inputs).entries)).toBe(lexiconFile(built.entries));
  });
});
