/**
 * The end-to-end suite, the same for both browsers: the built extension loaded in a real browser,
 * pages served on localhost, and the extension checked through what a user sees (badge, tooltip,
 * popup, options, highlights). Every expected verdict comes from the engine itself on the same
 * HTML, so these tests also check that the browser and the CLI give one verdict.
 */
import { parseHTML } from 'linkedom';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SIGNALS, type Finding, type Report, type SettingsInput, VERDICTS } from '../../lib/index';
import { LAUNCHERS, type BrowserName, type DriverPage, type ExtensionBrowser } from './drivers';
import { countOf, ExtensionUnderTest, fieldValue, NEUTRAL_COLOUR, pollUntil, readPopup, setField, sleep, textOf, VERDICT_COLOURS, type Badge } from './extension';
import { defineOptionsTests } from './options';
import { defineSiteActionTests } from './site-actions';
import { buildPages, COPIED_OUTLET, engineReport, plainTextDocument, type ServedPages, type TestPage } from './pages';
import { expectPopupShowsReport } from './popup-expectations';
import { servePages, type PageServer } from './server';

const badgeMatches = (badge: Badge, report: Report) =>
  badge.text === String(Math.round(report.score)) &&
  badge.colour === VERDICT_COLOURS[report.verdict] &&
  badge.title.toLowerCase().includes(report.verdict);

/**
 * Thresholds that move a page's verdict across the syndicated threshold: lowered to the score for a
 * page below it, raised above the score for a syndicated page.
 */
function thresholdsChangingVerdict(report: Report): { suspicious: number; syndicated: number } {
  if (report.verdict !== 'syndicated') {
    const syndicated = Math.max(1, Math.floor(report.score));
    return { suspicious: Math.min(DEFAULT_SETTINGS.thresholds.suspicious, syndicated - 1), syndicated };
  }
  return { suspicious: DEFAULT_SETTINGS.thresholds.suspicious, syndicated: 100 };
}

