import { SIGNAL_IDS, signalFace, type SignalId } from './signals';

/**
 * The one settings schema. Defaults and validation live here; the options page, the background,
 * the content script and the CLI all read settings through `validateSettings`.
 */
export interface SignalSettings {
  enabled: boolean;
  /** Multiplies the signal's score before combination; 0..2 (1 = as calibrated). */
  weight: number;
}

export interface Settings {
  thresholds: {
    /** Score at or above which the verdict is `suspicious`. */
    suspicious: number;
    /** Score at or above which the verdict is `syndicated`. Must be above `suspicious`. */
    syndicated: number;
  };
  signals: Record<SignalId, SignalSettings>;
  /** Scan every page automatically; when off, the popup scans on demand. */
  autoScan: boolean;
  /** Host names not scanned at all; `example.com` also covers its subdomains. */
  excludedSites: string[];
}

export const WEIGHT_MIN = 0;
export const WEIGHT_MAX = 2;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  thresholds: Object.freeze({ suspicious: 30, syndicated: 60 }),
  // Every signal on, at the weight it was calibrated at.
  signals: Object.freeze(Object.fromEntries(SIGNAL_IDS.map((id) => [id, Object.freeze({ enabled: true, weight: 1 })]))),
  autoScan: true,
  excludedSites: Object.freeze([]) as unknown as string[],
}) as Settings;

export interface SettingsProblem {
  /** Dotted path of the field, e.g. `thresholds.suspicious`. */
  field: string;
  message: string;
}

export interface ValidatedSettings {
  settings: Settings;
  /** One entry per field that was invalid and fell back to its default. Empty when all was valid. */
  problems: SettingsProblem[];
}

/** A settings object shaped like `Settings` but with every field optional, at any depth. */
export type SettingsInput = {
  thresholds?: Partial<Settings['thresholds']>;
  signals?: Partial<Record<SignalId, Partial<SignalSettings>>>;
  autoScan?: boolean;
  excludedSites?: string[];
};

/** A plain JSON object (not null, not an array): what settings and JSON Lines records must be. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Host-name shape a user can type: letters, digits, hyphens and dots, optional leading `*.`. */
const HOST_PATTERN = /^(\*\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * Normalises what a user typed for a site to skip: a host name, or a full URL from which the host is taken.
 * Returns undefined when nothing host-like is left.
 */
export function normaliseSite(input: string): string | undefined {
  let s = input.trim().toLowerCase();
  if (!s) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(s)) {
    try {
      s = new URL(s).hostname;
    } catch {
      return undefined;
    }
  }
  s = s.replace(/^\*\./, '').replace(/\/.*$/, '').replace(/:\d+$/, '').replace(/\.$/, '');
  if (s.startsWith('www.')) s = s.slice(4);
  return s.length <= 253 && HOST_PATTERN.test(s) ? s : undefined;
}

/** True when `hostname` is one of `sites` or a subdomain of one. */
export function isExcluded(hostname: string, sites: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return sites.some((site) => host === site || host.endsWith('.' + site) || host === 'www.' + site);
}

/**
 * Why a page is considered for a scan: `auto` (page load, article change, in-page navigation) needs
 * automatic scanning on; `settings` (the options changed) rescans pages scanned before; `user` (the
 * popup) always scans, except on excluded sites.
 */
export type ScanReason = 'auto' | 'settings' | 'user';

/** What a page considered for a scan does: scan now, or stay unread because its site is excluded or automatic scanning is off. */
export interface ScanDecision {
  status: 'scan' | 'excluded' | 'not-scanned';
  /** Whether to watch the page for article changes (automatic scanning on, site not excluded). */
  watch: boolean;
}

/** Decides, with these settings, whether the page at `url` is scanned now. */
export function decideScan(settings: Settings, url: string, reason: ScanReason, scannedBefore: boolean): ScanDecision {
  let hostname = '';
  try {
    hostname = new URL(url).hostname;
  } catch {
    // Not an address: no site to match, so not excluded.
  }
  if (isExcluded(hostname, settings.excludedSites)) return { status: 'excluded', watch: false };
  const scan = reason === 'user' || settings.autoScan || (reason === 'settings' && scannedBefore);
  return { status: scan ? 'scan' : 'not-scanned', watch: settings.autoScan };
}

function numberIn(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
}

/**
 * Validates settings field by field (as Dark Reader does): an invalid field falls back to its default
 * alone and is reported; nothing throws and no valid field is lost. Accepts any input, including
 * garbage from storage.
 */
