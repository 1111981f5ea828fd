import { SIGNAL_IDS, type Finding, type Report, type SignalId, type SignalReport } from '@/lib/types';
import type { HighlightRange, TabState } from './messages';
import { safeHttpUrl } from '@/lib/url';

/**
 * Renders a tab's report (or why there is none) as DOM, for the popup. Everything that came from
 * the page (phrases, table cells, boilerplate lines, the source address) goes in as text nodes or
 * attribute values, never as markup.
 */

/** Rows listed per signal before "and N more": the popup stays readable on a page with thousands of hits. */
const MAX_ROWS = 100;
const SIGNAL_TITLES: Record<SignalId, string> = {
  spun: 'Spun phrases',
  tables: 'Flattened tables',
  boilerplate: 'Syndication boilerplate',
};

type Child = Node | string;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export function languageName(code: string): string {
  if (code === 'und') return 'undetermined (too little text to tell)';
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** The status line for a tab without a report. */
export function statusText(state: TabState | null): string {
  switch (state?.status) {
    case 'unreadable':
      return 'Spinscope cannot scan this page: browser pages, the extension store, PDFs and local files cannot be read.';
    case 'excluded':
      return 'Not scanned: this site is excluded in the options.';
    case 'not-scanned':
      return 'Not scanned yet: automatic scanning is off. Press Rescan to scan this page.';
    default:
      return 'Not scanned yet.';
  }
}

function more(doc: Document, total: number): Node[] {
  return total > MAX_ROWS ? [el(doc, 'li', { class: 'more' }, `and ${total - MAX_ROWS} more`)] : [];
}

/** Spun findings grouped by the phrase seen (case-insensitive), most frequent first. */
export function groupSpun(findings: readonly Finding[]): { actual: string; expected: string[]; count: number }[] {
  const groups = new Map<string, { actual: string; expected: string[]; count: number }>();
  for (const f of findings) {
    const key = f.actual.toLowerCase().replace(/\s+/g, ' ');
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { actual: f.actual.replace(/\s+/g, ' '), expected: f.expected ?? [], count: 1 });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.actual.localeCompare(b.actual));
}

function spunRows(doc: Document, signal: SignalReport): Node[] {
  const groups = groupSpun(signal.findings);
  const list = el(doc, 'ul', { class: 'findings' });
  for (const g of groups.slice(0, MAX_ROWS)) {
    list.append(
      el(
        doc,
        'li',
        { 'data-testid': 'spun-phrase' },
        el(doc, 'span', { class: 'actual' }, g.actual),
        ...(g.expected.length ? [' → probably ', el(doc, 'span', { class: 'expected' }, g.expected.join(' / '))] : []),
        ' ',
        el(doc, 'span', { class: 'count' }, `×${g.count}`),
      ),
    );
  }
  list.append(...more(doc, groups.length));
  return groups.length ? [list] : [];
}

function tableRows(doc: Document, signal: SignalReport): Node[] {
  const out: Node[] = [];
  for (const f of signal.findings.slice(0, MAX_ROWS)) {
    const item = el(doc, 'div', { 'data-testid': 'table', class: 'table-finding' }, el(doc, 'p', { class: 'message' }, f.message));
    const rows = f.table?.rows;
    if (rows?.length) {
      const table = el(doc, 'table');
      for (const row of rows.slice(0, 50)) table.append(el(doc, 'tr', {}, ...row.slice(0, 20).map((cell) => el(doc, 'td', {}, cell))));
      item.append(table);
    } else {
      item.append(el(doc, 'blockquote', {}, f.actual.length > 300 ? `${f.actual.slice(0, 300)}…` : f.actual));
    }
    out.push(item);
  }
  if (signal.findings.length > MAX_ROWS) out.push(el(doc, 'p', { class: 'more' }, `and ${signal.findings.length - MAX_ROWS} more`));
  return out;
}

