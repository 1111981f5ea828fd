import { describe, expect, it } from 'vitest';
import { detectSpun } from '../../lib/detectors/spun';
import { analyze } from '../../lib/index';
import { compileLexicon, type LexiconEntry } from '../../lib/lexicon';
import { tokenize } from '../../lib/tokenize';

const spun = (text: string) => detectSpun({ text, tokens: tokenize(text), language: 'eng' });
const found = (text: string) => spun(text).findings.map((f) => f.actual);

describe('spun signal', () => {
  it('points at each tortured phrase with its offsets and the probable original', () => {
    const text = 'Our imaginative and prescient is to lead in synthetic intelligence across Jap Europe.';
    const { findings } = spun(text);
    expect(findings.map((f) => [f.actual, f.expected?.[0]])).toEqual([
      ['imaginative and prescient', 'vision'],
      ['synthetic intelligence', 'artificial intelligence'],
      ['Jap Europe', 'Eastern Europe'],
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.actual);
    expect(findings[0]!.message).toBe('“imaginative and prescient” looks like a spinner\'s synonym for “vision”.');
  });

  it('flags a spun paragraph on its own', () => {
    const text =
      'The desk under exhibits how international locations in Jap Europe embrace: tariffs, quotas and bans. ' +
      'Our imaginative and prescient is that synthetic intelligence will help staff be taught faster.';
    const r = analyze(text);
    expect(r.signals.spun.score).toBeGreaterThanOrEqual(30);
    expect(r.flagged).toBe(true);
  });

  it('leaves an honest page that says "financial system" unflagged', () => {
    const text =
      'The financial system of a country is made of its banks, its markets and the rules that govern them. ' +
      'When the central bank raised interest rates last year, economists warned that the financial system ' +
      'could come under strain, but lending held up and unemployment stayed low. Analysts now expect growth ' +
      'to slow gently rather than stall, and most households say they can still pay their bills on time.';
    const r = analyze(text);
    expect(r.signals.spun.score).toBeLessThan(30);
    expect(r.flagged).toBe(false);
  });

  it('matches case-insensitively but respects punctuation between words', () => {
    expect(found('SYNTHETIC Intelligence is here.')).toEqual(['SYNTHETIC Intelligence']);
    expect(found('It felt synthetic. Intelligence was not the point.')).toEqual([]);
    expect(found('Imaginative   and\nprescient')).toEqual(['Imaginative   and\nprescient']);
  });

  it('applies context rules both ways', () => {
    // "be taught" is fine after a modal or "to", a spin of "learn" after a subject.
    expect(found('Reading can be taught to any child.')).toEqual([]);
    expect(found('Students be taught quickly when they practise.')).toEqual(['be taught']);
    // "embrace" introducing a list is a spin of "include"; embracing an idea is not.
    expect(found('Benefits embrace: lower costs and speed.')).toEqual(['embrace']);
    expect(found('Companies embrace change slowly.')).toEqual([]);
    // Lower-case "id" after a possessive is a spin of "identity"; an ID card is not.
    expect(found('Thieves stole their id and opened accounts.')).toEqual(['id']);
    expect(found('Bring your id card to the desk.')).toEqual([]);
  });

  it('leaves names and modern technical English alone', () => {
    // Names are not spun by thesaurus senses: each of these was once read as a spin of another name.
    expect(found('Arsenal lead the Premier League after a win in Middle Earth Stadium; the Earth Act passed.')).toEqual([]);
    expect(found('The Government Publishing Office prints the Federal Register.')).toEqual([]);
    // Ordinary terms of machine learning are not tortured phrases.
    expect(found('Machine learning, supervised learning and every neural network need training data.')).toEqual([]);
  });

  it('counts a generated spin fully only when the page corroborates the substitution', () => {
    const entries: LexiconEntry[] = [
      { phrase: 'worth degree', original: ['price level'], weight: 0.6, source: 'generated' },
      { phrase: 'bitcoin worth', original: ['bitcoin price'], weight: 0.6, source: 'generated' },
    ];
    const lexicon = compileLexicon({ version: 1, sources: { generated: 'test' }, entries });
    const score = (text: string) => detectSpun({ text, tokens: tokenize(text), language: 'eng' }, lexicon);
    const spunPage = 'Bitcoin worth rose again. The $18,000 worth degree is acting as support.';
    const honestPage = 'Bitcoin worth rose again, they say, though the price is what matters. The worth degree is unclear.';
    const a = score(spunPage);
    const b = score(honestPage);
    expect(a.stats.corroboratedPhrases).toBe(2);
    expect(b.stats.corroboratedPhrases).toBe(0);
    expect(a.score).toBeGreaterThan(b.score);
  });

  it('does not let one repeated phrase look like systematic spinning', () => {
    const filler = ' The committee met on Tuesday and agreed to publish its report next month.'.repeat(20);
    const once = spun('Synthetic intelligence is new.' + filler);
    const many = spun('Synthetic intelligence is new. '.repeat(10) + filler);
    expect(many.stats.distinctPhrases).toBe(1);
    expect(many.score).toBeLessThan(once.score * 2);
  });

  it('never throws on hostile input', () => {
    const inputs = ['', 'a'.repeat(1 << 20), String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 7919) % 65536)), 'be '.repeat(100000)];
    for (const text of inputs) expect(() => spun(text)).not.toThrow();
  });
});
