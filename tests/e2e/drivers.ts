/**
 * One small interface over the two browser drivers the end-to-end tests use: playwright-core for
 * Debian's Chromium (the MV3 build) and puppeteer-core over WebDriver BiDi for Debian's Firefox ESR
 * (the MV2 build). Each launch gets a fresh profile in the OS temp folder, removed on close.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page as PlaywrightPage } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';

/** A page in the browser, the same way for both drivers. */
export interface DriverPage {
  /** Runs `fn(arg)` in the page. `fn` is serialised: it may use only its argument and the page's globals. */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Navigates to a web page and waits for its load event. */
  goto(url: string): Promise<void>;
  /** A real mouse click on the first element matching `selector`. */
  click(selector: string): Promise<void>;
  bringToFront(): Promise<void>;
  setSize(width: number, height: number): Promise<void>;
  /** Emulates the system's light or dark mode (prefers-color-scheme) for this page. */
  setColourScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** Moves the real mouse pointer to a point of the viewport. */
  hover(x: number, y: number): Promise<void>;
  /** The whole page, or only what the viewport shows. */
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  name: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  extensionOrigin: string;
  /** Opens a new blank tab; navigation is the caller's (`goto`), so its tab id can be learnt first. */
  newTab(): Promise<DriverPage>;
  /**
   * Opens an extension page (`popup.html?tab=3`, `options.html`) as an ordinary tab and resolves
   * once `document.readyState` is complete; callers wait for the page's own ready mark.
   */
  openExtensionPage(path: string): Promise<DriverPage>;
  /** Quits the browser and starts it again on the same profile, as a user's restart does: what the extension stored is kept. */
  restart(): Promise<ExtensionBrowser>;
  close(): Promise<void>;
}

/** Where `npm run build` puts each target; SPINSCOPE_BUILD_DIR points the tests at another `.output`. */
export function buildDir(name: BrowserName): string {
  const root = resolve(process.env.SPINSCOPE_BUILD_DIR ?? '.output');
  const dir = join(root, name === 'chromium' ? 'chrome-mv3' : 'firefox-mv2');
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No extension build at ${dir}. Run \`npm run build\` first (npm test does).`);
  }
  return dir;
}

export function browserExecutable(name: BrowserName): string {
  const path = name === 'chromium' ? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' : process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(`${name} is not installed at ${path}. Install it with \`apt-get install -y ${name === 'chromium' ? 'chromium' : 'firefox-esr'}\` (.ci/run does).`);
  }
  return path;
}

function freshProfile(name: BrowserName): string {
  return mkdtempSync(join(tmpdir(), `spinscope-e2e-${name}-`));
}

/** Waits until the page shows a document at `url` that has finished loading. */
async function waitForDocument(page: DriverPage, url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await page.evaluate(() => `${document.readyState} ${location.href}`, null).catch(() => 'unavailable');
    if (state === `complete ${url}`) return;
    if (Date.now() > deadline) throw new Error(`${url} did not finish loading in ${timeoutMs} ms (last seen: ${state}).`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The add-on id the Firefox build declares (browser_specific_settings.gecko.id). */
function geckoId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`The Firefox build at ${extensionDir} declares no browser_specific_settings.gecko.id.`);
  return id;
}

function playwrightPage(page: PlaywrightPage): DriverPage {
  return {
    // Arguments and results are plain JSON here, so the drivers' handle-unwrapping types do not apply.
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    },
    click: (selector) => page.click(selector),
    bringToFront: () => page.bringToFront(),
    setSize: (width, height) => page.setViewportSize({ width, height }),
    setColourScheme: (colorScheme) => page.emulateMedia({ colorScheme }),
    hover: (x, y) => page.mouse.move(x, y),
    screenshot: async (path, { fullPage = true } = {}) => {
      await page.screenshot({ path, fullPage });
    },
    close: () => page.close(),
  };
}

function puppeteerPage(page: PuppeteerPage): DriverPage {
  return {
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown) as Promise<R>,
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    },
    click: (selector) => page.click(selector),
    bringToFront: () => page.bringToFront(),
    setSize: (width, height) => page.setViewport({ width, height }),
    setColourScheme: (value) => page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value }]),
    hover: (x, y) => page.mouse.move(x, y),
    screenshot: async (path, { fullPage = true } = {}) => {
      await page.screenshot({ path: path as `${string}.png`, fullPage });
    },
    close: () => page.close(),
  };
}

export async function launchChromium(profile = freshProfile('chromium')): Promise<ExtensionBrowser> {
  const extension = buildDir('chromium');
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: browserExecutable('chromium'),
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
    const ctx = context;
    const browser: ExtensionBrowser = {
      name: 'chromium',
      extensionOrigin,
      newTab: async () => playwrightPage(await ctx.newPage()),
      openExtensionPage: async (path) => {
        const page = await ctx.newPage();
        await page.goto(`${extensionOrigin}/${path}`, { waitUntil: 'load', timeout: 30_000 });
        return playwrightPage(page);
      },
      restart: async () => {
        await ctx.close();
        return launchChromium(profile);
      },
      close: async () => {
        await ctx.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
    return browser;
  } catch (error) {
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

export async function launchFirefox(profile = freshProfile('firefox'), uuid: string = randomUUID()): Promise<ExtensionBrowser> {
  const extension = buildDir('firefox');
  // `uuid`: a fixed moz-extension UUID for the add-on id, so the tests know the extension's pages' addresses.
  const addonId = geckoId(extension);
  let driver: PuppeteerBrowser | undefined;
  try {
    driver = await puppeteer.launch({
      browser: 'firefox',
      executablePath: browserExecutable('firefox'),
      headless: true,
      userDataDir: profile,
      args: ['--remote-allow-system-access'],
      defaultViewport: { width: 1280, height: 900 },
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }) },
      protocolTimeout: 60_000,
    });
    await driver.installExtension(extension);
    const extensionOrigin = `moz-extension://${uuid}`;
    const d = driver;
    const browser: ExtensionBrowser = {
      name: 'firefox',
      extensionOrigin,
      newTab: async () => puppeteerPage(await d.newPage()),
      openExtensionPage: async (path) => {
        const raw = await d.newPage();
        const url = `${extensionOrigin}/${path}`;
        // A goto to a moz-extension page never resolves over BiDi; wait on the document instead.
        void raw.goto(url).catch(() => undefined);
        const page = puppeteerPage(raw);
        await waitForDocument(page, url);
        return page;
      },
      restart: async () => {
        await d.close();
        return launchFirefox(profile, uuid);
      },
      close: async () => {
        await d.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
    return browser;
  } catch (error) {
    await driver?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

export const LAUNCHERS: Record<BrowserName, () => Promise<ExtensionBrowser>> = {
  chromium: () => launchChromium(),
  firefox: () => launchFirefox(),
};
