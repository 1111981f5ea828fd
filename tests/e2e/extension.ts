/**
 * What the tests read from and do to the running extension, through its public surface only: the
 * toolbar action (badge text, colour, title), the background's `spinscope:get-tab-state` message (what the popup is given),
 * storage.sync, the protocol messages content scripts send (every extension page receives them),
 * and the popup and options pages opened as ordinary tabs. Calls to extension APIs
 * run in a "control" page, an extension page kept open for that purpose (options.html), where
 * `browser` (Firefox) or `chrome` (Chromium) is available.
 */
import type { Report, Verdict } from '../../lib/index';
import type { DriverPage, ExtensionBrowser } from './drivers';

export const NEUTRAL_COLOUR = '#757575';
/** Badge background colour per verdict, as the extension contract specifies: input that is not text is not judged, so grey. */
export const VERDICT_COLOURS: Record<Verdict, string> = {
  clean: '#2e7d32',
  suspicious: '#f9a825',
  syndicated: '#c62828',
  'not-text': NEUTRAL_COLOUR,
};

export interface Badge {
  text: string;
  /** `#rrggbb`, lower case. */
  colour: string;
  title: string;
}

/** The parts of the WebExtension API the control page calls (promise-returning in MV3 Chromium and in Firefox). */
interface ActionApi {
  getBadgeText(details: { tabId: number }): Promise<string>;
  getBadgeBackgroundColor(details: { tabId: number }): Promise<number[]>;
  getTitle(details: { tabId: number }): Promise<string>;
}
interface ExtensionApi {
  action?: ActionApi;
  browserAction?: ActionApi;
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(listener: (message: unknown, sender: { tab?: { id?: number } }) => void): void };
  };
  storage: { sync: { get(keys: null): Promise<Record<string, unknown>>; clear(): Promise<void> }; local: { remove(key: string): Promise<void> } };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Polls `read` until `done(value)` holds or `timeoutMs` passes, and returns the last value either
 * way, so the caller's assertion shows what was seen instead of a bare timeout.
 */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 45_000, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await sleep(intervalMs);
    value = await read();
  }
  return value;
}

const toHex = (rgba: number[]) => '#' + rgba.slice(0, 3).map((c) => c.toString(16).padStart(2, '0')).join('');

export class ExtensionUnderTest {
  private constructor(
    readonly browser: ExtensionBrowser,
    private readonly control: DriverPage,
  ) {}

