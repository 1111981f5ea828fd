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
  /** Host names the user trusts: never flagged, so not scanned unless asked for once; subdomains included. */
  trustedSites: string[];
  /** Show the badge only on flagged pages, not the score of every page. */
  quietBadge: boolean;
}

export const WEIGHT_MIN = 0;
export const WEIGHT_MAX = 2;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  thresholds: Object.freeze({ suspicious: 30, syndicated: 60 }),
  // Every signal on, at the weight it was calibrated at.
  signals: Object.freeze(Object.fromEntries(SIGNAL_IDS.map((id) => [id, Object.freeze({ enabled: true, weight: 1 })]))),
  autoScan: true,
  excludedSites: Object.freeze([]) as unknown as string[],
  trustedSites: Object.freeze([]) as unknown as string[],
  quietBadge: false,
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
  trustedSites?: string[];
  quietBadge?: boolean;
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
 * popup's Rescan) always scans, except on skipped and trusted sites; `anyway` (the popup's "Scan
 * anyway" on such a site) scans once whatever the settings say.
 */
export type ScanReason = 'auto' | 'settings' | 'user' | 'anyway';

/** What a page considered for a scan does: scan now, or stay unread because its site is skipped or trusted, or automatic scanning is off. */
export interface ScanDecision {
  status: 'scan' | 'excluded' | 'trusted' | 'not-scanned';
  /** Whether to watch the page for article changes (automatic scanning on, site neither skipped nor trusted). */
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
  if (reason === 'anyway') return { status: 'scan', watch: false };
  if (isExcluded(hostname, settings.excludedSites)) return { status: 'excluded', watch: false };
  if (isExcluded(hostname, settings.trustedSites)) return { status: 'trusted', watch: false };
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
          message: `The suspicious threshold (${thresholds.suspicious}) must be below the syndicated threshold (${thresholds.syndicated}).`,
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

  let quietBadge = DEFAULT_SETTINGS.quietBadge;
  if (src.quietBadge !== undefined) {
    if (typeof src.quietBadge === 'boolean') quietBadge = src.quietBadge;
    else problems.push({ field: 'quietBadge', message: 'The quiet badge must be on or off (true or false).' });
  }

  const excludedSites = validSiteList(src.excludedSites, 'excludedSites', 'Sites to skip', problems);
  const trustedSites = validSiteList(src.trustedSites, 'trustedSites', 'Trusted sites', problems);
  return { settings: { thresholds, signals, autoScan, excludedSites, trustedSites, quietBadge }, problems };
}

/** A list of host names, each normalised, once; a line that is not a host name is a problem of its own. */
function validSiteList(raw: unknown, field: 'excludedSites' | 'trustedSites', name: string, problems: SettingsProblem[]): string[] {
  const sites: string[] = [];
  if (raw === undefined) return sites;
  if (!Array.isArray(raw)) {
    problems.push({ field, message: `${name} must be a list of host names.` });
    return sites;
  }
  // A set, so that a list of thousands of hosts is checked in linear time (the options page checks as you type).
  const seen = new Set<string>();
  for (const entry of raw as unknown[]) {
    const host = typeof entry === 'string' ? normaliseSite(entry) : undefined;
    if (host === undefined) {
      problems.push({ field, message: `"${String(entry).slice(0, 80)}" is not a host name such as example.com.` });
    } else if (!seen.has(host)) {
      seen.add(host);
      sites.push(host);
    }
  }
  return sites;
}

/**
 * The version of the stored settings' shape, kept in the stored object as `version`:
 * - 1: the fields of `Settings`, only those that differ from the defaults, with no `version`;
 * - 2: the same, with `version: 2`, so that a later shape can tell what it reads.
 * Before version 1, settings were a flat `{ threshold, sites, enabled }` (one threshold, the sites
 * to skip, automatic scanning), which `migrateStoredSettings` also reads.
 */
export const SETTINGS_VERSION = 2;

const SETTINGS_KEYS = ['thresholds', 'signals', 'autoScan', 'excludedSites', 'trustedSites', 'quietBadge'] as const;
const FLAT_KEYS = ['threshold', 'sites', 'enabled'] as const;

