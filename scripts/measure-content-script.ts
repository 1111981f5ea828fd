/**
 * Measures what the content script costs a page, in Chromium with the built extension: bundle
 * size, main-thread time (total and longest single task), and the JS heap it adds. Beside it, the
 * same figures for two minimal extensions built into temporary directories here (see BASELINES):
 * an empty content script (the platform floor any content script pays) and a raw-API content
 * script that only asks the background whether to scan and sends the page's text.
 *
 *   npm run build && npx tsx scripts/measure-content-script.ts      (RUNS=9, PAGES=typical,big by default)
 *
 * Pages (served on 127.0.0.1): a typical article (a seed article with a site's navigation,
 * sidebar and comments around it) and a page with 5 MB of article text. Each run loads the page
 * in four browsers in turn: with Spinscope, with each baseline, and with no extension.
 *
 * Main-thread time is CPU time of the page's renderer main thread, from a Chromium trace and a
 * CPU profile of the page's isolate:
 * - injection: Chrome's `ScriptInjection::InjectJs` for the extension (any content script pays it);
 * - evaluation: the `EvaluateScript` of the content script's file (compiling it, creating its
 *   isolated world, running its top level), as thread time from the trace;
 * - later work: every CPU-profile sample whose stack holds a frame of the content script's file
 *   (idle callbacks, promise continuations, message handlers, observers, and the browser APIs they
 *   call), outside the evaluation. Samples measure wall time, so each is scaled by the thread-time
 *   share of the top-level task it falls in: time the thread spent descheduled (2 cores shared
 *   with the browser's other processes and this script) is not the content script's.
 * Garbage collection is not attributed (the isolate's heap is shared with the page). Wall-clock
 * totals are printed too.
 *
 * The heap figure compares the page's JS heap (the isolated worlds included) after the scan with
 * the same page in the browser without an extension, both after garbage collection.
 */
import { readFileSync, statSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { SHARED_DIR } from '../corpora';
import { badgeText, CHROMIUM, CONTENT_SCRIPT_PATH, DIST, escapeHtml, serve, stackHolds, stat, taskCursor, type CpuProfile, type TraceEvent } from './chromium-measure';

const SEEDS = join(SHARED_DIR, 'seeds');
/** Runs per page (timings on a shared 2-core machine vary; the median is reported with the range). */
const RUNS = Number(process.env.RUNS ?? 9);


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

/**
 * The baselines: minimal Manifest V3 extensions (no WXT, no polyfill) whose content script is
 * matched like Spinscope's and runs at the same time.
 * - empty: an empty file, the platform floor any content script pays;
 * - messaging: the least a content script doing Spinscope's job with the raw `chrome` API does:
 *   one message listener, one settings read, and the page's text sent to a background that
 *   answers (this pays for Chrome's extension API bindings, which the empty file never touches).
 */
const BASELINES = {
  empty: { content: '', background: undefined },
  messaging: {
    content: `chrome.runtime.onMessage.addListener(() => false);
chrome.runtime.sendMessage({ type: 'may-scan', url: location.href }).then(() => chrome.runtime.sendMessage({ type: 'page-text', url: location.href, text: document.body.textContent })).catch(() => {});`,
    background: `chrome.runtime.onMessage.addListener((_message, _sender, reply) => reply({ ok: true }));`,
  },
} as const;

function buildBaselineExtension(name: keyof typeof BASELINES): string {
  const { content, background } = BASELINES[name];
  const dir = mkdtempSync(join(tmpdir(), `spinscope-${name}-extension-`));
  const manifest = {
    manifest_version: 3,
    name: `Baseline: ${name} content script`,
    version: '1.0',
    ...(background ? { background: { service_worker: 'background.js' } } : {}),
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_end' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'content.js'), content);
  if (background) writeFileSync(join(dir, 'background.js'), background);
  return dir;
}

async function launch(extensionDir: string | undefined): Promise<BrowserContext> {
  const args = extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [];
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'spinscope-measure-')), { executablePath: CHROMIUM, headless: true, args });
}

