import { storage } from 'wxt/utils/storage';
import { isRecord, migrateStoredSettings, SETTINGS_VERSION, settingsDiff, validateSettings, type Settings, type ValidatedSettings } from '@/lib/settings';

/**
 * Settings in two places, together one object of the schema in lib/settings.ts (only what differs
 * from the defaults, and the shape's version):
 * - `sync:settings`: every setting but the sites to skip, so they follow the user's browser profile;
 * - `local:excludedSites`: the sites to skip, on this device. `storage.sync` allows 8 kB per item
 *   and about 100 kB in all, which a list of a few thousand hosts exceeds; `storage.local` holds
 *   megabytes (docs/extension.md).
 * Every read migrates an older shape (`migrateStoredSettings`, rewriting storage once), moves sites
 * an older version kept in `sync:settings` to this device, and goes through `validateSettings`, so
 * garbage in storage (a hand edit, a sync conflict) falls back field by field and never breaks a page.
 */
export const settingsItem = storage.defineItem<unknown>('sync:settings', { fallback: {} });

/** The sites to skip, as a list of host names (validated on every read like the rest). */
export const excludedSitesItem = storage.defineItem<unknown>('local:excludedSites', { fallback: [] });

/**
 * What a migration moved or left out, kept on this device until the user next saves the options,
 * so the options page can say it even when the background was the one that migrated.
 */
export const migrationNotesItem = storage.defineItem<string[]>('local:settingsMigrationNotes', { fallback: [] });

export interface LoadedSettings extends ValidatedSettings {
  /** What the last migration of the stored settings moved or left out, not yet seen and saved over. */
  migrationNotes: string[];
}

const sitesMovedNote = (count: number) =>
  `Sites to skip (${count} ${count === 1 ? 'site' : 'sites'}) are now kept on this device only, where a list of any length fits; export the settings to take them to another browser.`;

async function readStored(): Promise<{ synced: unknown; combined: unknown }> {
  const [synced, sites] = await Promise.all([settingsItem.getValue(), excludedSitesItem.getValue()]);
  // A synced object of a newer version, or one an older version wrote its sites into, keeps its own list.
  const combined = !isRecord(synced) || synced.excludedSites !== undefined ? synced : { ...synced, excludedSites: sites };
  return { synced, combined };
}

/** True when the synced object holds sites to skip, as versions before the split wrote them (flat `sites` included). */
const holdsSites = (synced: unknown, from: number) =>
  from <= SETTINGS_VERSION && isRecord(synced) && (synced.excludedSites !== undefined || (from === 0 && synced.sites !== undefined));

export async function loadSettings(): Promise<LoadedSettings> {
  const { synced, combined } = await readStored();
  const migration = migrateStoredSettings(combined);
  const movesSites = holdsSites(synced, migration.from);
  const rewrite = migration.rewrite || movesSites;
  if (rewrite) {
    const { excludedSites, ...rest } = migration.stored;
    await settingsItem.setValue(rest);
    if (excludedSites !== undefined) await excludedSitesItem.setValue(excludedSites);
    const moved = movesSites && Array.isArray(excludedSites) ? excludedSites.length : 0;
    const notes = moved ? [...migration.notes, sitesMovedNote(moved)] : migration.notes;
    if (notes.length) await migrationNotesItem.setValue(notes);
  }
  const kept = await migrationNotesItem.getValue();
  // Notes of a read that rewrote nothing (settings from a newer version) hold only while storage does: not kept.
  return { ...validateSettings(migration.stored), migrationNotes: rewrite ? kept : [...kept, ...migration.notes] };
}

/**
 * Stores the settings. A refusal by the browser (a quota, sync's write rate) rejects with its
 * message: the caller shows it and keeps what the user typed.
 */
export async function saveSettings(settings: Settings): Promise<void> {
  const { excludedSites, ...synced } = settingsDiff(settings);
  await excludedSitesItem.setValue(excludedSites ?? []);
  await settingsItem.setValue({ version: SETTINGS_VERSION, ...synced });
  await migrationNotesItem.removeValue();
}

export async function restoreDefaultSettings(): Promise<void> {
  await settingsItem.removeValue();
  await excludedSitesItem.removeValue();
  await migrationNotesItem.removeValue();
}

/**
 * Changes to the two stored items are gathered for this long before watchers hear of them, so one
 * save (two writes) is one change.
 */
export const SETTINGS_CHANGE_DELAY_MS = 100;

/**
 * Calls `onChange` with the validated settings whenever they change in storage (from any device or
 * page), once per burst of writes, and not when the validated settings are what it last gave.
 */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: string | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      void readStored().then(({ combined }) => {
        const { settings } = validateSettings(migrateStoredSettings(combined).stored);
        const json = JSON.stringify(settings);
        if (json === last) return;
        last = json;
        onChange(settings);
      });
    }, SETTINGS_CHANGE_DELAY_MS);
  };
  const unwatch = [settingsItem.watch(changed), excludedSitesItem.watch(changed)];
  return () => {
    clearTimeout(timer);
    unwatch.forEach((stop) => stop());
  };
}