  static async attach(browser: ExtensionBrowser): Promise<ExtensionUnderTest> {
    const control = await browser.openExtensionPage('options.html');
    await control.evaluate(() => {
      const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi; spinscopeMessagesSeen?: { tabId: number; type: string; at: number }[] };
      const api = (g.browser ?? g.chrome) as ExtensionApi;
      const seen: { tabId: number; type: string; at: number }[] = (g.spinscopeMessagesSeen = []);
      api.runtime.onMessage.addListener((message, sender) => {
        const type = (message as { type?: unknown } | null)?.type;
        if (typeof type === 'string' && sender.tab?.id !== undefined) seen.push({ tabId: sender.tab.id, type, at: Date.now() });
      });
    }, null);
    return new ExtensionUnderTest(browser, control);
  }

  async tabIds(): Promise<number[]> {
    return this.control.evaluate(async () => {
      const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
      const api = (g.browser ?? g.chrome) as ExtensionApi;
      const tabs = await api.tabs.query({});
      return tabs.map((t) => t.id ?? -1);
    }, null);
  }

  /**
   * Opens `url` in a new tab and returns the page with its tab id. The id is learnt as the one tab
   * that appeared (the extension has no `tabs` permission, so it cannot look tabs up by address).
   */
  async openTab(url: string): Promise<{ page: DriverPage; tabId: number }> {
    const before = new Set(await this.tabIds());
    const page = await this.browser.newTab();
    const fresh = await pollUntil(
      async () => (await this.tabIds()).filter((id) => !before.has(id)),
      (ids) => ids.length === 1,
      10_000,
      100,
    );
    if (fresh.length !== 1) throw new Error(`Expected one new tab after opening one, saw ${JSON.stringify(fresh)}.`);
    await page.goto(url);
    await page.bringToFront();
    return { page, tabId: fresh[0]! };
  }

  async badge(tabId: number): Promise<Badge> {
    const raw = await this.control.evaluate(async (id) => {
      const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
      const api = (g.browser ?? g.chrome) as ExtensionApi;
      const action = (api.action ?? api.browserAction) as ActionApi;
      const [text, rgba, title] = await Promise.all([
        action.getBadgeText({ tabId: id }),
        action.getBadgeBackgroundColor({ tabId: id }),
        action.getTitle({ tabId: id }),
      ]);
      return { text, rgba, title };
    }, tabId);
    return { text: raw.text, colour: toHex(raw.rgba), title: raw.title };
  }

  /** The badge once it satisfies `done`, or the last badge seen after the timeout. */
  waitForBadge(tabId: number, done: (b: Badge) => boolean, timeoutMs?: number): Promise<Badge> {
    return pollUntil(() => this.badge(tabId), done, timeoutMs);
  }

  /** The background's stored report for the tab, as the popup gets it (`null` when it has none). */
  async storedReport(tabId: number): Promise<Report | null> {
    return this.control.evaluate(async (id) => {
      const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
      const api = (g.browser ?? g.chrome) as ExtensionApi;
      const state = (await api.runtime.sendMessage({ type: 'spinscope:get-tab-state', tabId: id })) as { report: Report | null } | null;
      return state?.report ?? null;
    }, tabId);
  }

  /**
   * The protocol messages each tab's content script sent to the extension, as `{type, at}`.
   * A content script's runtime messages reach every extension page, so the control page records
   * them from `attach` on, listening without answering (the background answers). Every scan starts
   * with `spinscope:may-scan`, so those count a tab's extractions; `spinscope:page-text` the texts sent.
   */
  async messagesFrom(tabId: number): Promise<{ type: string; at: number }[]> {
    return this.control.evaluate((id) => {
      const seen = (globalThis as unknown as { spinscopeMessagesSeen: { tabId: number; type: string; at: number }[] }).spinscopeMessagesSeen;
      return seen.filter((m) => m.tabId === id).map(({ type, at }) => ({ type, at }));
    }, tabId);
  }

  async storedSettings(): Promise<Record<string, unknown>> {
    return this.control.evaluate(async () => {
      const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
      const api = (g.browser ?? g.chrome) as ExtensionApi;
      return api.storage.sync.get(null);
    }, null);
  }

  /** Back to the default settings, as a fresh install has them. */
  async clearSettings(): Promise<void> {
    await this.control.evaluate(async () => {
      const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
      const api = (g.browser ?? g.chrome) as ExtensionApi;
      await api.storage.sync.clear();
      // The sites to skip live on the device (utils/settings-store.ts).
      await api.storage.local.remove('excludedSites');
    }, null);
  }

  /** Opens an extension page as a tab and waits for its `document.body.dataset.ready === "1"`. */
  async openReadyPage(path: string, timeoutMs = 30_000): Promise<DriverPage> {
    const page = await this.browser.openExtensionPage(path);
    const ready = await pollUntil(() => page.evaluate(() => document.body?.dataset.ready ?? '', null), (r) => r === '1', timeoutMs, 100);
    if (ready !== '1') throw new Error(`${path} never set document.body.dataset.ready to "1" (saw "${ready}").`);
    return page;
  }

  openPopup(tabId: number): Promise<DriverPage> {
    return this.openReadyPage(`popup.html?tab=${tabId}`);
  }

  openOptions(): Promise<DriverPage> {
    return this.openReadyPage('options.html');
  }
}

/** One evidence row of the popup: its rendered text, and the cells of the table it shows, if any. */
export interface PopupRow {
  text: string;
  tableElements: number;
  cells: string[];
}

