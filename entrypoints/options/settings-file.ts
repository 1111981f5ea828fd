import { t } from '@/utils/i18n';
import { isRecord, migrateStoredSettings, SETTINGS_VERSION, validateSettings, type Settings, type SettingsProblem } from '@/lib/settings';

/** The name an exported settings file is offered under. */
export const SETTINGS_FILE_NAME = 'spinscope-settings.json';

/** Every setting, sites included, with the schema's version: a file that imports back as it was. */
export function settingsFileText(settings: Settings): string {
  return JSON.stringify({ version: SETTINGS_VERSION, ...settings }, null, 2) + '\n';
}

export type ImportedSettings =
  | {
      ok: true;
      /** The file's settings; each invalid field has its default. */
      settings: Settings;
      /** Each field of the file that could not be used, by name. */
      problems: SettingsProblem[];
      /** Values of an older shape that moved, and keys that are not settings, as migration names them. */
      notes: string[];
    }
  | { ok: false; message: string };

/**
 * Reads a settings file with the schema every other reader uses: an older shape is migrated, each
 * field is checked on its own, and an invalid one is named and left at its default while the valid
 * ones are kept. Only a file that is not a JSON object is refused whole.
 */
export function readSettingsFile(text: string): ImportedSettings {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: t('options_file_not_json', error instanceof Error ? error.message : String(error)) };
  }
  if (!isRecord(parsed)) return { ok: false, message: t('options_file_not_settings') };
  const { stored, notes } = migrateStoredSettings(parsed);
  return { ok: true, ...validateSettings(stored), notes };
}
