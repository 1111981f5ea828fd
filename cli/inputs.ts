import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../lib/extract';
import { analyze } from '../lib/index';
import { isRecord, type SettingsInput } from '../lib/settings';
import type { Report } from '../lib/types';
import { InputError } from './errors';
import { cliResources } from './spun-model';

/** The article text of an HTML page, by the same extraction the content script uses. */
export function htmlToText(html: string): string {
  const { document } = parseHTML(html);
  return extractArticle(document as unknown as Document).text;
}

export const isHtmlName = (name: string) => /\.html?$/i.test(name);

function describeFsError(name: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `${name}: no such file.`;
    case 'EISDIR':
      return `${name}: is a directory, not a file.`;
    case 'EACCES':
    case 'EPERM':
      return `${name}: permission denied.`;
    default:
      return `${name}: cannot be read (${err instanceof Error ? err.message : String(err)}).`;
  }
}

/** Reads a file (or standard input for `-`) as UTF-8. */
export function readInput(name: string): string {
  try {
    return readFileSync(name === '-' ? 0 : name, 'utf8');
  } catch (err) {
    throw new InputError(describeFsError(name === '-' ? 'standard input' : name, err));
  }
}

/** A scanned file: the text the engine saw (after HTML extraction) and its report. */
export function scanFile(name: string, settings: SettingsInput, url?: string): { text: string; report: Report } {
  const raw = readInput(name);
  const text = isHtmlName(name) ? htmlToText(raw) : raw;
  return { text, report: analyze(text, settings, url === undefined ? {} : { url }, cliResources()) };
}

/** One output line of `--jsonl`: the record's id and the report's summary, or an error. */
export type JsonlResult =
  | { id: unknown; score: number; verdict: Report['verdict']; flagged: boolean; language: string; signals: Report['signals'] }
  | { id: unknown; error: string };

/**
 * The id of a line that is not valid JSON, when its start still reads `{"id": "…"` or `{"id": 12`,
 * so the error line can be matched to its record.
 */
function salvageId(line: string): string | number | null {
  const m = /^\s*\{\s*"id"\s*:\s*("(?:[^"\\\n]|\\.)*"|-?\d+(?:\.\d+)?)/.exec(line.slice(0, 4096));
  if (!m) return null;
  try {
    return JSON.parse(m[1]!) as string | number;
  } catch {
    return null;
  }
}

/** Scores one JSON Lines record; a malformed record becomes an `error` result with its id when known. */
export function scanJsonlLine(line: string, settings: SettingsInput): JsonlResult {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (err) {
    return { id: salvageId(line), error: `not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  if (!isRecord(record)) return { id: null, error: 'a record must be a JSON object with "id" and "text" or "html"' };
  const { id, text, html, url } = record;
  const knownId = typeof id === 'string' || typeof id === 'number' ? id : null;
  if (knownId === null) return { id: null, error: 'the record has no "id" (a string or a number)' };
  if (url !== undefined && url !== null && typeof url !== 'string') return { id, error: '"url" must be a string' };
  let body: string;
  if (typeof text === 'string') body = text;
  else if (typeof html === 'string') body = htmlToText(html);
  else return { id, error: 'the record has neither "text" nor "html" as a string' };
  const r = analyze(body, settings, typeof url === 'string' ? { url } : {}, cliResources());
  return { id, score: r.score, verdict: r.verdict, flagged: r.flagged, language: r.language, signals: r.signals };
}
