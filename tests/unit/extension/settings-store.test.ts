import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
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
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('round-trips, storing only what differs from the defaults under one key', async () => {
    await saveSettings(custom);
    expect(await loadSettings()).toEqual({ settings: custom, problems: [] });
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(stored)).toEqual(['settings']);
    expect(stored.settings).toEqual({
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
