/**
 * How the command line reads its input before the engine sees it: bytes decoded or called not
 * text, large HTML cut before parsing, fragments wrapped so the parser finds their text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText } from '../../cli/decode';
import { asDocument, capHtml, MAX_HTML_CHARS, readHtmlPage } from '../../cli/html';
import { readInput } from '../../cli/inputs';

const htmlToText = (html: string) => readHtmlPage(html).text;

const dir = mkdtempSync(join(tmpdir(), 'spinscope-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('decodeText', () => {
  it('reads UTF-8 and BOM-marked UTF-16, and counts the bytes that are not UTF-8 apart from a real U+FFFD', () => {
    expect(decodeText(Buffer.from('\ufeffcafé'))).toEqual({ text: 'café', invalidSequences: 0 });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('café', 'utf16le')]))).toEqual({ text: 'café', invalidSequences: 0 });
    expect(decodeText(Buffer.concat([Buffer.from('a \ufffd b '), Buffer.from([0xe9, 0x20, 0xff])]))).toEqual({ text: 'a \ufffd b \ufffd \ufffd', invalidSequences: 2 });
  });

  it('calls bytes with NUL not text, whatever else they hold', () => {
    expect(decodeText(Buffer.from('PK\u0003\u0004\u0000\u0000 looks like words'))).toEqual({ notText: expect.stringMatching(/NUL bytes/) });
  });

  it('leaves out a character cut at the end of a prefix instead of counting it as invalid', () => {
    const bytes = Buffer.from('prefix é').subarray(0, -1);
    expect(decodeText(bytes, true)).toEqual({ text: 'prefix ', invalidSequences: 0 });
  });
});

describe('capHtml', () => {
  it('keeps HTML within the budget whole', () => {
    expect(capHtml('<p>short</p>')).toEqual({ html: '<p>short</p>', cut: false });
  });

  it('cuts longer HTML within the budget, before the last tag that starts there, and says so', () => {
    const row = '<p>Some words in a paragraph.</p>\n';
    const html = row.repeat(Math.ceil((MAX_HTML_CHARS * 1.5) / row.length));
    const { html: kept, cut } = capHtml(html);
    expect(cut).toBe(true);
    expect(kept.length).toBeLessThanOrEqual(MAX_HTML_CHARS);
    expect(kept.length).toBeGreaterThan(MAX_HTML_CHARS - row.length);
    expect(html.startsWith(kept)).toBe(true);
    expect(html[kept.length]).toBe('<');
  });

  it('cuts a prefix the caller read before its last tag, since the tag may go on past it', () => {
    expect(capHtml('<p>one</p><p>tw', true)).toEqual({ html: '<p>one</p>', cut: true });
  });
});

describe('readInput', () => {
  it('reads only the bytes asked for, and tells whether the file goes on', () => {
    const path = join(dir, 'ten.txt');
    writeFileSync(path, '0123456789');
    expect(readInput(path, 4)).toEqual({ bytes: Buffer.from('0123'), more: true });
    expect(readInput(path, 10)).toEqual({ bytes: Buffer.from('0123456789'), more: false });
    expect(readInput(path)).toEqual({ bytes: Buffer.from('0123456789'), more: false });
  });
});

describe('HTML fragments', () => {
  it('are wrapped in a document when <html> or <body> is missing, and read like the whole page', () => {
    const body = '<p>The council met on Tuesday.</p><p>It discussed the library.</p>';
    const whole = `<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`;
    expect(asDocument(whole)).toBe(whole);
    for (const fragment of [body, `<html>${body}</html>`, `<body>${body}</body>`]) {
      expect(htmlToText(fragment), fragment).toBe(htmlToText(whole));
    }
    expect(htmlToText(body)).toContain('The council met on Tuesday.');
  });
});
