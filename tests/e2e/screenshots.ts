/**
 * Writes the README's screenshots from the built extension in Chromium, in light and dark mode:
 * the popup on the seed 000 page (popup-light.png, popup-dark.png), the options page
 * (options-light.png, options-dark.png) and the in-page tooltip over a highlighted spun phrase
 * (tooltip-light.png, tooltip-dark.png), all in docs/screenshots/.
 * `npm run screenshots` builds the extension and runs it, so the pictures never show an old build.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium, type DriverPage } from './drivers';
import { ExtensionUnderTest, pollUntil, textOf } from './extension';
import { buildPages, engineReport } from './pages';
import { servePages } from './server';

const outDir = resolve('docs/screenshots');
/** The popup's own width (entrypoints/popup/style.css) and a height that fits its scrolling report. */
const POPUP_SIZE = { width: 380, height: 640 };
const OPTIONS_SIZE = { width: 800, height: 1400 };
const PAGE_SIZE = { width: 900, height: 420 };
const SCHEMES = ['light', 'dark'] as const;
/** The phrase the tooltip is shown over: seed 000's strongest spin. */
const PHRASE = 'Jap Europe';

async function shoot(page: DriverPage, name: string, scheme: (typeof SCHEMES)[number], options?: { fullPage?: boolean }): Promise<string> {
  await page.setColourScheme(scheme);
  const path = resolve(outDir, `${name}-${scheme}.png`);
  await page.screenshot(path, options);
  return path;
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const pages = buildPages();
  const server = await servePages([pages.seed000]);
  const browser = await launchChromium();
  const written: string[] = [];
  try {
    const ext = await ExtensionUnderTest.attach(browser);
    const url = server.url(pages.seed000.path);
    const expected = engineReport(pages.seed000.html, url);
    const { page, tabId } = await ext.openTab(url);
    const badge = await ext.waitForBadge(tabId, (b) => b.text === String(Math.round(expected.score)));
    if (badge.text !== String(Math.round(expected.score))) throw new Error(`Seed 000 was not scanned (badge "${badge.text}").`);

    const popup = await ext.openPopup(tabId);
    await popup.setSize(POPUP_SIZE.width, POPUP_SIZE.height);
    for (const scheme of SCHEMES) written.push(await shoot(popup, 'popup', scheme));
    // The highlights the tooltip belongs to, placed as a user would: Highlight, in the popup.
    await popup.click('[data-testid=highlight]');
    await pollUntil(() => textOf(popup, '[data-testid=highlight]'), (t) => /remove highlights/i.test(t), 20_000);
    await popup.close();

    const options = await ext.openOptions();
    await options.setSize(OPTIONS_SIZE.width, OPTIONS_SIZE.height);
    for (const scheme of SCHEMES) written.push(await shoot(options, 'options', scheme));
    await options.close();

    await page.bringToFront();
    await page.setSize(PAGE_SIZE.width, PAGE_SIZE.height);
    for (const scheme of SCHEMES) {
      await page.setColourScheme(scheme);
      // The phrase's place on screen, scrolled to the middle of the view; no named helpers (the function is serialised).
      const at = await page.evaluate((phrase) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const i = node.textContent!.indexOf(phrase);
          if (i < 0) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + phrase.length);
          (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
          const rect = range.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
        return null;
      }, PHRASE);
      if (!at) throw new Error(`"${PHRASE}" is not on the seed 000 page.`);
      await page.hover(at.x, at.y);
      await new Promise((r) => setTimeout(r, 300));
      written.push(await shoot(page, 'tooltip', scheme, { fullPage: false }));
    }
    console.log(`Wrote ${written.join(', ')}.`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
