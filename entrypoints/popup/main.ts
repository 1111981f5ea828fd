import { browser } from 'wxt/browser';
import { formatNumber, localizePage, t } from '@/utils/i18n';
import { isMessageOf, sendMessage, sendToTab } from '@/utils/messages';
import { highlightRanges, renderTabState } from '@/utils/report-view';
import { siteActionButtons, type SiteAction } from '@/utils/site-actions';
import type { TabState } from '@/utils/tab-store';

/**
 * The popup: shows the stored report of the active tab (or of `?tab=<id>`) at once, scans on
 * demand, and asks the page to highlight the findings.
 */

/** How long to wait for a requested scan before showing "not scanned yet". */
const SCAN_WAIT_MS = 10_000;

localizePage(document);
const root = document.getElementById('report') as HTMLElement;
const rescanButton = document.getElementById('rescan') as HTMLButtonElement;
const highlightButton = document.getElementById('highlight') as HTMLButtonElement;
const actionsBar = document.getElementById('site-actions') as HTMLElement;
const actionStatus = document.getElementById('action-status') as HTMLElement;
let current: TabState | null = null;
let highlighted = 0;

function show(state: TabState | null, final: boolean): void {
  current = state;
  renderTabState(root, state);
  actionsBar.replaceChildren(...siteActionButtons(document, state));
  const scanned = state?.status === 'scanned' && state.report !== null;
  highlightButton.disabled = !scanned;
  rescanButton.disabled = state?.status === 'unreadable' || state?.status === 'excluded' || state?.status === 'trusted';
  if (final) document.body.dataset.ready = '1';
}

function showHighlightState(count: number): void {
  highlighted = count;
  highlightButton.textContent = count > 0 ? t('popup_remove_highlights', formatNumber(count)) : t('popup_highlight');
}

async function tabIdToShow(): Promise<number | undefined> {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(param) && param > 0) return param;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Asks the background to have the tab scanned (`anyway`: once, whatever the settings); waits for the report (or a status) to arrive. */
async function scanAndWait(tabId: number, anyway = false): Promise<void> {
  root.querySelector('[data-testid=status]')?.replaceChildren(t('popup_scanning'));
  const { ok } = (await sendMessage({ type: 'spinscope:scan-tab', tabId, anyway }).catch(() => ({ ok: false }))) ?? { ok: false };
  if (!ok) {
    show((await sendMessage({ type: 'spinscope:get-tab-state', tabId }).catch(() => null)) ?? { status: 'unreadable', report: null }, true);
    return;
  }
  setTimeout(() => {
    if (document.body.dataset.ready !== '1') show(current, true);
  }, SCAN_WAIT_MS);
}

/** Does what a site action button asks, and says what happened (or why it could not). */
async function runSiteAction(tabId: number, action: SiteAction): Promise<void> {
  actionStatus.textContent = '';
  if (action === 'scan-anyway') return scanAndWait(tabId, true);
  if (action === 'report-wrong') {
    const { ok, count } = (await sendMessage({ type: 'spinscope:report-wrong', tabId }).catch(() => null)) ?? { ok: false, count: 0 };
    actionStatus.textContent = ok ? t('popup_wrong_verdict_kept', formatNumber(count)) : t('popup_wrong_verdict_not_kept');
    return;
  }
  const list = action === 'trust' || action === 'untrust' ? 'trustedSites' : 'excludedSites';
  const add = action === 'trust' || action === 'pause';
  const result = (await sendMessage({ type: 'spinscope:site-list', tabId, list, add }).catch(() => null)) ?? { ok: false, error: t('popup_no_answer') };
  // The page's new state arrives from the background once the tab has asked again whether to scan.
  actionStatus.textContent = result.ok ? '' : t('popup_not_saved', result.error ?? t('popup_settings_not_stored'));
}

async function main(): Promise<void> {
  const tabId = await tabIdToShow();
  if (tabId === undefined) {
    show({ status: 'unreadable', report: null }, true);
    return;
  }

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isMessageOf(message, 'spinscope:tab-updated') || message.tabId !== tabId || !message.state) return;
    show(message.state, true);
    showHighlightState(0);
  });

  rescanButton.addEventListener('click', () => void scanAndWait(tabId));
  actionsBar.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]')?.dataset.action as SiteAction | undefined;
    if (action) void runSiteAction(tabId, action);
  });
  highlightButton.addEventListener('click', () => {
    void (async () => {
      const report = current?.report;
      if (!report) return;
      const response =
        highlighted > 0
          ? await sendToTab(tabId, { type: 'spinscope:clear-highlights' }).catch(() => ({ count: 0 }))
          : await sendToTab(tabId, { type: 'spinscope:highlight', ranges: highlightRanges(report) }).catch(() => ({ count: 0 }));
      showHighlightState(response?.count ?? 0);
    })();
  });
  document.getElementById('open-options')?.addEventListener('click', (event) => {
    event.preventDefault();
    void browser.runtime.openOptionsPage();
  });

  const state = await sendMessage({ type: 'spinscope:get-tab-state', tabId }).catch(() => null);
  if (state && state.status !== 'not-scanned') {
    show(state, true);
    const ping = await sendToTab(tabId, { type: 'spinscope:ping' }).catch(() => null);
    showHighlightState(ping?.highlights ?? 0);
    return;
  }
  // Nothing yet (automatic scanning off, or the page is still settling): scan on demand.
  show(state, false);
  await scanAndWait(tabId);
}

void main();
