import type { Finding, RecoveredTable } from '../types';
import { independentEvidence, reportedScore } from '../independent-evidence';
import { showsCode } from '../code';
import type { Detector, DetectorInput, DetectorResult } from './detector';

/**
 * Concatenated tables: tables whose cell borders were lost when a scraper flattened the page.
 *
 * Two forms are found:
 *
 * 1. Glued cells ("SectorProjectImpactDefensejoint Army ExercisesEnhanced safety…"): a word ending
 *    in lower case runs straight into a capitalised word ("tImpact"), or a number into a long word
 *    ("65percentconcerns"). Brand names have the same shape (PayPal, YouTube, ConocoPhillips), so a
 *    glue point only counts when its glued word does not recur identically elsewhere in the text
 *    (a name is written the same way each time; accidental glue joins different cells each time),
 *    and a region only counts when several glue points sit close together, as cells of a row do.
 *    Honest pages converted to text glue their tables too, so glued cells alone are capped below
 *    the point where they could flag a page: they corroborate other signals.
 *
 * 2. Pipe tables. A table an HTML page showed, once converted to text, is regular: every row
 *    starts and ends with a pipe (`| a | b |`). A markdown table that a generator wrote into a
 *    post and nobody rendered keeps the author's raw markup, typically rows without a leading
 *    pipe and a separator row such as `---|---|` in the middle of prose. The first is weak
 *    evidence, the second strong.
 */

/** Glue points closer than this (in characters) belong to one region. */
const REGION_GAP = 160;
/** A glued-cell region needs at least this many glue points. */
const MIN_GLUE_POINTS = 3;
/**
 * ... and span at least this many distinct words: an identifier (`DisallowedModelAdminLookup`)
 * glues its parts within one word, where a flattened row glues cell after cell.
 */
const MIN_GLUED_WORDS = 2;
/** Words longer than this are not words (a 1 MB token is garbage, not a table). */
const MAX_WORD = 120;
/** Lines longer than this are not examined as pipe-table rows. */
const MAX_ROW = 4000;

/** What each kind of table finding says on its own (0..1). */
export const TABLE_WEIGHTS = {
  /** A markdown table left raw in prose. */
  rawMarkdown: 0.35,
  /** A regular pipe table, as honest pages converted to text show. */
  pipeTable: 0.04,
  /** A glued-cell region with the minimum number of glue points; grows with more. */
  gluedCellsBase: 0.08,
  gluedCellsPerPoint: 0.015,
  gluedCellsMax: 0.2,
} as const;
/** Glued cells alone never score above this (0..1): below the default `suspicious` threshold. */
export const GLUED_CELLS_CAP = 0.25;
/**
 * Regular pipe tables together never score above this (0..1): a page with many honest tables is
 * still honest, and pipe-riddled garbage (binary files) must not add hundreds of them up to a flag.
 */
export const PIPE_TABLES_CAP = 0.1;

/** A group of findings as one piece of independent evidence (lib/independent-evidence.ts), at most `cap`. */
function cappedEvidence(findings: Finding[], cap: number): number {
  return Math.min(cap, independentEvidence(findings.map((f) => f.weight)));
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && WORD_CHAR.test(String.fromCharCode(c)));

/**
 * Glue points: `lower lower | Upper lower` (two lower-case letters so "iPhone" and "McDonald" never
 * match) or `digit | four lower-case letters` ("65percent", not "2nd", "10km" or "5mg").
 * Both patterns are fixed-width: no backtracking. Letter cases are spelled out as ranges (ASCII,
 * Latin-1, Greek, Cyrillic) rather than \p{Lu}/\p{Ll}: on large pages the Unicode property
 * classes made this scan several times slower (docs/log.md), and the cases of other scripts' glue go unseen.
 */
const LOWER = 'a-z\\u00df-\\u00f6\\u00f8-\\u00ff\\u03ac-\\u03ce\\u0430-\\u045f';
const UPPER = 'A-Z\\u00c0-\\u00d6\\u00d8-\\u00de\\u0386-\\u03ab\\u0400-\\u042f';
const GLUE = new RegExp(`[${LOWER}]{2}(?=[${UPPER}][${LOWER}])|\\d(?=[${LOWER}]{4})`, 'g');
/** On a page that shows code, letter-case glue is how identifiers are written (lib/code.ts): only digit glue counts. */
const DIGIT_GLUE = new RegExp(`\\d(?=[${LOWER}]{4})`, 'g');

