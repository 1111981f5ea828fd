/**
 * A streaming reader of WARC records (ISO 28500; WET files are WARC too). It is a pure state machine
 * over byte chunks, with no file or decompression code, so that it can be fed from any stream and
 * tested on bytes alone. Each record is a `WARC/1.x` line, `Name: value` header lines, an empty
 * line, a block of Content-Length bytes and an empty line. Only as much of each block as the
 * caller asks for is kept, so one huge record (a video in a WARC) never has to fit in memory.
 */

/** A header section that has not ended after this many bytes is not a WARC header. */
const MAX_HEADER_BYTES = 64 * 1024;
const VERSION_LINE = /^WARC\/1\.\d+\s*$/;
const MAGIC = Buffer.from('WARC/1.');
const CR = 0x0d;
const LF = 0x0a;

/** Names WARC and WET files go by: `.warc`, `.wet`, each also gzipped (`.warc.gz`, `.warc.wet.gz`). */
export const isWarcName = (name: string) => /\.(warc|wet)(\.gz)?$/i.test(name);

/** Whether bytes start as a WARC record does. */
export const startsAsWarc = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(0, MAGIC.length).equals(MAGIC);

export interface WarcRecord {
  /** Byte offset of the record's `WARC/` line in the (decompressed) input. */
  offset: number;
  /** The record's WARC-Type, lower-cased (`conversion`, `response`, `warcinfo`…). */
  type: string;
  /** Header values by lower-cased name. */
  headers: Map<string, string>;
  /** The start of the block: as many bytes as the caller's `keepBytes` asked for. */
  block: Buffer;
  /** True when the block is longer than what was kept. */
  cut: boolean;
}

export type WarcEvent = { record: WarcRecord } | { problem: { offset: number; message: string } };

/** How many bytes of a record's block to keep, from its type and headers (0 skips the block). */
export type KeepBytes = (type: string, headers: Map<string, string>) => number;

/** Header lines (after a WARC record's version line or an HTTP status line): names lower-cased, folded lines joined. */
export function parseHeaders(lines: string[]): Map<string, string> | string {
  const headers = new Map<string, string>();
  let last: string | undefined;
  for (const line of lines) {
    if (/^[ \t]/.test(line) && last !== undefined) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) return `header line "${line.slice(0, 60)}" is not "Name: value"`;
    last = line.slice(0, colon).trim().toLowerCase();
    headers.set(last, line.slice(colon + 1).trim());
  }
  return headers;
}

/** Index of the empty line that ends a header section (CRLF CRLF, or LF LF as some writers use), and its length. */
export function headerEnd(buf: Buffer, from: number): { at: number; length: number } | undefined {
  const crlf = buf.indexOf('\r\n\r\n', from);
  const lf = buf.indexOf('\n\n', from);
  if (crlf === -1 && lf === -1) return undefined;
  if (lf === -1 || (crlf !== -1 && crlf < lf)) return { at: crlf, length: 4 };
  return { at: lf, length: 2 };
}

/**
 * A WARC reader: `push` each chunk of the input in order, then `end`; each returns the records and
 * problems completed so far, in input order. A malformed record is reported with its offset and
 * reading goes on at the next line that starts with `WARC/1.`.
 */
