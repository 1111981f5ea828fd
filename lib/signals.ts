import { boilerplateFace } from './detectors/boilerplate-face';
import { spunFace } from './detectors/spun-face';
import type { ReasonPart, SignalFace } from './detectors/face';
import { originFace } from './detectors/origin-face';
import { tablesFace } from './detectors/tables-face';
import type { Report } from './types';

/**
 * The signal registry: every signal's face, in the order reports, the popup, the options page, the
 * CLI and docs/signals.md list them. The ids, the default settings and every place that shows a
 * signal derive from this list; the engine (lib/index.ts) keys its detectors by these ids, so a
 * signal registered here without a detector does not compile.
 */
export const SIGNALS = [spunFace, tablesFace, boilerplateFace, originFace] as const;

export type SignalId = (typeof SIGNALS)[number]['id'];
export const SIGNAL_IDS: readonly SignalId[] = SIGNALS.map((s) => s.id);

const BY_ID = new Map(SIGNALS.map((s) => [s.id, s]));
export function signalFace(id: SignalId): SignalFace {
  return BY_ID.get(id)!;
}

/**
 * The faces in the order a reader should meet them on a report: the signals that added most to
 * the score first, then the others in the registry's order, those that did not run last.
 */
export function facesByContribution(report: Report): SignalFace[] {
  const ran = (id: SignalId) => report.signals[id].enabled && report.signals[id].assessed;
  return [...SIGNALS].sort((a, b) => Number(ran(b.id)) - Number(ran(a.id)) || (report.contributions?.[b.id] ?? 0) - (report.contributions?.[a.id] ?? 0));
}

/** The reason for a verdict, in words: each contributing signal's reason, largest contribution first. */
export function verdictReasons(report: Report): { face: SignalFace; parts: ReasonPart[] }[] {
  return facesByContribution(report).flatMap((face) => {
    if (!(report.contributions?.[face.id] > 0)) return [];
    const rows = face.evidence(report.signals[face.id]);
    return rows.length ? [{ face, parts: face.reason(rows) }] : [];
  });
}