export function validateSettings(input: unknown): ValidatedSettings {
  const problems: SettingsProblem[] = [];
  const src = isRecord(input) ? input : {};
  if (input !== undefined && input !== null && !isRecord(input)) {
    problems.push({ field: '', message: 'Settings must be an object; using the defaults.' });
  }

  const thresholds = { ...DEFAULT_SETTINGS.thresholds };
  if (src.thresholds !== undefined) {
    if (!isRecord(src.thresholds)) {
      problems.push({ field: 'thresholds', message: 'Thresholds must be an object; using the defaults.' });
    } else {
      for (const key of ['suspicious', 'syndicated'] as const) {
        const v = src.thresholds[key];
        if (v === undefined) continue;
        if (numberIn(v, 0, 100)) thresholds[key] = v;
        else problems.push({ field: `thresholds.${key}`, message: `The ${key} threshold must be a number from 0 to 100.` });
      }
      if (thresholds.suspicious >= thresholds.syndicated) {
        problems.push({
          field: 'thresholds',
          message: `The suspicious threshold (${thresholds.suspicious}) must be below the syndicated threshold (${thresholds.syndicated}); using the defaults.`,
        });
        thresholds.suspicious = DEFAULT_SETTINGS.thresholds.suspicious;
        thresholds.syndicated = DEFAULT_SETTINGS.thresholds.syndicated;
      }
    }
  }

  const signals = {} as Record<SignalId, SignalSettings>;
  const srcSignals = src.signals;
  if (srcSignals !== undefined && !isRecord(srcSignals)) {
    problems.push({ field: 'signals', message: 'Signals must be an object; using the defaults.' });
  }
  for (const id of SIGNAL_IDS) {
    const def = DEFAULT_SETTINGS.signals[id];
    const s = isRecord(srcSignals) ? srcSignals[id] : undefined;
    const out = { ...def };
    const name = `${signalFace(id).title} (${id})`;
    if (s !== undefined) {
      if (!isRecord(s)) {
        problems.push({ field: `signals.${id}`, message: `Settings of ${name} must be an object; using the defaults.` });
      } else {
        if (s.enabled !== undefined) {
          if (typeof s.enabled === 'boolean') out.enabled = s.enabled;
          else problems.push({ field: `signals.${id}.enabled`, message: `Whether ${name} runs must be true or false.` });
        }
        if (s.weight !== undefined) {
          if (numberIn(s.weight, WEIGHT_MIN, WEIGHT_MAX)) out.weight = s.weight;
          else problems.push({ field: `signals.${id}.weight`, message: `The weight of ${name} must be a number from ${WEIGHT_MIN} to ${WEIGHT_MAX}.` });
        }
      }
    }
    signals[id] = out;
  }

  let autoScan = DEFAULT_SETTINGS.autoScan;
  if (src.autoScan !== undefined) {
    if (typeof src.autoScan === 'boolean') autoScan = src.autoScan;
    else problems.push({ field: 'autoScan', message: 'Automatic scanning must be on or off (true or false).' });
  }

  const excludedSites: string[] = [];
  if (src.excludedSites !== undefined) {
    if (!Array.isArray(src.excludedSites)) {
      problems.push({ field: 'excludedSites', message: 'Sites to skip must be a list of host names.' });
    } else {
      for (const entry of src.excludedSites) {
        const host = typeof entry === 'string' ? normaliseSite(entry) : undefined;
        if (host === undefined) {
          problems.push({ field: 'excludedSites', message: `"${String(entry).slice(0, 80)}" is not a host name such as example.com; it was left out.` });
        } else if (!excludedSites.includes(host)) {
          excludedSites.push(host);
        }
      }
    }
  }

  return { settings: { thresholds, signals, autoScan, excludedSites }, problems };
}

/** Only the fields that differ from the defaults, for storage (as uBlock Origin stores only what a user changed). */
export function settingsDiff(settings: Settings): SettingsInput {
  const out: SettingsInput = {};
  const d = DEFAULT_SETTINGS;
  if (settings.thresholds.suspicious !== d.thresholds.suspicious || settings.thresholds.syndicated !== d.thresholds.syndicated) {
    out.thresholds = { ...settings.thresholds };
  }
  for (const id of SIGNAL_IDS) {
    const s = settings.signals[id];
    if (s.enabled !== d.signals[id].enabled || s.weight !== d.signals[id].weight) {
      out.signals = { ...out.signals, [id]: { ...s } };
    }
  }
  if (settings.autoScan !== d.autoScan) out.autoScan = settings.autoScan;
  if (settings.excludedSites.length) out.excludedSites = [...settings.excludedSites];
  return out;
}