export function createWarcReader(keepBytes: KeepBytes): { push: (chunk: Uint8Array) => WarcEvent[]; end: () => WarcEvent[] } {
  /** Unconsumed bytes from the previous chunk, and the input offset of their first byte. */
  let pending = Buffer.alloc(0);
  let base = 0;
  let state: 'header' | 'block' | 'resync' = 'header';
  let record: { offset: number; type: string; headers: Map<string, string>; keep: number; length: number } | undefined;
  let parts: Buffer[] = [];
  let kept = 0;
  let remaining = 0;

  function parseHeader(buf: Buffer, pos: number, events: WarcEvent[]): number | undefined {
    // The empty line that ends a block, and any extra blank lines, come before the next record.
    let start = pos;
    while (start < buf.length && (buf[start] === CR || buf[start] === LF)) start++;
    if (start === buf.length) return start;
    const offset = base + start;
    if (buf.length - start >= MAGIC.length && !buf.subarray(start, start + MAGIC.length).equals(MAGIC)) {
      events.push({ problem: { offset, message: 'no WARC record starts here (expected a "WARC/1." line); skipping to the next record' } });
      state = 'resync';
      return start + 1;
    }
    const end = headerEnd(buf, start);
    if (!end) {
      if (buf.length - start > MAX_HEADER_BYTES) {
        events.push({ problem: { offset, message: `the record's header does not end within ${MAX_HEADER_BYTES / 1024} KiB; skipping to the next record` } });
        state = 'resync';
        return start + 1;
      }
      return undefined;
    }
    const [version = '', ...lines] = buf.toString('utf8', start, end.at).split(/\r?\n/);
    const headers = VERSION_LINE.test(version) ? parseHeaders(lines) : `"${version.slice(0, 20)}" is not a WARC version line`;
    const lengthValue = typeof headers === 'string' ? undefined : headers.get('content-length');
    if (typeof headers === 'string' || lengthValue === undefined || !/^\d+$/.test(lengthValue)) {
      const why = typeof headers === 'string' ? headers : lengthValue === undefined ? 'the record has no Content-Length' : `Content-Length "${lengthValue}" is not a number`;
      events.push({ problem: { offset, message: `${why}; skipping to the next record` } });
      state = 'resync';
      return start + 1;
    }
    const type = (headers.get('warc-type') ?? '').toLowerCase();
    const length = Number(lengthValue);
    record = { offset, type, headers, keep: Math.min(length, Math.max(0, keepBytes(type, headers))), length };
    parts = [];
    kept = 0;
    remaining = length;
    state = 'block';
    return end.at + end.length;
  }

  function takeBlock(buf: Buffer, pos: number, events: WarcEvent[]): number {
    const take = Math.min(remaining, buf.length - pos);
    const keep = Math.min(take, record!.keep - kept);
    // A copy, so that a kept block does not hold on to the whole chunk it came in.
    if (keep > 0) parts.push(Buffer.from(buf.subarray(pos, pos + keep)));
    kept += keep;
    remaining -= take;
    if (remaining === 0) {
      const { offset, type, headers, length } = record!;
      events.push({ record: { offset, type, headers, block: Buffer.concat(parts), cut: kept < length } });
      record = undefined;
      parts = [];
      state = 'header';
    }
    return pos + take;
  }

  /** Moves to the next `WARC/1.` at the start of a line; returns where reading stopped. */
  function resync(buf: Buffer, pos: number): number {
    for (let i = buf.indexOf(MAGIC, pos); i !== -1; i = buf.indexOf(MAGIC, i + 1)) {
      if (i > 0 && buf[i - 1] === LF) {
        state = 'header';
        return i;
      }
    }
    // The magic may begin in this chunk and end in the next; the byte before it says whether it starts a line.
    return Math.max(pos, buf.length - MAGIC.length - 1);
  }

  function push(chunk: Uint8Array): WarcEvent[] {
    const events: WarcEvent[] = [];
    const input = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const buf = pending.length ? Buffer.concat([pending, input]) : input;
    let pos = 0;
    for (;;) {
      if (state === 'block') {
        // A block of 0 bytes ends at once; any other waits for its bytes.
        if (remaining > 0 && pos === buf.length) break;
        pos = takeBlock(buf, pos, events);
      } else if (state === 'resync') {
        pos = resync(buf, pos);
        if (state === 'resync') break;
      } else {
        const next = parseHeader(buf, pos, events);
        if (next === undefined) break;
        pos = next;
        if (state === 'header') break;
      }
    }
    // Only a header in progress (or the last bytes of a resync) is carried over, never a block.
    pending = Buffer.from(buf.subarray(pos));
    base += pos;
    return events;
  }

  function end(): WarcEvent[] {
    const events: WarcEvent[] = [];
    if (state === 'block') {
      const { offset, length } = record!;
      events.push({ problem: { offset, message: `the record is truncated: Content-Length says ${length.toLocaleString('en')} bytes, the input ends after ${(length - remaining).toLocaleString('en')}` } });
    } else if (state === 'header' && pending.some((b) => b !== CR && b !== LF)) {
      const start = pending.findIndex((b) => b !== CR && b !== LF);
      const head = pending.subarray(start, start + MAGIC.length);
      const isRecord = head.equals(MAGIC.subarray(0, head.length));
      events.push({
        problem: { offset: base + start, message: isRecord ? 'the record is truncated: the input ends inside its header' : 'no WARC record starts here (expected a "WARC/1." line)' },
      });
    }
    pending = Buffer.alloc(0);
    return events;
  }

  return { push, end };
}
