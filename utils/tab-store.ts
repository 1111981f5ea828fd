import { browser } from 'wxt/browser';
import type { Report } from '@/lib/types';

/**
 * Per-tab state kept by the background. In `storage.session` where the browser has it (Chrome MV3
 * stops idle service workers, so memory alone would lose every report; session storage survives
 * that and is cleared when the browser closes). In memory otherwise, or when a report is too big
 * for the session quota.
 */

/** Where a tab stands, as the background keeps it. */
export type TabStatus =
  /** Scanned: `report` is set. */
  | 'scanned'
  /** The site is in the options' sites to skip: nothing was read. */
  | 'excluded'
  /** The user trusts the site: it is never flagged, so nothing was read. */
  | 'trusted'
  /** Automatic scanning is off and the popup has not asked for a scan yet. */
  | 'not-scanned'
  /** The extension cannot read this page (browser pages, the web store, PDFs, files). */
  | 'unreadable';

export interface TabState {
  status: TabStatus;
  report: Report | null;
  /** The page's address, as the content script saw it. */
  url?: string;
}

const PREFIX = 'tab:';
const memory = new Map<number, TabState>();

const session = () => browser.storage?.session;
const keyOf = (tabId: number) => PREFIX + tabId;

export async function getTabState(tabId: number): Promise<TabState | null> {
  const held = memory.get(tabId);
  if (held) return held;
  const area = session();
  if (!area) return null;
  try {
    const key = keyOf(tabId);
    const stored = (await area.get(key))[key];
    return (stored as TabState | undefined) ?? null;
  } catch {
    return null;
  }
}

export async function setTabState(tabId: number, state: TabState): Promise<void> {
  const area = session();
  if (area) {
    try {
      await area.set({ [keyOf(tabId)]: state });
      memory.delete(tabId);
      return;
    } catch {
      // Over the session quota (a huge report): keep it in memory instead.
    }
  }
  memory.set(tabId, state);
}

export async function clearTabState(tabId: number): Promise<void> {
  memory.delete(tabId);
  try {
    await session()?.remove(keyOf(tabId));
  } catch {
    // Nothing stored.
  }
}

/** The ids of all tabs with a stored state. */
export async function storedTabIds(): Promise<number[]> {
  const ids = new Set(memory.keys());
  const area = session();
  if (area) {
    try {
      for (const key of Object.keys(await area.get(null))) {
        if (key.startsWith(PREFIX)) ids.add(Number(key.slice(PREFIX.length)));
      }
    } catch {
      // Session storage unavailable: memory only.
    }
  }
  return [...ids].filter(Number.isInteger);
}
