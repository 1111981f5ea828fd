import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '../../../lib/settings';
import { loadSettings, restoreDefaultSettings, saveSettings, watchSettings } from '../../../utils/settings-store';
import { hosts } from './helpers';

const custom: Settings = {
  thresholds: { suspicious: 25, syndicated: 70 },
  signals: { ...DEFAULT_SETTINGS.signals, tables: { enabled: false, weight: 1 }, spun: { enabled: true, weight: 1.5 } },
  autoScan: false,
  excludedSites: ['example.com', 'news.example.org'],
  trustedSites: ['trusted.example'],
  quietBadge: true,
};

/** Chrome's storage.sync limit per item: the key's length plus its value's JSON, in bytes. */
const SYNC_QUOTA_BYTES_PER_ITEM = 8192;

/** Makes the fake storage.sync refuse an item over its per-item quota, with Chrome's message. */
function enforceSyncQuota(): void {
  const set = fakeBrowser.storage.sync.set.bind(fakeBrowser.storage.sync);
  vi.spyOn(fakeBrowser.storage.sync, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(items)) {
      if (key.length + new TextEncoder().encode(JSON.stringify(value)).length > SYNC_QUOTA_BYTES_PER_ITEM) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    }
    return set(items);
  });
}

describe('settings in storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('reads the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, problems: [], migrationNotes: [] });
  });

  it('round-trips, storing only what differs from the defaults: the sites on this device, the rest synced under one key', async () => {
    await saveSettings(custom);
    expect(await loadSettings()).toEqual({ settings: custom, problems: [], migrationNotes: [] });
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(stored)).toEqual(['settings']);
    expect(stored.settings).toEqual({
      version: SETTINGS_VERSION,
      thresholds: { suspicious: 25, syndicated: 70 },
      signals: { spun: { enabled: true, weight: 1.5 }, tables: { enabled: false, weight: 1 } },
      autoScan: false,
      trustedSites: ['trusted.example'],
      quietBadge: true,
    });
    expect(await fakeBrowser.storage.local.get('excludedSites')).toEqual({ excludedSites: ['example.com', 'news.example.org'] });
  });

  it("stores a 5,000-host skip list within storage.sync's 8 kB per item", async () => {
    enforceSyncQuota();
    const settings = { ...custom, excludedSites: hosts(5000) };
    await saveSettings(settings);
    expect((await loadSettings()).settings).toEqual(settings);
  });

  it('rejects with the browser\'s message when storage refuses a save, so the options page can show it', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(saveSettings(custom)).rejects.toThrow('QUOTA_BYTES quota exceeded');
  });

  it('falls back field by field when storage holds garbage, keeping every valid field', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { thresholds: { suspicious: 'high', syndicated: 80 }, signals: { spun: 5, boilerplate: { weight: 9, enabled: false } }, autoScan: 'yes', excludedSites: ['ok.example', 42, 'not a host'] },
    });
    const { settings, problems } = await loadSettings();
    expect(settings.thresholds).toEqual({ suspicious: DEFAULT_SETTINGS.thresholds.suspicious, syndicated: 80 });
    expect(settings.signals.spun).toEqual(DEFAULT_SETTINGS.signals.spun);
    expect(settings.signals.boilerplate).toEqual({ enabled: false, weight: DEFAULT_SETTINGS.signals.boilerplate.weight });
    expect(settings.autoScan).toBe(DEFAULT_SETTINGS.autoScan);
    expect(settings.excludedSites).toEqual(['ok.example']);
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['thresholds.suspicious', 'signals.spun', 'signals.boilerplate.weight', 'autoScan', 'excludedSites']),
    );
  });

  it('uses the defaults when the stored values are not what they should be at all', async () => {
    await fakeBrowser.storage.sync.set({ settings: 'garbage' });
    await fakeBrowser.storage.local.set({ excludedSites: 'garbage' });
    expect((await loadSettings()).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('restores the defaults by removing the stored keys', async () => {
    await saveSettings(custom);
    await restoreDefaultSettings();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(await fakeBrowser.storage.local.get('excludedSites')).toEqual({});
    expect((await loadSettings()).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('tells watchers the validated settings once per save, and after any change to either place', async () => {
    const seen: Settings[] = [];
    watchSettings((s) => seen.push(s));
    await saveSettings(custom);
    await vi.waitFor(() => expect(seen).toEqual([custom]));
    await fakeBrowser.storage.sync.set({ settings: { autoScan: 'garbage' } });
    await vi.waitFor(() => expect(seen).toEqual([custom, { ...DEFAULT_SETTINGS, excludedSites: custom.excludedSites }]));
    await fakeBrowser.storage.local.set({ excludedSites: ['other.example'] });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ ...DEFAULT_SETTINGS, excludedSites: ['other.example'] }));
    expect(seen).toHaveLength(3);
  });

  it('moves the sites an older version kept in storage.sync to this device, once, and says so', async () => {
    await fakeBrowser.storage.sync.set({ settings: { version: SETTINGS_VERSION, autoScan: false, excludedSites: ['example.com', 'news.example.org'] } });
    const { settings, migrationNotes } = await loadSettings();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, autoScan: false, excludedSites: ['example.com', 'news.example.org'] });
    expect(migrationNotes).toEqual([
      'Sites to skip (2 sites) are now kept on this device only, where a list of any length fits; export the settings to take them to another browser.',
    ]);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual({ version: SETTINGS_VERSION, autoScan: false });
    expect(await fakeBrowser.storage.local.get('excludedSites')).toEqual({ excludedSites: ['example.com', 'news.example.org'] });
    expect((await loadSettings()).settings).toEqual(settings);
  });
});

