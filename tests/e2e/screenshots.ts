/**
 * Writes the README's screenshots from the built extension in Chromium: the popup for the seed 000
 * page (docs/screenshots/popup.png) and the options page (docs/screenshots/options.png).
 * Run after `npm run build`: `npx tsx tests/e2e/screenshots.ts`.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from './drivers';
import { ExtensionUnderTest } from './extension';
import { buildPages, engineReport } from './pages';
import { servePages } from './server';

const outDir = resolve('docs/screenshots');
/** The popup's own width (entrypoints/popup/style.css) and a height that fits its scrolling report. */
const POPUP_SIZE = { width: 380, height: 600 };
const OPTIONS_SIZE = { width: 800, height: 780 };

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const pages = buildPages();
  const server = await servePages([pages.seed000]);
  const browser = await launchChromium();
  try {
    const ext = await ExtensionUnderTest.attach(browser);
    const url = server.url(pages.seed000.path);
    const expected = engineReport(pages.seed000.html, url);
    const { tabId } = await ext.openTab(url);
    const badge = await ext.waitForBadge(tabId, (b) => b.text === String(Math.round(expected.score)));
    if (badge.text !== String(Math.round(expected.score))) throw new Error(`Seed 000 was not scanned (badge "${badge.text}").`);

    const popup = await ext.openPopup(tabId);
    await popup.setSize(POPUP_SIZE.width, POPUP_SIZE.height);
    await popup.screenshot(resolve(outDir, 'popup.png'));

    const options = await ext.openOptions();
    await options.setSize(OPTIONS_SIZE.width, OPTIONS_SIZE.height);
    await options.screenshot(resolve(outDir, 'options.png'));
    console.log(`Wrote ${resolve(outDir, 'popup.png')} and ${resolve(outDir, 'options.png')}.`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
