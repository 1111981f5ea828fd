import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fnv1a, FNV1A_START } from '@/lib/fnv1a';
import { extractArticleSteps, type ExtractedText, type TextSegment } from '@/lib/extract';
import { readOriginClaims } from '@/lib/origin';
import type { ScanReason } from '@/lib/settings';
import { createHighlighter, OWN_NODE_ATTRIBUTE, type Highlighter } from './highlight';
import { RescanPolicy } from './rescan-policy';
import { isMessage, sendMessage, type Message, type Protocol } from './messages';

/**
 * The content script's work: extract the article text in short slices, send it to the
 * background (which runs the engine), rescan when the article changes, and highlight findings on
 * request. It carries no lexicon, no language model and no settings: the background decides
 * whether a page is scanned, so no page pays for reading storage (creating the storage API's
 * bindings cost Chrome a few ms per page).
 */

/** Characters per message to the background (serialising costs the page a few ms per part). */
export const TEXT_PART_CHARS = 256 * 1024;
/** Longest stretch of extraction work before yielding to the page. */
export const SLICE_MS = 8;
/** Rescan delay after an in-page navigation. */
const NAVIGATION_DEBOUNCE_MS = 800;
/** Characters hashed between checks of the time slice. */
const HASH_CHUNK_CHARS = 64 * 1024;

/** Documents the extraction can read; a browser shows a text/plain response as a document with the text in a <pre>. */
const READABLE_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain']);

/** Longest wait for a turn before the work goes on anyway, so that a page that never lets it run is still read. */
const MAX_TURN_WAIT_MS = 200;

interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'user-visible' }): Promise<unknown>;
}

/**
 * Resolves in a task of its own once the page's pending work has run: at background priority
 * where the browser has the task scheduler, else at the next idle callback; at the latest after
 * MAX_TURN_WAIT_MS. Not an idle callback first: it waits for a rendered frame with time to spare,
 * which a page busy with an animation may never have. Callers check `ctx.isInvalid` after it.
 */
function nextTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, MAX_TURN_WAIT_MS);
    const run = () => {
      clearTimeout(timer);
      resolve();
    };
    if (typeof scheduler?.postTask === 'function') void scheduler.postTask(run, { priority: 'user-visible' });
    else if (typeof requestIdleCallback === 'function') requestIdleCallback(run);
    else setTimeout(run, 1);
  });
}

/** Runs the extraction generator in slices of at most `SLICE_MS`, each in a turn of its own. */
export async function extractInSlices(doc: Document, ctx: ContentScriptContext): Promise<ExtractedText | undefined> {
  const steps = extractArticleSteps(doc);
  for (;;) {
    const sliceEnd = performance.now() + SLICE_MS;
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (performance.now() >= sliceEnd) break;
    }
    await nextTurn();
    if (ctx.isInvalid) return undefined;
  }
}

/** Characters removed plus characters added between two texts, their common start and end set aside. */
function changedCharacters(before: string, after: string): number {
  if (before === after) return 0;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return before.length + after.length - 2 * (start + end);
}

const isOwn = (node: Node) => node.nodeType === 1 && (node as Element).hasAttribute(OWN_NODE_ATTRIBUTE);

/**
 * Characters of page text a batch of mutations changed. Text removed and added again unchanged (a
 * framework re-rendering the same article) counts for nothing; elements the extension adds itself
 * are left out.
 */
function changedInBatch(records: readonly MutationRecord[]): number {
  let removed = '';
  let added = '';
  let changed = 0;
  for (const r of records) {
    if (r.type === 'characterData') {
      changed += changedCharacters(r.oldValue ?? '', (r.target as CharacterData).data);
      continue;
    }
    for (const node of r.removedNodes) if (!isOwn(node)) removed += node.textContent ?? '';
    for (const node of r.addedNodes) if (!isOwn(node)) added += node.textContent ?? '';
  }
  return changed + changedCharacters(removed, added);
}

/** What identifies a text sent to the background, to tell whether a rescan found anything new. */
interface TextFingerprint {
  url: string;
  length: number;
  hash: number;
}

