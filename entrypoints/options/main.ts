import { DEFAULT_SETTINGS, validateSettings, type Settings, type SettingsProblem } from '@/lib/settings';
import { SIGNAL_IDS } from '@/lib/signals';
import { loadSettings, restoreDefaultSettings, saveSettings } from '@/utils/settings-store';
import { signalFields } from '@/utils/signal-options';

/**
 * The options page: a form over the one settings schema. Values are checked by `validateSettings`
 * (the same check every reader of the settings applies); each problem is shown next to its field
 * and nothing is saved until all are fixed. Open tabs pick up saved changes through the background.
 */

const form = document.getElementById('options') as HTMLFormElement;
const status = document.getElementById('status') as HTMLElement;
const input = (id: string) => document.getElementById(id) as HTMLInputElement;
const sitesBox = document.getElementById('excluded-sites') as HTMLTextAreaElement;
document.getElementById('signals')!.append(...signalFields(document));

/** The element a problem's message goes after, by the problem's field path. */
function fieldElement(field: string): HTMLElement {
  const [head, id, key] = field.split('.');
  if (head === 'thresholds') return input(id === 'suspicious' ? 'threshold-suspicious' : 'threshold-syndicated');
  if (head === 'signals' && id) return key === 'weight' ? input(`weight-${id}`) : input(`enabled-${id}`);
  if (head === 'autoScan') return input('auto-scan');
  if (head === 'excludedSites') return sitesBox;
  return status;
}

function fill(settings: Settings): void {
  input('threshold-suspicious').value = String(settings.thresholds.suspicious);
  input('threshold-syndicated').value = String(settings.thresholds.syndicated);
  for (const id of SIGNAL_IDS) {
    input(`enabled-${id}`).checked = settings.signals[id].enabled;
    input(`weight-${id}`).value = String(settings.signals[id].weight);
  }
  input('auto-scan').checked = settings.autoScan;
  sitesBox.value = settings.excludedSites.join('\n');
}

/** A number field's value: a number when it parses, else the raw text (which validation then reports). */
function numberValue(el: HTMLInputElement): unknown {
  const raw = el.value.trim();
  return raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
}

function read(): unknown {
  return {
    thresholds: { suspicious: numberValue(input('threshold-suspicious')), syndicated: numberValue(input('threshold-syndicated')) },
    signals: Object.fromEntries(SIGNAL_IDS.map((id) => [id, { enabled: input(`enabled-${id}`).checked, weight: numberValue(input(`weight-${id}`)) }])),
    autoScan: input('auto-scan').checked,
    excludedSites: sitesBox.value.split('\n').map((line) => line.trim()).filter(Boolean),
  };
}

function clearProblems(): void {
  for (const el of document.querySelectorAll('[data-testid=error]')) el.remove();
  for (const el of document.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  status.classList.remove('problem');
}

function showProblems(problems: SettingsProblem[]): void {
  for (const problem of problems) {
    const target = fieldElement(problem.field);
    const fields = problem.field === 'thresholds' ? [input('threshold-suspicious'), input('threshold-syndicated')] : [target];
    for (const f of fields) f.setAttribute('aria-invalid', 'true');
    const message = document.createElement('p');
    message.className = 'error';
    message.dataset.testid = 'error';
    message.textContent = problem.message;
    // After the field's own row, so the message sits next to what it is about.
    const anchor = problem.field === 'thresholds' ? input('threshold-syndicated') : target;
    (anchor.closest('.field, .signal') ?? anchor).after(message);
  }
  status.classList.add('problem');
  status.textContent = problems.length === 1 ? `Not saved: ${problems[0]!.message}` : `Not saved: ${problems.length} values need fixing.`;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void (async () => {
    clearProblems();
    const { settings, problems } = validateSettings(read());
    if (problems.length) {
      showProblems(problems);
      return;
    }
    await saveSettings(settings);
    fill(settings);
    showMigrationNotes([]);
    status.textContent = 'Saved';
  })();
});

document.getElementById('restore-defaults')?.addEventListener('click', () => {
  void (async () => {
    clearProblems();
    await restoreDefaultSettings();
    fill(DEFAULT_SETTINGS);
    showMigrationNotes([]);
    status.textContent = 'Saved: defaults restored';
  })();
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

void (async () => {
  const { settings, problems, migrationNotes } = await loadSettings();
  fill(settings);
  showMigrationNotes(migrationNotes);
  if (problems.length) {
    status.classList.add('problem');
    status.textContent = 'Some stored values were invalid and fell back to their defaults; save to keep these.';
  }
  document.body.dataset.ready = '1';
})();
