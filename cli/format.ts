import type { Finding, RecoveredTable, Report, SignalId, Verdict } from '../lib/types';
import { SIGNAL_IDS } from '../lib/types';

const SIGNAL_TITLES: Record<SignalId, string> = {
  spun: 'Spun synonyms',
  tables: 'Concatenated tables',
  boilerplate: 'Syndication boilerplate',
};

const VERDICT_COLOR: Record<Verdict, string> = { clean: '32', suspicious: '33', syndicated: '31' };

/**
 * Page text is untrusted: control characters (including ANSI escapes) are shown as visible escapes
 * so a page cannot move the cursor or recolour the terminal, and runs of whitespace become one space.
 */
export function printable(s: string, max = 100): string {
  const flat = s
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\s+/g, ' ')
    .trim();
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

/** Findings of one signal, grouped so a phrase repeated twenty times is one line with its count. */
function findingLines(signal: SignalId, findings: Finding[], at: (o: number) => string, max: number): string[] {
  const groups = new Map<string, { first: Finding; count: number }>();
  for (const f of findings) {
    const key = signal === 'spun' ? `${f.rule}\u0000${f.actual.toLowerCase()}` : `${f.start}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { first: f, count: 1 });
  }
  const sorted = [...groups.values()].sort((a, b) => b.first.weight - a.first.weight || b.count - a.count || a.first.start - b.first.start);
  const shown = max > 0 ? sorted.slice(0, max) : sorted;
  const out: string[] = [];
  for (const { first: f, count } of shown) {
    const where = `${at(f.start)}`.padEnd(8);
    const times = count > 1 ? ` ×${count}` : '';
    if (signal === 'spun') {
      const original = f.expected?.length ? ` → probably “${f.expected.map((e) => printable(e, 40)).join('” or “')}”` : '';
      out.push(`    ${where}“${printable(f.actual, 50)}”${original}${times}  (weight ${f.weight.toFixed(2)})`);
    } else {
      out.push(`    ${where}${f.rule}: “${printable(f.actual, 70)}”${times}  (weight ${f.weight.toFixed(2)})`);
      if (f.url) out.push(`            source: ${printable(f.url, 200)}`);
      if (f.table?.rows.length) out.push(...tableLines(f.table, '            '));
    }
  }
  if (sorted.length > shown.length) out.push(`    … ${sorted.length - shown.length} more (--max-findings 0 or --json lists all)`);
  return out;
}

/** The readable report for one scanned input. */
export function formatReport(name: string, text: string, report: Report, opts: { maxFindings: number; color: boolean }): string {
  const paint = (code: string, s: string) => (opts.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const at = lineIndex(text);
  const { thresholds: t } = report;
  const lines: string[] = [];
  lines.push(paint('1', printable(name, 200)));
  lines.push(
    `  Verdict: ${paint('1;' + VERDICT_COLOR[report.verdict], report.verdict.toUpperCase())}  score ${report.score}/100` +
      `  (suspicious from ${t.suspicious}, syndicated from ${t.syndicated})`,
  );
  lines.push(`  Language: ${report.language} · ${plural(report.words, 'word')}`);
  if (report.sourceUrl) lines.push(`  Original source: ${printable(report.sourceUrl, 300)}`);
  if (report.tooLittleText) lines.push(`  Note: too little text to judge; \`clean\` here only means nothing was found.`);
  if (report.truncatedAt !== undefined) {
    lines.push(`  Note: only the first ${report.truncatedAt.toLocaleString('en')} of ${report.chars.toLocaleString('en')} characters were analysed.`);
  }
  for (const id of SIGNAL_IDS) {
    const s = report.signals[id];
    lines.push('');
    if (!s.enabled || !s.assessed) {
      lines.push(`  ${SIGNAL_TITLES[id]}: ${s.note ?? 'not assessed'}`);
      continue;
    }
    const extra: string[] = [plural(s.findings.length, 'finding')];
    if (id === 'spun') {
      if (s.stats.distinctPhrases !== undefined) extra.push(`${s.stats.distinctPhrases} distinct`);
      if (s.stats.perThousandWords !== undefined) extra.push(`${s.stats.perThousandWords} per 1,000 words`);
    }
    lines.push(`  ${SIGNAL_TITLES[id]}: score ${s.score}  (${extra.join(', ')})`);
    lines.push(...findingLines(id, s.findings, at, opts.maxFindings));
  }
  return lines.join('\n') + '\n';
}
