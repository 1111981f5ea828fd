// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/index';
import type { Finding, Report } from '../../../lib/types';
import { SIGNALS } from '../../../lib/signals';
import { BADGE_COLOURS, badgeFor, UNREADABLE_BADGE } from '../../../utils/badge';
import { highlightRanges, renderTabState } from '../../../utils/report-view';

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

const rowsOf = (root: HTMLElement, id: string) => [...root.querySelectorAll(`[data-testid=signal-${id}] [data-testid=evidence-row]`)].map((r) => r.textContent);

describe('popup report view', () => {
  it('shows verdict, score, language and one row per distinct spun phrase with its original and count, strongest first', () => {
    const root = document.createElement('main');
    const report = reportWith({
      spun: [
        finding('spun', 'synthetic intelligence', { expected: ['artificial intelligence'], weight: 0.4 }),
        finding('spun', 'Synthetic  intelligence', { expected: ['artificial intelligence'], weight: 0.4 }),
        finding('spun', 'desk under', { expected: ['table below'], weight: 1 }),
      ],
    });
    renderTabState(root, { status: 'scanned', report });
    expect(root.querySelector('[data-testid=verdict]')!.textContent).toBe('Clean');
    expect(root.querySelector('[data-testid=score]')!.textContent).toBe(String(Math.round(report.score)));
    expect(root.querySelector('[data-testid=language]')!.textContent).not.toBe('');
    // The more frequent phrase is the weaker one: strength decides the order.
    expect(rowsOf(root, 'spun')).toEqual(['desk under → probably table below', 'synthetic intelligence → probably artificial intelligence ×2']);
  });

  it('titles each section as the registry does and labels its number as the score, with what the rows add up to', () => {
    const root = document.createElement('main');
    const report = reportWith({ spun: [finding('spun', 'be taught'), finding('spun', 'be taught'), finding('spun', 'desk under')] });
    report.signals.spun.score = 12.3;
    renderTabState(root, { status: 'scanned', report });
    expect([...root.querySelectorAll('[data-testid=signal-title]')].map((t) => t.textContent)).toEqual(SIGNALS.map((s) => s.title));
    const summaries = [...root.querySelectorAll('[data-testid=signal-summary]')].map((t) => t.textContent);
    expect(summaries).toEqual(['score 12.3 · 2 phrases, 3 times', 'score 0 · nothing found', 'score 0 · nothing found']);
  });

  it('shows what a signal says beyond its rows, such as the words out of place that are not listed', () => {
    const root = document.createElement('main');
    const report = reportWith({});
    report.signals.spun.note = 'Out of place in their context: 9 of the 120 words judged (7.5%), where honest English has about 6.4%. Honest pages vary that much, so they are not listed one by one.';
    renderTabState(root, { status: 'scanned', report });
    expect(root.querySelector('[data-testid=signal-spun] [data-testid=signal-note]')!.textContent).toBe(report.signals.spun.note);
    expect(root.querySelector('[data-testid=signal-tables] [data-testid=signal-note]')).toBeNull();
  });

  it('renders page-derived text as text: a hostile page cannot inject markup', () => {
    const root = document.createElement('main');
    const report = reportWith(
      {
        spun: [finding('spun', HOSTILE, { expected: [HOSTILE] })],
        tables: [finding('tables', HOSTILE, { table: { rows: [[HOSTILE, 'b']] } })],
        boilerplate: [finding('boilerplate', HOSTILE, { url: HOSTILE })],
      },
      'javascript:alert(3)',
    );
    renderTabState(root, { status: 'scanned', report });
    expect(root.querySelector('img, script')).toBeNull();
    expect(rowsOf(root, 'spun')[0]).toContain(HOSTILE);
    expect(root.querySelector('[data-testid=signal-tables] table td')!.textContent).toBe(HOSTILE);
    expect(rowsOf(root, 'boilerplate')[0]).toContain(HOSTILE);
    expect(root.querySelector('[data-testid=source-link]')).toBeNull();
  });

  it('shows a recovered table as a table, and a table finding without one as its text, with a reason the next row repeats shown once', () => {
    const root = document.createElement('main');
    const report = reportWith({
      tables: [
        finding('tables', 'CountryResponseFrancePositive', { table: { rows: [['Country', 'Response'], ['France', 'Positive']] }, message: 'Cells glued.' }),
        finding('tables', 'SectorImpactDefenseJoint', { weight: 0.1, message: 'Cells glued.' }),
      ],
    });
    renderTabState(root, { status: 'scanned', report });
    const cells = [...root.querySelectorAll('[data-testid=signal-tables] td')].map((c) => c.textContent);
    expect(cells).toEqual(['Country', 'Response', 'France', 'Positive']);
    expect(rowsOf(root, 'tables')).toEqual(['Cells glued.CountryResponseFrancePositive', 'SectorImpactDefenseJoint']);
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
    expect(root.querySelector('[data-testid=status]')!.textContent).toMatch(/sites to skip/);
    renderTabState(root, { status: 'trusted', report: null });
    expect(root.querySelector('[data-testid=status]')!.textContent).toMatch(/you trust this site/);
  });

  it('gives each finding a highlight in the colour of its signal, with its suggestion or its reason', () => {
    const report = reportWith({ spun: [finding('spun', 'be taught', { expected: ['learn'] })], boilerplate: [finding('boilerplate', 'Source link', { message: 'A scraper footer.' })] });
    expect(highlightRanges(report)).toEqual([
      { start: 0, end: 9, actual: 'be taught', signal: 'spun', colour: SIGNALS[0].colour, tooltip: 'Spinscope · Spun synonyms: probably “learn”' },
      { start: 0, end: 11, actual: 'Source link', signal: 'boilerplate', colour: SIGNALS[2].colour, tooltip: 'Spinscope · Syndication boilerplate: A scraper footer.' },
    ]);
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

describe('popup report view: page text that could disguise itself', () => {
  it('isolates every piece of page text and shows bidi and zero-width controls instead of obeying them', () => {
    const root = document.createElement('main');
    // U+202E would display the rest of the row reversed ("…moc.elpmaxe"), U+200B hides inside a word.
    const line = 'Source: \u202eelpmaxe.live\u202c the ma\u200bin story';
    const report = reportWith({ boilerplate: [finding('boilerplate', line, { url: 'https://news.example/story' })] }, 'https://news.example/story');
    renderTabState(root, { status: 'scanned', report });
    const row = root.querySelector('[data-testid=signal-boilerplate] [data-testid=evidence-row]')!;
    expect(row.textContent).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200f]/);
    expect(row.textContent).toContain('Source: ⟨U+202E⟩elpmaxe.live⟨U+202C⟩ the ma⟨U+200B⟩in story');
    for (const el of row.querySelectorAll('.seen, .expected, .row-source')) expect(el.getAttribute('dir'), el.className).toBe('auto');
    expect(root.querySelector('[data-testid=source-link]')!.getAttribute('dir')).toBe('auto');
  });

  it('links a source address without its credentials, and names its registrable domain first', () => {
    const root = document.createElement('main');
    renderTabState(root, { status: 'scanned', report: reportWith({}, 'https://trusted.example@news.evil.example/story') });
    const link = root.querySelector<HTMLAnchorElement>('[data-testid=source-link]')!;
    expect(link.getAttribute('href')).toBe('https://news.evil.example/story');
    expect(link.textContent).toBe('evil.example · https://news.evil.example/story');
    expect(root.textContent).not.toContain('trusted.example');
  });
});

describe('popup on a page that is not text', () => {
  it('says it is not text and why, and shows no verdict colour or score', () => {
    const root = document.createElement('main');
    const report = analyze('\u0001\u0002\u0003 binary \u0000\u0004'.repeat(100));
    renderTabState(root, { status: 'scanned', report });
    expect(root.querySelector('[data-testid=verdict]')!.textContent).toBe('Not text');
    expect(root.querySelector('[data-testid=status]')!.textContent).toContain(report.notText);
    expect(root.querySelector('[data-testid=score]')).toBeNull();
    expect(root.querySelector('header')!.className).toContain('neutral');
  });

});

describe('the reason for a verdict', () => {
  it('says why under the verdict, the largest contribution first, and lists the sections in that order, with long evidence behind "show all"', () => {
    const root = document.createElement('main');
    const spun = Array.from({ length: 5 }, (_, i) => finding('spun', `phrase ${i}`, { expected: [`original ${i}`], weight: i === 3 ? 0.9 : 0.3 }));
    const report = reportWith({ spun, boilerplate: [finding('boilerplate', 'Source link', { weight: 1, url: 'https://news.example.co.uk/a' })] });
    report.contributions = { spun: 40, tables: 0, boilerplate: 70, origin: 0 };
    renderTabState(root, { status: 'scanned', report });
    expect(root.querySelector('[data-testid=reason]')!.textContent).toBe('1 boilerplate line, e.g. “Source link”, crediting example.co.uk · 5 spun phrases, e.g. phrase 3 → original 3');
    for (const text of root.querySelectorAll('.reason-text')) expect(text.getAttribute('dir')).toBe('auto');
    expect([...root.querySelectorAll('section')].map((s) => s.dataset.testid)).toEqual(['signal-boilerplate', 'signal-spun', 'signal-tables', 'signal-origin']);
    const spunSection = root.querySelector('[data-testid=signal-spun]')!;
    expect(spunSection.querySelectorAll(':scope > ul [data-testid=evidence-row]')).toHaveLength(3);
    expect(spunSection.querySelector('details summary')!.textContent).toBe('show all 5');
    expect(spunSection.querySelectorAll('details [data-testid=evidence-row]')).toHaveLength(2);
  });

  it('has no reason line when nothing added to the score', () => {
    const root = document.createElement('main');
    renderTabState(root, { status: 'scanned', report: analyze(ORDINARY_TEXT) });
    expect(root.querySelector('[data-testid=reason]')).toBeNull();
  });
});

describe('the context preview', () => {
  it('shows a finding in its sentence, the phrase marked and the probable original beside it', () => {
    const text = `Leaders met in Jap Europe to talk about trade. ${ORDINARY_TEXT}`;
    const report = analyze(text);
    const start = text.indexOf('Jap Europe');
    report.signals.spun.findings = [{ ...finding('spun', 'Jap Europe', { expected: ['Eastern Europe'] }), start, end: start + 10, context: { before: 'Leaders met in ', after: ' to talk about trade.' } }];
    report.contributions.spun = 50;
    const root = document.createElement('main');
    renderTabState(root, { status: 'scanned', report });
    const preview = root.querySelector('[data-testid=signal-spun] [data-testid=context]')!;
    expect(preview.querySelector('summary')!.textContent).toBe('in context');
    expect(preview.querySelector('.context-sentence')!.textContent).toBe('Leaders met in Jap Europe to talk about trade. → Eastern Europe');
    expect(preview.querySelector('mark')!.textContent).toBe('Jap Europe');
  });

  it('lets no markup from hostile page text through: scripts, event handlers and javascript: links come out as text, bidi controls revealed', () => {
    const root = document.createElement('main');
    const hostile = finding('spun', '<img src=x onerror="alert(1)">', {
      expected: ['<b onclick="alert(2)">x</b>'],
      context: { before: '<script>alert(3)</script>\u202Eevil ', after: ' <a href="javascript:alert(4)">click</a></bdi><iframe src="https://evil.example/">' },
    });
    const report = reportWith({ spun: [hostile] });
    renderTabState(root, { status: 'scanned', report });
    const sentence = root.querySelector('[data-testid=context] .context-sentence')!;
    expect([...sentence.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()).sort()).toEqual(['bdi', 'mark', 'span']);
    for (const e of sentence.querySelectorAll('*')) expect([...e.attributes].map((a) => a.name).filter((n) => n !== 'class' && n !== 'dir')).toEqual([]);
    // Page text keeps its isolation: the original beside the phrase is an element of its own with dir="auto".
    expect(sentence.querySelector('.expected')!.getAttribute('dir')).toBe('auto');
    expect(sentence.textContent).toContain('<script>alert(3)</script>');
    expect(sentence.textContent).toContain('<a href="javascript:alert(4)">click</a>');
    expect(sentence.querySelector('mark')!.textContent).toBe('<img src=x onerror="alert(1)">');
    expect(sentence.textContent).not.toMatch(/\u202E/);
    expect(sentence.textContent).toContain('⟨U+202E⟩evil');
  });

  it('is given by the engine to short findings, in their own sentence, and not to long ones such as glued tables', () => {
    const text = `Leaders met in Jap Europe to talk about trade.\nSectorProjectImpactDefensejoint Army ExercisesEnhanced safety capabilitiesEnergyNuclear Power PlantIncreased power independence${'TransportRail LinkFaster freight'.repeat(8)}\n${ORDINARY_TEXT}`;
    const { signals } = analyze(text);
    const spun = signals.spun.findings.find((f) => f.actual === 'Jap Europe')!;
    expect(spun.context).toEqual({ before: 'Leaders met in ', after: ' to talk about trade.' });
    const long = signals.tables.findings.filter((f) => f.actual.length > 200);
    expect(long.length).toBeGreaterThan(0);
    for (const f of long) expect(f.context).toBeUndefined();
  });
});

describe('a page not checked in full', () => {
  const french = "Le conseil municipal a approuvé mardi le nouveau budget, après un débat qui a duré presque toute la soirée. Les élus se sont disputés sur le coût des réparations des routes, de la bibliothèque et d'une nouvelle ligne de bus vers l'hôpital. Le maire a déclaré que le plan équilibre les besoins des habitants avec les limites des revenus de la ville.";

  it('shows a neutral state that names the signal that could not read it, not a clean verdict', () => {
    const report = analyze(french);
    const root = document.createElement('main');
    renderTabState(root, { status: 'scanned', report });
    expect(root.querySelector('[data-testid=verdict]')!.textContent).toBe('Not flagged · not checked in full');
    expect(root.querySelector('[data-testid=status]')!.textContent).toMatch(/Spun synonyms cannot read French/);
    expect(root.querySelector('header')!.className).toContain('neutral');
    const badge = badgeFor({ status: 'scanned', report });
    expect(badge).toMatchObject({ text: UNREADABLE_BADGE, colour: BADGE_COLOURS.neutral });
    expect(badge.title).toMatch(/not checked in full/);
  });
});
