import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { locateRange, type TextSegment } from '@/lib/extract';
import type { HighlightRange } from './messages';

/**
 * Highlights findings on the page without changing its text: the CSS Custom Highlight API where
 * the browser has it, else absolutely positioned boxes in a shadow root over the text. The
 * suggested original shows in a small tooltip (a shadow-root box, filled with textContent) while
 * the pointer is over a highlighted range. `data-spinscope-highlights` on <html> holds the number
 * of ranges highlighted, for anyone (and the end-to-end tests) to observe.
 */

/** More highlights than this would only slow the page down; the popup lists them all anyway. */
const MAX_RANGES = 3000;
/** The name of a signal's highlight in the CSS highlight registry. */
const highlightName = (signal: string) => `spinscope-${signal}`;
/** Marks the extension's own nodes, so the content script's mutation watcher ignores them. */
export const OWN_NODE_ATTRIBUTE = 'data-spinscope';

interface Marked {
  range: Range;
  info: HighlightRange;
}

interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): boolean;
}

function highlightApi(): { registry: HighlightRegistry; Highlight: new (...ranges: Range[]) => unknown } | undefined {
  const registry = (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const Highlight = (globalThis as unknown as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  return registry && typeof Highlight === 'function' ? { registry, Highlight } : undefined;
}

const stripSpace = (s: string) => s.replace(/\s+/g, '');

export interface Highlighter {
  /** Highlights the ranges (offsets into the text `segments` were extracted with); returns how many were placed. */
  apply(ranges: readonly HighlightRange[], segments: readonly TextSegment[]): number;
  /** Places the shown highlights again on freshly extracted segments of the same text (the page re-rendered it). */
  reanchor(segments: readonly TextSegment[]): void;
  clear(): void;
  readonly count: number;
}

/** Where a point of the viewport falls in the text: the caret position there, in either browser's API. */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  const pos = d.caretPositionFromPoint?.(x, y);
  if (pos) return { node: pos.offsetNode, offset: pos.offset };
  const range = d.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/** One document's highlights: the ranges marked, how they are painted, and the tooltip over them. */
class PageHighlighter implements Highlighter {
  private marked: Marked[] = [];
  /** The ranges last asked for, while any are shown: what `reanchor` places again. */
  private requested: readonly HighlightRange[] = [];
  /** The marks that start or end in each text node, for the tooltip's hit test. */
  private readonly byNode = new Map<Node, Marked[]>();
  private readonly ownNodes: Element[] = [];
  /** Names set in the CSS highlight registry, to delete on clear. */
  private readonly registered: string[] = [];
  private tooltipBox: HTMLElement | undefined;
  private listening = false;
  private framePending = false;

  constructor(
    private readonly doc: Document,
    private readonly ctx: ContentScriptContext,
  ) {
    ctx.onInvalidated(() => this.clear());
  }

  get count(): number {
    return this.marked.length;
  }

  apply(ranges: readonly HighlightRange[], segments: readonly TextSegment[]): number {
    this.clear();
    this.requested = ranges;
    this.place(ranges, segments);
    if (!this.paintWithHighlightApi() && this.marked.length) this.drawOverlays();
    if (!this.listening) {
      this.listening = true;
      this.ctx.addEventListener(this.doc, 'mousemove', this.onPointer, { passive: true });
    }
    this.doc.documentElement.dataset.spinscopeHighlights = String(this.marked.length);
    return this.marked.length;
  }

  reanchor(segments: readonly TextSegment[]): void {
    if (this.marked.length) this.apply(this.requested, segments);
  }

  clear(): void {
    const api = highlightApi();
    if (api) for (const name of this.registered.splice(0)) api.registry.delete(name);
    for (const el of this.ownNodes.splice(0)) el.remove();
    this.tooltipBox = undefined;
    this.marked = [];
    this.requested = [];
    this.byNode.clear();
    delete this.doc.documentElement.dataset.spinscopeHighlights;
  }

  /** Turns each range's offsets into a DOM range over the text that still reads as the finding did. */
  private place(ranges: readonly HighlightRange[], segments: readonly TextSegment[]): void {
    const doc = this.doc;
    for (const info of ranges.slice(0, MAX_RANGES)) {
      const at = locateRange(segments, info.start, info.end);
      // Only text in this document's own tree, connected: a highlight's style and registry do not
      // reach into shadow roots or frames, whose text is in the report but is not marked.
      if (!at || at.startNode.getRootNode() !== doc || at.endNode.getRootNode() !== doc) continue;
      if (at.startOffset > at.startNode.length || at.endOffset > at.endNode.length) continue;
      const range = doc.createRange();
      range.setStart(at.startNode, at.startOffset);
      range.setEnd(at.endNode, at.endOffset);
      // The page may have changed since the scan: only mark text that still reads the same.
      if (stripSpace(range.toString()) !== stripSpace(info.actual)) continue;
      const m = { range, info };
      this.marked.push(m);
      for (const node of new Set([at.startNode, at.endNode])) {
        const list = this.byNode.get(node);
        if (list) list.push(m);
        else this.byNode.set(node, [m]);
      }
    }
  }

  /** Paints the marks through the CSS Custom Highlight API, one highlight per signal; false where the browser has none or refuses it. */
  private paintWithHighlightApi(): boolean {
    const api = highlightApi();
    if (!api) return false;
    try {
      const colours = new Map(this.marked.map((m) => [m.info.signal, m.info.colour]));
      for (const signal of colours.keys()) {
        const name = highlightName(signal);
        api.registry.set(name, new api.Highlight(...this.marked.filter((m) => m.info.signal === signal).map((m) => m.range)));
        this.registered.push(name);
      }
      const style = this.ownElement('style');
      style.textContent = [...colours]
        .map(([signal, colour]) => `::highlight(${highlightName(signal)}) { background-color: ${colour}; text-decoration: underline wavy #c62828; }`)
        .join('\n');
      (this.doc.head ?? this.doc.documentElement).append(style);
      return true;
    } catch {
      // A browser that exposes the API but refuses it (e.g. across content-script worlds): use boxes.
      for (const name of this.registered.splice(0)) api.registry.delete(name);
      return false;
    }
  }

  /** Boxes over the marked text, in a shadow root, where the highlight API cannot paint. */
  private drawOverlays(): void {
    const doc = this.doc;
    const host = this.ownElement('div');
    host.style.cssText = 'all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0; z-index: 2147483646; pointer-events: none;';
    const root = host.attachShadow({ mode: 'closed' });
    const sx = doc.defaultView?.scrollX ?? 0;
    const sy = doc.defaultView?.scrollY ?? 0;
    for (const m of this.marked) {
      // Layout-less DOMs (jsdom) have no client rects: nothing to draw, the count still holds.
      if (typeof m.range.getClientRects !== 'function') continue;
      for (const rect of m.range.getClientRects()) {
        const box = doc.createElement('div');
        box.style.cssText = `position: absolute; left: ${rect.left + sx}px; top: ${rect.top + sy}px; width: ${rect.width}px; height: ${rect.height}px; background: ${m.info.colour}; border-bottom: 2px solid #c62828;`;
        root.append(box);
      }
    }
    doc.documentElement.append(host);
  }

  /** An element of the extension's own, marked so the page scanner ignores it, removed on clear. */
  private ownElement<K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K] {
    const el = this.doc.createElement(tag);
    el.setAttribute(OWN_NODE_ATTRIBUTE, '');
    this.ownNodes.push(el);
    return el;
  }

  private ensureTooltip(): HTMLElement {
    if (this.tooltipBox) return this.tooltipBox;
    const doc = this.doc;
    const host = this.ownElement('div');
    host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647; pointer-events: none;';
    const root = host.attachShadow({ mode: 'closed' });
    const box = doc.createElement('div');
    box.style.cssText =
      'display: none; position: fixed; max-width: 320px; padding: 4px 8px; border-radius: 4px; background: #212121; color: #fff; font: 13px/1.4 system-ui, sans-serif; box-shadow: 0 2px 6px rgba(0,0,0,.3);';
    root.append(box);
    doc.documentElement.append(host);
    this.tooltipBox = box;
    return box;
  }

  /** Shows the tooltip of the mark under the pointer, at most once a frame. */
  private readonly onPointer = (event: MouseEvent): void => {
    if (!this.marked.length || this.framePending) return;
    this.framePending = true;
    const { clientX: x, clientY: y } = event;
    this.ctx.requestAnimationFrame(() => {
      this.framePending = false;
      const caret = caretAt(this.doc, x, y);
      const hit = caret && this.byNode.get(caret.node)?.find((m) => m.range.isPointInRange(caret.node, caret.offset));
      if (!hit) {
        if (this.tooltipBox) this.tooltipBox.style.display = 'none';
        return;
      }
      const box = this.ensureTooltip();
      box.textContent = hit.info.tooltip;
      box.style.left = `${Math.min(x + 12, this.doc.documentElement.clientWidth - 330)}px`;
      box.style.top = `${y + 18}px`;
      box.style.display = 'block';
    });
  };
}

export function createHighlighter(doc: Document, ctx: ContentScriptContext): Highlighter {
  return new PageHighlighter(doc, ctx);
}
