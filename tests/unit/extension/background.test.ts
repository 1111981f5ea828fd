import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { analyze } from '../../../lib/index';
import { seeds } from '../../../corpora';
import type { Report } from '../../../lib/types';
import type { TabState } from '../../../utils/tab-store';
import { BADGE_COLOURS, badgeFor, UNREADABLE_BADGE } from '../../../utils/badge';
import { CONTENT_SCRIPT_GRACE_MS } from '../../../utils/background-main';
import { settingsItem } from '../../../utils/settings-store';
import { deliver, rgba } from './helpers';

const seedText = seeds()[0]!.text;
const TAB = 7;
const URL = 'https://news.example.org/story';

function pageText(text: string, tabId = TAB) {
  return deliver({ type: 'spinscope:page-text', url: URL, scanId: 'scan-1', text, done: true }, tabId);
}

/** What the popup is given for the tab: its stored state, or null. */
const tabState = (tabId = TAB) => deliver({ type: 'spinscope:get-tab-state', tabId }) as Promise<TabState | null>;

async function badge(tabId = TAB) {
  return {
    text: await fakeBrowser.action.getBadgeText({ tabId }),
    colour: await fakeBrowser.action.getBadgeBackgroundColor({ tabId }),
    title: await fakeBrowser.action.getTitle({ tabId }),
  };
}

describe('background', () => {
  /** The listener the background gave `commands.onCommand` (the fake browser has no keyboard shortcuts). */
  let commandListener: ((command: string, tab?: { id?: number }) => void) | undefined;

  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => void (commandListener = listener as typeof commandListener));
    background.main();
  });

  it('analyses the text a tab sends, keeps the report and shows it on the badge', async () => {
    expect(await pageText(seedText)).toEqual({ ok: true });
    const state = await tabState();
    expect(state).toEqual({ status: 'scanned', report: analyze(seedText, {}, { url: URL }), url: URL });
    const report = state!.report!;
    const shown = await badge();
    expect(shown.text).toBe(String(Math.round(report.score)));
    expect(shown.colour).toEqual(rgba(BADGE_COLOURS[report.verdict]));
    expect(shown.title).toContain(report.verdict);
  });

  it('reassembles text sent in parts before analysing it', async () => {
    const half = Math.floor(seedText.length / 2);
    await deliver({ type: 'spinscope:page-text', url: URL, scanId: 's', text: seedText.slice(0, half), done: false }, TAB);
    expect(await tabState()).toBeNull();
    await deliver({ type: 'spinscope:page-text', url: URL, scanId: 's', text: seedText.slice(half), done: true }, TAB);
    expect((await tabState())?.report).toEqual(analyze(seedText, {}, { url: URL }));
  });

  it('answers get-tab-state with null for a tab it knows nothing about', async () => {
    expect(await tabState(12345)).toBeNull();
  });

  it('clears the report and the badge when the tab navigates', async () => {
    await pageText(seedText);
    await fakeBrowser.tabs.onUpdated.trigger(TAB, { status: 'loading' }, { id: TAB } as never);
    await vi.waitFor(async () => expect((await badge()).text).toBe(''));
    expect(await tabState()).toBeNull();
  });

  it('shows a neutral state, not a score, for a page without a content script (browser pages, PDFs, files)', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await fakeBrowser.tabs.onUpdated.trigger(TAB, { status: 'complete' }, { id: TAB } as never);
    await vi.waitFor(async () => expect((await badge()).text).toBe(UNREADABLE_BADGE), { timeout: CONTENT_SCRIPT_GRACE_MS + 3000 });
    const shown = await badge();
    expect(shown.colour).toEqual(rgba(BADGE_COLOURS.neutral));
    expect(shown.title).toMatch(/cannot scan/);
    expect(await tabState()).toMatchObject({ status: 'unreadable', report: null });
  });

  it('marks a browser page unreadable as soon as its address is known', async () => {
    await fakeBrowser.tabs.onUpdated.trigger(TAB, { status: 'loading', url: 'chrome://settings/' }, { id: TAB } as never);
    await vi.waitFor(async () => expect((await badge()).text).toBe(UNREADABLE_BADGE));
  });

  it('tells the content script not to read an excluded site, and shows it as not scanned, with no score', async () => {
    await settingsItem.setValue({ excludedSites: ['example.org'] });
    expect(await deliver({ type: 'spinscope:may-scan', url: URL, reason: 'user', scannedBefore: false }, TAB)).toEqual({ status: 'excluded', watch: false });
    const shown = await badge();
    expect(shown.text).toBe('');
    expect(shown.title).toMatch(/excluded/);
    expect(await tabState()).toEqual({ status: 'excluded', report: null, url: URL });
  });

  it('asks scanned tabs to scan again when the settings change, and scores with the new settings', async () => {
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true } as never);
    await pageText(seedText);
    const before = (await tabState())!.report!;
    const thresholds = { suspicious: 1, syndicated: 2 };
    await settingsItem.setValue({ thresholds });
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith(TAB, { type: 'spinscope:scan', reason: 'settings' }));
    await pageText(seedText);
    const after = (await tabState())!.report!;
    expect(after.thresholds).toEqual(thresholds);
    expect(after.verdict).toBe(before.score >= 2 ? 'syndicated' : before.score >= 1 ? 'suspicious' : 'clean');
  });

  it('scans a tab on request from the popup, and reports a tab that cannot be reached', async () => {
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValueOnce({ ok: true } as never);
    expect(await deliver({ type: 'spinscope:scan-tab', tabId: TAB })).toEqual({ ok: true });
    expect(sent).toHaveBeenCalledWith(TAB, { type: 'spinscope:scan', reason: 'user' });
    sent.mockRejectedValueOnce(new Error('no receiver'));
    expect(await deliver({ type: 'spinscope:scan-tab', tabId: 8 })).toEqual({ ok: false });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe(UNREADABLE_BADGE);
  });

  it('scans the active tab again on the Rescan keyboard shortcut, and does nothing on another command', async () => {
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true } as never);
    commandListener!('other-command', { id: TAB });
    commandListener!('rescan', { id: TAB });
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith(TAB, { type: 'spinscope:scan', reason: 'user' }));
    expect(sent).toHaveBeenCalledTimes(1);
  });

  it('ignores messages that are not its own', async () => {
    const answered = vi.fn();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'other:thing' }, {}, answered);
    await fakeBrowser.runtime.onMessage.trigger('garbage', {}, answered);
    expect(answered).not.toHaveBeenCalled();
  });
});

