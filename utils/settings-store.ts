import { storage } from 'wxt/utils/storage';
import { migrateStoredSettings, SETTINGS_VERSION, settingsDiff, validateSettings, type Settings, type ValidatedSettings } from '@/lib/settings';

/**
 * Settings in `storage.sync` under one key, holding only what differs from the defaults (defaults
 * live in lib/settings.ts) and the shape's version. Every read migrates an older shape
 * (`migrateStoredSettings`, rewriting storage once) and goes through `validateSettings`, so garbage
 * in storage (a hand edit, a sync conflict) falls back field by field and never breaks a page.
 */
export const settingsItem = storage.defineItem<unknown>('sync:settings', { fallback: {} });

/**
 * What a migration moved or left out, kept on this device until the user next saves the options,
 * so the options page can say it even when the background was the one that migrated.
 */
export const migrationNotesItem = storage.defineItem<string[]>('local:settingsMigrationNotes', { fallback: [] });

export interface LoadedSettings extends ValidatedSettings {
  /** What the last migration of the stored settings moved or left out, not yet seen and saved over. */
  migrationNotes: string[];
}

export async function loadSettings(): Promise<LoadedSettings> {
  const migration = migrateStoredSettings(await settingsItem.getValue());
  if (migration.rewrite) {
    await settingsItem.setValue(migration.stored);
    if (migration.notes.length) await migrationNotesItem.setValue(migration.notes);
  }
  const kept = await migrationNotesItem.getValue();
  // Notes of a read that rewrote nothing (settings from a newer version) hold only while storage does: not kept.
  return { ...validateSettings(migration.stored), migrationNotes: migration.rewrite ? kept : [...kept, ...migration.notes] };
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue({ version: SETTINGS_VERSION, ...settingsDiff(settings) });
  await migrationNotesItem.removeValue();
}

export async function restoreDefaultSettings(): Promise<void> {
  await settingsItem.removeValue();
  await migrationNotesItem.removeValue();
}

/** Calls `onChange` with the validated settings whenever they change in storage (from any device or page). */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(validateSettings(migrateStoredSettings(value).stored).settings));
}
