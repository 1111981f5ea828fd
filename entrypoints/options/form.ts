import { DEFAULT_SETTINGS, type Settings, type SettingsProblem } from '@/lib/settings';
import { honestShareAtLeast, SCORE_CALIBRATION } from '@/lib/score-calibration';
import { SIGNAL_IDS } from '@/lib/signals';
import { formatNumber, t } from '@/utils/i18n';

/**
 * The options form over the one settings schema, given the options page's document: filling it,
 * reading it back as a settings object for `validateSettings`, showing each problem beside its
 * field, and the hints that follow what is typed (what a threshold does, how many sites).
 */

const input = (doc: Document, id: string) => doc.getElementById(id) as HTMLInputElement;
const SITE_LISTS = { excludedSites: 'excluded-sites', trustedSites: 'trusted-sites' } as const;
type SiteList = keyof typeof SITE_LISTS;
const siteBox = (doc: Document, list: SiteList) => doc.getElementById(SITE_LISTS[list]) as HTMLTextAreaElement;
const siteLines = (doc: Document, list: SiteList) => siteBox(doc, list).value.split('\n').map((line) => line.trim()).filter(Boolean);
/** The field a problem is shown under: a site list's lines share their list's message. */
const problemField = (field: string) => (Object.keys(SITE_LISTS) as SiteList[]).find((list) => field.startsWith(list)) ?? field;
const THRESHOLD_INPUT = { suspicious: 'threshold-suspicious', syndicated: 'threshold-syndicated' } as const;

/** At most this many of the sites list's problems are spelt out; the rest are counted. */
const SITE_PROBLEMS_SHOWN = 3;

export function fillForm(doc: Document, settings: Settings): void {
  input(doc, THRESHOLD_INPUT.suspicious).value = String(settings.thresholds.suspicious);
  input(doc, THRESHOLD_INPUT.syndicated).value = String(settings.thresholds.syndicated);
  for (const id of SIGNAL_IDS) {
    input(doc, `enabled-${id}`).checked = settings.signals[id].enabled;
    input(doc, `weight-${id}`).value = String(settings.signals[id].weight);
  }
  input(doc, 'auto-scan').checked = settings.autoScan;
  input(doc, 'quiet-badge').checked = settings.quietBadge;
  for (const list of Object.keys(SITE_LISTS) as SiteList[]) siteBox(doc, list).value = settings[list].join('\n');
  updateHints(doc);
}

/** A number field's value: a number when it parses, else the raw text (which validation then reports). */
function numberValue(el: HTMLInputElement): unknown {
  const raw = el.value.trim();
  return raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
}

/** What the form holds, as a settings object (unchecked: `validateSettings` says what is wrong with it). */
export function readForm(doc: Document): unknown {
  return {
    thresholds: { suspicious: numberValue(input(doc, THRESHOLD_INPUT.suspicious)), syndicated: numberValue(input(doc, THRESHOLD_INPUT.syndicated)) },
    signals: Object.fromEntries(SIGNAL_IDS.map((id) => [id, { enabled: input(doc, `enabled-${id}`).checked, weight: numberValue(input(doc, `weight-${id}`)) }])),
    autoScan: input(doc, 'auto-scan').checked,
    quietBadge: input(doc, 'quiet-badge').checked,
    excludedSites: siteLines(doc, 'excludedSites'),
    trustedSites: siteLines(doc, 'trustedSites'),
  };
}

/** The inputs a problem is about, by the problem's field path (both thresholds for an inverted pair). */
function fieldInputs(doc: Document, field: string): HTMLElement[] {
  const [head, id, key] = field.split('.');
  if (head === 'thresholds') {
    if (id === 'suspicious' || id === 'syndicated') return [input(doc, THRESHOLD_INPUT[id])];
    return [input(doc, THRESHOLD_INPUT.suspicious), input(doc, THRESHOLD_INPUT.syndicated)];
  }
  if (head === 'signals' && id) return [input(doc, key === 'enabled' ? `enabled-${id}` : `weight-${id}`)];
  if (head === 'autoScan') return [input(doc, 'auto-scan')];
  if (head === 'quietBadge') return [input(doc, 'quiet-badge')];
  if (head === 'excludedSites' || head === 'trustedSites') return [siteBox(doc, head)];
  return [];
}

export function clearProblems(doc: Document): void {
  for (const el of doc.querySelectorAll('[data-testid=error]')) el.remove();
  for (const el of doc.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    const describedBy = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.startsWith('error-'));
    el.setAttribute('aria-describedby', describedBy.join(' '));
  }
}