/** A stored settings value of an earlier shape, as tests/fixtures/settings holds it. */
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/settings/${name}.json`, import.meta.url), 'utf8'));

describe('stored settings of an earlier shape', () => {
  beforeEach(() => fakeBrowser.reset());

  it('moves the flat {threshold, sites, enabled} settings to their places, says so, and names what it left out', async () => {
    await fakeBrowser.storage.sync.set({ settings: fixture('flat-v0') });
    const { settings, problems, migrationNotes } = await loadSettings();
    expect(settings.excludedSites).toEqual(['example.com', 'news.example.org']);
    expect(settings.thresholds).toEqual({ suspicious: 40, syndicated: DEFAULT_SETTINGS.thresholds.syndicated });
    expect(settings.autoScan).toBe(false);
    expect(problems).toEqual([]);
    expect(migrationNotes).toEqual([
      '"sites" (2 sites) became Sites to skip.',
      '"threshold" 40 became the suspicious threshold.',
      '"enabled" false became Scan pages automatically: off.',
      '"theme" "dark" is not a Spinscope setting and was left out.',
      'Sites to skip (2 sites) are now kept on this device only, where a list of any length fits; export the settings to take them to another browser.',
    ]);
    // Migrated once: storage now holds the current shape, and the note waits for the options page.
    const stored = (await fakeBrowser.storage.sync.get('settings')).settings;
    expect(stored).toEqual({ version: SETTINGS_VERSION, thresholds: { suspicious: 40 }, autoScan: false });
    expect((await fakeBrowser.storage.local.get('excludedSites')).excludedSites).toEqual(['www.example.com', 'news.example.org']);
    expect((await loadSettings()).migrationNotes).toEqual(migrationNotes);
    // Saving from the options page clears the note.
    await saveSettings(settings);
    expect((await loadSettings()).migrationNotes).toEqual([]);
  });

  it('keeps a flat threshold above the syndicated default meaningful by moving the syndicated threshold up', async () => {
    await fakeBrowser.storage.sync.set({ settings: { threshold: 75 } });
    const { settings, migrationNotes } = await loadSettings();
    expect(settings.thresholds).toEqual({ suspicious: 75, syndicated: 100 });
    expect(migrationNotes).toEqual(['"threshold" 75 became the suspicious threshold, and the syndicated one 100.']);
  });

  it('stamps the unversioned current shape with its version, changing no value and noting only where the sites now live', async () => {
    await fakeBrowser.storage.sync.set({ settings: fixture('unversioned-v1') });
    const { settings, problems, migrationNotes } = await loadSettings();
    expect(settings.thresholds).toEqual({ suspicious: 25, syndicated: 70 });
    expect(settings.signals.tables.enabled).toBe(false);
    expect(settings.excludedSites).toEqual(['example.com']);
    expect(problems).toEqual([]);
    expect(migrationNotes).toEqual([expect.stringMatching(/^Sites to skip \(1 site\) are now kept on this device only/)]);
    const { excludedSites, ...synced } = fixture('unversioned-v1') as Record<string, unknown>;
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual({ version: SETTINGS_VERSION, ...synced });
    expect((await fakeBrowser.storage.local.get('excludedSites')).excludedSites).toEqual(excludedSites);
  });

  it('reads settings a newer Spinscope saved without rewriting them, and says what it does not use', async () => {
    await fakeBrowser.storage.sync.set({ settings: fixture('newer-v9') });
    const { settings, migrationNotes } = await loadSettings();
    expect(settings.thresholds).toEqual({ suspicious: 35, syndicated: 65 });
    expect(migrationNotes).toEqual([
      'These settings were saved by a newer version of Spinscope (settings version 9); fields this version does not know are not used, and saving the options here replaces them.',
    ]);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual(fixture('newer-v9'));
  });
});