interface ScriptTime {
  /** CPU ms: injection + evaluation + later work. */
  total: number;
  injection: number;
  evaluation: number;
  later: number;
  /** The same total as wall-clock ms (descheduled time included). */
  wall: number;
  /** Most content-script CPU ms in one top-level task, and the wall length of the longest task that ran any (the injection aside). */
  longestWork: number;
  longestTask: number;
  tasks: number;
}

/** The content script's main-thread time (see the header), or undefined when the trace shows no evaluation of `scriptPath`. */
function contentScriptTime(profile: CpuProfile, events: TraceEvent[], scriptPath: string, label: string): ScriptTime | undefined {
  const evaluation = events.find((e) => e.ph === 'X' && e.name === 'EvaluateScript' && /^chrome-extension:\/\/[a-z]+\//.test(e.args?.data?.url ?? '') && e.args!.data!.url!.endsWith(`/${scriptPath}`));
  if (!evaluation) return undefined;
  const scriptUrl = evaluation.args!.data!.url!;
  const extensionId = new URL(scriptUrl).host;
  const onMainThread = (e: TraceEvent) => e.ph === 'X' && e.pid === evaluation.pid && e.tid === evaluation.tid;
  const tasks = events.filter((e) => onMainThread(e) && e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const injections = events.filter((e) => onMainThread(e) && e.name === 'ScriptInjection::InjectJs' && e.args?.chrome_extension_id?.extension_id === extensionId);
  const taskAt = (t: number) => tasks.find((task) => task.ts <= t && t <= task.ts + (task.dur ?? 0));
  const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;

  const perTask = new Map<TraceEvent, number>();
  const addToTask = (task: TraceEvent | undefined, ms: number) => {
    if (task) perTask.set(task, (perTask.get(task) ?? 0) + ms);
  };
  let injection = 0;
  let wall = 0;
  // Left out of the per-task figures: Chrome injects at document_end inside the page's own task
  // (parsing the page's end), which on a big page is long with or without any content script.
  for (const e of injections) {
    injection += cpu(e);
    wall += (e.dur ?? 0) / 1000;
  }
  const evaluationMs = cpu(evaluation);
  wall += (evaluation.dur ?? 0) / 1000;
  addToTask(taskAt(evaluation.ts), evaluationMs);

  const isMine = stackHolds(profile, (url) => url === scriptUrl);
  // For the VERBOSE breakdown: each node's caller, to find the content script's own frame under a native leaf.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const breakdown = new Map<string, number>();
  const taskBreakdown = new Map<TraceEvent, Map<string, number>>();
  const evaluationEnd = evaluation.ts + (evaluation.dur ?? 0);
  let later = 0;
  let t = profile.startTime;
  const taskAtSample = taskCursor(tasks);
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (!isMine(profile.samples[i]!)) continue;
    const inEvaluation = t >= evaluation.ts && t <= evaluationEnd;
    let key = '';
    if (process.env.VERBOSE) {
      let id: number | undefined = profile.samples[i]!;
      const leaf = byId.get(id)!.callFrame;
      while (id !== undefined && byId.get(id)?.callFrame.url !== scriptUrl) id = parent.get(id);
      const f = byId.get(id!)!.callFrame;
      key = `${inEvaluation ? '[evaluation] ' : ''}${f.functionName || '(anonymous)'}@${f.lineNumber + 1}:${f.columnNumber} > ${leaf.functionName || `(${leaf.url ? 'anonymous' : 'native'})`}`;
      breakdown.set(key, (breakdown.get(key) ?? 0) + dt);
    }
    // The evaluation is counted whole, as thread time, above.
    if (inEvaluation) continue;
    const { task, cpuShare } = taskAtSample(t);
    later += dt * cpuShare;
    wall += dt;
    addToTask(task, dt * cpuShare);
    if (process.env.VERBOSE && task) {
      const own = taskBreakdown.get(task) ?? new Map<string, number>();
      own.set(key, (own.get(key) ?? 0) + dt);
      taskBreakdown.set(task, own);
    }
  }
  if (process.env.VERBOSE) {
    const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `    ${v.toFixed(2)} ms ${k}`).join('\n');
    const compile = events.filter((e) => onMainThread(e) && e.name === 'v8.compile' && e.args?.data?.url === scriptUrl).reduce((sum, e) => sum + cpu(e), 0);
    console.log(`  ${label}: injection ${injection.toFixed(2)} ms, evaluation ${evaluationMs.toFixed(2)} ms (compiling ${compile.toFixed(2)}); sampled wall ms by function (outermost frame of the content script > leaf):\n${top(breakdown, 15)}`);
    const busiest = [...taskBreakdown].sort((a, b) => (perTask.get(b[0]) ?? 0) - (perTask.get(a[0]) ?? 0))[0];
    if (busiest) console.log(`  busiest later task: ${((busiest[0].dur ?? 0) / 1000).toFixed(1)} ms wall, ${((busiest[0].tdur ?? 0) / 1000).toFixed(1)} ms CPU, ${(perTask.get(busiest[0]) ?? 0).toFixed(1)} ms ours:\n${top(busiest[1], 6)}`);
  }
  let longestWork = 0;
  let longestTask = 0;
  for (const [task, work] of perTask) {
    longestWork = Math.max(longestWork, work);
    longestTask = Math.max(longestTask, (task.dur ?? 0) / 1000);
  }
  return { total: injection + evaluationMs + later, injection, evaluation: evaluationMs, later, wall, longestWork, longestTask, tasks: perTask.size };
}

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

