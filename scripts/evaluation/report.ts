/**
 * The one report format of the evaluation: every script that counts with ./count.ts prints its
 * figures either as text tables made here or, with `--json`, as one JSON object holding the same
 * counts (the objects count.ts returns, unchanged).
 */
import type { Label } from '../../corpora';
import { LABELS, PAGE_WORDS, type ByPart, type CleanPageCount, type HitCount, type Rates } from './count';

export interface ReportOptions {
  json: boolean;
  /** Further flags the script accepts, those given. */
  flags: Set<string>;
}

/**
 * Reads `--json`, `--help` and the script's own `flags` from argv. `--help` prints `usage` and exits 0;
 * anything else exits 2 with a message.
 */
export function reportOptions(name: string, usage: string, flags: readonly string[] = [], argv = process.argv.slice(2)): ReportOptions {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usage.trimEnd() + '\n');
    process.exit(0);
  }
  const known = new Set(['--json', ...flags]);
  const unknown = argv.find((a) => !known.has(a));
  if (unknown !== undefined) {
    process.stderr.write(`${name}: unknown argument ${unknown}; the options are ${[...known, '--help'].join(', ')}.\n`);
    process.exit(2);
  }
  return { json: argv.includes('--json'), flags: new Set(argv.filter((a) => flags.includes(a))) };
}

/** Prints the summary as JSON, or the text lines. */
export function printReport(options: ReportOptions, summary: unknown, text: () => string[]): void {
  process.stdout.write(options.json ? JSON.stringify(summary, null, 2) + '\n' : text().join('\n') + '\n');
}

const ratio = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
const parts = (byPart: ByPart<Rates>) => Object.entries(byPart) as [keyof ByPart<Rates>, Rates][];

/** Per part and label: pages, flagged, and each outcome's count; then precision, recall and clean FP rate per part. */
export function formatRates(byPart: ByPart<Rates>, outcomes: readonly string[] = []): string[] {
  const out = [`  part      label        pages  flagged${outcomes.map((o) => o.padStart(Math.max(11, o.length + 1))).join('')}`];
  for (const [name, m] of parts(byPart)) {
    for (const label of LABELS) {
      const l = m.perLabel[label];
      out.push(`  ${name.padEnd(9)} ${label.padEnd(11)} ${String(l.pages).padStart(6)} ${String(l.flagged).padStart(8)}${outcomes.map((o) => String(l[o]).padStart(Math.max(11, o.length + 1))).join('')}`);
    }
  }
  out.push('', '  part      precision  recall spun  recall synd.  recall both  clean FP rate');
  for (const [name, m] of parts(byPart)) {
    out.push(`  ${name.padEnd(9)} ${ratio(m.precision).padStart(9)} ${ratio(m.recallSpun).padStart(12)} ${ratio(m.recallSyndicated).padStart(13)} ${ratio(m.recallBoth).padStart(12)} ${ratio(m.falsePositiveRate).padStart(14)}`);
  }
  return out;
}

/** Several judges side by side, one line each: pages flagged of pages per label and part. */
export function formatComparison(rows: readonly [string, ByPart<Rates>][], labels: readonly Label[] = LABELS): string[] {
  const width = Math.max(...rows.map(([name]) => name.length), 5);
  const cells = labels.flatMap((label) => (['tune', 'holdout'] as const).map((part) => [label, part] as const));
  const cellWidth = Math.max(...cells.map(([label, part]) => `${label} ${part}`.length)) + 2;
  const out = [`  ${'judge'.padEnd(width)}${cells.map(([label, part]) => `${label} ${part}`.padStart(cellWidth)).join('')}`];
  for (const [name, byPart] of rows) {
    out.push(`  ${name.padEnd(width)}${cells.map(([label, part]) => `${byPart[part].perLabel[label].flagged}/${byPart[part].perLabel[label].pages}`.padStart(cellWidth)).join('')}`);
  }
  return out;
}

/** Hits per million words, one line per corpus, with what hit most. */
export function formatHits(rows: readonly HitCount[]): string[] {
  const out: string[] = [];
  const width = Math.max(16, ...rows.map((c) => c.corpus.length));
  for (const c of rows) {
    out.push(
      `  ${c.corpus.padEnd(width)} ${String(c.hits).padStart(6)} hits in ${c.words.toLocaleString('en').padStart(10)} words = ${String(c.perMillionWords).padStart(7)} per million` +
        `  (${c.documents} docs${c.notAssessed ? `; ${c.notAssessed} not assessed, left out` : ''})`,
    );
    if (c.byClass) out.push(`    by class: ${Object.entries(c.byClass).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    if (c.topPhrases.length) out.push(`    most hit: ${c.topPhrases.map(([p, n]) => `${p} ×${n}`).join(', ')}`);
  }
  return out;
}

/** Pages flagged per clean corpus, with each further count (`also`) and the examples. */
export function formatCleanPages(rows: readonly CleanPageCount[], also: Record<string, string> = {}): string[] {
  const out: string[] = [];
  for (const c of rows) {
    const extra = Object.entries(also).map(([key, title]) => `${title} ${String(c[key])}`);
    out.push(
      `  ${c.corpus.padEnd(17)} ${String(c.flagged).padStart(4)} of ${String(c.pages).padStart(5)} pages of ${PAGE_WORDS} words = ${(100 * (c.flaggedShare ?? 0)).toFixed(2).padStart(5)}%` +
        (extra.length ? `  (${extra.join('; ')})` : ''),
    );
    for (const e of c.examples) out.push(`    - ${e}`);
  }
  return out;
}