describe('badgeFor', () => {
  const report = (score: number, verdict: Report['verdict']) => ({ score, verdict }) as Report;

  it.each([
    ['clean', 12.4, '12'],
    ['suspicious', 41.6, '42'],
    ['syndicated', 88, '88'],
  ] as const)('shows a %s page as its rounded score in the verdict colour, naming the verdict', (verdict, score, text) => {
    const b = badgeFor({ status: 'scanned', report: report(score, verdict) });
    expect(b).toEqual({ text, colour: BADGE_COLOURS[verdict], title: `Spinscope: ${verdict} (score ${text})` });
  });

  it('shows a grey dash, not a green score, on a page with too little text to judge', () => {
    const b = badgeFor({ status: 'scanned', report: { score: 0, verdict: 'clean', words: 7, tooLittleText: true } as Report });
    expect(b).toEqual({ text: UNREADABLE_BADGE, colour: BADGE_COLOURS.neutral, title: 'Spinscope: too little article text to judge (7 words)' });
  });

  it('shows a grey dash, not a green score, on a page that is not text', () => {
    const b = badgeFor({ status: 'scanned', report: analyze('\u0001\u0002\u0003 binary \u0000\u0004'.repeat(100)) });
    expect(b).toMatchObject({ text: UNREADABLE_BADGE, colour: BADGE_COLOURS.neutral });
    expect(b.title).toMatch(/not text/);
    expect(b.title).not.toMatch(/clean|suspicious|syndicated/);
  });

  it('shows nothing before a scan, and a grey dash on pages it cannot read', () => {
    expect(badgeFor(null)).toMatchObject({ text: '', colour: BADGE_COLOURS.neutral });
    expect(badgeFor({ status: 'unreadable', report: null })).toMatchObject({ text: UNREADABLE_BADGE, colour: BADGE_COLOURS.neutral });
    expect(badgeFor({ status: 'unreadable', report: null }).title).not.toMatch(/clean|suspicious|syndicated/);
  });
});
