import { browser } from 'wxt/browser';
import { validateSettings, type ValidatedSettings } from '@/lib/settings';

/**
 * Reading the settings, apart from `settings-store.ts` so that the content script can read them
 * with one `storage.sync.get` and without bundling WXT's storage wrapper (its mutexes and
 * watchers cost every page evaluation time for nothing the content script uses).
 */

/** The `storage.sync` key of the settings: the same key as WXT's `sync:settings` item in settings-store.ts. */
export const SETTINGS_KEY = 'settings';

export async function loadSettings(): Promise<ValidatedSettings> {
  const stored: Record<string, unknown> = await browser.storage.sync.get(SETTINGS_KEY);
  // Nothing stored means the defaults, as WXT's item falls back to `{}`.
  return validateSettings(stored[SETTINGS_KEY] ?? {});
}
