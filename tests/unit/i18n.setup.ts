import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * browser.i18n for the unit tests, which fakeBrowser leaves unimplemented: getMessage answers from
 * the English messages file as Chrome does (named `$placeholders$`, `$1`…`$9` in their content,
 * `$$` for a dollar), and throws where the browser would quietly give a blank: a key with no
 * message, a placeholder the message does not define, or a number of substitutions other than the
 * message takes. So a missing or misused message fails the test that shows it.
 */

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export const ENGLISH_MESSAGES_PATH = join(import.meta.dirname, '..', '..', 'public', '_locales', 'en', 'messages.json');
const messages = JSON.parse(readFileSync(ENGLISH_MESSAGES_PATH, 'utf8')) as Record<string, MessageEntry>;

const PREDEFINED: Record<string, string> = { '@@bidi_dir': 'ltr', '@@ui_locale': 'en' };

/** How many substitutions a message takes: the highest `$n` in its placeholders' content. */
export function substitutionCount(entry: MessageEntry): number {
  const used = Object.values(entry.placeholders ?? {}).flatMap(({ content }) => [...content.matchAll(/\$(\d)/g)].map((m) => Number(m[1])));
  return Math.max(0, ...used);
}

function getMessage(name: string, substitutions?: string | string[]): string {
  if (name in PREDEFINED) return PREDEFINED[name]!;
  const entry = messages[name];
  if (!entry) throw new Error(`No message "${name}" in public/_locales/en/messages.json`);
  const given = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const expected = substitutionCount(entry);
  if (given.length !== expected) throw new Error(`Message "${name}" takes ${expected} substitutions, given ${given.length}`);
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([key, value]) => [key.toLowerCase(), value.content]));
  return entry.message.replace(/\$\$|\$(\w+)\$/g, (whole, placeholder: string | undefined) => {
    if (!placeholder) return '$';
    const content = placeholders.get(placeholder.toLowerCase());
    if (content === undefined) throw new Error(`Message "${name}" uses $${placeholder}$, which it does not define`);
    return content.replace(/\$(\d)/g, (_, n: string) => given[Number(n) - 1]!);
  });
}

Object.assign(fakeBrowser.i18n, { getMessage });
