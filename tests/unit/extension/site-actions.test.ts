/**
 * A user who disagrees with what Spinscope does on a site: trust it (never flagged), pause it
 * (skipped), undo either from the popup, scan a page once anyway, report a verdict as wrong, and a
 * quiet badge that only speaks up on flagged pages.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { analyze } from '../../../lib/index';
import { decideScan, DEFAULT_SETTINGS, validateSettings } from '../../../lib/settings';
import { seeds } from '../../../corpora';
import { badgeFor } from '../../../utils/badge';
import { loadSettings, saveSettings } from '../../../utils/settings-store';
import { siteActionsFor } from '../../../utils/site-actions';
import type { TabState } from '../../../utils/tab-store';
import { MAX_WRONG_VERDICTS, recordWrongVerdict, wrongVerdictRecord, wrongVerdictsItem } from '../../../utils/wrong-verdicts';
import { deliver } from './helpers';

const TAB = 5;
const URL = 'https://news.example.org/story';
const seedText = seeds()[0]!.text;

describe('what the settings decide for a trusted or skipped site', () => {
  const settings = validateSettings({ trustedSites: ['example.org'], excludedSites: ['skipped.example'] }).settings;

  it('does not read a trusted site (subdomains included), and reads it once when asked to scan anyway', () => {
    expect(decideScan(settings, URL, 'auto', false)).toEqual({ status: 'trusted', watch: false });
    expect(decideScan(settings, URL, 'user', true)).toEqual({ status: 'trusted', watch: false });
    expect(decideScan(settings, URL, 'anyway', false)).toEqual({ status: 'scan', watch: false });
    expect(decideScan(settings, 'https://skipped.example/a', 'anyway', false).status).toBe('scan');
    expect(decideScan(settings, 'https://other.example/a', 'auto', false).status).toBe('scan');
  });

  it('checks the trusted list and the quiet badge like every other setting', () => {
    const { settings: s, problems } = validateSettings({ trustedSites: ['https://www.Trusted.example/x', 'not a host', 'trusted.example'], quietBadge: 'yes' });
    expect(s.trustedSites).toEqual(['trusted.example']);
    expect(s.quietBadge).toBe(DEFAULT_SETTINGS.quietBadge);
    expect(problems.map((p) => p.field)).toEqual(['quietBadge', 'trustedSites']);
  });
});

describe('the quiet badge', () => {
  const scanned = (text: string): TabState => ({ status: 'scanned', report: analyze(text), url: URL });
  const clean = 'The weather this spring was mild, and the farmers planted early. '.repeat(10);

  it('leaves the button blank on a page that is not flagged, and shows a flagged page’s score', () => {
    expect(badgeFor(scanned(clean), true).text).toBe('');
    expect(badgeFor(scanned(clean), false).text).not.toBe('');
    const flagged = scanned(seedText);
    expect(flagged.report!.flagged).toBe(true);
    expect(badgeFor(flagged, true).text).toBe(String(Math.round(flagged.report!.score)));
  });

  it('says on a trusted site why there is no score', () => {
    expect(badgeFor({ status: 'trusted', report: null }, false)).toMatchObject({ text: '', title: expect.stringContaining('you trust this site') });
  });
});

describe('the popup’s site actions, in the background', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    background.main();
    await deliver({ type: 'spinscope:page-text', url: URL, scanId: 's', text: seedText, done: true }, TAB);
  });

  it('offers what fits the tab: trust, pause and report on a judged page; undo and scan anyway otherwise', () => {
    expect(siteActionsFor({ status: 'scanned', report: analyze(seedText) })).toEqual(['trust', 'pause', 'report-wrong']);
    expect(siteActionsFor({ status: 'trusted', report: null })).toEqual(['untrust', 'scan-anyway']);
    expect(siteActionsFor({ status: 'excluded', report: null })).toEqual(['unpause', 'scan-anyway']);
    expect(siteActionsFor({ status: 'unreadable', report: null })).toEqual([]);
  });

  it('trusts the tab’s site, and stops trusting it, in the stored settings', async () => {
    expect(await deliver({ type: 'spinscope:site-list', tabId: TAB, list: 'trustedSites', add: true })).toEqual({ ok: true });
    expect((await loadSettings()).settings.trustedSites).toEqual(['news.example.org']);
    // A parent domain the user trusted in the options covers the page: taking the site off removes it too.
    await saveSettings({ ...(await loadSettings()).settings, trustedSites: ['example.org', 'other.example'] });
    expect(await deliver({ type: 'spinscope:site-list', tabId: TAB, list: 'trustedSites', add: false })).toEqual({ ok: true });
    expect((await loadSettings()).settings.trustedSites).toEqual(['other.example']);
  });

  it('pauses on the tab’s site through the sites to skip, and says why when the browser refuses to store it', async () => {
    expect(await deliver({ type: 'spinscope:site-list', tabId: TAB, list: 'excludedSites', add: true })).toEqual({ ok: true });
    expect((await loadSettings()).settings.excludedSites).toEqual(['news.example.org']);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    expect(await deliver({ type: 'spinscope:site-list', tabId: TAB, list: 'excludedSites', add: false })).toEqual({ ok: false, error: 'QUOTA_BYTES quota exceeded' });
  });

  it('keeps a verdict reported as wrong, with the address, the verdict and the strongest findings, on this device', async () => {
    expect(await deliver({ type: 'spinscope:report-wrong', tabId: TAB })).toEqual({ ok: true, count: 1 });
    const [kept] = await wrongVerdictsItem.getValue();
    expect(kept).toMatchObject({ url: URL, verdict: 'syndicated' });
    expect(kept!.signals.spun!.findings.length).toBeGreaterThan(0);
    expect(kept!.signals.spun!.findings.length).toBeLessThanOrEqual(10);
    expect(await deliver({ type: 'spinscope:report-wrong', tabId: 99 })).toEqual({ ok: false, count: 0 });
  });
});

describe('a wrong-verdict record', () => {
  it('drops credentials from the address, and the list keeps the newest', async () => {
    fakeBrowser.reset();
    const record = wrongVerdictRecord(analyze(seedText), 'https://user:secret@news.example.org/a');
    expect(record.url).toBe('https://news.example.org/a');
    await wrongVerdictsItem.setValue(Array.from({ length: MAX_WRONG_VERDICTS }, () => record));
    expect(await recordWrongVerdict({ ...record, url: 'https://newest.example/' })).toBe(MAX_WRONG_VERDICTS);
    expect((await wrongVerdictsItem.getValue()).at(-1)!.url).toBe('https://newest.example/');
  });
});
