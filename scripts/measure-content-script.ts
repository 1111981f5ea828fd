/**
 * Measures what the content script costs a page, in Chromium with the built extension:
 * bundle size, main-thread time (total and longest single call), and the JS heap it adds.
 *
 *   npm run build && npx tsx scripts/measure-content-script.ts      (RUNS=5, PAGES=typical,big by default)
 *
 * Pages (served on 127.0.0.1): a typical article (a seed article with a site's navigation,
 * sidebar and comments around it) and a page with 5 MB of article text. Main-thread time is read
 * from a Chromium trace: every top-level call into the content script's file (its evaluation,
 * idle callbacks, message handlers, observers). The heap figure compares the page's JS heap after
 * a scan with the same page in a profile without the extension, both after garbage collection.
 */
import { readFileSync, statSync, mkdtempSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { SHARED_DIR } from './corpora';

const DIST = resolve('.output/chrome-mv3');
const CONTENT_SCRIPT = join(DIST, 'content-scripts/content.js');
const SEEDS = join(SHARED_DIR, 'seeds');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** Runs per page (timings on a shared machine vary; the median is reported with the range). */
const RUNS = Number(process.env.RUNS ?? 5);

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function articlePage(title: string, paragraphs: string[]): string {
  const nav = Array.from({ length: 30 }, (_, i) => `<li><a href="/s${i}">Section ${i}</a></li>`).join('');
  const side = Array.from({ length: 15 }, (_, i) => `<li><a href="/a${i}">Related story number ${i} about the news of the day</a></li>`).join('');
  const comments = Array.from({ length: 20 }, (_, i) => `<li><p>Comment ${i}: I read this and have thoughts, some of them long enough to count as a paragraph.</p></li>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>
<header><nav><ul>${nav}</ul></nav></header>
<div class="layout"><main><article><h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article></main><aside class="sidebar"><ul>${side}</ul></aside></div>
<section id="comments"><ol>${comments}</ol></section><footer><p>© Example</p></footer></body></html>`;
}

function pages(): Record<string, string> {
  const seed = readFileSync(join(SEEDS, readdirSync(SEEDS).sort()[0]!), 'utf8');
  const [title = 'Article', ...rest] = seed.split('\n').filter((l) => l.trim());
  const typical = articlePage(title, rest);
  const big: string[] = [];
  let size = 0;
  while (size < 5 * 1024 * 1024) {
    for (const p of rest) {
      big.push(p);
      size += p.length;
    }
  }
  return { '/typical.html': typical, '/big.html': articlePage(title, big) };
}

function serve(content: Record<string, string>): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const body = content[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

async function launch(withExtension: boolean): Promise<BrowserContext> {
  const args = withExtension ? [`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`] : [];
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'spinscope-measure-')), { executablePath: CHROMIUM, headless: true, args });
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  ts: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * Main-thread time spent in the content script, from a CPU profile of the page's isolate (the
 * content script's isolated world included): a sample counts when any frame of its stack is in
 * the content script's file. Samples are assigned to the trace's top-level tasks (RunTask on the
 * renderer main thread), giving the longest single stretch of content-script work and the length
 * of the task it ran in.
 */
function contentScriptTime(profile: CpuProfile, events: TraceEvent[], scriptUrl: string) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const mine = new Map<number, boolean>();
  const isMine = (id: number): boolean => {
    const known = mine.get(id);
    if (known !== undefined) return known;
    const own = byId.get(id)?.callFrame.url === scriptUrl;
    const up = parent.get(id);
    const result = own || (up !== undefined && isMine(up));
    mine.set(id, result);
    return result;
  };
  // The renderer's main thread is the one that parsed the page.
  const mainThread = events.find((e) => e.name === 'ParseHTML');
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && mainThread && e.pid === mainThread.pid && e.tid === mainThread.tid)
    .sort((a, b) => a.ts - b.ts);
  const perTask = new Map<TraceEvent, number>();
  const breakdown = new Map<string, number>();
  let total = 0;
  let t = profile.startTime;
  let taskIndex = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (!isMine(profile.samples[i]!)) continue;
    total += dt;
    if (process.env.VERBOSE) {
      let id: number | undefined = profile.samples[i]!;
      const leaf = byId.get(id)!.callFrame;
      while (id !== undefined && byId.get(id)?.callFrame.url !== scriptUrl) id = parent.get(id);
      const f = byId.get(id!)!.callFrame;
      const key = `${f.functionName || '(anonymous)'}:${f.columnNumber} > ${leaf.functionName || '(program)'}`;
      breakdown.set(key, (breakdown.get(key) ?? 0) + dt);
    }
    while (taskIndex < tasks.length && tasks[taskIndex]!.ts + (tasks[taskIndex]!.dur ?? 0) < t) taskIndex++;
    const task = tasks[taskIndex];
    if (task && task.ts <= t) perTask.set(task, (perTask.get(task) ?? 0) + dt);
  }
  if (process.env.VERBOSE) for (const [k, v] of [...breakdown].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${v.toFixed(1)} ms ${k}`);
  let longestWork = 0;
  let longestTask = 0;
  for (const [task, work] of perTask) {
    longestWork = Math.max(longestWork, work);
    longestTask = Math.max(longestTask, (task.dur ?? 0) / 1000);
  }
  return { total, longestWork, longestTask, tasks: perTask.size };
}

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

async function measurePage(ctx: BrowserContext, url: string, extensionId: string | undefined) {
  const page = await ctx.newPage();
  // One tab only, so "the active tab" in the service worker is this one.
  for (const other of ctx.pages()) if (other !== page) await other.close();
  const cdp = await ctx.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,toplevel,disabled-by-default-devtools.timeline,disabled-by-default-lighthouse', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  let badge = '';
  if (extensionId) {
    const sw = ctx.serviceWorkers()[0]!;
    // Wait for a score (the badge is empty, or a dash for the blank page before, until then).
    for (let i = 0; i < 600 && !/^\d+$/.test(badge); i++) {
      badge = await sw.evaluate(async () => {
        const { chrome } = globalThis as unknown as { chrome: typeof browser };
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: tab.id });
      });
      if (!/^\d+$/.test(badge)) await page.waitForTimeout(100);
    }
  } else {
    await page.waitForTimeout(3000);
  }
  const scanMs = Date.now() - started;
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.end');
  await done;
  const heap = await heapUsed(page);
  const longTasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) > 50_000).length;
  await page.close();
  const scriptUrl = extensionId ? `chrome-extension://${extensionId}/content-scripts/content.js` : '';
  return { badge, scanMs, heap, longTasks, time: extensionId ? contentScriptTime(profile, events, scriptUrl) : undefined };
}