export function defineExtensionSuite(name: BrowserName): void {
  describe(`Spinscope in ${name}`, () => {
    let browser: ExtensionBrowser | undefined;
    let ext: ExtensionUnderTest;
    let server: PageServer;
    let pages: ServedPages;
    const tabs = new Map<string, { page: DriverPage; tabId: number }>();

    beforeAll(async () => {
      pages = buildPages();
      server = await servePages(Object.values(pages));
      browser = await LAUNCHERS[name]();
      ext = await ExtensionUnderTest.attach(browser);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    // Every test starts from the default settings, whatever the previous one changed.
    afterEach(async () => {
      await ext?.clearSettings();
    });

    const expected = (page: TestPage, host: '127.0.0.1' | 'localhost' = '127.0.0.1', settings: SettingsInput = {}) =>
      engineReport(page.contentType === 'text/plain' ? plainTextDocument(page.html) : page.html, server.url(page.path, host), settings);

    /** The page's tab (opened once per suite) after the extension scanned it. */
    async function scannedTab(page: TestPage): Promise<{ page: DriverPage; tabId: number; badge: Badge }> {
      let tab = tabs.get(page.path);
      if (!tab) {
        tab = await ext.openTab(server.url(page.path));
        tabs.set(page.path, tab);
      }
      const report = expected(page);
      const badge = await ext.waitForBadge(tab.tabId, (b) => badgeMatches(b, report));
      return { ...tab, badge };
    }

    async function withPopup<T>(tabId: number, use: (popup: DriverPage) => Promise<T>): Promise<T> {
      const popup = await ext.openPopup(tabId);
      try {
        return await use(popup);
      } finally {
        await popup.close();
      }
    }

    const servedPages = (): [string, keyof ServedPages][] => [
      ['seed 000 (spun, glued tables, scraper footer)', 'seed000'],
      ['seed 001 (raw pipe tables)', 'seed001'],
      ['a spun dev-corpus page', 'spun'],
      ['a syndicated dev-corpus page', 'syndicated'],
      ['a clean dev-corpus page', 'clean'],
      ['a plain-text article (text/plain)', 'plainText'],
    ];

    it('the seeds get the verdicts the project promises (engine, on the served HTML)', () => {
      const seed000 = expected(pages.seed000);
      expect(seed000.verdict).toBe('syndicated');
      for (const signal of ['spun', 'tables', 'boilerplate'] as const) {
        expect(seed000.signals[signal].findings.length, `seed 000 has ${signal} findings`).toBeGreaterThan(0);
      }
      expect(seed000.sourceUrl, 'seed 000 credits its source').toMatch(/^https?:\/\//);
      expect(expected(pages.seed001).verdict).not.toBe('clean');
    });

    for (const [title, key] of servedPages()) {
      it(`badge, tooltip, stored report and popup for ${title} equal the engine's report`, async () => {
        const page = pages[key];
        const report = expected(page);
        const { tabId, badge } = await scannedTab(page);
        expect(badge.text).toBe(String(Math.round(report.score)));
        expect(badge.colour).toBe(VERDICT_COLOURS[report.verdict]);
        expect(badge.title.toLowerCase()).toContain(report.verdict);

        const stored = await ext.storedReport(tabId);
        expect(stored, 'the background has a report for the tab').not.toBeNull();
        expect(stored!.verdict).toBe(report.verdict);
        expect(stored!.score).toBeCloseTo(report.score, 1);
        for (const signal of ['spun', 'tables', 'boilerplate'] as const) {
          expect(stored!.signals[signal].findings.length, `${signal} findings`).toBe(report.signals[signal].findings.length);
        }
        expectPopupShowsReport(await withPopup(tabId, readPopup), report);
      });
    }

    it('the popup says why first: on seed 000 the scraper footer and the strongest spun phrase, on seed 001 the tables, within its first 520 px', async () => {
      for (const [page, mustSay] of [
        [pages.seed000, ['Copyright for syndicated content', 'Jap Europe → Eastern Europe']],
        [pages.seed001, ['flattened tables']],
      ] as const) {
        const { tabId } = await scannedTab(page);
        const view = await withPopup(tabId, readPopup);
        for (const words of mustSay) expect(view.reason, `${page.description}: the reason line`).toContain(words);
        expect(view.firstScreen.reasonBottom!, `${page.description}: the reason line ends within 520 px`).toBeLessThanOrEqual(520);
        expect(view.firstScreen.firstRowBottom!, `${page.description}: the strongest signal's first row ends within 520 px`).toBeLessThanOrEqual(520);
        expect(view.sections[0]!.id, `${page.description}: the signal that added most comes first`).toBe(page === pages.seed000 ? 'boilerplate' : 'tables');
      }
    });

    it('Highlight marks the spun phrases on the page', async () => {
      const report = expected(pages.seed000);
      const { page, tabId } = await scannedTab(pages.seed000);
      const spun = report.signals.spun.findings.length;
      const all = (Object.values(report.signals) as { findings: Finding[] }[]).reduce((n, s) => n + s.findings.length, 0);
      expect(spun).toBeGreaterThan(0);
      // As a user would: the popup stays open until it says the highlights are placed.
      const button = await withPopup(tabId, async (popup) => {
        await popup.click('[data-testid=highlight]');
        return pollUntil(() => textOf(popup, '[data-testid=highlight]'), (t) => /remove highlights/i.test(t), 20_000);
      });
      expect(button).toMatch(/remove highlights \(\d+\)/i);
      let marked = '';
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        marked = await page.evaluate(() => document.documentElement.dataset.spinscopeHighlights ?? '', null);
        if (marked) break;
        await sleep(200);
      }
      expect(marked, 'document.documentElement.dataset.spinscopeHighlights').not.toBe('');
      const n = Number(marked);
      expect(n).toBeGreaterThanOrEqual(spun);
      expect(n).toBeLessThanOrEqual(all);
      // Non-destructive: the article's text is unchanged by the marks.
      const articleText = await page.evaluate(() => document.querySelector('article')?.textContent ?? '', null);
      expect(articleText).toBe(parseHTML(pages.seed000.html).document.querySelector('article')?.textContent ?? '');
    });

    it('changing a threshold in the options changes the verdict of an open tab without a reload', async () => {
      const { page, tabId } = await scannedTab(pages.seed001);
      await page.evaluate(() => void ((window as unknown as { spinscopeNoReload?: number }).spinscopeNoReload = 1), null);
      const before = expected(pages.seed001);
      const thresholds = thresholdsChangingVerdict(before);
      const after = expected(pages.seed001, '127.0.0.1', { thresholds });
      expect(after.verdict, `thresholds ${JSON.stringify(thresholds)} change the engine verdict`).not.toBe(before.verdict);

      const options = await ext.openOptions();
      try {
        await setField(options, '#threshold-suspicious', String(thresholds.suspicious));
        await setField(options, '#threshold-syndicated', String(thresholds.syndicated));
        await options.click('#save');
        const status = await pollUntil(() => textOf(options, '[data-testid=options-status]'), (s) => /saved/i.test(s), 10_000);
        expect(status).toMatch(/saved/i);
        expect(await countOf(options, '[data-testid=error]')).toBe(0);
      } finally {
        await options.close();
      }

      const badge = await ext.waitForBadge(tabId, (b) => badgeMatches(b, after));
      expect(badge.colour).toBe(VERDICT_COLOURS[after.verdict]);
      expect(badge.title.toLowerCase()).toContain(after.verdict);
      expect(badge.text).toBe(String(Math.round(after.score)));
      expect(await page.evaluate(() => (window as unknown as { spinscopeNoReload?: number }).spinscopeNoReload ?? 0, null), 'the page was not reloaded').toBe(1);
      const view = await withPopup(tabId, readPopup);
      expect(view.verdict?.toLowerCase()).toContain(after.verdict);

      // The options page shows what was saved, and restoring the defaults brings the verdict back.
      const reopened = await ext.openOptions();
      try {
        expect(await fieldValue(reopened, '#threshold-syndicated')).toBe(String(thresholds.syndicated));
        await reopened.click('#restore-defaults');
        await reopened.click('#save');
        await pollUntil(() => textOf(reopened, '[data-testid=options-status]'), (s) => /saved/i.test(s), 10_000);
        expect(await fieldValue(reopened, '#threshold-syndicated')).toBe(String(DEFAULT_SETTINGS.thresholds.syndicated));
      } finally {
        await reopened.close();
      }
      const restored = await ext.waitForBadge(tabId, (b) => badgeMatches(b, before));
      expect(restored.colour).toBe(VERDICT_COLOURS[before.verdict]);
    });

    defineOptionsTests(() => ({ ext, server, pages }));
    defineSiteActionTests(() => ({ name, ext, server, pages }));

    it('the options page lists every signal by the title the popup gives it, with its description', async () => {
      const options = await ext.openOptions();
      try {
        for (const signal of SIGNALS) {
          expect(await textOf(options, `[data-signal=${signal.id}] label:has(#enabled-${signal.id})`)).toBe(signal.title);
          expect(await textOf(options, `#about-${signal.id}`)).toBe(signal.description);
          expect(await countOf(options, `#weight-${signal.id}`)).toBe(1);
        }
      } finally {
        await options.close();
      }
    });

    it('the options page refuses invalid values with a message and saves nothing', async () => {
      const options = await ext.openOptions();
      try {
        await setField(options, '#threshold-suspicious', '70');
        await setField(options, '#threshold-syndicated', '60');
        await setField(options, '#weight-spun', '5');
        await options.click('#save');
        const errors = await pollUntil(() => countOf(options, '[data-testid=error]'), (n) => n > 0, 10_000);
        expect(errors, 'fields marked invalid').toBeGreaterThan(0);
        expect(await textOf(options, '[data-testid=error]')).not.toBe('');
        const status = await textOf(options, '[data-testid=options-status]');
        expect(status).not.toMatch(/^saved/i);
        await sleep(500);
        const stored = await ext.storedSettings();
        expect(JSON.stringify(stored), 'nothing invalid reached storage.sync').not.toMatch(/"suspicious":70|"weight":5/);
      } finally {
        await options.close();
      }
    });

    it('an excluded site is not scanned: no report, no badge', async () => {
      const options = await ext.openOptions();
      try {
        await setField(options, '#excluded-sites', 'localhost');
        await options.click('#save');
        const status = await pollUntil(() => textOf(options, '[data-testid=options-status]'), (s) => /saved/i.test(s), 10_000);
        expect(status).toMatch(/saved/i);
      } finally {
        await options.close();
      }
      const excluded = await ext.openTab(server.url(pages.seed001.path, 'localhost'));
      // The same page on the other host name, opened after it, shows the extension is scanning pages.
      const control = await ext.openTab(server.url(pages.seed001.path) + '?control');
      const controlReport = expected(pages.seed001);
      const controlBadge = await ext.waitForBadge(control.tabId, (b) => badgeMatches(b, controlReport));
      expect(controlBadge.text, 'the same page on 127.0.0.1 is scanned').toBe(String(Math.round(controlReport.score)));
      await sleep(2_000);

      const badge = await ext.badge(excluded.tabId);
      expect(badge.text).toBe('');
      for (const word of VERDICTS) expect(badge.title.toLowerCase()).not.toContain(word);
      expect(await ext.storedReport(excluded.tabId)).toBeNull();
      const view = await withPopup(excluded.tabId, readPopup);
      expect(view.status, 'the popup says why there is no report').toBeTruthy();
      expect(view.sections.flatMap((x) => x.rows)).toHaveLength(0);
      await excluded.page.close();
      await control.page.close();
    });

    it('with automatic scanning off, pages wait unscanned and the popup scans on demand', async () => {
      const options = await ext.openOptions();
      try {
        await setField(options, '#auto-scan', false);
        await options.click('#save');
        const status = await pollUntil(() => textOf(options, '[data-testid=options-status]'), (s) => /saved/i.test(s), 10_000);
        expect(status).toMatch(/saved/i);
      } finally {
        await options.close();
      }
      const url = `${server.url(pages.seed001.path)}?on-demand`;
      const report = engineReport(pages.seed001.html, url);
      const tab = await ext.openTab(url);
      try {
        await sleep(3_000);
        expect((await ext.badge(tab.tabId)).text, 'no automatic scan').toBe('');
        expect(await ext.storedReport(tab.tabId)).toBeNull();

        const popup = await ext.openPopup(tab.tabId);
        try {
          const verdict = await pollUntil(() => readPopup(popup).then((v) => v.verdict ?? ''), (v) => v.toLowerCase().includes(report.verdict), 45_000);
          expect(verdict.toLowerCase()).toContain(report.verdict);
        } finally {
          await popup.close();
        }
        const badge = await ext.waitForBadge(tab.tabId, (b) => badgeMatches(b, report));
        expect(badge.text).toBe(String(Math.round(report.score)));
        expect(badge.colour).toBe(VERDICT_COLOURS[report.verdict]);
      } finally {
        await tab.page.close();
      }
    });

    it('an article replaced in place, as on a single-page site, is scanned again', async () => {
      const firstUrl = `${server.url(pages.clean.path)}?single-page`;
      const first = engineReport(pages.clean.html, firstUrl);
      const tab = await ext.openTab(firstUrl);
      try {
        const before = await ext.waitForBadge(tab.tabId, (b) => badgeMatches(b, first));
        expect(before.text).toBe(String(Math.round(first.score)));

        const nextUrl = server.url('/single-page/next-article');
        const next = engineReport(pages.seed000.html, nextUrl);
        expect(next.verdict).not.toBe(first.verdict);
        // What a single-page site does: a new address in the history and the article swapped in the same document.
        await tab.page.evaluate(
          ({ html, url }) => {
            const incoming = new DOMParser().parseFromString(html, 'text/html');
            history.pushState({}, '', url);
            document.title = incoming.title;
            document.querySelector('main')!.replaceChildren(...Array.from(incoming.querySelector('main')!.childNodes, (n) => document.importNode(n, true)));
          },
          { html: pages.seed000.html, url: nextUrl },
        );
        const after = await ext.waitForBadge(tab.tabId, (b) => badgeMatches(b, next));
        expect(after.text).toBe(String(Math.round(next.score)));
        expect(after.colour).toBe(VERDICT_COLOURS[next.verdict]);
        expect(after.title.toLowerCase()).toContain(next.verdict);
      } finally {
        await tab.page.close();
      }
    });

    it('an article re-rendered every 50 ms that is replaced by another gets the new report within 10 s', async () => {
      const url = `${server.url(pages.reRendered.path)}?replaced`;
      const first = engineReport(pages.reRendered.html, url);
      const next = engineReport(pages.nextArticle.html, url);
      expect(next.verdict).not.toBe(first.verdict);
      const tab = await ext.openTab(url);
      try {
        const before = await ext.waitForBadge(tab.tabId, (b) => badgeMatches(b, first));
        expect(before.text).toBe(String(Math.round(first.score)));
        await tab.page.evaluate(() => (window as unknown as { showNextArticle(): void }).showNextArticle(), null);
        const shownAt = Date.now();
        const after = await ext.waitForBadge(tab.tabId, (b) => badgeMatches(b, next));
        const followedMs = Date.now() - shownAt;
        expect(after.text).toBe(String(Math.round(next.score)));
        expect(after.colour).toBe(VERDICT_COLOURS[next.verdict]);
        expect(followedMs, 'ms from the new article to its badge').toBeLessThan(10_000);
        console.info(`${name}: the badge followed the re-rendered page's new article in ${followedMs} ms`);
      } finally {
        await tab.page.close();
      }
    });

    it('an article re-rendered unchanged every 50 ms under a ticking clock is read at most once per 10 s, and its text sent once', async () => {
      const url = `${server.url(pages.reRendered.path)}?unchanged`;
      const report = engineReport(pages.reRendered.html, url);
      const tab = await ext.openTab(url);
      try {
        await ext.waitForBadge(tab.tabId, (b) => badgeMatches(b, report));
        const from = Date.now();
        const windowMs = 30_000;
        await sleep(windowMs);
        const seen = (await ext.messagesFrom(tab.tabId)).filter((m) => m.at >= from && m.at < from + windowMs);
        const scans = seen.filter((m) => m.type === 'spinscope:may-scan');
        expect(scans.length, 'scans in 30 s').toBeLessThanOrEqual(windowMs / 10_000);
        expect(seen.filter((m) => m.type === 'spinscope:page-text'), 'texts sent again').toHaveLength(0);
        expect(badgeMatches(await ext.badge(tab.tabId), report), 'the badge still shows the report').toBe(true);
        console.info(`${name}: ${scans.length} scans in 30 s of a page re-rendered every 50 ms (at ${scans.map((m) => m.at - from).join(', ')} ms)`);
      } finally {
        await tab.page.close();
      }
    });

    it('a live blog growing by a 180-character paragraph every 2 s is rescanned as it grows', async () => {
      const tab = await ext.openTab(server.url(pages.growing.path));
      try {
        const first = await pollUntil(() => ext.storedReport(tab.tabId), (r) => r !== null);
        expect(first, 'a first report').not.toBeNull();
        const grown = await pollUntil(() => ext.storedReport(tab.tabId), (r) => (r?.words ?? 0) >= first!.words + 150, 60_000);
        expect(grown?.words, 'words in the report').toBeGreaterThanOrEqual(first!.words + 150);
        console.info(`${name}: the live blog's report went from ${first!.words} to ${grown!.words} words`);
      } finally {
        await tab.page.close();
      }
    });

    it('an article streamed in every 50 ms gets past "too little text" and its report keeps up', async () => {
      const tab = await ext.openTab(server.url(pages.streaming.path));
      try {
        const report = await pollUntil(() => ext.storedReport(tab.tabId), (r) => (r?.words ?? 0) >= 3000, 60_000);
        expect(report?.words, 'words in the report').toBeGreaterThanOrEqual(3000);
        const badge = await ext.waitForBadge(tab.tabId, (b) => b.text === String(Math.round(report!.score)));
        expect(badge.text).toBe(String(Math.round(report!.score)));
        expect(badge.title).not.toMatch(/too little/i);
      } finally {
        await tab.page.close();
      }
    });

    it('navigating away clears the badge and the report of the tab', async () => {
      const url = `${server.url(pages.seed001.path)}?navigate-away`;
      const report = engineReport(pages.seed001.html, url);
      const tab = await ext.openTab(url);
      try {
        const scanned = await ext.waitForBadge(tab.tabId, (b) => badgeMatches(b, report));
        expect(scanned.text).toBe(String(Math.round(report.score)));
        await tab.page.goto('about:blank');
        const cleared = await ext.waitForBadge(tab.tabId, (b) => b.text === '' || b.text === '–' || b.text === 'n/a', 15_000);
        expect(['', '–', 'n/a']).toContain(cleared.text);
        expect(cleared.title.toLowerCase()).not.toContain(report.verdict);
        expect(await ext.storedReport(tab.tabId)).toBeNull();
      } finally {
        await tab.page.close();
      }
    });

    it('a page that cannot be scanned gets a neutral state and a message, not a false "clean"', async () => {
      const tab = await ext.openTab('about:blank');
      await sleep(1_000);
      const badge = await ext.badge(tab.tabId);
      expect(['', '–', 'n/a']).toContain(badge.text);
      if (badge.text) expect(badge.colour).toBe(NEUTRAL_COLOUR);
      expect(badge.title.toLowerCase()).not.toContain('clean');
      const view = await withPopup(tab.tabId, readPopup);
      expect(view.status, 'the popup explains').toBeTruthy();
      expect(view.verdict ?? '').not.toMatch(/clean/i);
      await tab.page.close();
    });

    it('a hostile page cannot inject markup into the popup; its text shows literally', async () => {
      const report = expected(pages.hostile);
      const findings = (Object.values(report.signals) as { findings: Finding[] }[]).flatMap((s) => s.findings);
      const hostileEvidence = findings.filter((f) => f.actual.includes('<') || f.table?.rows.flat().some((c) => c.includes('<')));
      expect(hostileEvidence.length, 'the engine reports evidence containing markup-looking text').toBeGreaterThan(0);

      const { tabId } = await scannedTab(pages.hostile);
      const popup = await ext.openPopup(tabId);
      try {
        const injected = await popup.evaluate(
          () => ({
            elements: document.querySelectorAll('[id^=spinscope-injected], [onerror], [onload], svg[onload]').length,
            inlineScripts: Array.from(document.scripts).filter((s) => !s.src || (s.textContent ?? '').includes('spinscopePwned')).length,
            foreignImages: Array.from(document.images).filter((i) => !i.src.startsWith(location.origin) && !i.src.startsWith('data:')).length,
            pwned: (window as unknown as { spinscopePwned?: number }).spinscopePwned ?? 0,
            text: document.body.textContent ?? '',
          }),
          null,
        );
        expect(injected.elements, 'elements created from page text').toBe(0);
        expect(injected.inlineScripts, 'inline scripts').toBe(0);
        expect(injected.foreignImages, 'images from page text').toBe(0);
        expect(injected.pwned, 'page script ran in the popup').toBe(0);
        expect(injected.text, 'the markup-looking text is shown as text').toMatch(/<(script|img|b) id="spinscope-injected/);
      } finally {
        await popup.close();
      }
      const badge = await ext.badge(tabId);
      expect(badge.text).toBe(String(Math.round(report.score)));
    });

    for (const key of ['inShadowRoot', 'inFrame'] as const) {
      it(`reads an article shown from elsewhere in the page: ${key === 'inShadowRoot' ? 'an open shadow root' : 'a same-origin frame'}`, async () => {
        const page = pages[key];
        // The same article as the plain spun page, so the engine's report on that page is the one to show.
        const report = engineReport(pages.spun.html, server.url(page.path));
        expect(report.words).toBeGreaterThan(100);
        const tab = await ext.openTab(server.url(page.path));
        tabs.set(page.path, tab);
        const badge = await ext.waitForBadge(tab.tabId, (b) => badgeMatches(b, report));
        expect(badge.text).toBe(String(Math.round(report.score)));
        const stored = await ext.storedReport(tab.tabId);
        expect(stored!.words).toBe(report.words);
      });
    }

    it('names the original a copied page’s markup gives (canonical, og:site_name) as the original, with its link', async () => {
      const report = expected(pages.copy);
      expect(report.sourceUrl).toBe(COPIED_OUTLET.url);
      expect(report.signals.origin.findings.length).toBeGreaterThan(0);
      const { tabId } = await scannedTab(pages.copy);
      const stored = await ext.storedReport(tabId);
      expect(stored!.sourceUrl, 'the content script sent the head’s claims').toBe(COPIED_OUTLET.url);
      const shown = await withPopup(tabId, (popup) =>
        popup.evaluate(
          () => ({
            line: document.querySelector('.source')?.textContent ?? '',
            hrefs: Array.from(document.querySelectorAll<HTMLAnchorElement>('[data-testid=source-link]'), (a) => a.href),
            originRows: Array.from(document.querySelectorAll('[data-testid=signal-origin] [data-testid=evidence-row]'), (r) => r.textContent ?? ''),
          }),
          null,
        ),
      );
      expect(shown.hrefs).toEqual([COPIED_OUTLET.url]);
      expect(shown.line).toBe(`Original: times.example · ${COPIED_OUTLET.url} (${COPIED_OUTLET.name})`);
      expect(shown.originRows.some((r) => r.includes('<link rel="canonical">'))).toBe(true);
    });

    it('shows page text isolated with its hidden characters revealed, and the source without the credentials that disguise it', async () => {
      const report = expected(pages.hostile);
      expect(report.sourceUrl, 'the engine keeps the source without credentials').toMatch(/^https:\/\/evil\.example\//);
      const { tabId } = await scannedTab(pages.hostile);
      const shown = await withPopup(tabId, (popup) =>
        popup.evaluate(
          () => ({
            text: document.body.textContent ?? '',
            pageTextElements: Array.from(document.querySelectorAll('.seen, .expected, .row-source, td'), (e) => e.getAttribute('dir')),
            links: Array.from(document.querySelectorAll<HTMLAnchorElement>('[data-testid=source-link]'), (a) => ({ href: a.href, text: a.textContent ?? '', dir: a.getAttribute('dir') })),
          }),
          null,
        ),
      );
      expect(shown.text, 'no bidi control or zero-width character reaches the popup').not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200f]/);
      expect(shown.text).toContain('⟨U+202E⟩yrollaM⟨U+202C⟩ by⟨U+200B⟩line');
      expect(shown.pageTextElements.length).toBeGreaterThan(0);
      expect(new Set(shown.pageTextElements), 'every element of page text is isolated').toEqual(new Set(['auto']));
      expect(shown.links).toHaveLength(1);
      expect(shown.links[0]!.href).toMatch(/^https:\/\/evil\.example\/original-story/);
      expect(shown.links[0]!.text.startsWith('evil.example · https://evil.example/'), shown.links[0]!.text).toBe(true);
      expect(shown.links[0]!.dir).toBe('auto');
    });
  });
}