/**
 * Marks each field a problem is about (`aria-invalid`, its message beside it and named by
 * `aria-describedby`). The sites list gets one message however many of its lines are wrong.
 */
export function showProblems(doc: Document, problems: readonly SettingsProblem[]): void {
  const byField = new Map<string, string[]>();
  for (const { field, message } of problems) {
    const key = problemField(field);
    byField.set(key, [...(byField.get(key) ?? []), message]);
  }
  for (const [field, messages] of byField) {
    const inputs = fieldInputs(doc, field);
    const last = inputs.at(-1);
    if (!last) continue;
    const message = doc.createElement('p');
    message.className = 'error';
    message.dataset.testid = 'error';
    message.dataset.field = field;
    message.id = `error-${last.id}`;
    const shown = messages.slice(0, SITE_PROBLEMS_SHOWN).join(' ');
    const more = messages.length - SITE_PROBLEMS_SHOWN;
    message.textContent = more > 0 ? `${shown} ${t(more === 1 ? 'options_more_bad_sites_one' : 'options_more_bad_sites_many', formatNumber(more))}` : shown;
    for (const el of inputs) {
      el.setAttribute('aria-invalid', 'true');
      el.setAttribute('aria-describedby', `${el.getAttribute('aria-describedby') ?? ''} ${message.id}`.trim());
    }
    // After the field's own row, so the message sits next to what it is about.
    (last.closest('.field, .signal') ?? last).after(message);
  }
}

/** "Not saved" (or exported) with how many fields to fix: the one message for any refused value. */
export function refusedMessage(problems: readonly SettingsProblem[], action: 'saved' | 'exported'): string {
  const fields = new Set(problems.map((p) => problemField(p.field))).size;
  const messages = action === 'saved' ? (['options_not_saved_one', 'options_not_saved_many'] as const) : (['options_not_exported_one', 'options_not_exported_many'] as const);
  return fields === 1 ? t(messages[0]) : t(messages[1], formatNumber(fields));
}

/** A share as a percentage: one decimal under 10%, and "under 0.1%" for what that would write as 0. */
function percent(share: number): string {
  const digits = share < 0.1 ? 1 : 0;
  const format = (value: number) => value.toLocaleString(t('locale'), { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
  return share < 0.001 ? t('options_percent_under', format(0.001)) : format(share);
}

/**
 * What a threshold does on honest writing, from the engine's calibration (lib/data/score-calibration.json):
 * the share of the measured clean pages it marks. Empty for a value that is not a number from 0 to 100.
 */
export function thresholdEffect(which: 'suspicious' | 'syndicated', value: unknown, signalsAsCalibrated = true): string {
  if (typeof value !== 'number' || !(value >= 0 && value <= 100)) return '';
  const { pages, wordsPerPage } = SCORE_CALIBRATION;
  const share = honestShareAtLeast(value);
  const marked = t(which === 'suspicious' ? 'options_marked_suspicious' : 'options_marked_syndicated');
  const figures = [formatNumber(value), formatNumber(pages), formatNumber(wordsPerPage), marked] as const;
  if (share === 0) return t(signalsAsCalibrated ? 'options_effect_none' : 'options_effect_none_weighted', ...figures);
  return t(signalsAsCalibrated ? 'options_effect_share' : 'options_effect_share_weighted', figures[0], percent(share), ...figures.slice(1));
}

/** The hints that follow the form's values: each threshold's effect and the number of sites to skip. */
export function updateHints(doc: Document): void {
  const values = readForm(doc) as { thresholds: Record<'suspicious' | 'syndicated', unknown>; signals: Record<string, { enabled: boolean; weight: unknown }> };
  const asCalibrated = SIGNAL_IDS.every((id) => values.signals[id]!.enabled === DEFAULT_SETTINGS.signals[id].enabled && values.signals[id]!.weight === DEFAULT_SETTINGS.signals[id].weight);
  for (const which of ['suspicious', 'syndicated'] as const) {
    doc.getElementById(`effect-${which}`)!.textContent = thresholdEffect(which, values.thresholds[which], asCalibrated);
  }
  const count = (list: SiteList, none: string) => {
    const lines = siteLines(doc, list).length;
    return lines ? t(lines === 1 ? 'options_site_count_one' : 'options_site_count_many', formatNumber(lines)) : none;
  };
  doc.getElementById('sites-count')!.textContent = count('excludedSites', t('options_no_sites_skipped'));
  doc.getElementById('trusted-count')!.textContent = count('trustedSites', t('options_no_sites_trusted'));
}
