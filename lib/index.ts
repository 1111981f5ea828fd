import { sentenceAround } from './context';
import { boilerplateDetector } from './detectors/boilerplate';
import type { Detector, EngineResources } from './detectors/detector';
import { originDetector } from './detectors/origin';
import { spunDetector } from './detectors/spun';
import { tablesDetector } from './detectors/tables';
import { detectLanguage, isEnglishOrUnknown } from './language';
import { notTextReason } from './not-text';
import { combineScores, verdictFor } from './score';
import { validateSettings, type Settings, type SettingsInput } from './settings';
import { SIGNAL_IDS } from './signals';
import { tokenize } from './tokenize';
import type { PageContext, Report, SignalId, SignalReport } from './types';

export * from './types';
export type { EngineResources } from './detectors/detector';
export { loadSpunModel, type SpunModel } from './spun/model';
export { SIGNALS, SIGNAL_IDS, signalFace } from './signals';
export type { EvidenceRow, SignalFace } from './detectors/face';
export { DEFAULT_SETTINGS, validateSettings, normaliseSite, isExcluded, settingsDiff } from './settings';
export type { Settings, SettingsInput, SignalSettings, SettingsProblem, ValidatedSettings } from './settings';

/**
 * The engine reads at most this many characters (32 MiB of UTF-16): a page larger than that is
 * analysed on its first part and the report says where it stopped, rather than exhausting memory.
 */
export const MAX_CHARS = 16 * 1024 * 1024;

/**
 * Below this many words a text that is not flagged is not called clean (a search page, an app, a
 * caption): there is too little to judge. A short flagged text keeps its verdict, since a
 * scraper's stub with its footer is short too.
 */
export const MIN_JUDGED_WORDS = 50;

/** Longest finding given its sentence as context: longer ones (a glued table, a footer line) show enough by themselves. */
export const MAX_CONTEXT_ACTUAL = 200;

/** Each registered signal's detector (lib/signals.ts lists the signals and their order). */
export const DETECTORS: Readonly<Record<SignalId, Detector>> = {
  spun: spunDetector,
  tables: tablesDetector,
  boilerplate: boilerplateDetector,
  origin: originDetector,
};

/** A signal that did not run, with the reason shown to the user. */
function notAssessed(id: SignalId, enabled: boolean, note: string): SignalReport {
  return { id, enabled, assessed: false, note, score: 0, findings: [], stats: {} };
}

/**
 * The report for an input that is not text (binary or undecodable data): verdict `not-text` with
 * the reason, every signal not assessed, nothing flagged. The command line builds it too, for a
 * file it can tell is binary from its bytes before decoding them.
 */
export function notTextReport(reason: string, settings?: SettingsInput | Partial<Settings>, chars = 0): Report {
  const { settings: s } = validateSettings(settings ?? {});
  const signals = {} as Record<SignalId, SignalReport>;
  for (const id of SIGNAL_IDS) {
    const enabled = s.signals[id].enabled;
    signals[id] = notAssessed(id, enabled, enabled ? `Not assessed: this is not text (${reason}).` : 'Turned off in the options.');
  }
  const contributions = Object.fromEntries(SIGNAL_IDS.map((id) => [id, 0])) as Record<SignalId, number>;
  return { score: 0, verdict: 'not-text', flagged: false, language: 'und', words: 0, chars, signals, contributions, thresholds: { ...s.thresholds }, notText: reason };
}

/**
 * Scores a page's text. Never throws for any string input; settings are validated field by field
 * (invalid fields fall back to defaults). `page.url` is the page's own address, when known;
 * `resources` the data the caller loaded (the spun model).
 */
export function analyze(text: string, settings?: SettingsInput | Partial<Settings>, page: PageContext = {}, resources: EngineResources = {}): Report {
  const { settings: s } = validateSettings(settings ?? {});
  const input = typeof text === 'string' ? text : String(text ?? '');
  const truncated = input.length > MAX_CHARS;
  const body = truncated ? input.slice(0, MAX_CHARS) : input;
  const notText = notTextReason(body);
  if (notText) return notTextReport(notText, s, input.length);
  const tokens = tokenize(body);
  const language = detectLanguage(body);
  const english = isEnglishOrUnknown(language);

  const signals = {} as Record<SignalId, SignalReport>;
  let source: { url: string; name?: string } | undefined;
  const unjudgedLanguage: SignalId[] = [];
  for (const id of SIGNAL_IDS) {
    const detector = DETECTORS[id];
    const enabled = s.signals[id].enabled;
    if (!enabled) {
      signals[id] = notAssessed(id, enabled, 'Turned off in the options.');
      continue;
    }
    if (detector.englishOnly && !english) {
      signals[id] = notAssessed(id, enabled, `Not assessed: this signal uses an English word list and the page is in another language (${language}).`);
      unjudgedLanguage.push(id);
      continue;
    }
    const r = detector.detect({ text: body, tokens, language, url: page.url, claims: page.claims, resources });
    if (r.notAssessed) {
      signals[id] = { ...notAssessed(id, enabled, r.notAssessed), stats: r.stats };
      continue;
    }
    for (const f of r.findings) {
      if (f.end <= f.start || f.actual.length > MAX_CONTEXT_ACTUAL) continue;
      const context = sentenceAround(body, f.start, f.end);
      // A finding that is its whole sentence (a footer line) has no context to show.
      if (context.before || context.after) f.context = context;
    }
    signals[id] = { id, enabled, assessed: true, ...(r.note ? { note: r.note } : {}), score: r.score, findings: r.findings, stats: r.stats };
    // The first signal in the registry's order that names an original gives the report's.
    if (r.sourceUrl) source ??= { url: r.sourceUrl, ...(r.sourceName ? { name: r.sourceName } : {}) };
  }

  const { score, contributions } = combineScores(signals, s);
  const verdict = verdictFor(score, s.thresholds);
  const report: Report = {
    score,
    verdict,
    flagged: verdict !== 'clean',
    language,
    words: tokens.words,
    chars: input.length,
    signals,
    contributions,
    thresholds: { ...s.thresholds },
  };
  if (source) report.sourceUrl = source.url;
  if (source?.name) report.sourceName = source.name;
  if (truncated) report.truncatedAt = MAX_CHARS;
  if (!report.flagged && tokens.words < MIN_JUDGED_WORDS) report.tooLittleText = true;
  if (!report.flagged && unjudgedLanguage.length) report.notJudgedInLanguage = unjudgedLanguage;
  return report;
}