/** `fnv1a` of `text`, in slices of at most `SLICE_MS`, each in a turn of its own. */
async function hashInSlices(text: string, ctx: ContentScriptContext): Promise<number | undefined> {
  let hash = FNV1A_START;
  let sliceEnd = performance.now() + SLICE_MS;
  for (let at = 0; at < text.length; at += HASH_CHUNK_CHARS) {
    if (performance.now() >= sliceEnd) {
      await nextTurn();
      if (ctx.isInvalid) return undefined;
      sliceEnd = performance.now() + SLICE_MS;
    }
    hash = fnv1a(text, hash, at, Math.min(text.length, at + HASH_CHUNK_CHARS));
  }
  return hash;
}

/** Whether a scan sends the text it extracted even when it is the text last sent (the settings or the user asked for a new report). */
type Resend = 'always' | 'if-changed';

type Handled = 'spinscope:scan' | 'spinscope:highlight' | 'spinscope:clear-highlights' | 'spinscope:ping';
const HANDLED: readonly string[] = ['spinscope:scan', 'spinscope:highlight', 'spinscope:clear-highlights', 'spinscope:ping'];

/** The content script's work on one page: when to read it, reading it, sending the text, and highlighting on request. */
class PageScanner {
  // Made on the first request to highlight: most pages never get one.
  private highlighter: Highlighter | undefined;
  /** Where the last scan's text came from (node references and offsets), for highlighting; null before a scan or on a skipped site. */
  private segments: readonly TextSegment[] | null = null;
  private articleLength = 0;
  private lastSent: TextFingerprint | undefined;
  private scanning: Promise<void> | null = null;
  private queuedScan: Resend | undefined;
  private observer: MutationObserver | undefined;
  private navigationTimer: number | undefined;
  /** What decides when changes to the page call for a rescan, and the timer of the one due. */
  private readonly rescans = new RescanPolicy();
  private rescanTimer: number | undefined;

  constructor(
    private readonly doc: Document,
    private readonly ctx: ContentScriptContext,
  ) {}

