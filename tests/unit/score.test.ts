import { describe, expect, it } from 'vitest';
import { combineScores, verdictFor } from '../../lib/score';
import { DEFAULT_SETTINGS, validateSettings } from '../../lib/settings';
import type { SignalId, SignalReport } from '../../lib/types';

const signal = (id: SignalId, score: number, extra: Partial<SignalReport> = {}): SignalReport => ({
  id,
  enabled: true,
  assessed: true,
  score,
  findings: [],
  stats: {},
  ...extra,
});
const signals = (spun: number, tables: number, boilerplate: number, extra: Partial<SignalReport> = {}, origin = 0) => ({
  spun: signal('spun', spun, extra),
  tables: signal('tables', tables),
  boilerplate: signal('boilerplate', boilerplate),
  origin: signal('origin', origin),
});

describe('combined score', () => {
  it('lets one conclusive signal decide, and two middling ones reinforce each other', () => {
    expect(combineScores(signals(0, 0, 100), DEFAULT_SETTINGS).score).toBe(100);
    expect(combineScores(signals(50, 50, 0), DEFAULT_SETTINGS).score).toBe(75);
    expect(combineScores(signals(0, 0, 0), DEFAULT_SETTINGS).score).toBe(0);
  });

  it('drops unassessed signals and scales by weight, staying within 0..100', () => {
    expect(combineScores(signals(80, 0, 0, { assessed: false }), DEFAULT_SETTINGS).score).toBe(0);
    const heavy = validateSettings({ signals: { spun: { weight: 2 } } }).settings;
    expect(combineScores(signals(80, 0, 0), heavy).score).toBe(100);
    const r = combineScores(signals(40, 20, 0), DEFAULT_SETTINGS);
    expect(r.contributions).toEqual({ spun: 40, tables: 20, boilerplate: 0, origin: 0 });
  });

  it('maps scores to verdicts at the thresholds, inclusive', () => {
    const t = { suspicious: 30, syndicated: 60 };
    expect([0, 29.9, 30, 59.9, 60, 100].map((s) => verdictFor(s, t))).toEqual(['clean', 'clean', 'suspicious', 'suspicious', 'syndicated', 'syndicated']);
  });
});
