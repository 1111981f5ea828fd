import { boilerplateFace } from './detectors/boilerplate-face';
import { spunFace } from './detectors/spun-face';
import type { SignalFace } from './detectors/face';
import { originFace } from './detectors/origin-face';
import { tablesFace } from './detectors/tables-face';

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
