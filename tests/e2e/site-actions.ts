/**
 * End-to-end tests of what a user does from the popup when they disagree with Spinscope on a site:
 * trust it, undo that, and report a verdict as wrong. Called from the suite of each browser
 * (tests/e2e/suite.ts), which owns the browser, the extension and the served pages.
 */
import { expect, it } from 'vitest';
import { LAUNCHERS, type BrowserName } from './drivers';
import { ExtensionUnderTest, pollUntil, textOf } from './extension';
import { engineReport, type ServedPages } from './pages';
import type { PageServer } from './server';

export interface SiteActionsTestContext {
  name: BrowserName;
  ext: ExtensionUnderTest;
  server: PageServer;
  pages: ServedPages;
}

export function defineSiteActionTests(context: () => SiteActionsTestContext): void {
  it('"Trust this site" turns the badge off for the site, also after a reload, and "Stop trusting" brings it back', async () => {
    const { ext, server, pages } = context();
    // On localhost, so that the trust does not reach the other tests' pages on 127.0.0.1.
    const url = server.url(pages.seed000.path, 'localhost') + '?trust';
    const score = String(Math.round(engineReport(pages.seed000.html, url).score));
    const { page, tabId } = await ext.openTab(url);
    try {
      expect((await ext.waitForBadge(tabId, (b) => b.text === score)).text).toBe(score);
      const popup = await ext.openPopup(tabId);
      try {
        await popup.click('[data-testid=action-trust]');
        expect((await ext.waitForBadge(tabId, (b) => b.text === '')).text, 'no score on a trusted site').toBe('');
        const status = await pollUntil(() => textOf(popup, '[data-testid=status]'), (s) => /trust/i.test(s), 10_000);
        expect(status).toMatch(/you trust this site/i);
      } finally {
        await popup.close();
      }
      expect((await ext.storedSettings()).settings).toMatchObject({ trustedSites: ['localhost'] });

      await page.goto(url);
      await pollUntil(async () => (await ext.badge(tabId)).title, (t) => /trust/i.test(t), 15_000);
      expect((await ext.badge(tabId)).text, 'still no score after a reload').toBe('');

      const again = await ext.openPopup(tabId);
      try {
        await again.click('[data-testid=action-untrust]');
        expect((await ext.waitForBadge(tabId, (b) => b.text === score)).text, 'the score is back').toBe(score);
      } finally {
        await again.close();
      }
      expect((await ext.storedSettings()).settings ?? {}).not.toHaveProperty('trustedSites');
    } finally {
      await page.close();
      await ext.clearSettings();
    }
  });

  it('a site trusted from the popup stays trusted after the browser restarts, and "Stop trusting" then brings the score back', async () => {
    const { name, server, pages } = context();
    // A browser of its own, since it is restarted.
    let browser = await LAUNCHERS[name]();
    try {
      const url = server.url(pages.seed000.path, 'localhost') + '?trust-restart';
      const score = String(Math.round(engineReport(pages.seed000.html, url).score));
      let ext = await ExtensionUnderTest.attach(browser);
      let { tabId } = await ext.openTab(url);
      await ext.waitForBadge(tabId, (b) => b.text === score);
      const popup = await ext.openPopup(tabId);
      await popup.click('[data-testid=action-trust]');
      expect((await ext.waitForBadge(tabId, (b) => b.text === '')).text).toBe('');
      await popup.close();

      browser = await browser.restart();
      ext = await ExtensionUnderTest.attach(browser);
      expect((await ext.storedSettings()).settings, 'the trust survives the restart').toMatchObject({ trustedSites: ['localhost'] });
      ({ tabId } = await ext.openTab(url));
      const after = await pollUntil(() => ext.badge(tabId), (b) => /trust/i.test(b.title), 20_000);
      expect(after.text, 'no score on the trusted site after the restart').toBe('');

      const again = await ext.openPopup(tabId);
      await again.click('[data-testid=action-untrust]');
      expect((await ext.waitForBadge(tabId, (b) => b.text === score)).text, 'the score is back').toBe(score);
      await again.close();
    } finally {
      await browser.close();
    }
  });

  it('"Report as wrong" keeps the verdict on the device, and the options page offers it for export', async () => {
    const { ext, server, pages } = context();
    const url = server.url(pages.seed001.path) + '?report-wrong';
    const report = engineReport(pages.seed001.html, url);
    const { page, tabId } = await ext.openTab(url);
    try {
      await ext.waitForBadge(tabId, (b) => b.text === String(Math.round(report.score)));
      const popup = await ext.openPopup(tabId);
      let kept = '';
      try {
        await popup.click('[data-testid=action-report-wrong]');
        kept = await pollUntil(() => textOf(popup, '[data-testid=action-status]'), (s) => s !== '', 10_000);
      } finally {
        await popup.close();
      }
      expect(kept).toMatch(/^Kept as a wrong verdict \(\d+ kept on this device/);
      const options = await ext.openOptions();
      try {
        const count = await pollUntil(() => textOf(options, '[data-testid=wrong-count]'), (s) => /kept/.test(s), 10_000);
        expect(count).toMatch(/^\d+ verdicts? kept\.$/);
      } finally {
        await options.close();
      }
    } finally {
      await page.close();
    }
  });
}
