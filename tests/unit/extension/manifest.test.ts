import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';

const root = join(import.meta.dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

type Manifest = Record<string, unknown> & {
  commands: Record<string, { suggested_key?: { default?: string }; description?: string }>;
  browser_specific_settings?: { gecko: { strict_min_version?: string } };
};
const manifestFor = (browser: 'chrome' | 'firefox', manifestVersion: 2 | 3) =>
  (config.manifest as (env: object) => Manifest)({ browser, manifestVersion, mode: 'production', command: 'build' });

describe('the manifest', () => {
  it('declares the oldest Chrome with the APIs the extension uses (CSS Custom Highlight API: 105)', () => {
    expect(manifestFor('chrome', 3).minimum_chrome_version).toBe('105');
  });

  it('declares Firefox 140 as the oldest it runs in', () => {
    expect(manifestFor('firefox', 2).browser_specific_settings?.gecko.strict_min_version).toBe('140.0');
  });

  it("gives the toolbar button and Rescan keyboard shortcuts, under each manifest version's name for the button", () => {
    const chrome = manifestFor('chrome', 3).commands;
    const firefox = manifestFor('firefox', 2).commands;
    expect(Object.keys(chrome).sort()).toEqual(['_execute_action', 'rescan']);
    expect(Object.keys(firefox).sort()).toEqual(['_execute_browser_action', 'rescan']);
    for (const command of [...Object.values(chrome), ...Object.values(firefox)]) {
      expect(command.suggested_key?.default).toMatch(/^(Alt|Ctrl)\+Shift\+[A-Z]$/);
      expect(command.description).toBeTruthy();
    }
  });
});

describe("the manifest's words", () => {
  it('are messages of the default locale, English, so another language needs only its messages file', () => {
    const messages = JSON.parse(read('public/_locales/en/messages.json')) as Record<string, { message: string }>;
    for (const [browser, version] of [['chrome', 3], ['firefox', 2]] as const) {
      const manifest = manifestFor(browser, version);
      expect(manifest.default_locale).toBe('en');
      const words = [manifest.name, manifest.description, ...Object.values(manifest.commands).map((c) => c.description)];
      for (const word of words) {
        const name = /^__MSG_(\w+)__$/.exec(String(word))?.[1];
        expect(name && messages[name]?.message, String(word)).toBeTruthy();
      }
    }
    // WXT takes the toolbar button's default_title from the popup's <title>.
    expect(read('entrypoints/popup/index.html')).toContain('<title data-i18n="extName">__MSG_extName__</title>');
  });
});

describe('the licence and the privacy policy', () => {
  it("LICENSE is the licence package.json names, held by the project's contributors", () => {
    const pkg = JSON.parse(read('package.json')) as { license: string };
    expect(pkg.license).toBe('MIT');
    const licence = read('LICENSE');
    expect(licence.split('\n')[0]).toBe('MIT License');
    expect(licence).toMatch(/^Copyright \(c\) \d{4} Spinscope contributors$/m);
  });

  it('docs/privacy.md names every storage area the extension writes to', () => {
    const code = readdirSync(join(root, 'utils'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => read(join('utils', f)))
      .join('\n');
    const areas = new Set([...code.matchAll(/defineItem<[^>]*>\('(\w+):/g)].map((m) => m[1]!));
    if (/storage\??\.session/.test(code)) areas.add('session');
    expect([...areas].sort()).toEqual(['local', 'session', 'sync']);
    const policy = read('docs/privacy.md');
    for (const area of areas) expect(policy, `storage.${area}`).toContain(`storage.${area}`);
    expect(policy).toMatch(/sends nothing/);
  });
});
