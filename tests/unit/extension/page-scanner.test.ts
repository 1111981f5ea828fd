// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onMessage } from '../../../utils/background-main';
import { startPageScanner, TEXT_PART_CHARS } from '../../../utils/page-scanner';
import { getTabState } from '../../../utils/tab-store';
import { settingsItem } from '../../../utils/settings-store';
import { deliver } from './helpers';

const PARAGRAPHS = [
  'In a daring assertion, the minister laid out plans to deepen cooperation between the two countries, aiming for a partnership.',
  'He emphasised the need for mutual cooperation across varied sectors, from trade and energy to culture and education.',
  'Critics said the plan was vague, and asked for figures on its cost, its schedule and the people responsible for it.',
];

/** Another story of about the same length, for pages that swap one article for another. */
const OTHER_PARAGRAPHS = [
  'Rain is expected across the north of the country this weekend, with local flooding likely near the larger rivers.',
  'Forecasters advised drivers to avoid low roads on Saturday night and to check the warnings before setting out.',
  'The weather should turn drier on Monday, although strong winds may continue along the coast until Tuesday morning.',
];

let ctx: ContentScriptContext;
let sent: { type: string; url?: string; text?: string; done?: boolean }[];
const TAB = 3;

function setPage(): void {
  document.title = 'A story';
  document.body.innerHTML = `<nav><a href="/">Home</a></nav><article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`;
}