interface GluePoint {
  /** Offset of the first character after the glue. */
  at: number;
  wordStart: number;
  wordEnd: number;
}

function findGluePoints(text: string, glue: RegExp): GluePoint[] {
  const points: GluePoint[] = [];
  const wordCounts = new Map<string, number>();
  let wordStart = -1;
  let wordEnd = -1;
  glue.lastIndex = 0;
  for (let m = glue.exec(text); m !== null; m = glue.exec(text)) {
    const at = m.index + m[0].length;
    if (at > wordEnd) {
      // A new word: find its bounds once; later glue points in the same word reuse them, so every
      // character is visited a bounded number of times however long the word is.
      wordStart = m.index;
      while (wordStart > 0 && wordStart > m.index - MAX_WORD && isWordChar(text.charCodeAt(wordStart - 1))) wordStart--;
      wordEnd = at;
      while (wordEnd < text.length && wordEnd < at + MAX_WORD && isWordChar(text.charCodeAt(wordEnd))) wordEnd++;
      if (wordEnd - wordStart >= MAX_WORD) {
        // Skip the rest of an over-long run of letters without examining it further.
        while (wordEnd < text.length && isWordChar(text.charCodeAt(wordEnd))) wordEnd++;
        glue.lastIndex = wordEnd;
        continue;
      }
      const word = text.slice(wordStart, wordEnd);
      wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
    }
    points.push({ at, wordStart, wordEnd });
  }
  if (points.length === 0) return points;
  // A glued word that recurs elsewhere in the text, even unglued pieces aside, is a name.
  const recurring = new Set<string>();
  for (const [word, n] of wordCounts) if (n > 1) recurring.add(word);
  if (recurring.size === 0) return points;
  return points.filter((p) => !recurring.has(text.slice(p.wordStart, p.wordEnd)));
}

function lineStartOf(text: string, i: number): number {
  const nl = text.lastIndexOf('\n', i - 1);
  return nl < 0 ? 0 : nl + 1;
}
function lineEndOf(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

/** Splits a region's lines at glue points into cells, and into rows when the shape allows. */
function recoverGluedTable(text: string, start: number, end: number, points: GluePoint[]): RecoveredTable | undefined {
  const lines: string[][] = [];
  let lineStart = start;
  let cells: string[] = [];
  let cellStart = start;
  const cuts = points.map((p) => p.at).filter((at) => at > start && at < end);
  let k = 0;
  for (let i = start; i <= end; i++) {
    const atEnd = i === end || text.charCodeAt(i) === 10;
    if (k < cuts.length && cuts[k] === i) {
      cells.push(text.slice(cellStart, i).trim());
      cellStart = i;
      k++;
    }
    if (atEnd) {
      cells.push(text.slice(cellStart, i).trim());
      if (text.slice(lineStart, i).trim()) lines.push(cells.filter(Boolean));
      cells = [];
      cellStart = lineStart = i + 1;
    }
  }
  const rows = lines.filter((r) => r.length > 1);
  if (rows.length >= 2) {
    // One row per line (cells glued within lines, rows on lines of their own).
    const width = rows[0]!.length;
    return rows.every((r) => r.length === width) ? { rows } : undefined;
  }
  const only = rows[0];
  if (!only) return undefined;
  // Everything on one line: the header is the run of one-word capitalised cells at the start
  // ("SectorProjectImpact"); rows follow in the same width when the cell count allows it.
  let width = 0;
  while (width < only.length && /^\p{Lu}\p{Ll}+$/u.test(only[width]!)) width++;
  if (width < 2 || only.length % width !== 0 || only.length === width) return undefined;
  const out: string[][] = [];
  for (let i = 0; i < only.length; i += width) out.push(only.slice(i, i + width));
  return { rows: out };
}

function gluedCellFindings(text: string): Finding[] {
  const points = findGluePoints(text, showsCode(text) ? DIGIT_GLUE : GLUE);
  const findings: Finding[] = [];
  let i = 0;
  while (i < points.length) {
    let j = i;
    while (j + 1 < points.length && points[j + 1]!.at - points[j]!.at <= REGION_GAP) j++;
    const count = j - i + 1;
    const words = new Set(points.slice(i, j + 1).map((p) => p.wordStart)).size;
    if (count >= MIN_GLUE_POINTS && words >= MIN_GLUED_WORDS) {
      const first = points[i]!;
      const last = points[j]!;
      // Report whole lines when they are of reasonable length, so the popup and the highlight
      // show the flattened table, not a fragment of it.
      let start = lineStartOf(text, first.wordStart);
      let end = lineEndOf(text, last.wordEnd);
      if (end - start > MAX_ROW * 4) {
        start = first.wordStart;
        end = last.wordEnd;
      }
      const table = recoverGluedTable(text, start, end, points.slice(i, j + 1));
      const actual = text.slice(start, end);
      findings.push({
        signal: 'tables',
        rule: 'tables/glued-cells',
        message: `Table cells glued together without borders (${count} joins), as when a scraper flattens a table.`,
        start,
        end,
        actual,
        weight: Math.min(TABLE_WEIGHTS.gluedCellsMax, TABLE_WEIGHTS.gluedCellsBase + TABLE_WEIGHTS.gluedCellsPerPoint * (count - MIN_GLUE_POINTS)),
        ...(table ? { table } : {}),
      });
    }
    i = j + 1;
  }
  return findings;
}

const SEPARATOR_ROW = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/;

function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|')) s = s.slice(0, -1);
  return s.split('|').map((c) => c.trim());
}

