/**
 * WARC and WET files as records to score, in the thread that reads them: the bytes streamed (and
 * gunzipped: Common Crawl files are one gzip member per record, which Node's gunzip stream reads
 * through), the records read by cli/warc.ts, and each record either handed on with its URL or
 * counted as skipped. Nothing here loads the engine.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { constants, createGunzip, gunzipSync } from 'node:zlib';
import { InputError } from './errors';
import { openInputStream } from './input-stream';
import { createWarcReader, headerEnd, isWarcName, parseHeaders, startsAsWarc, type WarcEvent, type WarcRecord } from './warc';
import type { WarcItem } from './warc-body';

/**
 * Bytes kept of a record's block: what the command line reads of an HTML file (MAX_HTML_CHARS in
 * cli/html.ts), so a record is read as far as the same file would be and no further.
 */
export const MAX_RECORD_BYTES = 8 * 1024 * 1024;
/** Bytes read from the start of a file to see whether it is WARC, gzipped or not. */
const SNIFF_BYTES = 4096;

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/** Whether a file is WARC or WET: by its name, or by a `WARC/1.` at its start (after gunzip if it is gzipped). */
export function isWarcInput(name: string): boolean {
  if (isWarcName(name)) return true;
  if (name === '-') return false;
  let head = Buffer.alloc(SNIFF_BYTES);
  try {
    const fd = openSync(name, 'r');
    try {
      head = head.subarray(0, readSync(fd, head, 0, SNIFF_BYTES, 0));
    } finally {
      closeSync(fd);
    }
    // The start of a gzip stream inflates on its own when flushed, without the rest of the file.
    if (isGzip(head)) head = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    // A file that cannot be read or inflated is reported by the ordinary file path.
    return false;
  }
  return startsAsWarc(head);
}

/** The bytes of an input, gunzipped when they start as gzip. */
async function* bytesOf(name: string): AsyncGenerator<Buffer> {
  const chunks = openInputStream(name)[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let head = Buffer.alloc(0);
  while (head.length < 2) {
    const next = await chunks.next();
    if (next.done) break;
    head = Buffer.concat([head, next.value]);
  }
  async function* all() {
    if (head.length) yield head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  if (!isGzip(head)) return yield* all();
  const gunzip = createGunzip();
  // Errors reach the reader through the gunzip stream, which pipeline destroys with them.
  pipeline(Readable.from(all()), gunzip, () => undefined);
  yield* gunzip as AsyncIterable<Buffer>;
}

/** What was read of one WARC input: records handed on to be scored, records skipped (by kind), malformed records. */
export interface WarcCounts {
  scored: number;
  skipped: Map<string, number>;
  malformed: number;
}

export const newWarcCounts = (): WarcCounts => ({ scored: 0, skipped: new Map(), malformed: 0 });

/** Blocks worth keeping: WET text and HTTP responses; warcinfo, request, metadata and the rest are skipped unread. */
function keepBytes(type: string, headers: Map<string, string>): number {
  if (type === 'conversion') return MAX_RECORD_BYTES;
  if (type === 'response' && /^application\/http\b/i.test(headers.get('content-type') ?? '')) return MAX_RECORD_BYTES;
  return 0;
}

/** The media type and charset of a Content-Type header, lower-cased. */
function mediaType(value: string | undefined): { type: string; charset: string | null } {
  const [type = '', ...params] = (value ?? '').toLowerCase().split(';');
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)/.exec(p)?.[1]).find((c) => c !== undefined);
  return { type: type.trim(), charset: charset ?? null };
}