describe('content script page scanner', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    sent = [];
    // The background decides whether to scan (with the real settings in fake storage); the text it would analyse is kept here.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: (typeof sent)[number]) => {
      sent.push(message);
      if (message.type !== 'spinscope:may-scan') return { ok: true };
      return new Promise((resolve) => onMessage(message, { tab: { id: TAB } } as never, resolve));
    }) as never);
    setPage();
    delete document.documentElement.dataset.spinscopeHighlights;
    ctx = new ContentScriptContext('content');
  });
  afterEach(() => {
    ctx.abort();
    vi.restoreAllMocks();
  });

  it('extracts the article after the page settles and sends it to the background', async () => {
    startPageScanner(ctx);
    await vi.waitFor(() => expect(sent.some((m) => m.type === 'spinscope:page-text' && m.done)).toBe(true));
    const text = sent.filter((m) => m.type === 'spinscope:page-text').map((m) => m.text).join('');
    for (const p of PARAGRAPHS) expect(text).toContain(p);
    expect(text).not.toContain('Home');
  });

  it('does not read an excluded site at all', async () => {
    await settingsItem.setValue({ excludedSites: [location.hostname] });
    startPageScanner(ctx);
    await vi.waitFor(async () => expect((await getTabState(TAB))?.status).toBe('excluded'));
    // Even when asked to scan, an excluded site stays unread.
    await deliver({ type: 'spinscope:scan', reason: 'user' });
    expect(sent.filter((m) => m.type === 'spinscope:page-text')).toEqual([]);
  });

  it('with automatic scanning off, waits for the popup to ask', async () => {
    await settingsItem.setValue({ autoScan: false });
    startPageScanner(ctx);
    await vi.waitFor(async () => expect((await getTabState(TAB))?.status).toBe('not-scanned'));
    expect(sent.some((m) => m.type === 'spinscope:page-text')).toBe(false);
    await deliver({ type: 'spinscope:scan', reason: 'user' });
    expect(sent.some((m) => m.type === 'spinscope:page-text' && m.done)).toBe(true);
  });

  it('sends a long text in parts no longer than the part size', async () => {
    document.body.innerHTML = `<article>${Array.from({ length: 4 }, () => `<p>${'word, '.repeat(TEXT_PART_CHARS / 8)}</p>`).join('')}</article>`;
    startPageScanner(ctx);
    await vi.waitFor(() => expect(sent.some((m) => m.type === 'spinscope:page-text' && m.done)).toBe(true));
    const parts = sent.filter((m) => m.type === 'spinscope:page-text');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.text!.length).toBeLessThanOrEqual(TEXT_PART_CHARS);
  });

  it('scans again, once, after the article changes substantially (as single-page sites do)', async () => {
    startPageScanner(ctx);
    await vi.waitFor(() => expect(sent.filter((m) => m.type === 'spinscope:page-text' && m.done)).toHaveLength(1));
    const article = document.querySelector('article')!;
    article.append(document.createTextNode('x'));
    for (const p of PARAGRAPHS) {
      const el = document.createElement('p');
      el.textContent = `A new story replaces the old one. ${p}`;
      article.append(el);
    }
    await vi.waitFor(() => expect(sent.filter((m) => m.type === 'spinscope:page-text' && m.done)).toHaveLength(2), { timeout: 5000 });
    expect(sent.filter((m) => m.type === 'spinscope:page-text').at(-1)!.text).toContain('A new story replaces the old one.');
  });

  it('does nothing once its context is invalidated before the page is idle', async () => {
    startPageScanner(ctx);
    ctx.abort();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sent).toEqual([]);
  });

  it('scans again after an in-page navigation', async () => {
    startPageScanner(ctx);
    await vi.waitFor(() => expect(sent.filter((m) => m.type === 'spinscope:page-text' && m.done)).toHaveLength(1));
    // No change to the page's text, so only the navigation can cause the rescan.
    history.pushState(null, '', '/next-story');
    await vi.waitFor(() => expect(sent.filter((m) => m.type === 'spinscope:page-text' && m.done)).toHaveLength(2), { timeout: 5000 });
    expect(sent.filter((m) => m.type === 'spinscope:page-text').at(-1)!.url).toMatch(/\/next-story$/);
  });

  it('answers a ping with no highlights before any were asked for', async () => {
    startPageScanner(ctx);
    expect(await deliver({ type: 'spinscope:ping' })).toEqual({ highlights: 0 });
  });

  it('highlights findings on request, marks the count on <html>, and removes them without touching the text', async () => {
    startPageScanner(ctx);
    await vi.waitFor(() => expect(sent.some((m) => m.type === 'spinscope:page-text' && m.done)).toBe(true));
    const text = sent.filter((m) => m.type === 'spinscope:page-text').map((m) => m.text).join('');
    const before = document.body.innerHTML;
    const phrase = 'mutual cooperation';
    const start = text.indexOf(phrase);
    const stale = { start: 0, end: 5, actual: 'xxxxx', signal: 'spun', tooltip: 'no longer on the page' };
    const answer = await deliver({
      type: 'spinscope:highlight',
      ranges: [{ start, end: start + phrase.length, actual: phrase, signal: 'spun', tooltip: 'Spinscope: probably “x”' }, stale],
    });
    expect(answer).toEqual({ count: 1 });
    expect(document.documentElement.dataset.spinscopeHighlights).toBe('1');
    expect(await deliver({ type: 'spinscope:ping' })).toEqual({ highlights: 1 });
    await deliver({ type: 'spinscope:clear-highlights' });
    expect(document.documentElement.dataset.spinscopeHighlights).toBeUndefined();
    expect(document.body.innerHTML).toBe(before);
  });

  describe('on pages that keep changing (fake timers)', () => {
    const reports = () => sent.filter((m) => m.type === 'spinscope:page-text' && m.done);
    // Every scan starts by asking the background whether to scan, so these count the extractions.
    const scansAsked = () => sent.filter((m) => m.type === 'spinscope:may-scan').length;
    const renderArticle = (paragraphs: readonly string[]) => {
      document.querySelector('article')!.innerHTML = paragraphs.map((p) => `<p>${p}</p>`).join('');
    };
    let intervals: ReturnType<typeof setInterval>[];

    beforeEach(() => {
      vi.useFakeTimers();
      intervals = [];
    });
    afterEach(() => {
      for (const id of intervals) clearInterval(id);
      vi.useRealTimers();
    });

    it('follows an article re-rendered every 50 ms that is replaced by another one, within a few seconds', async () => {
      let paragraphs = PARAGRAPHS;
      intervals.push(setInterval(() => renderArticle(paragraphs), 50));
      startPageScanner(ctx);
      await vi.advanceTimersByTimeAsync(3000);
      expect(reports()).toHaveLength(1);
      expect(reports()[0]!.text).toContain(PARAGRAPHS[0]);

      paragraphs = OTHER_PARAGRAPHS;
      await vi.advanceTimersByTimeAsync(5000);
      expect(reports()).toHaveLength(2);
      expect(reports()[1]!.text).toContain(OTHER_PARAGRAPHS[0]);
      expect(reports()[1]!.text).not.toContain(PARAGRAPHS[0]);
    });

    it('rescans an article that grows by a 180-character paragraph every 2 s, and the report keeps up', async () => {
      const article = document.querySelector('article')!;
      let added = 0;
      const paragraph = (n: number) => `Update ${n}: ${'the live coverage continues with another short report from the scene, '.repeat(3)}`.slice(0, 180);
      intervals.push(
        setInterval(() => {
          const p = document.createElement('p');
          p.textContent = paragraph(++added);
          article.append(p);
        }, 2000),
      );
      startPageScanner(ctx);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(reports().length).toBeGreaterThanOrEqual(4);
      // The changes since the last report stay under the change threshold: a fifth of the article.
      const latest = reports().at(-1)!.text!;
      expect(latest.length).toBeGreaterThanOrEqual(0.8 * (article.textContent ?? '').length);
      expect(latest).toContain(paragraph(Math.floor(0.8 * added)));
    });

    it('reports a page that streams its article in every 50 ms, without scanning more than once per 10 s', async () => {
      document.querySelector('article')!.replaceChildren();
      const article = document.querySelector('article')!;
      let added = 0;
      intervals.push(
        setInterval(() => {
          const p = document.createElement('p');
          p.textContent = `${PARAGRAPHS[added++ % PARAGRAPHS.length]} `;
          article.append(p);
        }, 50),
      );
      startPageScanner(ctx);
      await vi.advanceTimersByTimeAsync(500);
      const first = reports().length;
      await vi.advanceTimersByTimeAsync(30_000);
      expect(reports().length).toBeGreaterThan(first);
      expect(reports().at(-1)!.text!.split(/\s+/).length).toBeGreaterThan(1000);
      expect(scansAsked()).toBeLessThanOrEqual(1 + 30_000 / 10_000);
    });

    it('keeps the highlights on an article re-rendered unchanged: they move to the new nodes, not vanish or go stale', async () => {
      // The CSS Custom Highlight API, as the browsers have it: the ranges in the registry are what the user sees.
      const registry = new Map<string, { ranges: Range[] }>();
      vi.stubGlobal('CSS', { highlights: registry });
      vi.stubGlobal(
        'Highlight',
        class {
          ranges: Range[];
          constructor(...ranges: Range[]) {
            this.ranges = ranges;
          }
        },
      );
      try {
        startPageScanner(ctx);
        await vi.advanceTimersByTimeAsync(5_000);
        const text = reports().map((m) => m.text).join('');
        const phrase = 'mutual cooperation';
        const start = text.indexOf(phrase);
        const range = { start, end: start + phrase.length, actual: phrase, signal: 'spun', tooltip: 'Spinscope: probably “x”', colour: '#ff0' };
        expect(await deliver({ type: 'spinscope:highlight', ranges: [range] })).toEqual({ count: 1 });
        // A framework re-renders the article with the same text, and a clock ticks until the changes add up to a rescan.
        const asked = scansAsked();
        renderArticle(PARAGRAPHS);
        const clock = document.createElement('span');
        document.querySelector('nav')!.append(clock);
        intervals.push(setInterval(() => (clock.textContent = new Date().toISOString()), 50));
        await vi.advanceTimersByTimeAsync(30_000);
        expect(scansAsked()).toBeGreaterThan(asked);
        expect(reports()).toHaveLength(1);
        expect(document.documentElement.dataset.spinscopeHighlights).toBe('1');
        const shown = registry.get('spinscope-spun')!.ranges[0]!;
        expect(shown.toString()).toBe(phrase);
        expect(shown.startContainer.isConnected, 'the highlight is on the text the page shows').toBe(true);
      } finally {
        vi.unstubAllGlobals();
      }
    });

    it('scans a page whose clock ticks and whose article is re-rendered unchanged every 50 ms at most once per 10 s, and sends its text once', async () => {
      const clock = document.createElement('span');
      document.querySelector('nav')!.append(clock);
      intervals.push(
        setInterval(() => {
          clock.textContent = new Date().toISOString();
          renderArticle(PARAGRAPHS);
        }, 50),
      );
      startPageScanner(ctx);
      await vi.advanceTimersByTimeAsync(60_000);
      // The clock's changes add up to a rescan now and then; it finds the article unchanged and sends nothing.
      expect(scansAsked()).toBeGreaterThan(1);
      expect(scansAsked()).toBeLessThanOrEqual(60_000 / 10_000);
      expect(reports()).toHaveLength(1);
    });
  });

  describe('on a page that is never idle (an animation fills every frame; fake timers)', () => {
    const reports = () => sent.filter((m) => m.type === 'spinscope:page-text' && m.done);
    const globals = globalThis as { requestIdleCallback?: unknown; scheduler?: unknown };
    beforeEach(() => {
      vi.useFakeTimers();
      // As a browser does for such a page: an idle callback runs only when its timeout expires.
      globals.requestIdleCallback = (callback: () => void, options?: { timeout?: number }) => setTimeout(callback, options?.timeout ?? 60_000);
    });
    afterEach(() => {
      delete globals.requestIdleCallback;
      delete globals.scheduler;
      vi.useRealTimers();
    });

    it('reads the page and sends its text in its next tasks, with the task scheduler, without waiting for idle time', async () => {
      globals.scheduler = { postTask: (callback: () => void) => new Promise<void>((resolve) => setTimeout(() => resolve(callback()), 0)) };
      startPageScanner(ctx);
      await vi.advanceTimersByTimeAsync(20);
      expect(reports()).toHaveLength(1);
      expect(reports()[0]!.text).toContain(PARAGRAPHS[0]);
    });

    it('without the task scheduler, goes on after at most 200 ms per step instead of waiting seconds for idle time', async () => {
      startPageScanner(ctx);
      await vi.advanceTimersByTimeAsync(1000);
      expect(reports()).toHaveLength(1);
    });
  });
});
