import { describe, expect, it } from 'vitest';
import { evidenceSummary, groupFindings } from '../../lib/detectors/face';
import { analyze, signalFace, type Finding } from '../../lib/index';

const finding = (actual: string, extra: Partial<Finding> = {}): Finding => ({
  signal: 'spun',
  rule: 'spun/lexicon',
  message: `Seen “${actual}”.`,
  start: 0,
  end: actual.length,
  actual,
  weight: 0.5,
  ...extra,
});

describe('evidence rows', () => {
  it('make one row of the findings that saw the same text, case and spacing aside, with every suggestion once and the strongest rule', () => {
    const rows = groupFindings([
      finding('Be  taught', { start: 40, end: 50, expected: ['learn'], weight: 0.3 }),
      finding('be taught', { start: 10, end: 19, expected: ['learn', 'study'], weight: 0.8, rule: 'spun/context', message: 'In context.' }),
    ]);
    expect(rows).toEqual([
      { text: 'be taught', expected: ['learn', 'study'], count: 2, weight: 0.8, rule: 'spun/context', detail: 'In context.', start: 10, end: 19 },
    ]);
  });

  it('come strongest first, then most frequent, then in the order of the text', () => {
    const rows = groupFindings([
      finding('frequent', { weight: 0.4, start: 1 }),
      finding('frequent', { weight: 0.4, start: 2 }),
      finding('later', { weight: 0.4, start: 9 }),
      finding('earlier', { weight: 0.4, start: 5 }),
      finding('strong', { weight: 0.9, start: 30 }),
    ]);
    expect(rows.map((r) => r.text)).toEqual(['strong', 'frequent', 'earlier', 'later']);
  });

  it('keep a table or a source address any finding of the row has, and leave the messages out when asked', () => {
    const [row] = groupFindings(
      [finding('Source link'), finding('Source link', { url: 'https://a.example/', table: { rows: [['a', 'b']] } })],
      { detail: false },
    );
    expect(row).toMatchObject({ url: 'https://a.example/', table: { rows: [['a', 'b']] }, count: 2 });
    expect(row).not.toHaveProperty('detail');
  });

  it('add up to a summary that labels the score and counts rows and occurrences', () => {
    const signal = { ...analyze('').signals.spun, score: 56.64 };
    const face = signalFace('spun');
    expect(evidenceSummary(face, signal, [])).toBe('score 56.6 · nothing found');
    expect(evidenceSummary(face, signal, groupFindings([finding('a')]))).toBe('score 56.6 · 1 phrase');
    expect(evidenceSummary(face, signal, groupFindings([finding('a'), finding('a'), finding('b')]))).toBe('score 56.6 · 2 phrases, 3 times');
  });
});
