import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { extractArticleSteps, type ExtractedText, type TextSegment } from '@/lib/extract';
import type { ScanReason } from '@/lib/settings';
import { createHighlighter, OWN_NODE_ATTRIBUTE, type Highlighter } from './highlight';
import { isMessage, sendMessage, type Message, type Protocol } from './messages';

/**
 * The content script's work: extract the article text in idle time slices, send it to the
 * background (which runs the engine), rescan when the article changes, and highlight findings on
 * request. It carries no lexicon, no language model and no settings: the background decides
 * whether a page is scanned, so no page pays for reading storage (creating the storage API's
 * bindings cost Chrome a few ms per page).
 */

/** Characters per message to the background (serialising costs the page a few ms per part). */
export const TEXT_PART_CHARS = 256 * 1024;
/** Longest stretch of extraction work before yielding to the page. */
export const SLICE_MS = 8;
/** Rescan delay after the last substantial change, and after an in-page navigation. */
const MUTATION_DEBOUNCE_MS = 1500;
const NAVIGATION_DEBOUNCE_MS = 800;
/** A change is substantial when it adds or removes this share of the article's length (at least MIN_CHANGE characters). */
const CHANGE_SHARE = 0.2;
const MIN_CHANGE = 400;

/** Documents the extraction can read; a browser shows a text/plain response as a document with the text in a <pre>. */
const READABLE_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain']);

/**
 * Resolves when the page is idle (or soon, in browsers without idle callbacks). Callers check
 * `ctx.isInvalid` after it: WXT's `ctx.requestIdleCallback` would do that too, but it also leaves
 * a cancel listener on the context for every call, hundreds of them on a long page.
 */
function idle(timeout: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 1);
  });
}

/** Runs the extraction generator in slices of at most `SLICE_MS`, waiting for idle time between slices. */
export async function extractInSlices(doc: Document, ctx: ContentScriptContext): Promise<ExtractedText | undefined> {
  const steps = extractArticleSteps(doc);
  for (;;) {
    const sliceEnd = performance.now() + SLICE_MS;
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (performance.now() >= sliceEnd) break;
    }
    await idle(200);
    if (ctx.isInvalid) return undefined;
  }
}

export function startPageScanner(ctx: ContentScriptContext): void {
  const doc = document;
  // Made on the first request to highlight: most pages never get one.
  let highlighter: Highlighter | undefined;
  let segments: readonly TextSegment[] | null = null;
  let articleLength = 0;
  let scanning: Promise<void> | null = null;
  let scanAgain = false;
  let observer: MutationObserver | undefined;
  let rescanTimer: number | undefined;

  const scan = (): Promise<void> => {
    if (scanning) {
      scanAgain = true;
      return scanning;
    }
    scanning = (async () => {
      const extracted = await extractInSlices(doc, ctx);
      if (!extracted || ctx.isInvalid) return;
      highlighter?.clear();
      segments = extracted.segments;
      articleLength = extracted.text.length;
      // Only the segments stay here (node references and offsets); the text goes to the background.
      const { text } = extracted;
      const scanId = `${Date.now()}-${Math.random()}`;
      const url = location.href;
      for (let at = 0; ; at += TEXT_PART_CHARS) {
        // Serialising a part is a few ms: in a task of its own, not after the extraction's last slice or the previous part.
        await idle(200);
        if (ctx.isInvalid) break;
        const done = at + TEXT_PART_CHARS >= text.length;
        const sent = await sendMessage({ type: 'spinscope:page-text', url, scanId, text: text.slice(at, at + TEXT_PART_CHARS), done }).catch(() => undefined);
        if (done || !sent?.ok || ctx.isInvalid) break;
      }
    })().finally(() => {
      scanning = null;
      if (scanAgain) {
        scanAgain = false;
        void scan();
      }
    });
    return scanning;
  };

  const scheduleRescan = (delay: number) => {
    if (rescanTimer !== undefined) clearTimeout(rescanTimer);
    rescanTimer = ctx.setTimeout(() => {
      rescanTimer = undefined;
      void consider('auto');
    }, delay);
  };

  const isOwn = (node: Node) => node.nodeType === 1 && (node as Element).hasAttribute(OWN_NODE_ATTRIBUTE);

  const watch = () => {
    if (observer || !doc.body) return;
    observer = new MutationObserver((records) => {
      const threshold = Math.max(MIN_CHANGE, articleLength * CHANGE_SHARE);
      let changed = 0;
      for (const r of records) {
        if (r.type === 'characterData') changed += (r.target as Text).length;
        for (const list of [r.addedNodes, r.removedNodes]) {
          for (const node of list) {
            if (isOwn(node)) continue;
            changed += node.nodeType === 3 ? (node as Text).length : (node.textContent?.length ?? 0);
            if (changed >= threshold) break;
          }
        }
        if (changed >= threshold) {
          scheduleRescan(MUTATION_DEBOUNCE_MS);
          return;
        }
      }
    });
    observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => observer?.disconnect());
  };

  const unwatch = () => {
    observer?.disconnect();
    observer = undefined;
  };

  /** Asks the background whether to scan (it knows the settings), and does it or stops reading the page. */
  const consider = async (reason: ScanReason): Promise<void> => {
    const url = location.href;
    if (!READABLE_TYPES.has(doc.contentType)) {
      await sendMessage({ type: 'spinscope:page-unreadable', url }).catch(() => {});
      return;
    }
    // No answer: the extension was reloaded or updated, and this script is an orphan.
    const decision = await sendMessage({ type: 'spinscope:may-scan', url, reason, scannedBefore: segments !== null }).catch(() => undefined);
    if (!decision || ctx.isInvalid) return;
    if (decision.watch) watch();
    else unwatch();
    if (decision.status === 'excluded') {
      highlighter?.clear();
      segments = null;
    } else if (decision.status === 'scan') {
      await scan();
    }
  };

  type Handled = 'spinscope:scan' | 'spinscope:highlight' | 'spinscope:clear-highlights' | 'spinscope:ping';
  const handle = async (message: Message<Handled>): Promise<Protocol[Handled]['response']> => {
    switch (message.type) {
      case 'spinscope:scan':
        await consider(message.reason ?? 'user');
        return { ok: true };
      case 'spinscope:highlight':
        if (!segments) return { count: 0 };
        highlighter ??= createHighlighter(doc, ctx);
        return { count: highlighter.apply(message.ranges, segments) };
      case 'spinscope:clear-highlights':
        highlighter?.clear();
        return { count: 0 };
      case 'spinscope:ping':
        return { highlights: highlighter?.count ?? 0 };
    }
  };

  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (r: unknown) => void) => {
    if (!isMessage(message) || ctx.isInvalid) return false;
    if (!['spinscope:scan', 'spinscope:highlight', 'spinscope:clear-highlights', 'spinscope:ping'].includes(message.type)) return false;
    handle(message as Message<Handled>).then(sendResponse, () => sendResponse(null));
    return true;
  });

  // After the page settles: once loaded, in idle time. Watching in-page navigation starts then too,
  // since the first scan reads whatever page is there by that time.
  const start = async () => {
    await idle(2000);
    if (ctx.isInvalid) return;
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      highlighter?.clear();
      scheduleRescan(NAVIGATION_DEBOUNCE_MS);
    });
    await consider('auto');
  };
  if (doc.readyState === 'complete') void start();
  else ctx.addEventListener(window, 'load', () => void start(), { once: true });
}