async function main() {
  const bytes = statSync(CONTENT_SCRIPT).size;
  const gz = gzipSync(readFileSync(CONTENT_SCRIPT)).length;
  console.log(`content script bundle: ${(bytes / 1024).toFixed(1)} kB minified, ${(gz / 1024).toFixed(1)} kB gzip`);

  const { server, base } = await serve(pages());
  const withExt = await launch(true);
  const sw = withExt.serviceWorkers()[0] ?? (await withExt.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;
  const without = await launch(false);
  try {
    for (const name of (process.env.PAGES ?? 'typical,big').split(',')) {
      const url = `${base}/${name}.html`;
      const runs: { total: number; longestWork: number; longestTask: number; added: number }[] = [];
      for (let run = 0; run < RUNS; run++) {
        const a = await measurePage(withExt, url, extensionId);
        const b = await measurePage(without, url, undefined);
        const t = a.time!;
        // A trace without the page's main thread (it happens) cannot place samples in tasks: left out of the task figures.
        const placed = t.tasks > 0;
        runs.push({ total: t.total, longestWork: placed ? t.longestWork : NaN, longestTask: placed ? t.longestTask : NaN, added: (a.heap - b.heap) / 1048576 });
        console.log(
          `${name} run ${run + 1}: badge "${a.badge}" after ${a.scanMs} ms; content script main thread ${t.total.toFixed(1)} ms over ${t.tasks} tasks, ` +
            `at most ${t.longestWork.toFixed(1)} ms in one task (longest such task ${t.longestTask.toFixed(1)} ms); ` +
            `JS heap ${(a.heap / 1048576).toFixed(2)} MB with vs ${(b.heap / 1048576).toFixed(2)} MB without; tasks > 50 ms on the page: ${a.longTasks} with, ${b.longTasks} without`,
        );
      }
      const stat = (pick: (r: (typeof runs)[number]) => number) => {
        const v = runs.map(pick).filter((x) => !Number.isNaN(x)).sort((x, y) => x - y);
        if (!v.length) return 'n/a';
        return `median ${v[Math.floor(v.length / 2)]!.toFixed(1)} (min ${v[0]!.toFixed(1)}, max ${v[v.length - 1]!.toFixed(1)})`;
      };
      console.log(
        `${name} over ${RUNS} runs: main-thread ms ${stat((r) => r.total)}; longest content-script work in one task, ms ${stat((r) => r.longestWork)}; ` +
          `its task, ms ${stat((r) => r.longestTask)}; JS heap added, MB ${stat((r) => r.added)}`,
      );
    }
  } finally {
    await withExt.close();
    await without.close();
    server.close();
  }
}

await main();
