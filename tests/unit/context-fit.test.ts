import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPUN_MODEL_FILE, spunModelFromFile } from '../../cli/spun-model';
import { CONTEXT_NOT_LOADED_NOTE, contextPart, MAX_CONTEXT_TOKENS, MAX_SPUN_FINDINGS, SPUN_CALIBRATION } from '../../lib/detectors/spun';
import { devCorpus, seeds } from '../../corpora';
import { signalFace } from '../../lib/signals';
import { analyze } from '../../lib/index';
import { scanContextFit } from '../../lib/spun/context-fit';
import { loadSpunModel, ModelFormatError } from '../../lib/spun/model';
import { MODEL_VERSION, Section } from '../../lib/spun/model-format';
import { contextScore, oddityZ, SUSPICIOUS_SCORE } from '../../lib/spun/statistic';
import { tokenize } from '../../lib/tokenize';

const model = spunModelFromFile();
const resources = { spunModel: model };
const context = (text: string) => contextPart({ text, tokens: tokenize(text), language: 'eng' }, model);
const contextFindings = (text: string) => context(text).findings.map((f) => [f.actual, f.expected?.[0]]);

describe('spun model file', () => {
  it('knows English words, their synonyms and their contexts', () => {
    const safety = model.id('safety');
    const security = model.id('security');
    expect(safety).toBeGreaterThan(0);
    const out = new Uint16Array(model.maxSynonyms);
    const n = model.synonyms(safety, out);
    expect([...out.subarray(0, n)].map((id) => model.word(id))).toContain('security');
    // "homeland security" is far likelier than "homeland safety".
    const homeland = model.id('homeland');
    expect(model.logProb(-1, homeland, security) - model.logProb(-1, homeland, safety)).toBeGreaterThan(3);
    expect(model.id('qwzxv')).toBe(-1);
    expect(String(model.provenance.languageModel)).toMatch(/BSD-2/);
  });

  it('tells the word triples it holds from those it only estimates by back-off', () => {
    const [the, united, states] = ['the', 'united', 'states'].map((w) => model.id(w)) as [number, number, number];
    expect(model.hasTrigram(the, united, states)).toBe(true);
    expect(model.hasTrigram(states, united, the)).toBe(false);
  });

  it('refuses bytes that are not a model, with a reason', () => {
    expect(() => loadSpunModel(new Uint8Array(100))).toThrow(ModelFormatError);
    expect(() => loadSpunModel(new Uint8Array(0))).toThrow(ModelFormatError);
  });

  it('refuses a model of another format version or with a cut bigram filter, rather than answering wrongly', () => {
    const bytes = new Uint8Array(readFileSync(SPUN_MODEL_FILE));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const older = bytes.slice();
    new DataView(older.buffer).setUint32(4, MODEL_VERSION - 1, true);
    expect(() => loadSpunModel(older)).toThrow(/version/);
    const cut = bytes.slice();
    for (let i = 0; i < view.getUint32(8, true); i++) {
      if (view.getUint32(12 + i * 12, true) === Section.bigramFilter) new DataView(cut.buffer).setUint32(12 + i * 12 + 8, 4096, true);
    }
    expect(() => loadSpunModel(cut)).toThrow(/bigram filter/);
  });
});

