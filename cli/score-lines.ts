import type { SettingsInput } from '../lib/settings';
import { internalError } from './errors';
import { formatReport } from './format';
import { reportSummary, scanJsonlLine, type JsonlResult } from './inputs';
import { scanWarcItem, type WarcItem } from './warc-body';

/** A JSON Lines input line and its 1-based number in the input. */
export interface NumberedLine {
  kind: 'jsonl';
  lineNo: number;
  text: string;
}

/** A record to score: a JSON Lines line or a WARC record's payload. */
export type ScanItem = NumberedLine | WarcItem;

/** How records are scored and written; the same in the main thread and in each worker. */
export interface ScoreJob {
  settings: SettingsInput;
  /** The input's name in messages about JSON Lines records. */
  label: string;
  /** For WARC records: a readable report per record instead of a JSON line. */
  readable?: { maxFindings: number; color: boolean };
}

/** A scored record as the writer needs it: its output, and what to say on standard error about a record that failed or is not text. */
export interface ScoredLine {
  output: string;
  problem?: { kind: 'error' | 'not-text'; message: string };
}

function scoreJsonlLine({ lineNo, text }: NumberedLine, { settings, label }: ScoreJob): ScoredLine {
  let result: JsonlResult;
  let internal: string | undefined;
  try {
    result = scanJsonlLine(text, settings);
  } catch (err) {
    result = { id: null, error: 'internal error while scoring this record' };
    internal = internalError(`${label}:${lineNo}`, err);
  }
  const output = JSON.stringify(result) + '\n';
  const where = `${label}:${lineNo}${result.id !== null ? ` (id ${JSON.stringify(result.id)})` : ''}`;
  if ('error' in result) return { output, problem: { kind: 'error', message: internal ?? `${where}: ${result.error}.` } };
  if (result.notText !== undefined) return { output, problem: { kind: 'not-text', message: `${where}: not text (${result.notText}); not scored.` } };
  return { output };
}

/** A WARC record as a JSON line `{"id", "url", …summary}` or, when asked, a readable report. */
function scoreWarcRecord(item: WarcItem, { settings, readable }: ScoreJob): ScoredLine {
  const where = `${item.where}${item.url !== null ? ` (${item.url})` : ''}`;
  let scanned: ReturnType<typeof scanWarcItem>;
  let internal: string | undefined;
  try {
    scanned = scanWarcItem(item, settings);
  } catch (err) {
    scanned = { error: 'internal error while scoring this record' };
    internal = internalError(where, err);
  }
  if ('error' in scanned) {
    const message = internal ?? `${where}: ${scanned.error}.`;
    const output = readable ? '' : JSON.stringify({ id: item.id, url: item.url, error: scanned.error }) + '\n';
    return { output, problem: { kind: 'error', message } };
  }
  const { text, report } = scanned;
  const output = readable
    ? formatReport(`${item.url ?? item.id ?? 'record'}  (${item.where})`, text, report, readable) + '\n'
    : JSON.stringify({ id: item.id, url: item.url, ...reportSummary(report) }) + '\n';
  if (report.notText !== undefined) return { output, problem: { kind: 'not-text', message: `${where}: not text (${report.notText}); not scored.` } };
  return { output };
}

/** Scores records; the same code runs in the main thread and in each worker. */
export function scoreLines(items: readonly ScanItem[], job: ScoreJob): ScoredLine[] {
  return items.map((item) => (item.kind === 'jsonl' ? scoreJsonlLine(item, job) : scoreWarcRecord(item, job)));
}
