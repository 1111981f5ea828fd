import { storage } from 'wxt/utils/storage';
import { settingsDiff, validateSettings, type Settings, type ValidatedSettings } from '@/lib/settings';

/**
 * Settings in `storage.sync` under one key, holding only what differs from the defaults (defaults
 * live in lib/settings.ts). Every read goes through `validateSettings`, so garbage in storage (an
 * old version, a hand edit, a sync conflict) falls back field by field and never breaks a page.
 */
export const settingsItem = storage.defineItem<unknown>('sync:settings', { fallback: {} });

export async function loadSettings(): Promise<ValidatedSettings> {
  return validateSettings(await settingsItem.getValue());
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(settingsDiff(settings));
}

export async function restoreDefaultSettings(): Promise<void> {
  await settingsItem.removeValue();
}

/** Calls `onChange` with the validated settings whenever they change in storage (from any device or page). */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(validateSettings(value).settings));
}
