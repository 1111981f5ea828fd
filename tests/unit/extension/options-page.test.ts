// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettingsFile, settingsFileText } from '../../../entrypoints/options/settings-file';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { SCORE_CALIBRATION } from '../../../lib/score-calibration';
import { loadSettings, saveSettings } from '../../../utils/settings-store';
import { hosts } from './helpers';

const page = readFileSync(join(import.meta.dirname, '../../../entrypoints/options/index.html'), 'utf8');

/** Opens the options page as the browser would: its markup, then its script, until it says it is ready. */
async function openOptions(): Promise<void> {
  document.documentElement.innerHTML = page.replace(/<script[\s\S]*?<\/script>/g, '');
  vi.resetModules();
  await import('../../../entrypoints/options/main');
  await vi.waitFor(() => expect(document.body.dataset.ready).toBe('1'));
}

const $ = <T extends HTMLElement = HTMLInputElement>(selector: string) => document.querySelector(selector) as T;
const text = (selector: string) => Array.from(document.querySelectorAll(selector), (el) => el.textContent ?? '').join(' ');

/** Types a value into a field as a user would: the value changes and an `input` event bubbles. */
function type(selector: string, value: string): void {
  const el = $<HTMLInputElement | HTMLTextAreaElement>(selector);
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

async function save(): Promise<string> {
  $('#options').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  await vi.waitFor(() => expect(text('#status')).not.toBe(''));
  return text('#status');
}

/** Chooses a file in the Import field. */
async function importFile(name: string, content: string): Promise<string> {
  const input = $('#import-file');
  const before = text('#import-report');
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([content], name, { type: 'application/json' })] });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await vi.waitFor(() => expect(text('#import-report')).not.toBe(before));
  return text('#import-report');
}

