/**
 * What the content script's measurements in Chromium share (scripts/measure-content-script.ts,
 * scripts/measure-mutating-page.ts): where the build and the browser are, a page server, the
 * trace and CPU-profile shapes they read, the badge as a user sees it, and how figures are summed up.
 */
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import type { Worker } from 'playwright-core';
import type { browser } from 'wxt/browser';

/** The built extension to measure (DIST=… measures another build, e.g. to compare two versions). */
export const DIST = resolve(process.env.DIST ?? '.output/chrome-mv3');
export const CONTENT_SCRIPT_PATH = 'content-scripts/content.js';
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Serves `content` (path → HTML) on 127.0.0.1 at a free port. */
export function serve(content: Record<string, string>): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const body = content[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

/** A Chromium trace event, with the fields the measurements read. */
export interface TraceEvent {
  name: string;
  ph: string;
  /** Wall duration and thread (CPU) duration, µs. */
  dur?: number;
  tdur?: number;
  ts: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frames?: { url?: string; processId?: number }[] }; chrome_extension_id?: { extension_id?: string } };
}

/** A CDP CPU profile (Profiler.stop). */
export interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The badge text of the active tab, read in the extension's service worker. */
export function badgeText(sw: Worker): Promise<string> {
  return sw.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: typeof browser };
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: tab.id });
  });
}

/** "median (min–max, n=N)" of the finite values. */
export function stat(values: number[], digits = 1): string {
  const v = values.filter((x) => Number.isFinite(x)).sort((x, y) => x - y);
  if (!v.length) return 'n/a';
  return `${v[Math.floor(v.length / 2)]!.toFixed(digits)} (${v[0]!.toFixed(digits)}–${v[v.length - 1]!.toFixed(digits)}, n=${v.length})`;
}

/** A test of CPU-profile nodes: whether the node's stack holds a frame of a script whose address `isScript` accepts. */
export function stackHolds(profile: CpuProfile, isScript: (url: string) => boolean): (nodeId: number) => boolean {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const known = new Map<number, boolean>();
  const holds = (id: number): boolean => {
    const seen = known.get(id);
    if (seen !== undefined) return seen;
    const up = parent.get(id);
    const result = isScript(byId.get(id)?.callFrame.url ?? '') || (up !== undefined && holds(up));
    known.set(id, result);
    return result;
  };
  return holds;
}

/**
 * The main-thread task running at each time asked, for times asked in increasing order (profile
 * samples), and the share of its wall time the thread ran: a sample's wall time times that share is
 * its CPU time, since a task's descheduled time (two cores shared with the browser) is no one's work.
 */
export function taskCursor(tasks: readonly TraceEvent[]): (t: number) => { task: TraceEvent | undefined; cpuShare: number } {
  let index = 0;
  return (t) => {
    while (index < tasks.length && tasks[index]!.ts + (tasks[index]!.dur ?? 0) < t) index++;
    const candidate = tasks[index];
    const task = candidate && candidate.ts <= t ? candidate : undefined;
    return { task, cpuShare: task?.dur && task.tdur !== undefined ? Math.min(1, task.tdur / task.dur) : 1 };
  };
}
