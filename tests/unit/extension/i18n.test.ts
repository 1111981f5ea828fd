// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../../../lib/signals';
import { formatNumber, localizePage, messageWithNodes, t } from '../../../utils/i18n';
import { ENGLISH_MESSAGES_PATH, substitutionCount, type MessageEntry } from '../i18n.setup';

const root = join(import.meta.dirname, '..', '..', '..');
const messages = JSON.parse(readFileSync(ENGLISH_MESSAGES_PATH, 'utf8')) as Record<string, MessageEntry>;
const names = Object.keys(messages);

/** The extension's own code and pages: everything the browser runs but the engine (lib/). */
function extensionSources(): { path: string; text: string }[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
  return [...walk('entrypoints'), ...walk('utils'), 'wxt.config.ts']
    .filter((path) => /\.(ts|html)$/.test(path))
    .map((path) => ({ path: relative(root, join(root, path)), text: readFileSync(join(root, path), 'utf8') }));
}

/**
 * The message names the code asks for: t('name'), t(cond ? 'a' : 'b'), data-i18n(-attr)="name" in
 * the pages, __MSG_name__ in the manifest; and, as patterns, names built at run time (`signal_${id}_title`).
 */
function askedFor(): { exact: Map<string, string>; patterns: { pattern: RegExp; path: string }[] } {
  const exact = new Map<string, string>();
  const patterns: { pattern: RegExp; path: string }[] = [];
  for (const { path, text } of extensionSources()) {
    const found = path.endsWith('.html')
      ? [...text.matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g)].map((m) => m[1]!)
      : [...text.matchAll(/\bt\(\s*'(\w+)'|__MSG_(\w+)__/g)].map((m) => (m[1] ?? m[2])!);
    found.push(...[...text.matchAll(/\bt\(\s*[^'`)]*\?\s*'(\w+)'\s*:\s*'(\w+)'/g)].flatMap((m) => [m[1]!, m[2]!]));
    for (const name of found) exact.set(name, path);
    for (const m of text.matchAll(/`([a-z]+_[^`\s]*)`/g)) {
      const pattern = m[1]!.replace(/\$\{[^}]*\}/g, '\\w+');
      if (pattern !== m[1] && /^[\w\\+]+$/.test(pattern)) patterns.push({ pattern: new RegExp(`^${pattern}$`), path });
    }
  }
  return { exact, patterns };
}

/** Names that appear in the code as string literals: picked from a table or tuple before they reach t(), which types them. */
const quotedInCode = () => new Set(extensionSources().flatMap(({ text }) => [...text.matchAll(/'(\w+)'/g)].map((m) => m[1]!)));

describe('the extension’s messages (public/_locales/en/messages.json)', () => {
  const { exact, patterns } = askedFor();

  it('has a message for every name the code and pages ask for', () => {
    const missing = [...exact].filter(([name]) => !name.startsWith('@@') && !(name in messages)).map(([name, path]) => `${name} (${path})`);
    expect(missing).toEqual([]);
    for (const { pattern, path } of patterns) expect(names.some((name) => pattern.test(name)), `${pattern} in ${path}`).toBe(true);
  });

  it('uses every message it holds', () => {
    const quoted = quotedInCode();
    const unused = names.filter((name) => !exact.has(name) && !quoted.has(name) && !patterns.some(({ pattern }) => pattern.test(name)));
    expect(unused).toEqual([]);
  });

  it('defines each placeholder a message uses, uses each it defines, and numbers their substitutions $1, $2, … in order', () => {
    for (const [name, entry] of Object.entries(messages)) {
      const used = new Set([...entry.message.replace(/\$\$/g, '').matchAll(/\$(\w+)\$/g)].map((m) => m[1]!.toLowerCase()));
      const defined = Object.keys(entry.placeholders ?? {}).map((key) => key.toLowerCase());
      expect([...used].sort(), name).toEqual([...defined].sort());
      // A $ that is not a placeholder is written $$: a lone one would be read as the start of one.
      expect(entry.message.replace(/\$\$|\$\w+\$/g, ''), name).not.toContain('$');
      const contents = Object.values(entry.placeholders ?? {}).map(({ content }) => content).sort();
      expect(contents, name).toEqual(Array.from({ length: substitutionCount(entry) }, (_, i) => `$${i + 1}`));
      expect(entry.description, `${name} says where it is shown`).toBeTruthy();
    }
  });

  it("gives each signal the title and description of its face in lib/, so the English never drifts from the CLI's", () => {
    for (const face of SIGNALS) {
      expect(t(`signal_${face.id}_title`)).toBe(face.title);
      expect(t(`signal_${face.id}_description`)).toBe(face.description);
    }
  });

  it('fills placeholders, and shows a name it has no message for instead of a blank', () => {
    expect(t('popup_remove_highlights', 12)).toBe('Remove highlights (12)');
    expect(t('options_import_unreadable', 'a.json', 'gone')).toBe('Not imported: a.json could not be read (gone); your settings are unchanged.');
    expect(() => t('popup_remove_highlights')).toThrow(/takes 1 substitutions, given 0/);
    expect(() => t('no_such_message' as 'popup_rescan')).toThrow(/No message "no_such_message"/);
    expect(formatNumber(12867)).toBe('12,867');
  });

  it('puts elements where the message places them', () => {
    const link = document.createElement('a');
    link.textContent = 'times.example';
    const parts = messageWithNodes('report_original', link);
    expect(parts).toEqual(['Original: ', link]);
  });

  it('fills a page’s static words and accessible names from its data-i18n attributes', () => {
    document.body.innerHTML = '<nav data-i18n-aria-label="popup_site_actions"></nav><button data-i18n="popup_rescan"></button>';
    localizePage(document);
    expect(document.querySelector('button')!.textContent).toBe('Rescan');
    expect(document.querySelector('nav')!.getAttribute('aria-label')).toBe('This site');
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
  });

  for (const page of ['popup', 'options']) {
    it(`leaves no word of the ${page} page outside the messages`, () => {
      document.documentElement.innerHTML = readFileSync(join(root, 'entrypoints', page, 'index.html'), 'utf8').replace(/<script[\s\S]*?<\/script>/g, '');
      const words = [...document.body.querySelectorAll('*')].flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === 3 && /\p{L}/u.test(n.textContent ?? '')).map((n) => n.textContent!.trim()));
      expect(words).toEqual([]);
      localizePage(document);
      expect(document.title).not.toBe('');
    });
  }
});