describe('the options page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('says in a sentence what every setting does, and names it for assistive technology', async () => {
    await openOptions();
    const fields = document.querySelectorAll<HTMLElement>('#options input:not([type=file]), #options textarea, #import-file');
    expect(fields.length).toBeGreaterThan(6);
    for (const field of fields) {
      const described = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      const sentence = described.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      expect(sentence, `#${field.id} is described`).toMatch(/\w+ \w+ \w+.*[.)]/);
    }
  });

  it("shows each threshold's effect on honest pages, from the calibration shipped with the engine, as it is typed", async () => {
    await openOptions();
    const atDefault = (SCORE_CALIBRATION.atLeast[30]! / SCORE_CALIBRATION.pages) * 100;
    expect(text('#effect-suspicious')).toBe(
      `At 30, about ${atDefault.toFixed(1)}% of the ${SCORE_CALIBRATION.pages.toLocaleString('en')} honest pages we measured (400 words each of books, news, speeches, e-mail and manuals) are marked suspicious or syndicated.`,
    );
    type('#threshold-suspicious', '5');
    const at5 = (SCORE_CALIBRATION.atLeast[5]! / SCORE_CALIBRATION.pages) * 100;
    expect(text('#effect-suspicious')).toContain(`At 5, about ${at5.toFixed(at5 < 10 ? 1 : 0)}%`);
    type('#weight-spun', '2');
    expect(text('#effect-suspicious')).toContain('with every signal on at weight 1');
    type('#threshold-suspicious', 'abc');
    expect(text('#effect-suspicious')).toBe('');
  });

  it('checks values as they are typed: the field is marked and its message sits beside it, and fixing it clears both', async () => {
    await openOptions();
    type('#weight-spun', '5');
    const weight = $('#weight-spun');
    expect(weight.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(weight.getAttribute('aria-describedby')!.split(' ').find((id) => id.startsWith('error-'))!)!;
    expect(message.textContent).toMatch(/weight of Spun synonyms \(spun\) must be a number from 0 to 2/);
    expect(message.previousElementSibling?.contains(weight)).toBe(true);
    type('#weight-spun', '1.5');
    expect(weight.hasAttribute('aria-invalid')).toBe(false);
    expect(document.querySelectorAll('[data-testid=error]')).toHaveLength(0);
  });

  it('gives an inverted pair of thresholds one clear message, refuses to save it, and stores nothing', async () => {
    await openOptions();
    type('#threshold-suspicious', '70');
    type('#threshold-syndicated', '60');
    expect(text('[data-testid=error]')).toBe('The suspicious threshold (70) must be below the syndicated threshold (60).');
    expect($('#threshold-suspicious').getAttribute('aria-invalid')).toBe('true');
    expect($('#threshold-syndicated').getAttribute('aria-invalid')).toBe('true');
    const status = await save();
    expect(status).toBe('Not saved: fix the value marked in red.');
    expect(status + text('[data-testid=error]')).not.toMatch(/default/);
    expect(JSON.stringify(await fakeBrowser.storage.sync.get(null))).not.toMatch(/70|thresholds/);
    expect($('#threshold-suspicious').value).toBe('70');
  });

  it('saves a 5,000-host skip list, which storage.sync could not hold in one item, and shows it again on the next visit', async () => {
    await openOptions();
    type('#excluded-sites', hosts(5000).join('\n'));
    expect(text('#sites-count')).toBe('5,000 sites.');
    expect(await save()).toBe('Saved');
    await openOptions();
    expect($<HTMLTextAreaElement>('#excluded-sites').value.split('\n')).toEqual(hosts(5000));
  });

  it('shows the error when the browser refuses to store the settings, and keeps the typed list', async () => {
    await openOptions();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const typed = ['typed.example', 'other.example'].join('\n');
    type('#excluded-sites', typed);
    const status = await save();
    expect(status).toBe('Not saved: the browser refused to store the settings (QUOTA_BYTES quota exceeded). What you typed is still here.');
    expect($('#status').classList.contains('problem')).toBe(true);
    expect($<HTMLTextAreaElement>('#excluded-sites').value).toBe(typed);
  });

  it('imports a settings file field by field: the valid values are saved, the invalid one is named and left at its default', async () => {
    await openOptions();
    const file = { version: 2, thresholds: { suspicious: 25, syndicated: 70 }, signals: { spun: { enabled: true, weight: 9 }, tables: { enabled: false } }, autoScan: false, excludedSites: ['imported.example'] };
    const report = await importFile('mine.json', JSON.stringify(file));
    expect(report).toMatch(/^Imported mine\.json and saved\. One value could not be used and was left at the default:/);
    expect(document.querySelector('[data-testid=import-problems] [data-field="signals.spun.weight"]')?.textContent).toBe(
      'signals.spun.weight: The weight of Spun synonyms (spun) must be a number from 0 to 2.',
    );
    const { settings } = await loadSettings();
    expect(settings).toEqual({
      thresholds: { suspicious: 25, syndicated: 70 },
      signals: { ...DEFAULT_SETTINGS.signals, tables: { enabled: false, weight: 1 } },
      autoScan: false,
      excludedSites: ['imported.example'],
      trustedSites: [],
      quietBadge: false,
    });
    expect($('#threshold-syndicated').value).toBe('70');
    expect($<HTMLTextAreaElement>('#excluded-sites').value).toBe('imported.example');
  });

  it('names what an import left out that is not a setting, apart from the values it could not use', async () => {
    await openOptions();
    const report = await importFile('old.json', JSON.stringify({ version: 2, autoScan: false, theme: 'dark' }));
    expect(report).toMatch(/^Imported old\.json and saved\./);
    expect(document.querySelector('[data-testid=import-problems]')).toBeNull();
    expect(text('[data-testid=import-notes]')).toBe('"theme" "dark" is not a Spinscope setting and was left out.');
  });

  it('exports what the form holds as a file that imports back, and refuses to export invalid values', async () => {
    await openOptions();
    let exported: Blob | undefined;
    URL.createObjectURL = vi.fn((blob: Blob) => ((exported = blob), 'blob:settings'));
    URL.revokeObjectURL = vi.fn();
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    type('#threshold-suspicious', '20');
    type('#excluded-sites', 'a.example\nb.example');
    $('#export').click();
    expect(clicked).toHaveBeenCalledTimes(1);
    expect((clicked.mock.contexts[0] as HTMLAnchorElement).download).toBe('spinscope-settings.json');
    const imported = readSettingsFile(await exported!.text());
    expect(imported.ok && imported.settings).toEqual({ ...DEFAULT_SETTINGS, thresholds: { suspicious: 20, syndicated: 60 }, excludedSites: ['a.example', 'b.example'] });
    type('#weight-tables', '-1');
    $('#export').click();
    expect(text('#status')).toBe('Not exported: fix the value marked in red.');
    expect(clicked).toHaveBeenCalledTimes(1);
  });

  it('refuses a file that is not settings as a whole, changing nothing', async () => {
    await openOptions();
    const custom: Settings = { ...DEFAULT_SETTINGS, autoScan: false };
    await saveSettings(custom);
    expect(await importFile('notes.txt', 'not json {')).toMatch(/^Not imported: the file is not JSON \(.+\)\. Your settings are unchanged\.$/);
    expect(await importFile('list.json', '[1, 2]')).toMatch(/^Not imported: the file does not hold Spinscope settings/);
    expect((await loadSettings()).settings).toEqual(custom);
  });
});

describe('settings files', () => {
  it('export every setting, sites included, and import back as they were', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, thresholds: { suspicious: 20, syndicated: 55 }, excludedSites: hosts(3) };
    expect(readSettingsFile(settingsFileText(settings))).toEqual({ ok: true, settings, problems: [], notes: [] });
  });

  it('are read in an older shape, with what moved named', () => {
    const imported = readSettingsFile(JSON.stringify({ threshold: 40, sites: 'a.example b.example' }));
    expect(imported.ok && imported.settings.thresholds.suspicious).toBe(40);
    expect(imported.ok && imported.notes).toEqual(['"sites" (2 sites) became Sites to skip.', '"threshold" 40 became the suspicious threshold.']);
  });
});