/** Spinscope's badge for the active tab ('' until the background has one). */
/**
 * Loads `url` in a new tab of `ctx` under trace and profile. With Spinscope (`sw` given), waits
 * until the badge shows a score; otherwise a second after load (nothing runs later).
 */
async function measurePage(ctx: BrowserContext, url: string, sw: Worker | undefined, scriptPath: string | undefined, label: string) {
  const page = await ctx.newPage();
  // One tab only, so "the active tab" in the service worker is this one.
  for (const other of ctx.pages()) if (other !== page) await other.close();
  const cdp = await ctx.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel,v8,extensions', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  let badge = '';
  if (sw) {
    // Wait for a score (the badge is empty, or a dash for the blank page before, until then).
    for (let i = 0; i < 600 && !/^\d+$/.test(badge); i++) {
      badge = await badgeText(sw);
      if (!/^\d+$/.test(badge)) await page.waitForTimeout(100);
    }
  } else {
    await page.waitForTimeout(1000);
  }
  const scanMs = Date.now() - started;
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.end');
  await done;
  const heap = await heapUsed(page);
  const longTasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) > 50_000).length;
  await page.close();
  return { badge, scanMs, heap, longTasks, time: scriptPath ? contentScriptTime(profile, events, scriptPath, label) : undefined };
}

const MB = 1048576;

