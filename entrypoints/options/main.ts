import { DEFAULT_SETTINGS, validateSettings, type Settings, type SettingsProblem, type ValidatedSettings } from '@/lib/settings';
import { formatNumber, localizePage, t } from '@/utils/i18n';
import { loadSettings, restoreDefaultSettings, saveSettings } from '@/utils/settings-store';
import { signalFields } from '@/utils/signal-options';
import { clearProblems, fillForm, readForm, refusedMessage, showProblems, updateHints } from './form';
import { downloadJson } from './download';
import { readSettingsFile, SETTINGS_FILE_NAME, settingsFileText } from './settings-file';
import { startWrongVerdicts } from './wrong-verdicts';

/**
 * The options page: a form over the one settings schema. Values are checked by `validateSettings`
 * (the same check every reader of the settings applies) as they are typed; each problem is shown
 * beside its field and nothing is saved until all are fixed. When the browser refuses to store the
 * settings, the page says so and keeps what was typed. Open tabs pick up saved changes through the
 * background.
 */

localizePage(document);
const form = document.getElementById('options') as HTMLFormElement;
const status = document.getElementById('status') as HTMLElement;
const importFile = document.getElementById('import-file') as HTMLInputElement;
const importReport = document.getElementById('import-report') as HTMLElement;
document.getElementById('signals')!.append(...signalFields(document));
for (const weight of document.querySelectorAll('#signals input[type=number]')) {
  weight.setAttribute('aria-describedby', `${weight.getAttribute('aria-describedby') ?? ''} about-weight`.trim());
}

/** A settings file larger than this is not one Export wrote; it is refused before it is read. */
const MAX_SETTINGS_FILE_BYTES = 10 * 1024 * 1024;

function setStatus(text: string, problem = false): void {
  status.textContent = text;
  status.classList.toggle('problem', problem);
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Saves; when the browser refuses (a storage quota, sync's write rate), says so and leaves the form as it is. */
async function store(settings: Settings): Promise<boolean> {
  try {
    await saveSettings(settings);
    return true;
  } catch (error) {
    setStatus(t('options_store_refused', errorText(error)), true);
    return false;
  }
}

/** Checks the form as it stands, marking each problem beside its field. */
function checkForm(): ValidatedSettings {
  clearProblems(document);
  const checked = validateSettings(readForm(document));
  showProblems(document, checked.problems);
  return checked;
}

form.addEventListener('input', () => {
  checkForm();
  updateHints(document);
  setStatus('');
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void (async () => {
    const { settings, problems } = checkForm();
    if (problems.length) {
      setStatus(refusedMessage(problems, 'saved'), true);
      return;
    }
    if (!(await store(settings))) return;
    fillForm(document, settings);
    showMigrationNotes([]);
    setStatus(t('options_saved'));
  })();
});

document.getElementById('restore-defaults')!.addEventListener('click', () => {
  void (async () => {
    try {
      await restoreDefaultSettings();
    } catch (error) {
      setStatus(t('options_restore_refused', errorText(error)), true);
      return;
    }
    clearProblems(document);
    fillForm(document, DEFAULT_SETTINGS);
    showMigrationNotes([]);
    setStatus(t('options_defaults_restored'));
  })();
});

document.getElementById('export')!.addEventListener('click', () => {
  const { settings, problems } = checkForm();
  if (problems.length) {
    setStatus(refusedMessage(problems, 'exported'), true);
    return;
  }
  downloadJson(document, SETTINGS_FILE_NAME, settingsFileText(settings));
  setStatus(t('options_exported', SETTINGS_FILE_NAME));
});

/** A list for the import report: one item per line, each with the field it is about when it has one. */
function reportList(testid: string, items: { field?: string; text: string }[]): HTMLUListElement {
  const list = document.createElement('ul');
  list.dataset.testid = testid;
  list.append(
    ...items.map(({ field, text }) => {
      const item = document.createElement('li');
      if (field) item.dataset.field = field;
      item.textContent = text;
      return item;
    }),
  );
  return list;
}

/** Shows what an import did: a heading, the values it could not use, and what migration moved or left out. */
function showImportReport(heading: string, problem: boolean, problems: SettingsProblem[] = [], notes: string[] = []): void {
  const head = document.createElement('p');
  head.textContent = heading;
  head.classList.toggle('problem', problem);
  importReport.replaceChildren(
    head,
    ...(problems.length ? [reportList('import-problems', problems.map((p) => ({ field: p.field, text: t('options_import_problem', p.field || t('options_import_the_file'), p.message) })))] : []),
    ...(notes.length ? [reportList('import-notes', notes.map((text) => ({ text })))] : []),
  );
}

async function importSettings(file: File): Promise<void> {
  if (file.size > MAX_SETTINGS_FILE_BYTES) {
    showImportReport(t('options_import_too_large', file.name), true);
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    showImportReport(t('options_import_unreadable', file.name, errorText(error)), true);
    return;
  }
  const imported = readSettingsFile(text);
  if (!imported.ok) {
    showImportReport(t('options_import_refused', imported.message), true);
    return;
  }
  clearProblems(document);
  fillForm(document, imported.settings);
  const saved = await store(imported.settings);
  if (saved) setStatus(t('options_saved'));
  const { problems, notes } = imported;
  const skipped = problems.length;
  const done = t(saved ? 'options_imported_saved' : 'options_imported_not_saved', file.name);
  const heading = skipped ? `${done} ${skipped === 1 ? t('options_import_skipped_one') : t('options_import_skipped_many', formatNumber(skipped))}` : done;
  showImportReport(heading, skipped > 0 || !saved, problems, notes);
}

importFile.addEventListener('change', () => {
  const file = importFile.files?.[0];
  // Cleared, so that choosing the same file again imports it again.
  importFile.value = '';
  if (file) void importSettings(file);
});

/** What a migration of the stored settings moved or left out, until the user saves over it. */
function showMigrationNotes(notes: readonly string[]): void {
  const box = document.getElementById('migration')!;
  const list = document.getElementById('migration-list')!;
  list.replaceChildren(
    ...notes.map((note) => {
      const item = document.createElement('li');
      item.textContent = note;
      return item;
    }),
  );
  box.hidden = notes.length === 0;
}

startWrongVerdicts(document);

void (async () => {
  try {
    const { settings, problems, migrationNotes } = await loadSettings();
    fillForm(document, settings);
    showMigrationNotes(migrationNotes);
    if (problems.length) setStatus(t('options_stored_invalid'), true);
  } catch (error) {
    fillForm(document, DEFAULT_SETTINGS);
    setStatus(t('options_stored_unreadable', errorText(error)), true);
  } finally {
    document.body.dataset.ready = '1';
  }
})();