describe('contextual fit', () => {
  it('points at a synonym its context rejects, with the wording that fits', () => {
    const text = 'The Department of Homeland Safety said on Monday that the rules apply to every airport.';
    const [f] = context(text).findings;
    expect(f).toMatchObject({ rule: 'spun/context', actual: 'Homeland Safety', expected: ['Homeland Security'] });
    expect(text.slice(f!.start, f!.end)).toBe(f!.actual);
    expect(f!.message).toMatch(/^“Safety” is out of place after “Homeland”: its synonym “security” fits this place .* times better/);
  });

  it('finds spins no list holds', () => {
    expect(contextFindings('The bank said the curiosity accrued on the loan would be paid at the end of the year.')).toContainEqual(['curiosity accrued', 'interest accrued']);
    expect(contextFindings('The president spoke from the White Home on Tuesday evening.')).toContainEqual(['White Home', 'White House']);
  });

  it('finds two neighbouring words spun together, which no single synonym repairs', () => {
    const text = 'The Senate passed the bill late on Friday, and the Home flooring vote is expected next week.';
    const pair = context(text).findings.find((f) => f.rule === 'spun/context-pair');
    expect(pair).toMatchObject({ actual: 'Home flooring' });
    expect(pair!.expected?.[0]).toBe('House floor');
    expect(text.slice(pair!.start, pair!.end)).toBe('Home flooring');
    expect(pair!.message).toMatch(/^“Home flooring” is a pair .*“house floor” fits this place .* times better/);
    expect(context(text).stats.outOfPlacePairs).toBeGreaterThanOrEqual(1);
  });

  it('leaves a pair alone when English knows it as written', () => {
    const text = 'The Senate passed the bill late on Friday, and the House floor vote is expected next week.';
    expect(context(text).findings).toEqual([]);
  });

  it('finds honest text’s few odd words at no more than its base rate, and does not score them', () => {
    const text =
      'The central bank raised interest rates again on Thursday, saying that prices were still rising faster than it wanted. ' +
      'Most economists had expected the move, and markets barely reacted. The governor told reporters that the bank would ' +
      'watch wages and rents closely over the coming months before deciding whether to raise rates any further this year.';
    const r = context(text);
    expect(r.stats.outOfPlaceWords).toBeLessThanOrEqual(Math.ceil(r.stats.judgedWords! * SPUN_CALIBRATION.baseRate));
    expect(analyze(text, {}, {}, resources).signals.spun.score).toBeLessThan(10);
  });

  it('leaves a beginner’s guide to machine learning clean, with no spun phrase listed', () => {
    const text =
      'Machine learning is a way of building software that improves with experience. Instead of writing every rule by hand, ' +
      'you give a program many examples and let it find the patterns. In supervised learning, each example comes with the ' +
      'right answer: a photo labelled cat or dog, or a house with its sale price. The model makes a guess, measures how far ' +
      'off it was with a loss function, and adjusts its parameters a little, usually by gradient descent. After many rounds ' +
      'on the training data, you check it on a test set it has never seen, because a model that only memorises its examples ' +
      'is of no use. Unsupervised learning has no answers to learn from: clustering groups similar customers, and ' +
      'dimensionality reduction squeezes hundreds of features into a few. A neural network stacks many simple units in ' +
      'layers; deep learning means a network with many such layers, trained on large data sets with graphics cards. ' +
      'Start small: a linear regression or a decision tree in scikit-learn teaches the ideas, and a random forest is a ' +
      'strong baseline for tabular data. Keep a validation set aside to tune the learning rate and the number of trees, ' +
      'and be wary of leakage, when information about the answer slips into the features. Cloud services make it easy ' +
      'to rent a machine with a graphics card when your laptop is too slow.';
    const r = analyze(text, {}, {}, resources);
    expect(r.verdict).toBe('clean');
    // Its few odd words ("a machine", where "a car" is commoner) are clean English's base rate, not evidence.
    expect(r.signals.spun.findings).toEqual([]);
    expect(r.signals.spun.stats.contextFindingsWithheld).toBeGreaterThan(0);
    expect(r.signals.spun.score).toBeLessThan(SUSPICIOUS_SCORE / 2);
  });

  it('counts each out-of-place word once per page however often it recurs', () => {
    const sentence = 'Officials at the Department of Homeland Safety met on Monday. ';
    const r = context(sentence.repeat(20));
    expect(r.findings.length).toBe(20);
    expect(r.stats.outOfPlaceWords).toBe(1);
  });

  it('reads at most MAX_CONTEXT_TOKENS tokens of a huge page and says how many it skipped', () => {
    const text = 'The committee met on Monday and agreed on a plan. '.repeat(Math.ceil((MAX_CONTEXT_TOKENS * 1.5) / 12));
    const r = context(text);
    expect(r.stats.contextTokensRead).toBe(MAX_CONTEXT_TOKENS);
    expect(r.stats.contextTokensSkipped).toBeGreaterThan(0);
  });
});

describe('the page statistic', () => {
  it('is 0 at clean English’s base rate, 30 at the calibrated z, and needs enough judged words', () => {
    const n = 400;
    expect(contextScore(Math.round(n * SPUN_CALIBRATION.baseRate), n, SPUN_CALIBRATION)).toBeLessThan(1);
    const k = Math.ceil(n * SPUN_CALIBRATION.baseRate + SPUN_CALIBRATION.zSuspicious * Math.sqrt(n * SPUN_CALIBRATION.baseRate * (1 - SPUN_CALIBRATION.baseRate) + n * n * SPUN_CALIBRATION.spread));
    expect(oddityZ(k, n, SPUN_CALIBRATION)).toBeGreaterThanOrEqual(SPUN_CALIBRATION.zSuspicious);
    expect(contextScore(k, n, SPUN_CALIBRATION)).toBeGreaterThanOrEqual(30);
    expect(contextScore(10, SPUN_CALIBRATION.minJudged - 1, SPUN_CALIBRATION)).toBe(0);
  });

  it('was calibrated so that at most 0.3% of the clean pages of each reference corpus reach it', () => {
    for (const [name, c] of Object.entries(SPUN_CALIBRATION.corpora)) {
      expect(c.pages, name).toBeGreaterThan(50);
      expect(c.flaggedShare, name).toBeLessThanOrEqual(0.003);
    }
  });
});

