/**
 * A WARC record's payload as the engine reads it, in the thread that scores it: the HTTP transfer
 * and content codings of a response undone, the bytes decoded (by the charset the response
 * declares, else as the command line decodes files), HTML through the same extraction as files.
 */
import { brotliDecompressSync, constants, gunzipSync, inflateRawSync, inflateSync, type ZlibOptions } from 'node:zlib';
import type { SettingsInput } from '../lib/settings';
import type { Report } from '../lib/types';
import type { DecodedText } from './decode';
import { scanBytes } from './inputs';
import { MAX_RECORD_BYTES } from './warc-input';

/** A WARC record to score, as the reading thread hands it over. */
export interface WarcItem {
  kind: 'warc';
  /** Where the record is, for messages: the input's name and the record's byte offset. */
  where: string;
  /** WARC-Record-ID. */
  id: string | null;
  /** WARC-Target-URI: the page's address. */
  url: string | null;
  /** The payload: a WET record's text, or the body of an HTTP response. */
  body: Uint8Array;
  html: boolean;
  /** The body is still in HTTP chunked transfer coding. */
  chunked: boolean;
  /** The HTTP Content-Encoding still on the body (gzip, deflate, br), lower-cased. */
  contentEncoding: string | null;
  /** The charset the HTTP Content-Type declares, lower-cased. */
  charset: string | null;
  /** The record was longer than MAX_RECORD_BYTES and only its start was kept. */
  cut: boolean;
}

/** The body of HTTP chunked transfer coding; a body cut short gives the chunks it holds. */
function unchunk(body: Buffer): Buffer | string {
  const chunks: Buffer[] = [];
  let pos = 0;
  while (pos < body.length) {
    const lineEnd = body.indexOf('\r\n', pos);
    if (lineEnd === -1) break;
    const size = /^[0-9a-f]+/i.exec(body.toString('latin1', pos, Math.min(lineEnd, pos + 32)));
    if (!size) return 'its chunked transfer coding is malformed';
    const length = parseInt(size[0], 16);
    if (length === 0) break;
    chunks.push(body.subarray(lineEnd + 2, lineEnd + 2 + length));
    pos = lineEnd + 2 + length + 2;
  }
  return Buffer.concat(chunks);
}

/** The body with its content coding undone, at most MAX_RECORD_BYTES of it. */
function decompress(body: Buffer, coding: string): Buffer | string {
  // A body cut short still gives what it holds; a body that would grow past the cap is refused, not held.
  const options: ZlibOptions = { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: MAX_RECORD_BYTES };
  try {
    if (coding === 'gzip' || coding === 'x-gzip') return gunzipSync(body, options);
    if (coding === 'deflate') return body[0] === 0x78 ? inflateSync(body, options) : inflateRawSync(body, options);
    if (coding === 'br') return brotliDecompressSync(body, { maxOutputLength: MAX_RECORD_BYTES, finishFlush: constants.BROTLI_OPERATION_FLUSH });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return `its body is larger than ${MAX_RECORD_BYTES.toLocaleString('en')} bytes once decompressed`;
    return `its ${coding} content coding cannot be undone (${(err as Error).message})`;
  }
  return `its content coding "${coding}" is not supported`;
}

/** Text in a declared charset other than UTF-8, when the platform knows it. */
function decodeCharset(bytes: Uint8Array, charset: string | null): DecodedText | undefined {
  if (charset === null || /^(utf-?8|us-ascii)$/.test(charset)) return undefined;
  try {
    return { text: new TextDecoder(charset).decode(bytes), invalidSequences: 0 };
  } catch {
    return undefined;
  }
}

/** Scores a WARC record's payload, or says why it cannot be read. */
export function scanWarcItem(item: WarcItem, settings: SettingsInput): { text: string; report: Report } | { error: string } {
  let body: Buffer | string = Buffer.from(item.body.buffer, item.body.byteOffset, item.body.byteLength);
  if (item.chunked) body = unchunk(body);
  if (typeof body !== 'string' && item.contentEncoding !== null && item.contentEncoding !== 'identity') body = decompress(body, item.contentEncoding);
  if (typeof body === 'string') return { error: body };
  const notes = item.cut ? [`The record was longer than ${MAX_RECORD_BYTES.toLocaleString('en')} bytes; only its start was read.`] : [];
  const input = { bytes: body, more: item.cut };
  return scanBytes(input, item.html, settings, item.url ?? undefined, notes, decodeCharset(body, item.charset));
}
