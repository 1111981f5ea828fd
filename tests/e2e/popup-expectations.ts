/**
 * What the popup must show for a report, checked against the engine's report itself: the verdict,
 * the score, the language, a section per registered signal under its title with one row per
 * distinct text seen in the engine's order (the strongest MAX_ROWS of them), and the source link.
 * Page text is expected as the popup shows it, invisible characters revealed (lib/visible-text.ts).
 */
import { expect } from 'vitest';
import { VERDICTS, type Finding, type Report, type SignalId } from '../../lib/index';
import { facesByContribution } from '../../lib/signals';
import { MAX_ROWS } from '../../lib/detectors/face';
import { revealInvisible } from '../../lib/visible-text';
import type { PopupView } from './extension';

const collapse = (s: string) => revealInvisible(s).replace(/\s+/g, ' ').trim().toLowerCase();
const hasNumber = (text: string, n: number) => new RegExp(`(^|[^0-9.])${n}([^0-9]|$)`).test(text);

/**
 * The rows a user should see for a signal: one per distinct text seen (case and spacing aside),
 * with every suggested original and the count, strongest first, then most frequent, then first seen.
 */
function expectedRows(findings: readonly Finding[]) {
  const byText = new Map<string, { text: string; expected: Set<string>; count: number; weight: number; start: number; firstCell?: string }>();
  for (const f of findings) {
    const text = collapse(f.actual);
    const row = byText.get(text) ?? { text, expected: new Set<string>(), count: 0, weight: 0, start: f.start };
    row.count++;
    row.weight = Math.max(row.weight, f.weight);
    row.start = Math.min(row.start, f.start);
    row.firstCell ??= f.table?.rows.flat().find((c) => c.trim());
    for (const e of f.expected ?? []) row.expected.add(collapse(e));
    byText.set(text, row);
  }
  return [...byText.values()].sort((a, b) => b.weight - a.weight || b.count - a.count || a.start - b.start);
}

/** The popup lists the same evidence as the engine's report: verdict, score, phrases, tables, boilerplate, source. */
export function expectPopupShowsReport(view: PopupView, report: Report): void {
  expect(view.verdict, 'verdict shown').not.toBeNull();
  const verdictText = view.verdict!.toLowerCase();
  expect(verdictText).toContain(report.verdict);
  for (const other of VERDICTS.filter((v) => v !== report.verdict)) expect(verdictText).not.toContain(other);
  expect(view.score, 'score shown').not.toBeNull();
  expect(hasNumber(view.score!, Math.round(report.score)), `score "${view.score}" shows ${Math.round(report.score)}`).toBe(true);
  expect(view.language, 'language shown').toBeTruthy();
  if (report.language === 'eng') expect(view.language!.toLowerCase()).toMatch(/english|eng/);
  expect(view.sections.map((x) => [x.id, x.title]), 'a section per registered signal, titled as the registry titles it, largest contribution first').toEqual(
    facesByContribution(report).map((x) => [x.id, x.title]),
  );

  for (const section of view.sections) {
    const allRows = expectedRows(report.signals[section.id as SignalId].findings);
    // The strongest MAX_ROWS rows are listed, and the rest counted.
    const rows = allRows.slice(0, MAX_ROWS);
    expect(section.summary, `${section.id}: the number beside the title is labelled the score`).toMatch(/^score \d/);
    expect(section.rows, `${section.id}: one row per distinct text seen`).toHaveLength(rows.length);
    if (allRows.length > MAX_ROWS) expect(view.bodyText, `${section.id}: the rows not listed are counted`).toContain(`and ${allRows.length - MAX_ROWS} more`);
    rows.forEach((expected, i) => {
      // Rows in this order: strongest first, then most frequent.
      const row = section.rows[i]!;
      if (expected.firstCell) {
        expect(row.tableElements, `${section.id} row ${i} shows its recovered table`).toBeGreaterThan(0);
        expect(row.cells.map(collapse), `${section.id} row ${i} has the cell "${expected.firstCell}"`).toContain(collapse(expected.firstCell));
      } else {
        expect(collapse(row.text), `${section.id} row ${i}`).toContain(expected.text.slice(0, 200));
      }
      if (expected.expected.size) expect([...expected.expected].some((e) => collapse(row.text).includes(e)), `row "${row.text}" names one of ${[...expected.expected].join(', ')}`).toBe(true);
      if (expected.count > 1) expect(row.text, `row "${row.text}" shows the count ${expected.count}`).toContain(`×${expected.count}`);
    });
  }

  if (report.sourceUrl) {
    expect(view.sourceLinks, 'the source link').toHaveLength(1);
    const link = view.sourceLinks[0]!;
    expect(link.href).toBe(new URL(report.sourceUrl).href);
    expect(link.target).toBe('_blank');
    expect(link.rel.split(/\s+/)).toContain('noopener');
  } else {
    expect(view.sourceLinks).toHaveLength(0);
  }
}
