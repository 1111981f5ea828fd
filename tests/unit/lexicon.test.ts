import { describe, expect, it } from 'vitest';
import data from '../../lib/data/lexicon.json';
import { compileLexicon, lexiconEntries, lexiconIndex, type LexiconData } from '../../lib/lexicon';
import { phraseTokens, tokenize } from '../../lib/tokenize';

const lexicon = data as unknown as LexiconData;
const entries = lexiconEntries(lexicon);

describe('shipped lexicon data', () => {
  it('has at least 1,000 entries from known, credited sources', () => {
    expect(entries.length).toBeGreaterThanOrEqual(1000);
    const sources = new Set(Object.keys(lexicon.sources));
    for (const e of entries) expect(sources.has(e.source), e.phrase).toBe(true);
    expect(lexicon.sources.pps).toMatch(/Cabanac/);
    expect(lexicon.sources.pps).toMatch(/Labbé/);
    expect(lexicon.sources.pps).toMatch(/Magazinov/);
    expect(lexicon.sources.pps).toMatch(/CC BY 4\.0/);
  });

  it('gives every entry an original wording, a weight in range and at least one token', () => {
    const bad = entries.filter(
      (e) => !(e.weight > 0 && e.weight <= 1) || e.original.length === 0 || e.original.some((o) => !o.trim()) || phraseTokens(e.phrase).length === 0,
    );
    expect(bad).toEqual([]);
  });

  it('stores the index matching reads, as its entries give it (a hand edit that forgets it fails here)', () => {
    const { index, ...withoutIndex } = lexicon;
    expect(index).toEqual(lexiconIndex(withoutIndex));
  });

  it('matches the same phrases through its stored index as through one computed at load', () => {
    const { index: _, ...withoutIndex } = lexicon;
    const text = 'The imaginative and prescient of the Jap Europe financial system, with big information science.';
    const found = (data: LexiconData) => compileLexicon(data).match(tokenize(text), text).map((m) => [m.start, m.end, m.entry.original]);
    expect(found(lexicon)).toEqual(found(withoutIndex));
    expect(found(lexicon).length).toBeGreaterThan(0);
  });

  it('has no duplicate entries', () => {
    const keys = entries.map((e) => `${phraseTokens(e.phrase).join(' ')}|${JSON.stringify(e.context ?? {})}|${e.exactCase ?? false}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('compileLexicon', () => {
  const lex = compileLexicon({
    version: 1,
    sources: { t: 'test' },
    entries: [
      { phrase: 'big information', original: ['big data'], weight: 1, source: 't' },
      { phrase: 'big information science', original: ['big data science'], weight: 1, source: 't' },
      { phrase: 'desk under', original: ['table below'], weight: 1, source: 't', context: { nextNone: ['the'] } },
    ],
    groups: [{ original: 'price level', weight: 0.5, source: 't', phrases: ['worth degree', 'value degree'] }],
  });
  const match = (text: string) => lex.match(tokenize(text), text).map((m) => text.slice(m.start, m.end));

  it('takes the longest phrase at each position', () => {
    expect(match('Big information science is hard.')).toEqual(['Big information science']);
    expect(match('Big information is hard.')).toEqual(['Big information']);
  });

  it('expands grouped spins into entries with their original', () => {
    expect(lex.size).toBe(5);
    const m = lex.match(tokenize('the value degree'), 'the value degree');
    expect(m.map((x) => x.entry.original)).toEqual([['price level']]);
  });

  it('checks the token after a phrase', () => {
    expect(match('See the desk under.')).toEqual(['desk under']);
    expect(match('She hid the desk under the stairs.')).toEqual([]);
  });
});
