import { browser } from 'wxt/browser';
import type englishMessages from '@/public/_locales/en/messages.json';

/**
 * The extension's words, from `public/_locales/<language>/messages.json` through `browser.i18n`:
 * the browser picks the file of its UI language and falls back to English (`default_locale`), so
 * a language is added with its file alone. English is the reference: a key is typed against it.
 */

export type MessageKey = keyof typeof englishMessages;

/** Messages the browser defines itself (no entry in messages.json). */
type PredefinedMessage = '@@bidi_dir';

// WXT types getMessage as one overload per key, which a union of keys matches none of.
const i18n = () => browser.i18n as unknown as { getMessage(key: string, substitutions: string[]): string };

/**
 * The message `key` in the user's language, its `$placeholders$` filled with `substitutions` in
 * order (`$1`, `$2`, … in the placeholders' content). A key with no message comes out as ⟦key⟧:
 * visible on the page rather than a blank, and the unit tests' i18n stub throws on it instead.
 */
export function t(key: MessageKey | PredefinedMessage, ...substitutions: (string | number)[]): string {
  return i18n().getMessage(key, substitutions.map(String)) || `⟦${key}⟧`;
}

/** A number written the way the messages' language writes it (the `locale` message names that language). */
export function formatNumber(n: number): string {
  return n.toLocaleString(t('locale'));
}

/**
 * Fills a page's static words from its markup: `data-i18n="key"` sets an element's text, and
 * `data-i18n-<attribute>="key"` one of its attributes (`data-i18n-aria-label`, `data-i18n-title`).
 * The page's language and direction follow the messages, so a right-to-left language lays out right.
 */
export function localizePage(doc: Document): void {
  doc.documentElement.lang = t('locale');
  doc.documentElement.dir = t('@@bidi_dir');
  for (const el of doc.querySelectorAll<HTMLElement>('*')) {
    for (const [name, key] of Object.entries(el.dataset)) {
      if (!name.startsWith('i18n') || !key) continue;
      const text = t(key as MessageKey);
      if (name === 'i18n') el.textContent = text;
      else el.setAttribute(attributeName(name.slice('i18n'.length)), text);
    }
  }
}

/** `AriaLabel` (from `data-i18n-aria-label`) → `aria-label`. */
const attributeName = (camel: string) => camel.replace(/^[A-Z]/, (c) => c.toLowerCase()).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * A message whose placeholders hold elements (a link, a bold score) rather than text: the words
 * around them as strings, the elements where the language puts them.
 */
export function messageWithNodes(key: MessageKey, ...nodes: Node[]): (Node | string)[] {
  const markers = nodes.map((_, i) => `\u{E000}${i}\u{E001}`);
  return t(key, ...markers)
    .split(/\u{E000}(\d)\u{E001}/u)
    .map((part, i) => (i % 2 ? nodes[Number(part)]! : part))
    .filter((part) => part !== '');
}
