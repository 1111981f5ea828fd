import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { analyze, notTextReport } from '../lib/index';
import { isRecord, type SettingsInput } from '../lib/settings';
import type { PageContext, Report } from '../lib/types';
import { decodeText, type DecodedText } from './decode';
import { InputError } from './errors';
import { addressFromMarkup, capHtml, MAX_HTML_CHARS, readHtmlPage } from './html';
import { describeFsError } from './input-stream';
import { cliResources } from './spun-model';

export const isHtmlName = (name: string) => /\.html?$/i.test(name);

/** The bytes read from an input; `more` is true when the input goes on past `limit`. */
export interface InputBytes {
  bytes: Buffer;
  more: boolean;
}

/** Reads at most `limit` bytes of a file, so the part of a huge file that will not be used is never held in memory. */
function readFilePrefix(name: string, limit: number): InputBytes {
  const fd = openSync(name, 'r');
  try {
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    // One byte past the limit tells whether the file goes on.
    const buffer = Buffer.allocUnsafe(limit + 1);
    let filled = 0;
    for (let n = 1; n > 0 && filled < buffer.length; filled += n) n = readSync(fd, buffer, filled, buffer.length - filled, null);
    return { bytes: buffer.subarray(0, Math.min(filled, limit)), more: filled > limit };
  } finally {
    closeSync(fd);
  }
}

/** Reads a file (or standard input for `-`) as bytes, all of it or at most `limit` bytes of a file. */
export function readInput(name: string, limit = Infinity): InputBytes {
  try {
    if (name !== '-' && Number.isFinite(limit)) return readFilePrefix(name, limit);
    return { bytes: readFileSync(name === '-' ? 0 : name), more: false };
  } catch (err) {
    throw new InputError(describeFsError(name === '-' ? 'standard input' : name, err));
  }
}

const cutNote = (chars: number) =>
  `The HTML was longer than ${chars.toLocaleString('en')} characters and was cut there, before a tag, before parsing; the text after that point was not read.`;

/**
 * The article text of HTML, capped before parsing (with a note when it was cut), and the page as
 * the engine sees it: its address (the caller's, else the one its markup gives, with a note) and
 * what its markup says about its origin.
 */
export function readHtml(html: string, more: boolean, url: string | undefined, notes: string[]): { text: string; page: PageContext } {
  const capped = capHtml(html, more);
  if (capped.cut) notes.push(cutNote(MAX_HTML_CHARS));
  const { text, claims } = readHtmlPage(capped.html);
  const address = url ?? addressFromMarkup(claims, notes);
  return { text, page: { claims, ...(address === undefined ? {} : { url: address }) } };
}

/**
 * Scores an input's bytes (decoded by decodeText unless the caller has decoded them already, e.g.
 * from a declared charset): the text the engine saw (after HTML extraction) and its report, with
 * `notes` on how the input was read.
 */
export function scanBytes(
  input: InputBytes,
  html: boolean,
  settings: SettingsInput,
  url?: string,
  notes: string[] = [],
  decoded: DecodedText = decodeText(input.bytes, input.more),
): { text: string; report: Report } {
  if ('notText' in decoded) return { text: '', report: notTextReport(decoded.notText, settings) };
  const invalid = decoded.invalidSequences;
  if (invalid) {
    notes.push(
      `${invalid.toLocaleString('en')} byte sequence${invalid === 1 ? '' : 's'} not valid UTF-8, read as U+FFFD; ` +
        'if the file is in another encoding, convert it first (e.g. iconv -f windows-1252 -t utf-8).',
    );
  }
  const { text, page } = html ? readHtml(decoded.text, input.more, url, notes) : { text: decoded.text, page: url === undefined ? {} : { url } };
  const report = analyze(text, settings, page, cliResources());
  // How the bytes were read matters only for text that was scored.
  if (notes.length && report.notText === undefined) report.inputNotes = notes;
  return { text, report };
}

/** A scanned file: the text the engine saw (after HTML extraction) and its report. */
export function scanFile(name: string, settings: SettingsInput, url?: string): { text: string; report: Report } {
  const html = isHtmlName(name);
  // An HTML file is read only as far as it will be parsed; the encoding's bytes per character are at least one.
  return scanBytes(readInput(name, html ? MAX_HTML_CHARS : Infinity), html, settings, url);
}

/** What a JSON line reports of a scored record. */
export type ReportSummary = Pick<Report, 'score' | 'verdict' | 'flagged' | 'language' | 'notText' | 'inputNotes' | 'signals'>;

/** The report's summary for a JSON line; `notText` and `inputNotes` appear only when they apply. */
export function reportSummary(r: Report): ReportSummary {
  return {
    score: r.score,
    verdict: r.verdict,
    flagged: r.flagged,
    language: r.language,
    ...(r.notText !== undefined && { notText: r.notText }),
    ...(r.inputNotes !== undefined && { inputNotes: r.inputNotes }),
    signals: r.signals,
  };
}

/** One output line of `--jsonl`: the record's id and the report's summary, or an error. */
export type JsonlResult = ({ id: unknown } & ReportSummary) | { id: unknown; error: string };

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
  const notes: string[] = [];
  const address = typeof url === 'string' ? url : undefined;
  let read: { text: string; page: PageContext };
  if (typeof text === 'string') read = { text, page: address === undefined ? {} : { url: address } };
  else if (typeof html === 'string') read = readHtml(html, false, address, notes);
  else return { id, error: 'the record has neither "text" nor "html" as a string' };
  const r = analyze(read.text, settings, read.page, cliResources());
  if (notes.length > 0) r.inputNotes = notes;
  return { id, ...reportSummary(r) };
}