interface Line {
  start: number;
  end: number;
  text: string;
}

/** Runs of two or more consecutive lines that contain a pipe, examined as candidate tables. */
function pipeTableFindings(text: string): Finding[] {
  const findings: Finding[] = [];
  let run: Line[] = [];
  const flush = () => {
    if (run.length >= 2) {
      const finding = pipeTableFinding(run);
      if (finding) findings.push(finding);
    }
    run = [];
  };
  let pos = text.indexOf('|');
  while (pos !== -1) {
    const start = lineStartOf(text, pos);
    const end = lineEndOf(text, pos);
    const prev = run[run.length - 1];
    if (prev && start !== prev.end + 1) flush();
    if (end - start <= MAX_ROW) run.push({ start, end, text: text.slice(start, end) });
    else flush();
    pos = end < text.length ? text.indexOf('|', end + 1) : -1;
  }
  flush();
  return findings;
}

function pipeTableFinding(lines: Line[]): Finding | undefined {
  const separatorIndex = lines.findIndex((l) => SEPARATOR_ROW.test(l.text));
  const bodyLines = lines.filter((_, i) => i !== separatorIndex);
  const rows = bodyLines.map((l) => splitRow(l.text));
  const cellRows = rows.filter((r) => r.length >= 2);
  if (cellRows.length < 2 && separatorIndex < 0) return undefined;
  const start = lines[0]!.start;
  const end = lines[lines.length - 1]!.end;
  const actual = lines.map((l) => l.text).join('\n');
  const regular = bodyLines.every((l) => /^\s*\|/.test(l.text) && /\|\s*$/.test(l.text));
  const raw = separatorIndex >= 0 && !regular;
  return {
    signal: 'tables',
    rule: raw ? 'tables/raw-markdown' : 'tables/pipe-table',
    message: raw
      ? 'A markdown table left unrendered in the text: the raw markup of generated or copied content.'
      : 'A table written with pipes; on its own this is weak evidence, as honest tables look like this once converted to text.',
    start,
    end,
    actual,
    weight: raw ? TABLE_WEIGHTS.rawMarkdown : TABLE_WEIGHTS.pipeTable,
    table: { rows },
  };
}

export function detectTables(input: DetectorInput): DetectorResult {
  const { text } = input;
  const glued = gluedCellFindings(text);
  const piped = pipeTableFindings(text);
  // Each finding is independent evidence; the weak kinds are capped as groups.
  const raw = piped.filter((f) => f.rule === 'tables/raw-markdown');
  const regular = piped.filter((f) => f.rule === 'tables/pipe-table');
  const evidence = independentEvidence([cappedEvidence(glued, GLUED_CELLS_CAP), cappedEvidence(regular, PIPE_TABLES_CAP), cappedEvidence(raw, 1)]);
  const findings = [...glued, ...piped].sort((a, b) => a.start - b.start);
  return {
    score: reportedScore(evidence),
    findings,
    stats: {
      tables: findings.length,
      gluedCellRegions: glued.length,
      rawMarkdownTables: raw.length,
      pipeTables: regular.length,
      recoveredTables: findings.filter((f) => f.table).length,
    },
  };
}

export const tablesDetector: Detector = { id: 'tables', englishOnly: false, detect: detectTables };
