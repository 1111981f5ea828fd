/**
 * End-to-end tests of the options page at the sizes and files users bring: a skip list of thousands
 * of hosts, and a settings file with a value this version cannot use. Called from the suite of each
 * browser (tests/e2e/suite.ts), which owns the browser, the extension and the served pages.
 */
import { expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Report } from '../../lib/index';
import { countOf, fieldValue, pollUntil, setField, sleep, textOf, type Badge, type ExtensionUnderTest } from './extension';
import { engineReport, type ServedPages } from './pages';
import type { PageServer } from './server';

export interface OptionsTestContext {
  ext: ExtensionUnderTest;
  server: PageServer;
  pages: ServedPages;
}

/** storage.sync's limit per item in both browsers (key plus JSON value, in bytes). */
const SYNC_QUOTA_BYTES_PER_ITEM = 8192;

const scoreShown = (badge: Badge, report: Report) => badge.text === String(Math.round(report.score));

export function defineOptionsTests(context: () => OptionsTestContext): void {
  it('a 5,000-host skip list saves, is there when the options are opened again, and is enforced', async () => {
    const { ext, server, pages } = context();
    const hosts = [...Array.from({ length: 4999 }, (_, i) => `news-site-${i}.example-${i % 97}.com`), 'localhost'];
    const options = await ext.openOptions();
    try {
      await setField(options, '#excluded-sites', hosts.join('\n'));
      expect(await textOf(options, '[data-testid=sites-count]')).toBe('5,000 sites.');
      await options.click('#save');
      const status = await pollUntil(() => textOf(options, '[data-testid=options-status]'), (s) => s !== '', 10_000);
      expect(status).toBe('Saved');
    } finally {
      await options.close();
    }
    const synced = JSON.stringify((await ext.storedSettings()).settings ?? {});
    expect(synced.length, 'the synced item stays within its quota').toBeLessThan(SYNC_QUOTA_BYTES_PER_ITEM);

    const reopened = await ext.openOptions();
    try {
      const shown = (await fieldValue(reopened, '#excluded-sites')) ?? '';
      expect(shown.split('\n')).toEqual(hosts);
      expect(await countOf(reopened, '[data-testid=error]')).toBe(0);
    } finally {
      await reopened.close();
    }

    const skipped = await ext.openTab(server.url(pages.seed001.path, 'localhost') + '?skip-list');
    // The same page on the other host name, opened after it, shows the extension is scanning pages.
    const control = await ext.openTab(server.url(pages.seed001.path) + '?skip-list-control');
    try {
      const controlReport = engineReport(pages.seed001.html, server.url(pages.seed001.path) + '?skip-list-control');
      const controlBadge = await ext.waitForBadge(control.tabId, (b) => scoreShown(b, controlReport));
      expect(controlBadge.text, 'the same page on 127.0.0.1 is scanned').toBe(String(Math.round(controlReport.score)));
      await sleep(2_000);
      expect((await ext.badge(skipped.tabId)).text, 'no score on a skipped site').toBe('');
      expect(await ext.storedReport(skipped.tabId)).toBeNull();
    } finally {
      await skipped.page.close();
      await control.page.close();
    }
  });

  it('importing a settings file with one invalid value keeps the valid ones and names the invalid one', async () => {
    const { ext } = context();
    const file = {
      version: 2,
      thresholds: { suspicious: 25, syndicated: 70 },
      signals: { spun: { enabled: true, weight: 9 }, tables: { enabled: false, weight: 1 } },
      autoScan: false,
      excludedSites: ['imported.example'],
    };
    const options = await ext.openOptions();
    try {
      await options.evaluate((content) => {
        const input = document.querySelector('#import-file') as HTMLInputElement;
        const files = new DataTransfer();
        files.items.add(new File([content], 'my-settings.json', { type: 'application/json' }));
        input.files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, JSON.stringify(file));
      const report = await pollUntil(() => textOf(options, '[data-testid=import-report]'), (s) => s !== '', 10_000);
      expect(report).toMatch(/^Imported my-settings\.json and saved\. One value could not be used/);
      expect(await textOf(options, '[data-testid=import-problems] [data-field="signals.spun.weight"]')).toMatch(/^signals\.spun\.weight: The weight of Spun synonyms/);
      expect(await fieldValue(options, '#threshold-syndicated')).toBe('70');
      expect(await fieldValue(options, '#weight-spun')).toBe(String(DEFAULT_SETTINGS.signals.spun.weight));
    } finally {
      await options.close();
    }
    const reopened = await ext.openOptions();
    try {
      expect(await fieldValue(reopened, '#threshold-suspicious')).toBe('25');
      expect(await fieldValue(reopened, '#threshold-syndicated')).toBe('70');
      expect(await reopened.evaluate(() => (document.querySelector('#enabled-tables') as HTMLInputElement).checked, null)).toBe(false);
      expect(await reopened.evaluate(() => (document.querySelector('#auto-scan') as HTMLInputElement).checked, null)).toBe(false);
      expect(await fieldValue(reopened, '#excluded-sites')).toBe('imported.example');
      expect(await fieldValue(reopened, '#weight-spun')).toBe(String(DEFAULT_SETTINGS.signals.spun.weight));
    } finally {
      await reopened.close();
    }
  });
}
