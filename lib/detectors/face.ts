import type { Finding, RecoveredTable, SignalId, SignalReport } from '../types';

/** Evidence rows a face lists per signal before "and N more": the popup stays readable on a page with thousands of hits. */
export const MAX_ROWS = 100;

/**
 * A signal's face: everything a reader sees of it (its name, what it finds, its colour, its
 * evidence as rows), in plain data so the popup, the options page, the CLI, the highlighter and
 * the docs all say the same thing. Faces live apart from the detectors because the extension's
 * pages and content script import them and must not load a detector's data (the spun lexicon is
 * megabytes).
 */
export interface SignalFace<Id extends string = SignalId> {
  id: Id;
  /** The signal's name, the same in every place that shows it. */
  title: string;
  /** One sentence a reader understands: what the signal finds. */
  description: string;
  /** CSS colour of the signal's highlights on the page, and of its mark in the popup. */
  colour: string;
  /** What one evidence row is, singular and plural, for the summary beside the score ("phrase", "phrases"). */
  rowNoun: readonly [one: string, many: string];
  /** The signal's findings as rows: one per distinct text seen, strongest first. */
  evidence(signal: SignalReport): EvidenceRow[];
  /**
   * What the signal found, in a few words, for the line under the verdict that says why
   * ("11 spun phrases, e.g. Jap Europe → Eastern Europe"), from its rows (at least one, strongest first).
   */
  reason(rows: readonly EvidenceRow[]): ReasonPart[];
}

/** A piece of a reason: the face's own words, or text from the page (which every face shows isolated and with its invisible characters revealed). */
export type ReasonPart = string | { pageText: string };

/** Page text for a reason line, cut to `max` characters. */
export const pageTextPart = (text: string, max = 60): ReasonPart => ({ pageText: text.length > max ? `${text.slice(0, max - 1)}…` : text });

/** "1 table", "6 tables". */
export const countOf = (face: Pick<SignalFace, 'rowNoun'>, n: number) => `${n} ${n === 1 ? face.rowNoun[0] : face.rowNoun[1]}`;

/** What a face shows for a group of findings that saw the same text. */
export interface EvidenceRow {
  /** The text seen, with runs of whitespace as one space. */
  text: string;
  /** What it probably replaced, every suggestion of the group once. */
  expected?: string[];
  /** How many findings saw this text. */
  count: number;
  /** The strongest finding's weight, 0..1. */
  weight: number;
  /** The strongest finding's rule, e.g. `tables/glued-cells`. */
  rule: string;
  /** The strongest finding's message. */
  detail?: string;
  /** A table recovered from the text. */
  table?: RecoveredTable;
  /** The original source address the text credits. */
  url?: string;
  /** The sentence around the first occurrence. */
  context?: { before: string; after: string };
  /** Offsets of the first occurrence. */
  start: number;
  end: number;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Groups findings by the text they saw (case and spacing aside), so a phrase repeated twenty
 * times is one row with its count, and orders the rows strongest first, then most frequent, then
 * by position. `detail: false` leaves the messages out, for faces whose other fields already say it.
 */
export function groupFindings(findings: readonly Finding[], { detail = true } = {}): EvidenceRow[] {
  const groups = new Map<string, { first: Finding; strongest: Finding; count: number; expected: Set<string>; table?: RecoveredTable; url?: string }>();
  for (const f of findings) {
    const key = collapse(f.actual).toLowerCase();
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { first: f, strongest: f, count: 1, expected: new Set(f.expected), table: f.table, url: f.url });
      continue;
    }
    g.count++;
    if (f.start < g.first.start) g.first = f;
    if (f.weight > g.strongest.weight) g.strongest = f;
    for (const e of f.expected ?? []) g.expected.add(e);
    g.table ??= f.table;
    g.url ??= f.url;
  }
  const rows = [...groups.values()].map(({ first, strongest, count, expected, table, url }): EvidenceRow => ({
    text: collapse(first.actual),
    ...(expected.size ? { expected: [...expected] } : {}),
    count,
    weight: strongest.weight,
    rule: strongest.rule,
    ...(detail ? { detail: strongest.message } : {}),
    ...(table ? { table } : {}),
    ...(url ? { url } : {}),
    ...(first.context ? { context: first.context } : {}),
    start: first.start,
    end: first.end,
  }));
  return rows.sort((a, b) => b.weight - a.weight || b.count - a.count || a.start - b.start);
}

/** "score 54.9 · 8 phrases, 21 times": the signal's score, labelled, and what its rows add up to. */
export function evidenceSummary(face: SignalFace, signal: SignalReport, rows: readonly EvidenceRow[]): string {
  const score = `score ${Math.round(signal.score * 10) / 10}`;
  if (!rows.length) return `${score} · nothing found`;
  const times = rows.reduce((n, r) => n + r.count, 0);
  return `${score} · ${countOf(face, rows.length)}${times > rows.length ? `, ${times} times` : ''}`;
}
