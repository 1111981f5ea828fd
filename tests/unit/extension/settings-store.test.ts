import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '../../../lib/settings';
import { loadSettings, restoreDefaultSettings, saveSettings, watchSettings } from '../../../utils/settings-store';

const custom: Settings = {
  thresholds: { suspicious: 25, syndicated: 70 },
  signals: { ...DEFAULT_SETTINGS.signals, tables: { enabled: false, weight: 1 }, spun: { enabled: true, weight: 1.5 } },
  autoScan: false,
  excludedSites: ['example.com', 'news.example.org'],
};

describe('settings in storage.sync', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, problems: [], migrationNotes: [] });
  });

  it('round-trips, storing only what differs from the defaults under one key', async () => {
    await saveSettings(custom);
    expect(await loadSettings()).toEqual({ settings: custom, problems: [], migrationNotes: [] });
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(stored)).toEqual(['settings']);
    expect(stored.settings).toEqual({
      version: SETTINGS_VERSION,
      thresholds: { suspicious: 25, syndicated: 70 },
      signals: { spun: { enabled: true, weight: 1.5 }, tables: { enabled: false, weight: 1 } },
      autoScan: false,
      excludedSites: ['example.com', 'news.example.org'],
    });
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

  it('uses the defaults when the stored value is not an object at all', async () => {
    await fakeBrowser.storage.sync.set({ settings: 'garbage' });
    expect((await loadSettings()).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('restores the defaults by removing the stored key', async () => {
    await saveSettings(custom);
    await restoreDefaultSettings();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect((await loadSettings()).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('tells watchers the validated settings after a change', async () => {
    const seen: Settings[] = [];
    watchSettings((s) => seen.push(s));
    await saveSettings(custom);
    await fakeBrowser.storage.sync.set({ settings: { autoScan: 'garbage' } });
    expect(seen).toEqual([custom, DEFAULT_SETTINGS]);
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
    ]);
    // Migrated once: storage now holds the current shape, and the note waits for the options page.
    const stored = (await fakeBrowser.storage.sync.get('settings')).settings;
    expect(stored).toEqual({ version: SETTINGS_VERSION, thresholds: { suspicious: 40 }, excludedSites: ['www.example.com', 'news.example.org'], autoScan: false });
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

  it('stamps the unversioned current shape with its version without a note, changing no value', async () => {
    await fakeBrowser.storage.sync.set({ settings: fixture('unversioned-v1') });
    const { settings, problems, migrationNotes } = await loadSettings();
    expect(settings.thresholds).toEqual({ suspicious: 25, syndicated: 70 });
    expect(settings.signals.tables.enabled).toBe(false);
    expect(settings.excludedSites).toEqual(['example.com']);
    expect(problems).toEqual([]);
    expect(migrationNotes).toEqual([]);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual({ version: SETTINGS_VERSION, ...(fixture('unversioned-v1') as object) });
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
