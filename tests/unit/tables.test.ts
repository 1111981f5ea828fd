import { describe, expect, it } from 'vitest';
import { detectTables, GLUED_CELLS_CAP } from '../../lib/detectors/tables';
import { tokenize } from '../../lib/tokenize';

const run = (text: string) => detectTables({ text, tokens: tokenize(text), language: 'eng' });

describe('tables signal: glued cells', () => {
  const glued = 'Quarterly results by region:\nRegionRevenueGrowthNorthern Europe12 millionSteady demandSouthern Europe9 millionWeak exportsAsia Pacific15 millionNew customers\nThe figures are unaudited.';

  it('finds a table whose cells were glued together, with offsets covering the flattened line', () => {
    const r = run(glued);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.rule).toBe('tables/glued-cells');
    expect(glued.slice(f.start, f.end)).toBe(f.actual);
    expect(f.actual.startsWith('RegionRevenueGrowth')).toBe(true);
    expect(f.actual.endsWith('New customers')).toBe(true);
    expect(r.score).toBeGreaterThan(0);
  });

  it('recovers rows when a one-word header gives the width', () => {
    const text = 'ColourShapeSizeBright redSquare tilesLargeDeep blueRound tilesSmall';
    const f = run(text).findings[0]!;
    expect(f.table?.rows).toEqual([
      ['Colour', 'Shape', 'Size'],
      ['Bright red', 'Square tiles', 'Large'],
      ['Deep blue', 'Round tiles', 'Small'],
    ]);
  });

  it('recovers one row per line when cells are glued within lines', () => {
    const text = 'Intro line.\nPlanetMoonsRings\nSaturnTitan and othersBright rings\nJupiterIo and EuropaFaint rings\nAfter.';
    const f = run(text).findings[0]!;
    expect(f.table?.rows).toEqual([
      ['Planet', 'Moons', 'Rings'],
      ['Saturn', 'Titan and others', 'Bright rings'],
      ['Jupiter', 'Io and Europa', 'Faint rings'],
    ]);
  });

  it('counts numbers glued to words', () => {
    const text = 'Survey answerShare of votersSupport for the plan65percentopposition to the plan30percentundecided voters5percent';
    expect(run(text).findings.map((f) => f.rule)).toEqual(['tables/glued-cells']);
  });

  it('does not count brand names written in camel case', () => {
    const text =
      'Apple unveiled the iPhone and new AirPods, while PayPal and YouTube reported results. ' +
      'McDonald said PayPal would follow YouTube into the market, and eBay declined to comment. ' +
      'Analysts at ConocoPhillips and ConocoPhillips partners agreed.';
    const r = run(text);
    expect(r.findings).toEqual([]);
    expect(r.score).toBe(0);
  });

  it('never scores glued cells alone above the cap, however many there are', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `Item number ${i} valueHigh${i} categoryAlpha${i} statusOpen${i} ownerSmith${i} notesPending${i} review`).join(
      '\nA paragraph of ordinary prose separates each flattened table from the next one, long enough that the two are not read as one region of glued cells.\n',
    );
    const r = run(rows);
    expect(r.findings.length).toBeGreaterThan(1);
    expect(r.score).toBeLessThanOrEqual(GLUED_CELLS_CAP * 100);
  });
});

describe('tables signal: pipe tables', () => {
  it('scores a raw markdown table left in prose as strong evidence, with its cells', () => {
    const text = 'Here is a comparison of the options.\nOption | Cost | Risk |\n---|---|---|\nBonds | Low | Low |\nStocks | High | High |\nThat is all.';
    const r = run(text);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.rule).toBe('tables/raw-markdown');
    expect(f.table?.rows).toEqual([
      ['Option', 'Cost', 'Risk'],
      ['Bonds', 'Low', 'Low'],
      ['Stocks', 'High', 'High'],
    ]);
    expect(text.slice(f.start, f.end)).toBe(f.actual);
    expect(r.score).toBeGreaterThanOrEqual(30);
  });

  it('treats a regular pipe table, as honest pages converted to text show, as weak evidence', () => {
    const text = 'Rates for 2024:\n| Age | Rate |\n|---|---|\n| 20 | 1.5% |\n| 40 | 2.5% |\n';
    const r = run(text);
    expect(r.findings.map((f) => f.rule)).toEqual(['tables/pipe-table']);
    expect(r.score).toBeLessThan(10);
  });

  it('ignores a single line that happens to contain pipes', () => {
    expect(run('Home | News | Sport\nToday the council met.').findings).toEqual([]);
  });
});

describe('tables signal: weak evidence stays weak in bulk', () => {
  it('does not add up many regular pipe tables (or pipe-riddled garbage) to a flag', () => {
    const honest = Array.from({ length: 300 }, (_, i) => `Table ${i}:\n| Year | Value |\n| ${2000 + i} | ${i} |\n| ${2001 + i} | ${i + 1} |\nSome prose between tables.`).join('\n');
    const r = run(honest);
    expect(r.findings.length).toBe(300);
    expect(r.score).toBeLessThan(15);
  });
});
