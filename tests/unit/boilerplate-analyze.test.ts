import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/index';

const PARAGRAPH = 'The council approved the new budget on Tuesday after a long debate about road repairs and school funding.';

describe('boilerplate signal in the engine', () => {
  it('makes a page with a scraper footer syndicated and reports its original source', () => {
    const text = `${PARAGRAPH}\nSource link : https://example.org/2025/03/16/council-budget/\nCopyright for syndicated content material belongs to the linked Source.\n`;
    const report = analyze(text, {}, { url: 'https://copies.example/budget' });
    expect(report.verdict).toBe('syndicated');
    expect(report.signals.boilerplate.findings.map((f) => f.rule)).toEqual(['boilerplate/source-link', 'boilerplate/syndicated-copyright']);
    expect(report.sourceUrl).toBe('https://example.org/2025/03/16/council-budget/');
  });

  it('makes a repost crediting another outlet suspicious, and the same credit on the outlet’s own page clean', () => {
    const text = `${PARAGRAPH}\n\nRead more on Benzinga\n`;
    expect(analyze(text, {}, { url: 'https://aggregator.example/benzinga/budget' }).verdict).toBe('suspicious');
    expect(analyze(text, {}, { url: 'https://www.benzinga.com/news/budget' }).verdict).toBe('clean');
  });

  it('leaves an honest page with a copyright line and a wire credit clean', () => {
    const text = `WASHINGTON (AP) — ${PARAGRAPH}\nSource: Reuters\n© Copyright 2004 by the Wyoming Department of Employment\n`;
    const report = analyze(text, {}, { url: 'https://www.local-paper.example/news/1' });
    expect(report.signals.boilerplate.findings).toEqual([]);
    expect(report.sourceUrl).toBeUndefined();
  });
});
