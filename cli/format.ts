import { evidenceSummary, type EvidenceRow } from '../lib/detectors/face';
import { facesByContribution, signalFace, verdictReasons } from '../lib/signals';
import type { RecoveredTable, Report, Verdict } from '../lib/types';
import { revealInvisible } from '../lib/visible-text';

const VERDICT_COLOR: Record<Verdict, string> = { clean: '32', suspicious: '33', syndicated: '31', 'not-text': '2' };

/**
 * Page text is untrusted: control and invisible characters (ANSI escapes, bidi overrides) are shown
 * as visible marks so a page cannot move the cursor, recolour the terminal or reorder a line, and
 * runs of whitespace become one space.
 */
export function printable(s: string, max = 100): string {
  const flat = revealInvisible(s).replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

/** Line and column (1-based) of character offsets, by binary search over line starts. */
function lineIndex(text: string): (offset: number) => string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return `${lo + 1}:${offset - starts[lo]! + 1}`;
  };
}

function tableLines(table: RecoveredTable, indent: string): string[] {
  const rows = table.rows.slice(0, 8).map((r) => r.slice(0, 6).map((c) => printable(c, 24)));
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, i) => Math.max(1, ...rows.map((r) => (r[i] ?? '').length)));
  const out = rows.map((r) => indent + '| ' + widths.map((w, i) => (r[i] ?? '').padEnd(w)).join(' | ') + ' |');
  if (table.rows.length > rows.length) out.push(`${indent}… ${table.rows.length - rows.length} more rows`);
  return out;
}

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

/** A signal's evidence rows, strongest first, with where each was first seen. */
function evidenceLines(rows: readonly EvidenceRow[], at: (o: number) => string, max: number): string[] {
  const shown = max > 0 ? rows.slice(0, max) : rows;
  const out: string[] = [];
  for (const row of shown) {
    const where = `${at(row.start)}`.padEnd(8);
    const original = row.expected?.length ? ` → probably “${row.expected.map((e) => printable(e, 40)).join('” or “')}”` : '';
    const times = row.count > 1 ? ` ×${row.count}` : '';
    out.push(`    ${where}“${printable(row.text, 70)}”${original}${times}  (${row.rule}, weight ${row.weight.toFixed(2)})`);
    if (row.detail) out.push(`            ${printable(row.detail, 200)}`);
    if (row.url) out.push(`            source: ${printable(row.url, 200)}`);
    if (row.table?.rows.length) out.push(...tableLines(row.table, '            '));
  }
  if (rows.length > shown.length) out.push(`    … ${rows.length - shown.length} more (--max-findings 0 or --json lists all)`);
  return out;
}

/** The readable report for one scanned input. */
export function formatReport(name: string, text: string, report: Report, opts: { maxFindings: number; color: boolean }): string {
  const paint = (code: string, s: string) => (opts.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const at = lineIndex(text);
  const { thresholds: t } = report;
  const lines: string[] = [];
  lines.push(paint('1', printable(name, 200)));
  const notes = (report.inputNotes ?? []).map((note) => `  Note: ${printable(note, 300)}`);
  if (report.notText !== undefined) {
    // Nothing was judged, so there is no score, language or signal to show.
    lines.push(`  Verdict: ${paint('1;' + VERDICT_COLOR[report.verdict], 'NOT TEXT')}  (${printable(report.notText, 300)}); not scored`, ...notes);
    return lines.join('\n') + '\n';
  }
  lines.push(
    `  Verdict: ${paint('1;' + VERDICT_COLOR[report.verdict], report.verdict.toUpperCase())}  score ${report.score}/100` +
      `  (suspicious from ${t.suspicious}, syndicated from ${t.syndicated})`,
  );
  const reasons = verdictReasons(report).map(({ parts }) => parts.map((part) => (typeof part === 'string' ? part : printable(part.pageText, 60))).join(''));
  if (reasons.length) lines.push(`  Why: ${reasons.join(' · ')}`);
  lines.push(`  Language: ${report.language} · ${plural(report.words, 'word')}`);
  if (report.sourceUrl) lines.push(`  Original: ${printable(report.sourceUrl, 300)}${report.sourceName ? ` (${printable(report.sourceName, 120)})` : ''}`);
  if (report.tooLittleText) lines.push(`  Note: too little text to judge; \`clean\` here only means nothing was found.`);
  if (report.notJudgedInLanguage) {
    lines.push(`  Note: not judged in full; ${report.notJudgedInLanguage.map((id) => signalFace(id).title).join(', ')} cannot read ${report.language} text, so \`clean\` here only means the other signals found nothing.`);
  }
  if (report.truncatedAt !== undefined) {
    lines.push(`  Note: only the first ${report.truncatedAt.toLocaleString('en')} of ${report.chars.toLocaleString('en')} characters were analysed.`);
  }
  lines.push(...notes);
  for (const face of facesByContribution(report)) {
    const s = report.signals[face.id];
    lines.push('');
    if (!s.enabled || !s.assessed) {
      lines.push(`  ${face.title}: ${s.note ?? 'not assessed'}`);
      continue;
    }
    const rows = face.evidence(s);
    lines.push(`  ${face.title}: ${evidenceSummary(face, s, rows)}`);
    if (s.note) lines.push(`    ${s.note}`);
    lines.push(...evidenceLines(rows, at, opts.maxFindings));
  }
  return lines.join('\n') + '\n';
}
