import { evidenceSummary, MAX_ROWS, type EvidenceRow, type ReasonPart, type SignalFace } from '@/lib/detectors/face';
import { facesByContribution, SIGNALS, verdictReasons } from '@/lib/signals';
import type { RecoveredTable, Report } from '@/lib/types';
import { registrableDomain } from '@/lib/registrable-domain';
import { safeHttpUrl } from '@/lib/url';
import { revealInvisible } from '@/lib/visible-text';
import { formatNumber, messageWithNodes, t } from './i18n';
import type { HighlightRange } from './messages';
import type { TabState } from './tab-store';

/**
 * Renders a tab's report (or why there is none) as DOM, for the popup. Everything that came from
 * the page (phrases, table cells, boilerplate lines, the source address) goes in as text nodes or
 * attribute values, never as markup, with its invisible characters shown (lib/visible-text.ts) and
 * in an element of its own with `dir="auto"`, which isolates it: right-to-left text from the page
 * cannot reorder the popup's words around it. The popup's own words come from the messages
 * (utils/i18n.ts); what the engine says about a finding (its details, a signal's summary and
 * reasons, a note) is the engine's English.
 */

type Child = Node | string;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export function languageName(code: string): string {
  if (code === 'und') return t('report_language_undetermined');
  try {
    const name = new Intl.DisplayNames([t('locale')], { type: 'language' }).of(code);
    return name && name !== code ? t('report_language_name', name, code) : code;
  } catch {
    return code;
  }
}

/** The status line for a tab without a report. */
export function statusText(state: TabState | null): string {
  switch (state?.status) {
    case 'unreadable':
      return t('status_unreadable');
    case 'excluded':
      return t('status_excluded');
    case 'trusted':
      return t('status_trusted');
    case 'not-scanned':
      return t('status_not_scanned_auto_off');
    default:
      return t('status_not_scanned');
  }
}

/** Page text as an isolated element. */
const pageText = (doc: Document, tag: 'q' | 'span' | 'div' | 'td', className: string, text: string) =>
  el(doc, tag, { ...(className ? { class: className } : {}), dir: 'auto' }, revealInvisible(text));

/**
 * A finding in its sentence, the phrase marked and the probable original beside it, behind a
 * disclosure. Built from elements and text nodes, never from a markup string, so whatever the
 * page's text holds it stays text: no sanitiser is needed (and web-ext lint has no innerHTML to flag).
 */
function contextPreview(doc: Document, row: EvidenceRow): HTMLElement | undefined {
  if (!row.context) return undefined;
  const { before, after } = row.context;
  const sentence = el(
    doc,
    'div',
    { class: 'context-sentence', dir: 'auto' },
    el(doc, 'bdi', {}, revealInvisible(before), el(doc, 'mark', {}, revealInvisible(row.text)), revealInvisible(after)),
  );
  if (row.expected?.length) sentence.append(' ', pageText(doc, 'span', 'expected', `→ ${row.expected.join(' / ')}`));
  return el(doc, 'details', { class: 'context', 'data-testid': 'context' }, el(doc, 'summary', {}, t('report_in_context')), sentence);
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
  if (row.expected?.length) head.push(' ', ...messageWithNodes('report_probably', pageText(doc, 'span', 'expected', row.expected.join(' / '))));
  if (row.count > 1) head.push(' ', el(doc, 'span', { class: 'count' }, t('report_count', formatNumber(row.count))));
  if (head.length) item.append(el(doc, 'div', { class: 'row-head' }, ...head));
  if (row.detail && !(previous?.detail && messageShape(previous.detail) === messageShape(row.detail))) item.append(el(doc, 'div', { class: 'detail' }, row.detail));
  if (table) item.append(table);
  const context = contextPreview(doc, row);
  if (context) item.append(context);
  if (row.url) item.append(pageText(doc, 'div', 'row-source', t('report_row_source', row.url)));
  return item;
}

