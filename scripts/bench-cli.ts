/**
 * npm run bench:cli: how fast the built command line starts and scores a batch. It writes a JSON
 * Lines file of news-length articles (about 2,400 characters each, cut at sentence ends) from the
 * clean reference corpora until it holds 5 MB, then times, each as a fresh process:
 * `spinscope --version`; a bare Node process that reads and JSON-parses the same file (the floor
 * any JSON Lines tool pays); `spinscope scan --jsonl` with 1 and 2 workers; and `spinscope scan
 * --json` on the same articles as a gzipped WET file (one gzip member per record, as Common Crawl
 * writes them) with 2 workers. Wall times are
 * medians of several runs; max RSS and CPU time as scripts/timed-run.ts measures them.
 * `npm run -s bench:cli -- --json` prints the figures as JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanReferences } from '../corpora';
import { timedRun } from './timed-run';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'spinscope.mjs');
const TARGET_BYTES = 5 * 1000 * 1000;
const ARTICLE_CHARS = 2400;

/** News-length articles from the clean corpora: each document's sentences, grouped into about ARTICLE_CHARS characters. */
function articles(): string[] {
  const out: string[] = [];
  for (const doc of cleanReferences()) {
    let article = '';
    for (const sentence of doc.text.match(/[^.!?]+[.!?]+["')]*\s*/g) ?? []) {
      article += sentence;
      if (article.length >= ARTICLE_CHARS) {
        out.push(article.trim());
        article = '';
      }
    }
  }
  return out;
}

function writeBenchJsonl(path: string, texts: readonly string[]): { records: number; bytes: number } {
  const lines: string[] = [];
  let bytes = 0;
  for (const [i, text] of texts.entries()) {
    if (bytes >= TARGET_BYTES) break;
    const line = JSON.stringify({ id: `article-${i}`, url: `https://news.example/${i}`, text }) + '\n';
    lines.push(line);
    bytes += Buffer.byteLength(line);
  }
  writeFileSync(path, lines.join(''));
  return { records: lines.length, bytes };
}

/** The first `records` articles as a WET file: a conversion record each, each its own gzip member. */
function writeBenchWet(path: string, texts: readonly string[], records: number): void {
  const members = texts.slice(0, records).map((text, i) => {
    const body = Buffer.from(text);
    const header = `WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://news.example/${i}\r\nWARC-Record-ID: <urn:uuid:article-${i}>\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n`;
    return gzipSync(Buffer.concat([Buffer.from(header), body, Buffer.from('\r\n\r\n')]));
  });
  writeFileSync(path, Buffer.concat(members));
}

interface Timing {
  medianMs: number;
  minMs: number;
  maxRssMB?: number;
  /** Median CPU time, user + system. */
  cpuMs?: number;
}

/** Runs a command `runs` times: median and fastest wall time, the largest max RSS seen and the median CPU time. */
function time(args: string[], runs: number): Timing {
  const walls: number[] = [];
  let maxRss: number | undefined;
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = timedRun(args, { keepOutput: true });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited with ${r.status}: ${r.stderr.slice(-500)}`);
    walls.push(r.wallMs);
    if (r.maxRssMB !== undefined && r.cpuMs !== undefined) {
      maxRss = Math.max(maxRss ?? 0, r.maxRssMB);
      cpus.push(r.cpuMs);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    medianMs: round(median(walls)),
    minMs: round(Math.min(...walls)),
    ...(maxRss !== undefined && { maxRssMB: Math.round(maxRss), cpuMs: round(median(cpus)) }),
  };
}

const dir = join(ROOT, '.cache', 'bench-cli');
mkdirSync(dir, { recursive: true });
const jsonl = join(dir, 'news-5mb.jsonl');
const texts = articles();
const input = writeBenchJsonl(jsonl, texts);
const wet = join(dir, 'news-5mb.warc.wet.gz');
writeBenchWet(wet, texts, input.records);
const node = process.execPath;
const results = {
  input: { records: input.records, megabytes: Math.round(input.bytes / 1e4) / 100 },
  nodeStart: time([node, '-e', '0'], 11),
  version: time([node, BIN, '--version'], 11),
  readAndParse: time([node, '-e', `for (const l of require('fs').readFileSync(${JSON.stringify(jsonl)}, 'utf8').split('\\n')) if (l) JSON.parse(l)`], 5),
  jsonlWorkers1: time([node, BIN, 'scan', '--jsonl', jsonl, '--workers', '1'], 3),
  jsonlWorkers2: time([node, BIN, 'scan', '--jsonl', jsonl, '--workers', '2'], 3),
  wetWorkers2: time([node, BIN, 'scan', '--json', wet, '--workers', '2'], 3),
};

if (process.argv.includes('--json')) {
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
} else {
  const row = (name: string, t: Timing) =>
    `  ${name.padEnd(40)}${`${t.medianMs} ms`.padStart(10)}  (fastest ${t.minMs} ms${t.maxRssMB !== undefined ? `, CPU ${t.cpuMs} ms, max RSS ${t.maxRssMB} MB` : ''})`;
  console.log(`Input: ${results.input.records} articles, ${results.input.megabytes} MB of JSON Lines (${jsonl})`);
  console.log(row('node -e 0 (Node start-up alone)', results.nodeStart));
  console.log(row('spinscope --version', results.version));
  console.log(row('read + JSON.parse every line (floor)', results.readAndParse));
  console.log(row('spinscope scan --jsonl --workers 1', results.jsonlWorkers1));
  console.log(row('spinscope scan --jsonl --workers 2', results.jsonlWorkers2));
  console.log(row('spinscope scan --json WET --workers 2', results.wetWorkers2));
}
