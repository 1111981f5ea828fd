import DOMPurify from 'dompurify';
import { evidenceSummary, MAX_ROWS, type EvidenceRow, type ReasonPart, type SignalFace } from '@/lib/detectors/face';
import { facesByContribution, SIGNALS, verdictReasons } from '@/lib/signals';
import type { RecoveredTable, Report } from '@/lib/types';
import { registrableDomain, safeHttpUrl } from '@/lib/url';
import { revealInvisible } from '@/lib/visible-text';
import type { HighlightRange } from './messages';
import type { TabState } from './tab-store';

/**
 * Renders a tab's report (or why there is none) as DOM, for the popup. Everything that came from
 * the page (phrases, table cells, boilerplate lines, the source address) goes in as text nodes or
 * attribute values, never as markup, with its invisible characters shown (lib/visible-text.ts) and
 * in an element of its own with `dir="auto"`, which isolates it: right-to-left text from the page
 * cannot reorder the popup's words around it.
 */


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
      return 'Not scanned: this site is in your sites to skip. Scan anyway reads this page once; Stop skipping reads the site again from now on.';
    case 'trusted':
      return 'Not flagged: you trust this site, so Spinscope does not read its pages. Scan anyway reads this page once.';
    case 'not-scanned':
      return 'Not scanned yet: automatic scanning is off. Press Rescan to scan this page.';
    default:
      return 'Not scanned yet.';
  }
}

/** Page text as an isolated element. */
const pageText = (doc: Document, tag: 'q' | 'span' | 'div' | 'td', className: string, text: string) =>
  el(doc, tag, { ...(className ? { class: className } : {}), dir: 'auto' }, revealInvisible(text));

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The only markup a context preview may contain: an isolating wrapper, the phrase's mark and the probable original. */
const CONTEXT_MARKUP = { ALLOWED_TAGS: ['bdi', 'mark', 'span'], ALLOWED_ATTR: ['class', 'dir'], RETURN_DOM_FRAGMENT: true as const };

/**
 * A finding in its sentence, the phrase marked and the probable original beside it, behind a
 * disclosure. It is built as markup (the sentence with a <mark> inside), so the page text is escaped
 * and the markup then goes through DOMPurify with an allow-list of the three elements it needs:
 * whatever the page's text holds, only those elements and their text come out.
 */
function contextPreview(doc: Document, row: EvidenceRow): HTMLElement | undefined {
  if (!row.context || !doc.defaultView) return undefined;
  const { before, after } = row.context;
  const page = (s: string) => escapeHtml(revealInvisible(s));
  const original = row.expected?.length ? ` <span class="expected" dir="auto">→ ${page(row.expected.join(' / '))}</span>` : '';
  const markup = `<bdi>${page(before)}<mark>${page(row.text)}</mark>${page(after)}</bdi>${original}`;
  const fragment = DOMPurify(doc.defaultView).sanitize(markup, CONTEXT_MARKUP);
  const sentence = el(doc, 'div', { class: 'context-sentence', dir: 'auto' });
  sentence.append(doc.importNode(fragment, true));
  return el(doc, 'details', { class: 'context', 'data-testid': 'context' }, el(doc, 'summary', {}, 'in context'), sentence);
}

/** A recovered table, capped so a huge one cannot swamp the popup. */
function tableNode(doc: Document, table: RecoveredTable): HTMLTableElement {
  const node = el(doc, 'table');
  for (const row of table.rows.slice(0, 50)) node.append(el(doc, 'tr', {}, ...row.slice(0, 20).map((cell) => pageText(doc, 'td', '', cell))));
  return node;
}

/** Rows shown before "show all": enough to see what a signal found without pushing the next signal out of view. */
export const VISIBLE_ROWS = 3;

/** A message with its figures masked, to tell a message that only repeats the previous row's ("… (10 joins) …", "… (9 joins) …"). */
const messageShape = (message: string) => message.replace(/\d+(?:[.,]\d+)*/g, '#');

