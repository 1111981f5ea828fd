import { describe, expect, it } from 'vitest';
import { decideScan, DEFAULT_SETTINGS, isExcluded, normaliseSite, settingsDiff, validateSettings } from '../../lib/settings';

describe('settings validation', () => {
  it('gives the defaults for nothing, and no problems', () => {
    expect(validateSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(validateSettings({})).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('keeps valid fields and falls back field by field, saying which field was wrong', () => {
    const { settings, problems } = validateSettings({
      thresholds: { suspicious: 'high', syndicated: 80 },
      signals: { spun: { weight: 7, enabled: false }, tables: { weight: 0.5 } },
      autoScan: 'yes',
    });
    expect(settings.thresholds).toEqual({ suspicious: DEFAULT_SETTINGS.thresholds.suspicious, syndicated: 80 });
    expect(settings.signals.spun).toEqual({ enabled: false, weight: 1 });
    expect(settings.signals.tables).toEqual({ enabled: true, weight: 0.5 });
    expect(settings.autoScan).toBe(true);
    expect(problems.map((p) => p.field).sort()).toEqual(['autoScan', 'signals.spun.weight', 'thresholds.suspicious']);
    expect(problems.every((p) => p.message.length > 10)).toBe(true);
  });

  it('rejects thresholds in the wrong order with a message that names both', () => {
    const { settings, problems } = validateSettings({ thresholds: { suspicious: 70, syndicated: 40 } });
    expect(settings.thresholds).toEqual(DEFAULT_SETTINGS.thresholds);
    expect(problems).toEqual([{ field: 'thresholds', message: 'The suspicious threshold (70) must be below the syndicated threshold (40).' }]);
  });

  it('never throws on garbage from storage', () => {
    for (const garbage of [null, 42, 'x', [], [1, 2], { signals: [] }, { thresholds: null }, { excludedSites: 'a.com' }, { signals: { spun: 3 } }]) {
      const { settings } = validateSettings(garbage);
      expect(settings.thresholds.suspicious).toBeLessThan(settings.thresholds.syndicated);
    }
    expect(validateSettings({ thresholds: { suspicious: Number.NaN } }).problems).toHaveLength(1);
  });

  it('normalises sites to skip and drops what is not a host, keeping the rest', () => {
    const { settings, problems } = validateSettings({
      excludedSites: ['https://www.Example.com/path?q=1', 'news.example.org', 'not a host', 'example.com', '*.blog.net', 12],
    });
    expect(settings.excludedSites).toEqual(['example.com', 'news.example.org', 'blog.net']);
    expect(problems).toHaveLength(2);
  });

  it('keeps a list of thousands of hosts, once each, in the order given', () => {
    const hosts = Array.from({ length: 5000 }, (_, i) => `site-${i}.example.com`);
    const { settings, problems } = validateSettings({ excludedSites: [...hosts, ...hosts.map((h) => `https://www.${h}/page`)] });
    expect(settings.excludedSites).toEqual(hosts);
    expect(problems).toEqual([]);
  });

  it('stores only what differs from the defaults', () => {
    expect(settingsDiff(DEFAULT_SETTINGS)).toEqual({});
    const { settings } = validateSettings({ signals: { boilerplate: { enabled: false } }, excludedSites: ['a.com'] });
    expect(settingsDiff(settings)).toEqual({ signals: { boilerplate: { enabled: false, weight: 1 } }, excludedSites: ['a.com'] });
    expect(validateSettings(settingsDiff(settings)).settings).toEqual(settings);
  });
});

describe('sites to skip', () => {
  it('matches the host and its subdomains, not look-alikes', () => {
    expect(isExcluded('example.com', ['example.com'])).toBe(true);
    expect(isExcluded('www.example.com', ['example.com'])).toBe(true);
    expect(isExcluded('news.example.com', ['example.com'])).toBe(true);
    expect(isExcluded('badexample.com', ['example.com'])).toBe(false);
    expect(isExcluded('example.com.evil.net', ['example.com'])).toBe(false);
  });

  it('reads a host from a pasted URL', () => {
    expect(normaliseSite('http://localhost:8080/x')).toBe('localhost');
    expect(normaliseSite('   ')).toBeUndefined();
    expect(normaliseSite('javascript:alert(1)')).toBeUndefined();
  });
});

describe('whether a page is scanned', () => {
  const manual = { ...DEFAULT_SETTINGS, autoScan: false };
  const skipping = { ...DEFAULT_SETTINGS, excludedSites: ['example.com'] };

  it('scans every page automatically by default, and watches it for article changes', () => {
    expect(decideScan(DEFAULT_SETTINGS, 'https://news.example.org/a', 'auto', false)).toEqual({ status: 'scan', watch: true });
  });

  it('never reads a site to skip, even when the popup asks', () => {
    for (const reason of ['auto', 'settings', 'user'] as const) {
      expect(decideScan(skipping, 'https://www.example.com/story', reason, true)).toEqual({ status: 'excluded', watch: false });
    }
  });

  it('with automatic scanning off, scans when the popup asks, and rescans on new settings only pages scanned before', () => {
    expect(decideScan(manual, 'https://a.example.org/', 'auto', false).status).toBe('not-scanned');
    expect(decideScan(manual, 'https://a.example.org/', 'user', false).status).toBe('scan');
    expect(decideScan(manual, 'https://a.example.org/', 'settings', false).status).toBe('not-scanned');
    expect(decideScan(manual, 'https://a.example.org/', 'settings', true).status).toBe('scan');
    expect(decideScan(manual, 'https://a.example.org/', 'user', false).watch).toBe(false);
  });

  it('takes an address it cannot parse as no site to skip', () => {
    expect(decideScan(skipping, 'not a url', 'auto', false).status).toBe('scan');
  });
});