export interface StoredSettingsMigration {
  /** What to store: the settings in the current shape (version included). */
  stored: Record<string, unknown>;
  /** The version the stored settings had (0 for the flat shape, 1 for no version). */
  from: number;
  /** Storage should be rewritten with `stored`: it was in an older shape. */
  rewrite: boolean;
  /** For the user: each value moved to another place or left out, by name. Empty when nothing they set changed. */
  notes: string[];
}

const shown = (v: unknown) => {
  const json = JSON.stringify(v) ?? String(v);
  return json.length > 60 ? `${json.slice(0, 59)}…` : json;
};

/**
 * Brings stored settings of any earlier shape to the current one, naming for the user every value
 * that moved or was left out (nothing they set disappears without a word). Values are not checked
 * here: `validateSettings` does that, field by field, on the result. Settings stored by a newer
 * Spinscope (a synced device ahead of this one) are read as they are and not rewritten, so this
 * version never destroys what the newer one wrote.
 */
export function migrateStoredSettings(raw: unknown): StoredSettingsMigration {
  if (!isRecord(raw)) return { stored: { version: SETTINGS_VERSION }, from: SETTINGS_VERSION, rewrite: false, notes: [] };
  const from = typeof raw.version === 'number' ? raw.version : FLAT_KEYS.some((k) => k in raw) ? 0 : 1;
  if (from > SETTINGS_VERSION) {
    return { stored: raw, from, rewrite: false, notes: [`These settings were saved by a newer version of Spinscope (settings version ${shown(raw.version)}); fields this version does not know are not used, and saving the options here replaces them.`] };
  }
  const notes: string[] = [];
  const stored: Record<string, unknown> = { version: SETTINGS_VERSION };
  for (const key of SETTINGS_KEYS) if (raw[key] !== undefined) stored[key] = raw[key];
  if (from === 0) {
    const { threshold, sites, enabled } = raw;
    if (sites !== undefined) {
      const list = typeof sites === 'string' ? sites.split(/[\s,]+/).filter(Boolean) : sites;
      if (Array.isArray(list)) {
        const current = Array.isArray(stored.excludedSites) ? (stored.excludedSites as unknown[]) : [];
        stored.excludedSites = [...current, ...list];
        notes.push(`"sites" (${list.length} ${list.length === 1 ? 'site' : 'sites'}) became Sites to skip.`);
      } else notes.push(`"sites" ${shown(sites)} is not a list of sites and was left out.`);
    }
    if (threshold !== undefined) {
      if (typeof threshold === 'number' && Number.isFinite(threshold)) {
        const thresholds: Record<string, unknown> = isRecord(stored.thresholds) ? { ...stored.thresholds } : {};
        thresholds.suspicious = threshold;
        // The flat shape had one threshold, "flag from"; the syndicated one stays as far above it as the defaults are.
        const { suspicious: defaultSuspicious, syndicated: defaultSyndicated } = DEFAULT_SETTINGS.thresholds;
        const raiseSyndicated = threshold >= defaultSyndicated && thresholds.syndicated === undefined;
        if (raiseSyndicated) thresholds.syndicated = Math.min(100, threshold + defaultSyndicated - defaultSuspicious);
        stored.thresholds = thresholds;
        notes.push(`"threshold" ${threshold} became the suspicious threshold${raiseSyndicated ? `, and the syndicated one ${String(thresholds.syndicated)}` : ''}.`);
      } else notes.push(`"threshold" ${shown(threshold)} is not a number and was left out.`);
    }
    if (enabled !== undefined) {
      if (typeof enabled === 'boolean') {
        stored.autoScan = enabled;
        notes.push(`"enabled" ${String(enabled)} became Scan pages automatically: ${enabled ? 'on' : 'off'}.`);
      } else notes.push(`"enabled" ${shown(enabled)} is not true or false and was left out.`);
    }
  }
  const known = new Set<string>(['version', ...SETTINGS_KEYS, ...(from === 0 ? FLAT_KEYS : [])]);
  for (const key of Object.keys(raw)) if (!known.has(key)) notes.push(`"${key}" ${shown(raw[key])} is not a Spinscope setting and was left out.`);
  return { stored, from, rewrite: from < SETTINGS_VERSION || notes.length > 0, notes };
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
  if (settings.trustedSites.length) out.trustedSites = [...settings.trustedSites];
  if (settings.quietBadge !== d.quietBadge) out.quietBadge = settings.quietBadge;
  return out;
}
