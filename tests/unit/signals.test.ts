// @vitest-environment jsdom
/**
 * The signal registry's contract: every registered signal has a whole face and a section in
 * docs/signals.md, the engine runs each of them in the registry's order, and the places a reader
 * meets a signal (popup, options page, command line) show it under one title with its rows in one order.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../cli/format';
import { analyze, DEFAULT_SETTINGS, DETECTORS, SIGNAL_IDS, SIGNALS, type Finding, type Report } from '../../lib/index';
import { renderTabState } from '../../utils/report-view';
import { signalFields } from '../../utils/signal-options';

const DOCS = readFileSync(resolve(__dirname, '../../docs/signals.md'), 'utf8');

/** The `## ` sections of docs/signals.md: heading and body. */
const docSections = DOCS.split(/^## /m)
  .slice(1)
  .map((part) => ({ heading: part.slice(0, part.indexOf('\n')), body: part.slice(part.indexOf('\n') + 1) }));

/** True when the browser's CSS parser accepts `value` as a colour. */
function isCssColour(value: string): boolean {
  const probe = document.createElement('span');
  probe.style.color = value;
  return probe.style.color !== '';
}

const ORDINARY_TEXT = 'The weather this spring was mild. '.repeat(12) + 'Farmers planted early, and the markets in town were busy every weekend.';

describe('the signal registry', () => {
  it('lists the signals in this order', () => {
    expect(SIGNAL_IDS).toEqual(['spun', 'tables', 'boilerplate', 'origin']);
  });

  it('tells a colour from something that is not one (the check below relies on it)', () => {
    expect(isCssColour('rgba(1, 2, 3, 0.5)')).toBe(true);
    expect(isCssColour('not-a-colour')).toBe(false);
  });

  for (const face of SIGNALS) {
    describe(`signal ${face.id}`, () => {
      it('has every part of a face: title, a one-sentence description, a colour, a row noun, an evidence function and a reason', () => {
        expect(face.title.trim(), 'title').not.toBe('');
        expect(face.title).toBe(face.title.trim());
        expect(face.description, 'description ends with a period').toMatch(/^\S.*\.$/s);
        expect(face.description, 'description is one sentence').not.toMatch(/[.!?]\s/);
        expect(isCssColour(face.colour), `colour ${face.colour}`).toBe(true);
        expect(face.rowNoun.every((noun) => noun.trim() !== ''), 'row noun, singular and plural').toBe(true);
        expect(typeof face.evidence).toBe('function');
        expect(typeof face.reason).toBe('function');
        expect(face.evidence(analyze(ORDINARY_TEXT).signals[face.id])).toEqual([]);
      });

      it('has its section in docs/signals.md, headed by its id and title and starting with its description', () => {
        const section = docSections.find((s) => s.heading.includes(`\`${face.id}\``));
        expect(section, `a "## \`${face.id}\`: ${face.title}" section`).toBeDefined();
        expect(section!.heading).toContain(face.title);
        expect(section!.body.trim().startsWith(face.description), 'the section opens with the description, word for word').toBe(true);
      });
    });
  }

  it('docs/signals.md has its signal sections in the registry order', () => {
    const documented = docSections.map((s) => /`([a-z]+)`/.exec(s.heading)?.[1]).filter((id) => id !== undefined);
    expect(documented).toEqual([...SIGNAL_IDS]);
  });

  it('the engine has a detector for every registered signal, reports them in the registry order, and each is on at weight 1 by default', () => {
    for (const id of SIGNAL_IDS) expect(DETECTORS[id].id).toBe(id);
    expect(Object.keys(analyze(ORDINARY_TEXT).signals)).toEqual([...SIGNAL_IDS]);
    expect(Object.keys(DEFAULT_SETTINGS.signals)).toEqual([...SIGNAL_IDS]);
    for (const id of SIGNAL_IDS) expect(DEFAULT_SETTINGS.signals[id]).toEqual({ enabled: true, weight: 1 });
  });
});

describe('one wording and one order everywhere', () => {
  const finding = (actual: string, weight: number, start: number): Finding => ({
    signal: 'spun',
    rule: 'spun/test',
    message: 'Seen.',
    start,
    end: start + actual.length,
    actual,
    expected: ['original'],
    weight,
  });
  /** A frequent weak phrase before a rare strong one, so an order by count and an order by strength differ. */
  function reportWithSpun(): { text: string; report: Report } {
    const text = `weak phrase weak phrase weak phrase strong phrase ${ORDINARY_TEXT}`;
    const report = analyze(text);
    report.signals.spun.findings = [finding('weak phrase', 0.2, 0), finding('weak phrase', 0.2, 12), finding('weak phrase', 0.2, 24), finding('strong phrase', 0.9, 36)];
    return { text, report };
  }

  it('the popup, the options page and the command line show each signal under the same title', () => {
    const { text, report } = reportWithSpun();
    const popup = document.createElement('main');
    renderTabState(popup, { status: 'scanned', report });
    const popupTitles = [...popup.querySelectorAll('[data-testid=signal-title]')].map((t) => t.textContent);
    const options = document.createElement('form');
    options.append(...signalFields(document));
    const optionTitles = SIGNALS.map((s) => options.querySelector(`#enabled-${s.id}`)!.closest('label')!.textContent!.trim());
    const cliTitles = [...formatReport('page.txt', text, report, { maxFindings: 0, color: false }).matchAll(/^ {2}([^:\n]+): (?:score |Not assessed)/gm)].map((m) => m[1]);

    const titles = SIGNALS.map((s) => s.title);
    expect(optionTitles).toEqual(titles);
    // The report's faces list the signals by what they added to the score, in the same order.
    expect([...popupTitles].sort()).toEqual([...titles].sort());
    expect(cliTitles).toEqual(popupTitles);
  });

  it('the popup and the command line list rows strongest first, with the same counts', () => {
    const { text, report } = reportWithSpun();
    const popup = document.createElement('main');
    renderTabState(popup, { status: 'scanned', report });
    const popupRows = [...popup.querySelectorAll('[data-testid=signal-spun] [data-testid=evidence-row]')].map((r) => r.textContent);
    expect(popupRows).toEqual(['strong phrase → probably original', 'weak phrase → probably original ×3']);

    const cli = formatReport('page.txt', text, report, { maxFindings: 0, color: false });
    const spunBlock = cli.slice(cli.indexOf(SIGNALS[0].title), cli.indexOf(SIGNALS[1].title));
    expect(spunBlock).toContain(`${SIGNALS[0].title}: score ${report.signals.spun.score} · 2 phrases, 4 times`);
    expect([...spunBlock.matchAll(/“([^”]+)” → probably “original”( ×\d+)?/g)].map((m) => m[1] + (m[2] ?? ''))).toEqual(['strong phrase', 'weak phrase ×3']);
  });
});
