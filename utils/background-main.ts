import { browser, type Browser } from 'wxt/browser';
import { analyze } from '@/lib/index';
import { validOriginClaims } from '@/lib/origin';
import { decideScan, isExcluded, normaliseSite, type ScanReason, type Settings } from '@/lib/settings';
import { showBadge } from './badge';
import { t } from './i18n';
import { engineResources, temperEngine } from './engine-resources';
import { isMessage, sendMessage, sendToTab, type Message, type MessageType, type Response } from './messages';
import { loadSettings, saveSettings, watchSettings } from './settings-store';
import { recordWrongVerdict, wrongVerdictRecord } from './wrong-verdicts';
import { clearTabState, getTabState, setTabState, storedTabIds, type TabState } from './tab-store';

/**
 * The background: the only place the engine (lexicon, language detection) runs, once per page,
 * off the page's main thread. Content scripts send article text; the report is kept per tab, shown
 * on the badge, and given to the popup.
 */

/** After a page finished loading, how long to wait for its content script before calling it unreadable. */
export const CONTENT_SCRIPT_GRACE_MS = 1500;

const isReadableUrl = (url: string | undefined) => url === undefined || /^https?:/i.test(url);

/** Keeps a tab's state and shows it; `settings`, when the caller has them, spare reading them again. */
async function setState(tabId: number, state: TabState | null, settings?: Settings): Promise<void> {
  if (state) await setTabState(tabId, state);
  else await clearTabState(tabId);
  // Only a scored page's badge depends on the settings (the quiet badge).
  const quiet = state?.status === 'scanned' ? (settings ?? (await loadSettings()).settings).quietBadge : false;
  await showBadge(tabId, state, quiet);
  // Tell an open popup; nobody listening is the normal case.
  sendMessage({ type: 'spinscope:tab-updated', tabId, state }).catch(() => {});
}

/** Asks a tab's content script to scan; marks the tab unreadable when there is none. */
async function requestScan(tabId: number, reason: ScanReason = 'user'): Promise<boolean> {
  try {
    await sendToTab(tabId, { type: 'spinscope:scan', reason });
    return true;
  } catch {
    await setState(tabId, { status: 'unreadable', report: null });
    return false;
  }
}

/** Navigations seen per tab, so a late check never judges the page that replaced the one it was about. */
const navigations = new Map<number, number>();

/** A page finished loading: if nothing reported from it, find out whether a content script is there at all. */
async function checkReadable(tabId: number): Promise<void> {
  const navigation = navigations.get(tabId) ?? 0;
  const samePage = () => (navigations.get(tabId) ?? 0) === navigation;
  if (await getTabState(tabId)) return;
  try {
    await sendToTab(tabId, { type: 'spinscope:ping' });
  } catch {
    // No content script: a browser page, the web store, a PDF viewer, a file. Give a late one a moment.
    setTimeout(() => {
      void (async () => {
        if (!samePage() || (await getTabState(tabId))) return;
        try {
          await sendToTab(tabId, { type: 'spinscope:ping' });
        } catch {
          if (samePage()) await setState(tabId, { status: 'unreadable', report: null });
        }
      })();
    }, CONTENT_SCRIPT_GRACE_MS);
  }
}

/** Parts of a page's text still arriving, per tab: the scan they belong to and the parts so far. */
const incoming = new Map<number, { scanId: string; parts: string[] }>();

type Handler<T extends MessageType> = (message: Message<T>, sender: Browser.runtime.MessageSender) => Promise<Response<T>>;