/** What the popup shows, read as a user would see it (rendered text, links, table cells). */
export interface PopupView {
  verdict: string | null;
  score: string | null;
  language: string | null;
  status: string | null;
  /** Each signal section in the order shown, by its `data-testid` (`signal-<id>`). */
  sections: { id: string; title: string; summary: string; rows: PopupRow[] }[];
  sourceLinks: { href: string; target: string; rel: string; text: string }[];
  bodyText: string;
  /** The line under the verdict that says why, or null. */
  reason: string | null;
  /** How far below the top of the report (which scrolls beyond 520 px) the reason line and the first section's first row end, as first shown. */
  firstScreen: { reasonBottom: number | null; firstRowBottom: number | null };
}

export function readPopup(popup: DriverPage): Promise<PopupView> {
  // No named helpers inside: the function is serialised, and tsx (the screenshot script) wraps named
  // functions in a `__name` call that does not exist in the page.
  return popup.evaluate(() => {
    const top = document.querySelector('main')!.getBoundingClientRect().top;
    const reasonEl = document.querySelector<HTMLElement>('[data-testid=reason]');
    const firstRow = document.querySelector<HTMLElement>('section[data-testid^=signal-] [data-testid=evidence-row]');
    const firstScreen = {
      reasonBottom: reasonEl ? reasonEl.getBoundingClientRect().bottom - top : null,
      firstRowBottom: firstRow ? firstRow.getBoundingClientRect().bottom - top : null,
    };
    // Rows behind "show all" are read too.
    for (const details of document.querySelectorAll('details')) details.open = true;
    const [verdict, score, language, status] = ['verdict', 'score', 'language', 'status'].map((id) => {
      const el = document.querySelector(`[data-testid=${id}]`) as HTMLElement | null;
      return el ? el.innerText.replace(/\s+/g, ' ').trim() : null;
    });
    return {
      verdict: verdict ?? null,
      score: score ?? null,
      language: language ?? null,
      status: status ?? null,
      sections: Array.from(document.querySelectorAll<HTMLElement>('section[data-testid^=signal-]'), (section) => ({
        id: (section.dataset.testid ?? '').replace(/^signal-/, ''),
        title: (section.querySelector('[data-testid=signal-title]')?.textContent ?? '').trim(),
        summary: (section.querySelector('[data-testid=signal-summary]')?.textContent ?? '').trim(),
        rows: Array.from(section.querySelectorAll<HTMLElement>('[data-testid=evidence-row]'), (row) => ({
          text: row.innerText.replace(/\s+/g, ' ').trim(),
          tableElements: row.querySelectorAll('table').length,
          cells: Array.from(row.querySelectorAll('td, th'), (c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()),
        })),
      })),
      sourceLinks: Array.from(document.querySelectorAll<HTMLAnchorElement>('[data-testid=source-link]'), (el) => ({
        href: el.href,
        target: el.getAttribute('target') ?? '',
        rel: el.getAttribute('rel') ?? '',
        text: el.innerText.replace(/\s+/g, ' ').trim(),
      })),
      bodyText: (document.body.textContent ?? '').replace(/\s+/g, ' '),
      reason: reasonEl ? reasonEl.innerText.replace(/\s+/g, ' ').trim() : null,
      firstScreen,
    };
  }, null);
}

/** Sets a form field's value as typing would, firing `input` and `change`. */
export function setField(page: DriverPage, selector: string, value: string | boolean): Promise<void> {
  return page.evaluate(
    ({ selector: sel, value: v }) => {
      const el = document.querySelector(sel) as HTMLInputElement | HTMLTextAreaElement | null;
      if (!el) throw new Error(`No element ${sel} on the page.`);
      if (typeof v === 'boolean') (el as HTMLInputElement).checked = v;
      else el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { selector, value },
  );
}

export function fieldValue(page: DriverPage, selector: string): Promise<string | null> {
  return page.evaluate((sel) => (document.querySelector(sel) as HTMLInputElement | null)?.value ?? null, selector);
}

export function textOf(page: DriverPage, selector: string): Promise<string> {
  return page.evaluate((sel) => Array.from(document.querySelectorAll(sel), (el) => el.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim(), selector);
}

export function countOf(page: DriverPage, selector: string): Promise<number> {
  return page.evaluate((sel) => document.querySelectorAll(sel).length, selector);
}