function signalSection(doc: Document, report: Report, face: SignalFace): HTMLElement {
  const signal = report.signals[face.id];
  const head = el(doc, 'h2', {}, el(doc, 'span', { 'data-testid': 'signal-title', class: 'signal-title' }, t(`signal_${face.id}_title`)));
  const section = el(doc, 'section', { 'data-testid': `signal-${face.id}`, class: 'signal' }, head);
  // The colour the signal's highlights have on the page, so a reader can tell which section a mark belongs to.
  section.style.setProperty('--signal-colour', face.colour);
  if (!signal.enabled || !signal.assessed) {
    section.append(el(doc, 'p', { class: 'note' }, signal.note ?? t('report_not_assessed')));
    return section;
  }
  const rows = face.evidence(signal);
  head.append(' ', el(doc, 'span', { 'data-testid': 'signal-summary', class: 'signal-summary' }, evidenceSummary(face, signal, rows)));
  // The engine's words on what the signal's figures say beyond its rows (how many words were out of place, and why none is listed).
  if (signal.note) section.append(el(doc, 'p', { class: 'note', 'data-testid': 'signal-note' }, signal.note));
  if (!rows.length) return section;
  const listed = rows.slice(0, MAX_ROWS);
  const items = listed.map((row, i) => evidenceRow(doc, row, listed[i - 1]));
  section.append(el(doc, 'ul', { class: 'findings' }, ...items.slice(0, VISIBLE_ROWS)));
  if (items.length > VISIBLE_ROWS) {
    const rest = el(doc, 'ul', { class: 'findings' }, ...items.slice(VISIBLE_ROWS));
    if (rows.length > MAX_ROWS) rest.append(el(doc, 'li', { class: 'more' }, t('report_and_more', formatNumber(rows.length - MAX_ROWS))));
    section.append(el(doc, 'details', { class: 'more-rows' }, el(doc, 'summary', {}, t('report_show_all', formatNumber(rows.length))), rest));
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
  return [el(doc, 'p', { class: 'source' }, ...messageWithNodes('report_original', link), ...name)];
}

/** How each scored verdict reads in the header. */
const verdictLabel = (verdict: Report['verdict']) => t(verdict === 'not-text' ? 'verdict_not_text' : `verdict_${verdict}`);

/** The header and status line of a tab that has no verdict to show in colour. */
function neutralSummary(doc: Document, verdict: string, status: string): HTMLElement[] {
  return [
    el(doc, 'header', { class: 'summary neutral' }, el(doc, 'span', { 'data-testid': 'verdict', class: 'verdict' }, verdict)),
    el(doc, 'p', { 'data-testid': 'status', class: 'status' }, status),
  ];
}

/** The verdict header of a report: in the verdict's colour, or neutral when nothing could be judged. */
function reportSummary(doc: Document, report: Report): HTMLElement[] {
  if (report.notText) return neutralSummary(doc, verdictLabel('not-text'), t('report_not_text', report.notText));
  if (report.tooLittleText) return neutralSummary(doc, t('verdict_too_little_text'), t('report_too_little_text', formatNumber(report.words)));
  if (report.notJudgedInLanguage?.length) {
    const signals = report.notJudgedInLanguage.map((id) => t(`signal_${id}_title`)).join(', ');
    return neutralSummary(doc, t('verdict_not_judged_in_full'), t('report_not_judged_in_full', signals, languageName(report.language)));
  }
  return [
    el(
      doc,
      'header',
      { class: `summary ${report.verdict}` },
      el(doc, 'span', { 'data-testid': 'verdict', class: 'verdict' }, verdictLabel(report.verdict)),
      el(doc, 'span', { class: 'score' }, ...messageWithNodes('report_score', el(doc, 'strong', { 'data-testid': 'score' }, String(Math.round(report.score))))),
    ),
  ];
}

/** Fills `root` with the report of a tab, or its status when there is no report. */
export function renderTabState(root: HTMLElement, state: TabState | null): void {
  const doc = root.ownerDocument;
  const report = state?.status === 'scanned' ? state.report : null;
  if (!report) {
    root.replaceChildren(...neutralSummary(doc, t(state?.status === 'unreadable' ? 'verdict_cannot_scan' : 'verdict_not_scanned'), statusText(state)));
    return;
  }
  root.replaceChildren(
    ...reportSummary(doc, report),
    el(
      doc,
      'p',
      { class: 'meta' },
      ...messageWithNodes('report_language', el(doc, 'span', { 'data-testid': 'language' }, languageName(report.language))),
      ` · ${t('report_words', formatNumber(report.words))}`,
      ...(report.truncatedAt ? [` · ${t('report_truncated', formatNumber(report.truncatedAt))}`] : []),
    ),
    ...reasonLine(doc, report),
    ...sourceLine(doc, report),
    ...facesByContribution(report).map((face) => signalSection(doc, report, face)),
  );
}

/** Words a phrase probably replaced, each quoted: “learn” or “study”. */
const alternatives = (words: readonly string[]) => new Intl.ListFormat(t('locale'), { type: 'disjunction' }).format(words.map((word) => t('quoted', word)));

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
      tooltip: t('report_tooltip', t(`signal_${face.id}_title`), f.expected?.length ? t('report_tooltip_probably', alternatives(f.expected)) : f.message),
    }));
}