const handlers: { [T in MessageType]?: Handler<T> } = {
  'spinscope:page-text': async (message, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || typeof message.text !== 'string') return { ok: false };
    let pending = incoming.get(tabId);
    if (!pending || pending.scanId !== message.scanId) incoming.set(tabId, (pending = { scanId: message.scanId, parts: [] }));
    pending.parts.push(message.text);
    if (!message.done) return { ok: true };
    incoming.delete(tabId);
    const [{ settings }, resources] = await Promise.all([loadSettings(), engineResources()]);
    const report = analyze(pending.parts.join(''), settings, { url: message.url, claims: validOriginClaims(message.claims) }, resources);
    await setState(tabId, { status: 'scanned', report, url: message.url }, settings);
    temperEngine();
    return { ok: true };
  },
  'spinscope:may-scan': async (message, sender) => {
    const { settings } = await loadSettings();
    const decision = decideScan(settings, message.url, message.reason, message.scannedBefore);
    const tabId = sender.tab?.id;
    if (tabId !== undefined && decision.status !== 'scan') await setState(tabId, { status: decision.status, report: null, url: message.url });
    return decision;
  },
  'spinscope:page-unreadable': async (message, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { ok: false };
    await setState(tabId, { status: 'unreadable', report: null, url: message.url });
    return { ok: true };
  },
  'spinscope:get-tab-state': async (message) => getTabState(message.tabId),
  'spinscope:scan-tab': async (message) => ({ ok: await requestScan(message.tabId, message.anyway ? 'anyway' : 'user') }),
  'spinscope:site-list': async (message) => {
    const host = normaliseSite((await getTabState(message.tabId))?.url ?? '');
    if (!host) return { ok: false, error: t('popup_no_site') };
    const { settings } = await loadSettings();
    const list = settings[message.list];
    // Taking a site off removes every entry that covers it (example.com covers news.example.com).
    const next = message.add ? (isExcluded(host, list) ? list : [...list, host]) : list.filter((site) => !isExcluded(host, [site]));
    try {
      // Open tabs follow through the settings watcher: each asks again whether to scan.
      await saveSettings({ ...settings, [message.list]: next });
      return { ok: true };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  },
  'spinscope:report-wrong': async (message) => {
    const state = await getTabState(message.tabId);
    if (state?.status !== 'scanned' || !state.report) return { ok: false, count: 0 };
    return { ok: true, count: await recordWrongVerdict(wrongVerdictRecord(state.report, state.url ?? '')) };
  },
};

/** The runtime message listener (exported for tests that pass their own sender). */
export function onMessage(message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (response: unknown) => void): boolean {
  if (!isMessage(message)) return false;
  const handler = handlers[message.type] as Handler<MessageType> | undefined;
  if (!handler) return false;
  handler(message, sender).then(sendResponse, (error: unknown) => {
    console.error('Spinscope:', message.type, error);
    sendResponse(null);
  });
  return true;
}

/** The keyboard shortcut's command (manifest `commands` in wxt.config.ts): scan the active tab again, as the popup's Rescan does. */
export async function onCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  if (command !== 'rescan') return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId !== undefined) await requestScan(tabId);
}

export function startBackground(): void {
  browser.runtime.onMessage.addListener(onMessage);
  // Browsers without keyboard shortcuts (Firefox for Android) have no `commands`.
  browser.commands?.onCommand.addListener((command, tab) => void onCommand(command, tab));
  // Started at wake-up, so the data is read while the content script is still extracting.
  void engineResources();

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading') {
      // A navigation: the old report no longer describes the page.
      navigations.set(tabId, (navigations.get(tabId) ?? 0) + 1);
      const url = change.url ?? tab.url;
      void setState(tabId, isReadableUrl(url) ? null : { status: 'unreadable', report: null, url });
    } else if (change.status === 'complete') {
      void checkReadable(tabId);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    navigations.delete(tabId);
    incoming.delete(tabId);
    void clearTabState(tabId);
  });

  // New settings apply to open tabs without a reload: each scanned (or skipped) tab scans again,
  // and the background scores it with the new settings (an excluded site now reports so instead).
  watchSettings(() => {
    void (async () => {
      for (const tabId of await storedTabIds()) {
        const state = await getTabState(tabId);
        if (state?.status === 'unreadable') continue;
        sendToTab(tabId, { type: 'spinscope:scan', reason: 'settings' }).catch(() => {});
      }
    })();
  });
}