/**
 * One evidence row, whatever the signal: the text seen (or the table recovered from it), what it
 * probably replaced, how often, why (unless the row before said the same), and the source it credits.
 */
function evidenceRow(doc: Document, row: EvidenceRow, previous: EvidenceRow | undefined): HTMLElement {
  const item = el(doc, 'li', { 'data-testid': 'evidence-row' });
  const head: Child[] = [];
  // A recovered table shows its cells better than the run-together text it was recovered from.
  const table = row.table?.rows.length ? tableNode(doc, row.table) : undefined;
  if (!table) head.push(pageText(doc, 'q', 'seen', row.text.length > 300 ? `${row.text.slice(0, 300)}…` : row.text));
  if (row.expected?.length) head.push(' → probably ', pageText(doc, 'span', 'expected', row.expected.join(' / ')));
  if (row.count > 1) head.push(' ', el(doc, 'span', { class: 'count' }, `×${row.count}`));
  if (head.length) item.append(el(doc, 'div', { class: 'row-head' }, ...head));
  if (row.detail && !(previous?.detail && messageShape(previous.detail) === messageShape(row.detail))) item.append(el(doc, 'div', { class: 'detail' }, row.detail));
  if (table) item.append(table);
  const context = contextPreview(doc, row);
  if (context) item.append(context);
  if (row.url) item.append(pageText(doc, 'div', 'row-source', `source: ${row.url}`));
  return item;
}

function signalSection(doc: Document, report: Report, face: SignalFace): HTMLElement {
  const signal = report.signals[face.id];
  const head = el(doc, 'h2', {}, el(doc, 'span', { 'data-testid': 'signal-title', class: 'signal-title' }, face.title));
  const section = el(doc, 'section', { 'data-testid': `signal-${face.id}`, class: 'signal' }, head);
  // The colour the signal's highlights have on the page, so a reader can tell which section a mark belongs to.
  section.style.setProperty('--signal-colour', face.colour);
  if (!signal.enabled || !signal.assessed) {
    section.append(el(doc, 'p', { class: 'note' }, signal.note ?? 'Not assessed.'));
    return section;
  }
  const rows = face.evidence(signal);
  head.append(' ', el(doc, 'span', { 'data-testid': 'signal-summary', class: 'signal-summary' }, evidenceSummary(face, signal, rows)));
  if (!rows.length) return section;
  const listed = rows.slice(0, MAX_ROWS);
  const items = listed.map((row, i) => evidenceRow(doc, row, listed[i - 1]));
  section.append(el(doc, 'ul', { class: 'findings' }, ...items.slice(0, VISIBLE_ROWS)));
  if (items.length > VISIBLE_ROWS) {
    const rest = el(doc, 'ul', { class: 'findings' }, ...items.slice(VISIBLE_ROWS));
    if (rows.length > MAX_ROWS) rest.append(el(doc, 'li', { class: 'more' }, `and ${rows.length - MAX_ROWS} more`));
    section.append(el(doc, 'details', { class: 'more-rows' }, el(doc, 'summary', {}, `show all ${rows.length.toLocaleString('en')}`), rest));
  }
  return section;
}

/** A reason's parts as nodes: the face's words as text, page text isolated. */
const reasonNodes = (doc: Document, parts: readonly ReasonPart[]): Child[] => parts.map((part) => (typeof part === 'string' ? part : pageText(doc, 'span', 'reason-text', part.pageText)));

/** The line under the verdict that says why, from the strongest findings of each signal that added to the score. */
function reasonLine(doc: Document, report: Report): HTMLElement[] {
  const reasons = verdictReasons(report);
  if (!reasons.length) return [];
  const line = el(doc, 'p', { class: 'reason', 'data-testid': 'reason' });
  reasons.forEach(({ parts }, i) => line.append(...(i ? [' · '] : []), ...reasonNodes(doc, parts)));
  return [line];
}