function boilerplateRows(doc: Document, signal: SignalReport, report: Report): Node[] {
  const out: Node[] = [];
  const list = el(doc, 'ul', { class: 'findings' });
  for (const f of signal.findings.slice(0, MAX_ROWS)) {
    list.append(el(doc, 'li', { 'data-testid': 'boilerplate-line' }, el(doc, 'q', {}, f.actual.length > 300 ? `${f.actual.slice(0, 300)}…` : f.actual), ' ', el(doc, 'span', { class: 'why' }, f.message)));
  }
  list.append(...more(doc, signal.findings.length));
  if (signal.findings.length) out.push(list);
  const href = safeHttpUrl(report.sourceUrl);
  if (href) {
    out.push(el(doc, 'p', { class: 'source' }, 'Original source: ', el(doc, 'a', { 'data-testid': 'source-link', href, target: '_blank', rel: 'noopener' }, href)));
  }
  return out;
}

function signalSection(doc: Document, report: Report, id: SignalId): HTMLElement {
  const signal = report.signals[id];
  const head = el(doc, 'h2', {}, SIGNAL_TITLES[id]);
  const section = el(doc, 'section', { 'data-testid': `signal-${id}`, class: 'signal' }, head);
  if (!signal.enabled || !signal.assessed) {
    section.append(el(doc, 'p', { class: 'note' }, signal.note ?? 'Not assessed.'));
    return section;
  }
  head.append(' ', el(doc, 'span', { class: 'signal-score' }, `${Math.round(signal.score)}`));
  const rows = id === 'spun' ? spunRows(doc, signal) : id === 'tables' ? tableRows(doc, signal) : boilerplateRows(doc, signal, report);
  if (rows.length) section.append(...rows);
  else section.append(el(doc, 'p', { class: 'none' }, 'Nothing found.'));
  return section;
}

/** Fills `root` with the report of a tab, or its status when there is no report. */
export function renderTabState(root: HTMLElement, state: TabState | null): void {
  const doc = root.ownerDocument;
  const report = state?.status === 'scanned' ? state.report : null;
  if (!report) {
    const verdict = state?.status === 'unreadable' ? 'Cannot scan this page' : 'Not scanned';
    root.replaceChildren(
      el(doc, 'header', { class: 'summary neutral' }, el(doc, 'span', { 'data-testid': 'verdict', class: 'verdict' }, verdict)),
      el(doc, 'p', { 'data-testid': 'status', class: 'status' }, statusText(state)),
    );
    return;
  }
  const summary = report.tooLittleText
    ? [
        el(doc, 'header', { class: 'summary neutral' }, el(doc, 'span', { 'data-testid': 'verdict', class: 'verdict' }, 'Too little text to judge')),
        el(
          doc,
          'p',
          { 'data-testid': 'status', class: 'status' },
          `The article text found on this page is ${report.words.toLocaleString('en')} words long, too short to call it clean. Nothing in it was flagged.`,
        ),
      ]
    : [
        el(
          doc,
          'header',
          { class: `summary ${report.verdict}` },
          el(doc, 'span', { 'data-testid': 'verdict', class: 'verdict' }, report.verdict),
          el(doc, 'span', { class: 'score' }, 'score ', el(doc, 'strong', { 'data-testid': 'score' }, String(Math.round(report.score))), ' / 100'),
        ),
      ];
  root.replaceChildren(
    ...summary,
    el(
      doc,
      'p',
      { class: 'meta' },
      'Language: ',
      el(doc, 'span', { 'data-testid': 'language' }, languageName(report.language)),
      ` · ${report.words.toLocaleString('en')} words`,
      ...(report.truncatedAt ? [` · only the first ${report.truncatedAt.toLocaleString('en')} characters were read`] : []),
    ),
    ...SIGNAL_IDS.map((id) => signalSection(doc, report, id)),
  );
}

/** The ranges the Highlight button marks on the page: every finding, with its tooltip. */
export function highlightRanges(report: Report): HighlightRange[] {
  const ranges: HighlightRange[] = [];
  for (const id of SIGNAL_IDS) {
    for (const f of report.signals[id].findings) {
      if (f.end <= f.start) continue;
      const tooltip = f.expected?.length ? `Spinscope: probably “${f.expected.join('” or “')}”` : `Spinscope: ${f.message}`;
      ranges.push({ start: f.start, end: f.end, actual: f.actual, signal: id, tooltip });
    }
  }
  return ranges;
}