async function main() {
  const spinscopeScript = join(DIST, CONTENT_SCRIPT_PATH);
  const bytes = statSync(spinscopeScript).size;
  const gz = gzipSync(readFileSync(spinscopeScript)).length;
  console.log(`content script bundle: ${(bytes / 1024).toFixed(1)} kB minified, ${(gz / 1024).toFixed(1)} kB gzip`);

  const { server, base } = await serve(pages());
  const spinscope = await launch(DIST);
  const sw = spinscope.serviceWorkers()[0] ?? (await spinscope.waitForEvent('serviceworker'));
  const empty = await launch(buildBaselineExtension('empty'));
  const messaging = await launch(buildBaselineExtension('messaging'));
  const none = await launch(undefined);
  try {
    for (const name of (process.env.PAGES ?? 'typical,big').split(',')) {
      const url = `${base}/${name}.html`;
      const runs: { s?: ScriptTime; floor?: ScriptTime; messaging?: ScriptTime; added: number; floorAdded: number; messagingAdded: number }[] = [];
      for (let run = 0; run < RUNS; run++) {
        const a = await measurePage(spinscope, url, sw, CONTENT_SCRIPT_PATH, 'Spinscope');
        const e = await measurePage(empty, url, undefined, 'content.js', 'empty');
        const m = await measurePage(messaging, url, undefined, 'content.js', 'messaging');
        const b = await measurePage(none, url, undefined, undefined, 'none');
        runs.push({ s: a.time, floor: e.time, messaging: m.time, added: (a.heap - b.heap) / MB, floorAdded: (e.heap - b.heap) / MB, messagingAdded: (m.heap - b.heap) / MB });
        const fmt = (x: ScriptTime | undefined) =>
          x
            ? `${x.total.toFixed(1)} ms CPU (injection ${x.injection.toFixed(1)}, evaluation ${x.evaluation.toFixed(1)}, later ${x.later.toFixed(1)}; wall ${x.wall.toFixed(1)}) over ${x.tasks} tasks, at most ${x.longestWork.toFixed(1)} in one (longest such task ${x.longestTask.toFixed(1)} ms)`
            : 'no evaluation in the trace';
        console.log(
          `${name} run ${run + 1}: badge "${a.badge}" after ${a.scanMs} ms; Spinscope ${fmt(a.time)}; empty content script ${fmt(e.time)}; messaging content script ${fmt(m.time)}; ` +
            `JS heap ${(a.heap / MB).toFixed(2)} MB Spinscope, ${(e.heap / MB).toFixed(2)} empty, ${(m.heap / MB).toFixed(2)} messaging, ${(b.heap / MB).toFixed(2)} none; ` +
            `tasks > 50 ms on the page: ${a.longTasks} Spinscope, ${e.longTasks} empty, ${m.longTasks} messaging, ${b.longTasks} none`,
        );
      }
      const pick = (f: (r: (typeof runs)[number]) => number | undefined) => runs.map((r) => f(r) ?? NaN);
      const parts = (f: (r: (typeof runs)[number]) => ScriptTime | undefined) =>
        `${stat(pick((r) => f(r)?.total))}: injection ${stat(pick((r) => f(r)?.injection))}, evaluation ${stat(pick((r) => f(r)?.evaluation))}, later ${stat(pick((r) => f(r)?.later))}; wall-clock total ${stat(pick((r) => f(r)?.wall))}`;
      console.log(
        `${name}, median (min–max, runs), ms of main-thread CPU:\n` +
          `  Spinscope total ${parts((r) => r.s)}\n` +
          `  empty content script (platform floor) ${parts((r) => r.floor)}\n` +
          `  minimal messaging content script (raw chrome API) ${parts((r) => r.messaging)}\n` +
          `  Spinscope above the floor (same run) ${stat(pick((r) => (r.s && r.floor ? r.s.total - r.floor.total : undefined)))}; above the messaging baseline ${stat(pick((r) => (r.s && r.messaging ? r.s.total - r.messaging.total : undefined)))}\n` +
          `  Spinscope's most work in one task ${stat(pick((r) => r.s?.longestWork))}; longest task it ran in ${stat(pick((r) => r.s?.longestTask))}\n` +
          `  JS heap added, MB: Spinscope ${stat(pick((r) => r.added), 2)}, empty content script ${stat(pick((r) => r.floorAdded), 2)}, messaging content script ${stat(pick((r) => r.messagingAdded), 2)}`,
      );
    }
  } finally {
    for (const ctx of [spinscope, empty, messaging, none]) await ctx.close();
    server.close();
  }
}

await main();