/** The original's link, its text led by the registrable domain: the part of an address that says whose it is. */
function sourceLine(doc: Document, report: Report): Node[] {
  const href = safeHttpUrl(report.sourceUrl);
  if (!href) return [];
  const link = el(doc, 'a', { 'data-testid': 'source-link', href, target: '_blank', rel: 'noopener', dir: 'auto' }, el(doc, 'strong', {}, registrableDomain(href) ?? ''), ` · ${revealInvisible(href)}`);
  const name = report.sourceName ? [' (', pageText(doc, 'span', 'source-name', report.sourceName), ')'] : [];
  return [el(doc, 'p', { class: 'source' }, 'Original: ', link, ...name)];
}

/** How each scored verdict reads in the header. */
const VERDICT_LABELS: Record<Report['verdict'], string> = { clean: 'Clean', suspicious: 'Suspicious', syndicated: 'Syndicated', 'not-text': 'Not text' };

/** The header and status line of a tab that has no verdict to show in colour. */
function neutralSummary(doc: Document, verdict: string, status: string): HTMLElement[] {
  return [
    el(doc, 'header', { class: 'summary neutral' }, el(doc, 'span', { 'data-testid': 'verdict', class: 'verdict' }, verdict)),
    el(doc, 'p', { 'data-testid': 'status', class: 'status' }, status),
  ];
}

/** The verdict header of a report: in the verdict's colour, or neutral when nothing could be judged. */
function reportSummary(doc: Document, report: Report): HTMLElement[] {
  if (report.notText) return neutralSummary(doc, 'Not text', `What this page gave is not text (${report.notText}), so there is nothing to judge.`);
  if (report.tooLittleText) {
    return neutralSummary(
      doc,
      'Too little text to judge',
      `The article text found on this page is ${report.words.toLocaleString('en')} words long, too short to call it clean. Nothing in it was flagged.`,
    );
  }
  return [
    el(
      doc,
      'header',
      { class: `summary ${report.verdict}` },
      el(doc, 'span', { 'data-testid': 'verdict', class: 'verdict' }, VERDICT_LABELS[report.verdict]),
      el(doc, 'span', { class: 'score' }, 'score ', el(doc, 'strong', { 'data-testid': 'score' }, String(Math.round(report.score))), ' / 100'),
    ),
  ];
}

/** Fills `root` with the report of a tab, or its status when there is no report. */
export function renderTabState(root: HTMLElement, state: TabState | null): void {
  const doc = root.ownerDocument;
  const report = state?.status === 'scanned' ? state.report : null;
  if (!report) {
    root.replaceChildren(...neutralSummary(doc, state?.status === 'unreadable' ? 'Cannot scan this page' : 'Not scanned', statusText(state)));
    return;
  }
  root.replaceChildren(
    ...reportSummary(doc, report),
    el(
      doc,
      'p',
      { class: 'meta' },
      'Language: ',
      el(doc, 'span', { 'data-testid': 'language' }, languageName(report.language)),
      ` · ${report.words.toLocaleString('en')} words`,
      ...(report.truncatedAt ? [` · only the first ${report.truncatedAt.toLocaleString('en')} characters were read`] : []),
    ),
    ...reasonLine(doc, report),
    ...sourceLine(doc, report),
    ...facesByContribution(report).map((face) => signalSection(doc, report, face)),
  );
}

/** The ranges the Highlight button marks on the page: every finding with a place in the text, in its signal's colour, with its tooltip, strongest first. */
export function highlightRanges(report: Report): HighlightRange[] {
  return SIGNALS.flatMap((face) => report.signals[face.id].findings.filter((f) => f.end > f.start).map((f) => ({ face, f })))
    .sort((a, b) => b.f.weight - a.f.weight)
    .map(({ face, f }) => ({
      start: f.start,
      end: f.end,
      actual: f.actual,
      signal: face.id,
      colour: face.colour,
      tooltip: `Spinscope · ${face.title}: ${f.expected?.length ? `probably “${f.expected.join('” or “')}”` : f.message}`,
    }));
}
