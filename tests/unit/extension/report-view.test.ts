// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/index';
import type { Finding, Report } from '../../../lib/types';
import { groupSpun, highlightRanges, renderTabState } from '../../../utils/report-view';

/** An ordinary paragraph, long enough to be judged (lib/index.ts MIN_JUDGED_WORDS). */
const ORDINARY_TEXT = 'The weather this spring was mild. '.repeat(12) + 'Farmers planted early, and the markets in town were busy every weekend.';
const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

function reportWith(findings: Partial<Record<'spun' | 'tables' | 'boilerplate', Finding[]>>, sourceUrl?: string): Report {
  const report = analyze(ORDINARY_TEXT);
  for (const [id, list] of Object.entries(findings)) report.signals[id as 'spun'].findings = list;
  if (sourceUrl) report.sourceUrl = sourceUrl;
  return report;
}

const finding = (signal: Finding['signal'], actual: string, extra: Partial<Finding> = {}): Finding => ({
  signal,
  rule: `${signal}/test`,
  message: 'Seen on the page.',
  start: 0,
  end: actual.length,
  actual,
  weight: 0.5,
  ...extra,
});

describe('popup report view', () => {
  it('shows verdict, score, language and one row per distinct spun phrase with its original and count', () => {
    const root = document.createElement('main');
    const report = reportWith({
      spun: [finding('spun', 'synthetic intelligence', { expected: ['artificial intelligence'] }), finding('spun', 'Synthetic  intelligence', { expected: ['artificial intelligence'] }), finding('spun', 'desk under', { expected: ['table below'] })],
    });
    renderTabState(root, { status: 'scanned', report });
    expect(root.querySelector('[data-testid=verdict]')!.textContent).toBe(report.verdict);
    expect(root.querySelector('[data-testid=score]')!.textContent).toBe(String(Math.round(report.score)));
    expect(root.querySelector('[data-testid=language]')!.textContent).not.toBe('');
    const rows = [...root.querySelectorAll('[data-testid=spun-phrase]')].map((r) => r.textContent);
    expect(rows).toEqual(['synthetic intelligence → probably artificial intelligence ×2', 'desk under → probably table below ×1']);
  });

  it('renders page-derived text as text: a hostile page cannot inject markup', () => {
    const root = document.createElement('main');
    const report = reportWith(
      {
        spun: [finding('spun', HOSTILE, { expected: [HOSTILE] })],
        tables: [finding('tables', HOSTILE, { table: { rows: [[HOSTILE, 'b']] } })],
        boilerplate: [finding('boilerplate', HOSTILE)],
      },
      'javascript:alert(3)',
    );
    renderTabState(root, { status: 'scanned', report });
    expect(root.querySelector('img, script')).toBeNull();
    expect(root.querySelector('[data-testid=spun-phrase]')!.textContent).toContain(HOSTILE);
    expect(root.querySelector('[data-testid=table] table td')!.textContent).toBe(HOSTILE);
    expect(root.querySelector('[data-testid=boilerplate-line]')!.textContent).toContain(HOSTILE);
    expect(root.querySelector('[data-testid=source-link]')).toBeNull();
  });

  it('links the original source in a new tab, for http(s) addresses', () => {
    const root = document.createElement('main');
    renderTabState(root, { status: 'scanned', report: reportWith({}, 'https://original.example/story') });
    const link = root.querySelector('a[data-testid=source-link]') as HTMLAnchorElement;
    expect(link.href).toBe('https://original.example/story');
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener');
  });

  it('says why there is no report', () => {
    const root = document.createElement('main');
    renderTabState(root, { status: 'unreadable', report: null });
    expect(root.querySelector('[data-testid=verdict]')!.textContent).toMatch(/cannot scan/i);
    renderTabState(root, { status: 'excluded', report: null });
    expect(root.querySelector('[data-testid=status]')!.textContent).toMatch(/excluded/);
  });

  it('groups phrases case-insensitively and gives each finding a highlight with its suggestion', () => {
    expect(groupSpun([finding('spun', 'Be taught'), finding('spun', 'be taught')])).toEqual([{ actual: 'Be taught', expected: [], count: 2 }]);
    const report = reportWith({ spun: [finding('spun', 'be taught', { expected: ['learn'] })] });
    expect(highlightRanges(report)).toEqual([{ start: 0, end: 9, actual: 'be taught', signal: 'spun', tooltip: 'Spinscope: probably “learn”' }]);
  });
});

describe('popup on a page with too little text', () => {
  it('says there is too little text to judge instead of calling the page clean, and shows no score', () => {
    const root = document.createElement('main');
    const report = analyze('Sign in to continue. Forgot your password?');
    renderTabState(root, { status: 'scanned', report });
    expect(root.querySelector('[data-testid=verdict]')!.textContent).toBe('Too little text to judge');
    expect(root.querySelector('[data-testid=status]')!.textContent).toContain(`${report.words} words long`);
    expect(root.querySelector('[data-testid=score]')).toBeNull();
    expect(root.querySelector('header')!.className).toContain('neutral');
  });
});
