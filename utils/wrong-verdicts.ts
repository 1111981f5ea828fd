import { storage } from 'wxt/utils/storage';
import { SIGNAL_IDS } from '@/lib/signals';
import type { Report } from '@/lib/types';
import { safeHttpUrl } from '@/lib/url';

/**
 * Verdicts the user reported as wrong from the popup, kept on this device for them to export from
 * the options page (nothing is sent anywhere). Each record holds what is needed to understand the
 * verdict later: the page's address, the verdict and score, and each signal's strongest findings.
 */
export interface WrongVerdict {
  /** When it was reported, ISO 8601. */
  reportedAt: string;
  url: string;
  verdict: Report['verdict'];
  score: number;
  signals: Record<string, { score: number; findings: { rule: string; actual: string; expected?: string[]; weight: number }[] }>;
}

/** Records kept; the oldest go first beyond this, so the list stays a few hundred kB at most. */
export const MAX_WRONG_VERDICTS = 500;
/** Findings kept per signal in a record. */
const FINDINGS_KEPT = 10;

export const wrongVerdictsItem = storage.defineItem<WrongVerdict[]>('local:wrongVerdicts', { fallback: [] });

export function wrongVerdictRecord(report: Report, url: string, now = new Date()): WrongVerdict {
  const signals: WrongVerdict['signals'] = {};
  for (const id of SIGNAL_IDS) {
    const signal = report.signals[id];
    const strongest = [...signal.findings].sort((a, b) => b.weight - a.weight).slice(0, FINDINGS_KEPT);
    signals[id] = { score: signal.score, findings: strongest.map(({ rule, actual, expected, weight }) => ({ rule, actual: actual.slice(0, 300), ...(expected ? { expected } : {}), weight })) };
  }
  // Credentials in an address are not the user's to keep in a file they may share.
  return { reportedAt: now.toISOString(), url: safeHttpUrl(url) ?? url.slice(0, 2000), verdict: report.verdict, score: report.score, signals };
}

/** Adds a record; returns how many are kept. */
export async function recordWrongVerdict(record: WrongVerdict): Promise<number> {
  const kept = [...(await wrongVerdictsItem.getValue()), record].slice(-MAX_WRONG_VERDICTS);
  await wrongVerdictsItem.setValue(kept);
  return kept.length;
}