  /** Listens to the extension, and reads the page once it has loaded and settled. */
  start(): void {
    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (r: unknown) => void) => {
      if (!isMessage(message) || this.ctx.isInvalid || !HANDLED.includes(message.type)) return false;
      this.handle(message as Message<Handled>).then(sendResponse, () => sendResponse(null));
      return true;
    });
    if (this.doc.readyState === 'complete') void this.afterLoad();
    else this.ctx.addEventListener(window, 'load', () => void this.afterLoad(), { once: true });
  }

  // After the page's own load work, in a turn of its own (nextTurn). Watching in-page navigation starts then too, since the
  // first scan reads whatever page is there by that time.
  private async afterLoad(): Promise<void> {
    await nextTurn();
    if (this.ctx.isInvalid) return;
    this.ctx.addEventListener(window, 'wxt:locationchange', () => {
      this.highlighter?.clear();
      if (this.navigationTimer !== undefined) clearTimeout(this.navigationTimer);
      this.navigationTimer = this.ctx.setTimeout(() => {
        this.navigationTimer = undefined;
        void this.consider('auto');
      }, NAVIGATION_DEBOUNCE_MS);
    });
    await this.consider('auto');
  }

  private async handle(message: Message<Handled>): Promise<Protocol[Handled]['response']> {
    switch (message.type) {
      case 'spinscope:scan':
        await this.consider(message.reason ?? 'user');
        return { ok: true };
      case 'spinscope:highlight':
        if (!this.segments) return { count: 0 };
        this.highlighter ??= createHighlighter(this.doc, this.ctx);
        return { count: this.highlighter.apply(message.ranges, this.segments) };
      case 'spinscope:clear-highlights':
        this.highlighter?.clear();
        return { count: 0 };
      case 'spinscope:ping':
        return { highlights: this.highlighter?.count ?? 0 };
    }
  }

  /** Asks the background whether to scan (it knows the settings), and does it or stops reading the page. */
  private async consider(reason: ScanReason, resend: Resend = 'always'): Promise<void> {
    const url = location.href;
    if (!READABLE_TYPES.has(this.doc.contentType)) {
      await sendMessage({ type: 'spinscope:page-unreadable', url }).catch(() => {});
      return;
    }
    // No answer: the extension was reloaded or updated, and this script is an orphan.
    const decision = await sendMessage({ type: 'spinscope:may-scan', url, reason, scannedBefore: this.segments !== null }).catch(() => undefined);
    if (!decision || this.ctx.isInvalid) return;
    if (decision.watch) this.watch();
    else this.unwatch();
    if (decision.status === 'excluded' || decision.status === 'trusted') {
      this.highlighter?.clear();
      this.segments = null;
    } else if (decision.status === 'scan') {
      await this.scan(resend);
    }
  }

  /** One scan at a time; a scan asked for meanwhile runs after it (once, resending if either asked to). */
  private scan(resend: Resend): Promise<void> {
    if (this.scanning) {
      this.queuedScan = this.queuedScan === 'always' || resend === 'always' ? 'always' : 'if-changed';
      return this.scanning;
    }
    this.scanning = this.read(resend).finally(() => {
      this.scanning = null;
      const queued = this.queuedScan;
      this.queuedScan = undefined;
      if (queued) void this.scan(queued);
    });
    return this.scanning;
  }

  /** Extracts the article and sends its text, unless it is the text last sent and nobody asked for a new report. */
  private async read(resend: Resend): Promise<void> {
    const followsSubstantialChange = this.rescans.scanBegins();
    this.stopRescanTimer();
    const extracted = await extractInSlices(this.doc, this.ctx);
    if (!extracted || this.ctx.isInvalid) return;
    this.rescans.scanEnded(Date.now());
    // Only the segments stay here (node references and offsets); the text goes to the background.
    this.segments = extracted.segments;
    this.articleLength = extracted.text.length;
    const { text } = extracted;
    const url = location.href;
    const hash = await hashInSlices(text, this.ctx);
    if (hash === undefined) return;
    const last = this.lastSent;
    const unchanged = last?.url === url && last.length === text.length && last.hash === hash;
    if (resend === 'if-changed' && followsSubstantialChange) this.rescans.substantialRescanFound(unchanged);
    if (unchanged && resend === 'if-changed') {
      // The report still describes this text; its highlights move to the nodes that now hold it.
      this.highlighter?.reanchor(this.segments);
      return;
    }
    this.highlighter?.clear();
    if (await this.send(text, url)) this.lastSent = { url, length: text.length, hash };
  }

  /** Sends the text to the background in parts, each in a task of its own; true when all of it arrived. */
  private async send(text: string, url: string): Promise<boolean> {
    const scanId = `${Date.now()}-${Math.random()}`;
    for (let at = 0; ; at += TEXT_PART_CHARS) {
      // Serialising a part is a few ms: in a task of its own, not after the extraction's last slice or the previous part.
      await nextTurn();
      if (this.ctx.isInvalid) return false;
      const done = at + TEXT_PART_CHARS >= text.length;
      // The markup's claims are read when they are sent: they are a few elements of the head, and an in-page navigation may have changed them.
      const claims = done ? readOriginClaims(this.doc) : undefined;
      const sent = await sendMessage({ type: 'spinscope:page-text', url, scanId, text: text.slice(at, at + TEXT_PART_CHARS), done, ...(claims ? { claims } : {}) }).catch(() => undefined);
      if (done) return sent?.ok === true;
      if (!sent?.ok || this.ctx.isInvalid) return false;
    }
  }

  private watch(): void {
    if (this.observer || !this.doc.body) return;
    this.observer = new MutationObserver((records) => {
      if (this.rescans.noteChange(changedInBatch(records), this.articleLength, Date.now())) this.armRescan();
    });
    this.observer.observe(this.doc.body, { childList: true, subtree: true, characterData: true, characterDataOldValue: true });
    this.ctx.onInvalidated(() => this.observer?.disconnect());
  }

  private unwatch(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.rescans.forget();
    this.stopRescanTimer();
  }

  // One timer per due rescan, moved on when it fires early, rather than one per mutation batch.
  private armRescan(): void {
    this.stopRescanTimer();
    const dueAt = this.rescans.dueAt();
    if (dueAt === undefined) return;
    const wait = dueAt - Date.now();
    if (wait > 0) this.rescanTimer = this.ctx.setTimeout(() => this.armRescan(), wait);
    else void this.consider('auto', 'if-changed');
  }

  private stopRescanTimer(): void {
    if (this.rescanTimer !== undefined) clearTimeout(this.rescanTimer);
    this.rescanTimer = undefined;
  }
}

export function startPageScanner(ctx: ContentScriptContext): void {
  new PageScanner(document, ctx).start();
}