/** A record to score, or why it is skipped (`skip`) or cannot be read (`malformed`). */
function toItem(record: WarcRecord, where: string): WarcItem | { skip: string } | { malformed: string } {
  const { type, headers, block, cut } = record;
  // WARC 1.0 writers such as wget put the URI in angle brackets, as the 1.0 standard's grammar had it.
  const url = headers.get('warc-target-uri')?.replace(/^<(.*)>$/, '$1') || null;
  const common = { kind: 'warc' as const, where, id: headers.get('warc-record-id') ?? null, url, cut };
  // Each body gets a buffer of its own: a worker is sent the whole buffer a view belongs to.
  if (type === 'conversion') return { ...common, body: new Uint8Array(block), html: false, chunked: false, contentEncoding: null, charset: null };
  if (type !== 'response') return { skip: type || '(no WARC-Type)' };
  if (!/^application\/http\b/i.test(headers.get('content-type') ?? '')) return { skip: 'response (not HTTP)' };
  const end = headerEnd(block.subarray(0, 64 * 1024), 0);
  const [statusLine = '', ...lines] = end ? block.toString('latin1', 0, end.at).split(/\r?\n/) : [];
  const status = /^HTTP\/[\d.]+\s+(\d{3})/.exec(statusLine);
  const http = status && parseHeaders(lines);
  if (!end || !http || typeof http === 'string') return { malformed: `its HTTP response header is malformed${typeof http === 'string' ? ` (${http})` : ''}` };
  if (!status[1]!.startsWith('2')) return { skip: 'response (HTTP status not 2xx)' };
  const { type: media, charset } = mediaType(http.get('content-type'));
  const html = media === 'text/html' || media === 'application/xhtml+xml';
  if (!html && media !== 'text/plain') return { skip: 'response (not HTML or plain text)' };
  return {
    ...common,
    body: new Uint8Array(block.subarray(end.at + end.length)),
    html,
    chunked: /\bchunked\b/i.test(http.get('transfer-encoding') ?? ''),
    contentEncoding: http.get('content-encoding')?.trim().toLowerCase() || null,
    charset,
  };
}

/**
 * The records of a WARC or WET input to score, in input order. Skipped and malformed records are
 * counted in `counts`; each malformed one is reported through `warn` with its byte offset, and
 * reading goes on. Throws InputError when the input cannot be opened, read or gunzipped.
 */
export async function* warcItems(name: string, counts: WarcCounts, warn: (message: string) => void): AsyncGenerator<WarcItem> {
  const label = name === '-' ? 'stdin' : name;
  const reader = createWarcReader(keepBytes);
  function* items(events: WarcEvent[]): Generator<WarcItem> {
    for (const event of events) {
      const where = `${label}: record at byte ${'record' in event ? event.record.offset : event.problem.offset}`;
      const item = 'record' in event ? toItem(event.record, where) : { malformed: event.problem.message };
      if ('skip' in item) counts.skipped.set(item.skip, (counts.skipped.get(item.skip) ?? 0) + 1);
      else if ('malformed' in item) {
        counts.malformed++;
        warn(`${where}: ${item.malformed}.`);
      } else {
        counts.scored++;
        yield item;
      }
    }
  }
  try {
    for await (const chunk of bytesOf(name)) yield* items(reader.push(chunk));
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const why = code.startsWith('Z_') ? `its gzip data is damaged or cut short (${(err as Error).message})` : `cannot be read (${(err as Error).message})`;
    throw new InputError(`${label}: ${why}; the records before that point were scored.`);
  }
  yield* items(reader.end());
}

/** One line on what was read of a WARC input, e.g. `x.wet.gz: 3 records scored; skipped 1 warcinfo, 2 request`. */
export function describeWarcCounts(name: string, counts: WarcCounts): string {
  const plural = (n: number, one: string) => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;
  const skipped = [...counts.skipped].map(([kind, n]) => `${n.toLocaleString('en')} ${kind}`).join(', ');
  return (
    `${name === '-' ? 'stdin' : name}: ${plural(counts.scored, 'record')} scored` +
    (skipped ? `; skipped ${skipped}` : '') +
    (counts.malformed ? `; ${plural(counts.malformed, 'malformed record')}` : '')
  );
}