describe('the spun signal with its model', () => {
  it('gives every input a clear result', () => {
    for (const text of ['', 'word '.repeat(10_000), 'a'.repeat(1_000_000), '🙂 '.repeat(5_000)]) {
      const r = analyze(text, {}, {}, resources);
      expect(r.verdict).toBe('clean');
      expect(r.signals.spun.findings.filter((f) => f.rule === 'spun/context')).toEqual([]);
    }
  });

  it('says not assessed on a page in another language', () => {
    const r = analyze('Le gouvernement a annoncé lundi une nouvelle réforme des retraites, qui sera présentée au parlement au printemps prochain après une longue concertation avec les syndicats.', {}, {}, resources);
    expect(r.signals.spun.assessed).toBe(false);
  });

  it('runs without its model, checking known phrases only, and says so in the stats and to the reader', () => {
    const r = analyze('The Department of Homeland Safety said on Monday.');
    expect(r.signals.spun.stats.contextAssessed).toBe(0);
    expect(r.signals.spun.findings.every((f) => f.rule === 'spun/lexicon')).toBe(true);
    expect(r.signals.spun.note).toBe(CONTEXT_NOT_LOADED_NOTE);
  });
});

describe('what the reader sees of it', () => {
  it('shows a word out of place with what fits instead and why, and a known phrase with its original', () => {
    const text = 'The bank said the curiosity accrued on the loan would be paid in full. Our imaginative and prescient is to lead.';
    const rows = signalFace('spun').evidence(analyze(text, {}, {}, resources).signals.spun);
    const context = rows.find((r) => r.text === 'curiosity accrued');
    expect(context).toMatchObject({ rule: 'spun/context', expected: ['interest accrued'] });
    expect(context?.detail).toMatch(/^“curiosity” is out of place before “accrued”: its synonym “interest” fits this place .* times better/);
    const known = rows.find((r) => r.text === 'imaginative and prescient');
    expect(known).toMatchObject({ rule: 'spun/lexicon', expected: ['vision'] });
    expect(known?.detail).toBeUndefined();
  });

  it('says how many words were out of place against honest English, and why they are or are not listed', () => {
    const seed = seeds()[0]!.text;
    const spun = analyze(seed, {}, {}, resources).signals.spun;
    const { outOfPlaceWords, outOfPlacePairs, judgedWords, contextFindingsWithheld } = spun.stats;
    const counted = outOfPlaceWords! + outOfPlacePairs!;
    expect(spun.note).toContain(`Out of place in their context: ${counted} of the ${judgedWords!.toLocaleString('en-US')} words judged (${((100 * counted) / judgedWords!).toFixed(1)}%), where honest English has about 6.4%.`);
    // Withheld words still add to the score; the note is where the reader learns of them.
    expect(contextFindingsWithheld).toBeGreaterThan(0);
    expect(spun.note).toMatch(/not listed one by one\.$/);
    // An honest page has a few, fewer than honest English's average here.
    const honest = analyze(devCorpus().find((p) => p.id === 'clean-aedanobrien-com-1')!.text, {}, {}, resources).signals.spun;
    expect(honest.note).toMatch(/^Out of place in their context: [1-9]\d* of the \d+ words judged \((\d|[0-5]\.\d|6\.[0-3])%\).* That is no more than honest English has, so they are not listed\.$/);
    const homeland = 'The Department of Homeland Safety met the White Home staff on Monday. '.repeat(3);
    expect(analyze(homeland, {}, {}, resources).signals.spun.note).toMatch(/too few words to compare with honest English, so they add nothing to the score\.$/);
  });

  it('keeps at most MAX_SPUN_FINDINGS findings, strongest first, and counts them all', () => {
    const text = 'Officials of the Department of Homeland Safety praised synthetic intelligence. '.repeat(2_000);
    const spun = analyze(text, {}, {}, resources).signals.spun;
    expect(spun.findings.length).toBe(MAX_SPUN_FINDINGS);
    expect(spun.stats.findingsDropped).toBeGreaterThan(0);
    // Two known phrases per sentence, and the words out of place besides.
    expect(spun.stats.hits).toBe(4_000);
  });
});

describe('contextual fit on headings and contents lists', () => {
  it('does not judge short lines that end no sentence: a table of contents in Title Case is labels, not running text', () => {
    const model = spunModelFromFile();
    const contents = ['4.2. Value Expressions', '4.2.1. Column References', '4.2.13. Row Constructors', '4.2.14. Expression Evaluation Rules', 'Model field reference', 'Field attribute reference'].join('\n');
    expect(scanContextFit(tokenize(contents), contents, model).judged).toBe(0);
    const prose = 'The value of each expression is computed before the row is built, and the column references are resolved first.';
    expect(scanContextFit(tokenize(prose), prose, model).judged).toBeGreaterThan(5);
  });
});
