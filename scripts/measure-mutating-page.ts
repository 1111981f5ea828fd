/**
 * Measures what the content script costs, once the page has settled, on pages that mutate every
 * 50 ms without changing their article: main-thread CPU time per minute and the scans it starts.
 *
 *   npm run build && npm run measure:mutating-page      (RUNS=3, DURATION=60, WARMUP=15 seconds, PAGES=re-rendered,clock)
 *
 * Pages (served on 127.0.0.1), both the first seed article inside a site's navigation and footer:
 * - re-rendered: every 50 ms the article is rendered again, unchanged (`<main>`'s innerHTML, as a
 *   framework that re-renders everything does), and a clock in the header ticks;
 * - clock: the article stays, only the clock ticks every 50 ms.
 * Each run opens the page in Chromium with the built extension (DIST=… measures another build),
 * waits for the badge, then WARMUP seconds so that the first rescans are over, then measures for
 * DURATION seconds.
 *
 * CPU time is counted as in measure-content-script.ts: CPU-profile samples whose stack holds a
 * frame of the content script's file (observer callbacks, timers, scans, messages, and the DOM
 * calls they make), each scaled by the thread-time share of the page's main-thread task it falls
 * in, from a trace of the same period. Scans are the content script's `spinscope:may-scan`
 * messages (every scan starts with one), seen by a listener added to the service worker.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { SHARED_DIR } from '../corpora';
import { badgeText, CHROMIUM, CONTENT_SCRIPT_PATH, DIST, escapeHtml, serve, stackHolds, stat, taskCursor, type CpuProfile, type TraceEvent } from './chromium-measure';

const RUNS = Number(process.env.RUNS ?? 3);
const DURATION_SECONDS = Number(process.env.DURATION ?? 60);
const WARMUP_SECONDS = Number(process.env.WARMUP ?? 15);
const MUTATION_INTERVAL_MS = 50;


function page(title: string, paragraphs: string[], reRenderArticle: boolean): string {
  const main = `<article><h1>${escapeHtml(title)}</h1>\n${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</article>`;
  const script = `const main = document.querySelector('main');
const article = main.innerHTML;
const clock = document.getElementById('clock');
setInterval(() => {
  clock.textContent = new Date().toISOString();
  ${reRenderArticle ? 'main.innerHTML = article;' : ''}
}, ${MUTATION_INTERVAL_MS});`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>
<header><time id="clock"></time><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main>${main}</main>
<footer><p>© Example</p></footer>
<script>${script}</script></body></html>`;
}

function pages(): Record<string, string> {
  const seeds = join(SHARED_DIR, 'seeds');
  const seed = readFileSync(join(seeds, readdirSync(seeds).sort()[0]!), 'utf8');
  const [title = 'Article', ...rest] = seed.split('\n').filter((l) => l.trim());
  return { '/re-rendered.html': page(title, rest, true), '/clock.html': page(title, rest, false) };
}

/** CPU ms of the samples with a frame of the content script, scaled by their task's thread-time share on the page's main thread. */
function contentScriptCpu(profile: CpuProfile, events: TraceEvent[], pageUrl: string): number {
  const frames = events.find((e) => e.name === 'TracingStartedInBrowser')?.args?.data?.frames ?? [];
  const pid = frames.find((f) => f.url === pageUrl)?.processId;
  const tid = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain')?.tid;
  if (pid === undefined || tid === undefined) throw new Error(`No main thread for ${pageUrl} in the trace.`);
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts);

  const isMine = stackHolds(profile, (url) => url.endsWith(`/${CONTENT_SCRIPT_PATH}`));
  const taskAtSample = taskCursor(tasks);
  let cpu = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (!isMine(profile.samples[i]!)) continue;
    cpu += ((profile.timeDeltas[i + 1] ?? 0) / 1000) * taskAtSample(t).cpuShare;
  }
  return cpu;
}

/** Scans started by content scripts so far (the listener is added on the first call). */
function scansSoFar(sw: Worker): Promise<number> {
  return sw.evaluate(() => {
    const g = globalThis as unknown as { chrome: typeof browser; spinscopeScansSeen?: number };
    if (g.spinscopeScansSeen === undefined) {
      g.spinscopeScansSeen = 0;
      g.chrome.runtime.onMessage.addListener((message: unknown) => {
        if ((message as { type?: unknown } | null)?.type === 'spinscope:may-scan') g.spinscopeScansSeen! += 1;
      });
    }
    return g.spinscopeScansSeen;
  });
}

async function measure(ctx: BrowserContext, sw: Worker, url: string): Promise<{ cpuPerMinute: number; scansPerMinute: number; badge: string }> {
  const tab = await ctx.newPage();
  for (const other of ctx.pages()) if (other !== tab) await other.close();
  await tab.goto(url, { waitUntil: 'load' });
  let badge = '';
  for (let i = 0; i < 600 && !/^\d+$/.test(badge); i++) {
    badge = await badgeText(sw);
    if (!/^\d+$/.test(badge)) await tab.waitForTimeout(100);
  }
  await tab.waitForTimeout(WARMUP_SECONDS * 1000);

  const cdp = await ctx.newCDPSession(tab);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const scansBefore = await scansSoFar(sw);
  await cdp.send('Profiler.start');
  const started = Date.now();
  await tab.waitForTimeout(DURATION_SECONDS * 1000);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const minutes = (Date.now() - started) / 60_000;
  const scans = (await scansSoFar(sw)) - scansBefore;
  const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.end');
  await done;
  await tab.close();
  return { cpuPerMinute: contentScriptCpu(profile, events, url) / minutes, scansPerMinute: scans / minutes, badge };
}

async function main() {
  const { server, base } = await serve(pages());
  const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'spinscope-measure-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`],
  });
  try {
    const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
    await scansSoFar(sw);
    for (const name of (process.env.PAGES ?? 're-rendered,clock').split(',')) {
      const runs: { cpuPerMinute: number; scansPerMinute: number }[] = [];
      for (let run = 0; run < RUNS; run++) {
        const r = await measure(ctx, sw, `${base}/${name}.html`);
        runs.push(r);
        console.log(`${name} run ${run + 1}: badge "${r.badge}"; content script ${r.cpuPerMinute.toFixed(1)} ms CPU per minute, ${r.scansPerMinute.toFixed(1)} scans per minute`);
      }
      console.log(
        `${name}, median (min–max, runs), after ${WARMUP_SECONDS} s of warm-up, over ${DURATION_SECONDS} s: ` +
          `content script CPU ${stat(runs.map((r) => r.cpuPerMinute))} ms per minute; scans ${stat(runs.map((r) => r.scansPerMinute))} per minute`,
      );
    }
  } finally {
    await ctx.close();
    server.close();
  }
}

await main();
