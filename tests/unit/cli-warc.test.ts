/**
 * Web-crawl input: the WARC reader on bytes alone (records split anywhere, malformed and truncated
 * records), and `spinscope scan` on WET and WARC files the test writes itself, plain and gzipped
 * one member per record as Common Crawl writes them, through the real bin.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createWarcReader, type WarcEvent } from '../../cli/warc';
import { BIN, runCli, writeIn } from './cli-run';

const TIMEOUT = 120_000;
const dir = mkdtempSync(join(tmpdir(), 'spinscope-warc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SPUN = 'Researchers in Jap Europe say synthetic intelligence will reshape the financial system. The desk under shows the figures. ';
const CLEAN =
  'The committee met on Tuesday to discuss the budget for the coming year. Members agreed to fund the new library and to repair the bridge over the river. ';

/** One WARC record, as a WARC writer lays it out. */
function record(type: string, url: string, block: string | Buffer, contentType = 'text/plain', id = `<urn:uuid:${type}-${url}>`): Buffer {
  const body = typeof block === 'string' ? Buffer.from(block) : block;
  const header = [`WARC/1.0`, `WARC-Type: ${type}`, ...(url ? [`WARC-Target-URI: ${url}`] : []), `WARC-Record-ID: ${id}`, `Content-Type: ${contentType}`, `Content-Length: ${body.length}`];
  return Buffer.concat([Buffer.from(header.join('\r\n') + '\r\n\r\n'), body, Buffer.from('\r\n\r\n')]);
}

const httpResponse = (head: string[], body: Buffer | string) => Buffer.concat([Buffer.from(['HTTP/1.1 200 OK', ...head].join('\r\n') + '\r\n\r\n'), Buffer.from(body)]);

/** A WET file as Common Crawl writes one: a warcinfo record, then a conversion record per page. */
const WET_RECORDS = [
  record('warcinfo', '', 'isPartOf: CC-MAIN-test\r\n', 'application/warc-fields'),
  record('conversion', 'https://spun.example/a', SPUN.repeat(4)),
  record('conversion', 'https://clean.example/b', CLEAN.repeat(4)),
  record('conversion', 'https://spun.example/c', CLEAN + SPUN.repeat(3)),
];

/** Every event the reader gives for `bytes` fed in chunks of `size` bytes. */
function readAll(bytes: Buffer, size: number, keep = 1 << 20): WarcEvent[] {
  const reader = createWarcReader(() => keep);
  const events: WarcEvent[] = [];
  for (let i = 0; i < bytes.length; i += size) events.push(...reader.push(bytes.subarray(i, i + size)));
  return [...events, ...reader.end()];
}
const summary = (events: WarcEvent[]) =>
  events.map((e) => ('record' in e ? { offset: e.record.offset, type: e.record.type, url: e.record.headers.get('warc-target-uri'), block: e.record.block.toString(), cut: e.record.cut } : e));

describe('the WARC record reader', () => {
  it('reads the same records, with their offsets, however the input is cut into chunks', () => {
    const bytes = Buffer.concat([...WET_RECORDS, record('metadata', 'https://spun.example/a', '')]);
    const whole = summary(readAll(bytes, bytes.length));
    expect(whole.map((r) => 'url' in r && r.url)).toEqual([undefined, 'https://spun.example/a', 'https://clean.example/b', 'https://spun.example/c', 'https://spun.example/a']);
    expect(whole[1]).toMatchObject({ offset: WET_RECORDS[0]!.length, type: 'conversion', block: SPUN.repeat(4), cut: false });
    // A record with an empty block is a record too, even at the very end of the input.
    expect(whole[4]).toMatchObject({ type: 'metadata', block: '' });
    for (const size of [1, 2, 7, 64, 333]) expect(summary(readAll(bytes, size))).toEqual(whole);
  });

  it('keeps only as much of a block as asked for, and says the block was cut', () => {
    const [event] = readAll(WET_RECORDS[1]!, 50, 10);
    expect(event).toMatchObject({ record: { cut: true } });
    expect('record' in event! && event.record.block.toString()).toBe(SPUN.slice(0, 10));
  });

  it('reports a malformed record with its offset and reads the records after it', () => {
    const [info, a, b, c] = WET_RECORDS as [Buffer, Buffer, Buffer, Buffer];
    const badLength = Buffer.from(a.toString('latin1').replace(/Content-Length: \d+/, 'Content-Length: many'), 'latin1');
    const bytes = Buffer.concat([info, badLength, Buffer.from('stray bytes that are no record\r\n\r\n'), b, c]);
    for (const size of [bytes.length, 5]) {
      const events = summary(readAll(bytes, size));
      expect(events.filter((e) => 'problem' in e)).toEqual([
        { problem: { offset: info.length, message: 'Content-Length "many" is not a number; skipping to the next record' } },
      ]);
      expect(events.flatMap((e) => ('url' in e && e.url ? [e.url] : []))).toEqual(['https://clean.example/b', 'https://spun.example/c']);
    }
    const garbage = summary(readAll(Buffer.concat([info, Buffer.from('not a record\r\n\r\n'), b]), 9));
    expect(garbage[1]).toEqual({ problem: { offset: info.length, message: 'no WARC record starts here (expected a "WARC/1." line); skipping to the next record' } });
    expect(garbage[2]).toMatchObject({ url: 'https://clean.example/b' });
  });

  it('reports a record the input ends inside, in its block or its header', () => {
    const [info, a] = WET_RECORDS as [Buffer, Buffer];
    const inBlock = summary(readAll(Buffer.concat([info, a.subarray(0, a.length - 40)]), 16));
    expect(inBlock).toHaveLength(2);
    expect(inBlock[1]).toEqual({ problem: { offset: info.length, message: expect.stringMatching(/^the record is truncated: Content-Length says [\d,]+ bytes, the input ends after [\d,]+$/) } });
    const inHeader = summary(readAll(Buffer.concat([info, a.subarray(0, 30)]), 16));
    expect(inHeader[1]).toEqual({ problem: { offset: info.length, message: 'the record is truncated: the input ends inside its header' } });
  });
});

describe('spinscope scan on WARC and WET files', () => {
  const run = (args: string[], input?: Buffer) => runCli(dir, args, input);
  const file = (name: string, bytes: Buffer) => writeIn(dir, name, bytes);
  const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

  it(
    'scores each WET record with its URL, in input order, the same from a plain file, a gzip file of one member per record and standard input',
    () => {
      const plain = run(['scan', '--json', file('segment.warc.wet', Buffer.concat(WET_RECORDS))]);
      expect(plain.code).toBe(0);
      const scored = lines(plain.stdout);
      expect(scored.map((r) => [r.url, r.verdict])).toEqual([
        ['https://spun.example/a', 'syndicated'],
        ['https://clean.example/b', 'clean'],
        ['https://spun.example/c', 'syndicated'],
      ]);
      expect(scored[0]).toMatchObject({ id: '<urn:uuid:conversion-https://spun.example/a>', flagged: true, language: 'eng' });
      // The warcinfo record is counted, not scored and not reported one by one.
      expect(plain.stderr).toBe('spinscope: segment.warc.wet: 3 records scored; skipped 1 warcinfo\n'.replace('segment', join(dir, 'segment')));

      const members = Buffer.concat(WET_RECORDS.map((r) => gzipSync(r)));
      const gzipped = run(['scan', '--json', file('segment.warc.wet.gz', members)]);
      expect(gzipped.code).toBe(0);
      expect(gzipped.stdout).toBe(plain.stdout);
      // Recognised by its first bytes, whatever its name; standard input with --warc.
      expect(run(['scan', '--json', file('segment.bin', members)]).stdout).toBe(plain.stdout);
      expect(run(['scan', '--json', '--warc', '-'], members).stdout).toBe(plain.stdout);

      const readable = run(['scan', file('segment.wet', Buffer.concat(WET_RECORDS))]);
      expect(readable.code).toBe(0);
      expect(readable.stdout).toMatch(/^https:\/\/spun\.example\/a \(.*segment\.wet: record at byte \d+\)\n {2}Verdict: SYNDICATED/);
      expect(readable.stdout).toMatch(/“Jap Europe” → probably “Eastern Europe”/);
      expect(readable.stdout.indexOf('https://clean.example/b')).toBeLessThan(readable.stdout.indexOf('https://spun.example/c'));
    },
    TIMEOUT,
  );

  it(
    'scores HTML responses of a WARC through article extraction, undoing chunked and gzip codings; requests, metadata, images and redirects are counted and skipped',
    () => {
      const page = `<html><head><script>var x = "Jap Europe";</script></head><body><nav>Home | About</nav><article><p>${SPUN.repeat(3)}</p></article></body></html>`;
      const compressed = gzipSync(page);
      const chunked = Buffer.concat([Buffer.from(`${compressed.length.toString(16)}\r\n`), compressed, Buffer.from('\r\n0\r\n\r\n')]);
      const warc = Buffer.concat([
        record('warcinfo', '', 'software: test\r\n', 'application/warc-fields'),
        record('request', 'https://news.example/story', 'GET /story HTTP/1.1\r\nHost: news.example\r\n\r\n', 'application/http; msgtype=request'),
        record(
          'response',
          'https://news.example/story',
          httpResponse(['Content-Type: text/html; charset=UTF-8', 'Content-Encoding: gzip', 'Transfer-Encoding: chunked'], chunked),
          'application/http; msgtype=response',
        ),
        record('metadata', 'https://news.example/story', 'fetchTimeMs: 12\r\n', 'application/warc-fields'),
        // wget writes the URI in angle brackets, as the WARC 1.0 standard's grammar had it.
        record('response', '<https://wget.example/page>', httpResponse(['Content-Type: text/html'], `<p>${CLEAN.repeat(3)}</p>`), 'application/http; msgtype=response'),
        record('response', 'https://news.example/logo.png', httpResponse(['Content-Type: image/png'], Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0])), 'application/http; msgtype=response'),
        record('response', 'https://news.example/old', httpResponse(['Content-Type: text/html'], '').toString().replace('200 OK', '301 Moved'), 'application/http; msgtype=response'),
        record('response', 'https://latin.example/', httpResponse(['Content-Type: text/plain; charset=windows-1252'], Buffer.from(CLEAN.repeat(2).replace(/the/g, 'th\u00e9'), 'latin1')), 'application/http; msgtype=response'),
      ]);
      const { code, stdout, stderr } = run(['scan', '--json', file('crawl.warc.gz', Buffer.concat([gzipSync(warc.subarray(0, 100)), gzipSync(warc.subarray(100))]))]);
      expect(stderr).toContain('3 records scored; skipped 1 warcinfo, 1 request, 1 metadata, 1 response (not HTML or plain text), 1 response (HTTP status not 2xx)');
      expect(code).toBe(0);
      const [story, wget, latin] = lines(stdout);
      expect(wget).toMatchObject({ url: 'https://wget.example/page', verdict: 'clean' });
      expect(story).toMatchObject({ url: 'https://news.example/story', verdict: 'syndicated' });
      expect(JSON.stringify(story)).not.toContain('var x');
      // Decoded by the declared charset: no bytes read as U+FFFD, so no note about them.
      expect(latin).toMatchObject({ url: 'https://latin.example/', verdict: 'clean' });
      expect(latin!.inputNotes).toBeUndefined();
    },
    TIMEOUT,
  );

  it(
    'reports a malformed record and a cut-off gzip stream with where they are, scores the other records and exits 1',
    () => {
      const [info, a, b, c] = WET_RECORDS as [Buffer, Buffer, Buffer, Buffer];
      const noLength = Buffer.from(b.toString('latin1').replace(/Content-Length: \d+\r\n/, ''), 'latin1');
      const broken = run(['scan', '--json', file('broken.wet', Buffer.concat([info, a, noLength, c]))]);
      expect(broken.code).toBe(1);
      expect(lines(broken.stdout).map((r) => r.url)).toEqual(['https://spun.example/a', 'https://spun.example/c']);
      expect(broken.stderr).toContain(`broken.wet: record at byte ${info.length + a.length}: the record has no Content-Length; skipping to the next record.`);
      expect(broken.stderr).toMatch(/broken\.wet: 2 records scored; skipped 1 warcinfo; 1 malformed record\n/);

      const members = Buffer.concat(WET_RECORDS.map((r) => gzipSync(r)));
      const cut = run(['scan', '--json', file('cut.wet.gz', members.subarray(0, members.length - 30))]);
      expect(cut.code).toBe(1);
      expect(cut.stderr).toMatch(/cut\.wet\.gz: its gzip data is damaged or cut short \(unexpected end of file\); the records before that point were scored\./);
      expect(cut.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    },
    TIMEOUT,
  );

  it(
    'gives the same lines in the same order with --workers 2 as with one, over several batches (160 records of about 1.2 kB, batches of 128 KiB)',
    () => {
      const many = Buffer.concat(
        Array.from({ length: 160 }, (_, i) => gzipSync(record('conversion', `https://site.example/${i}`, (i % 3 ? CLEAN : SPUN).repeat(8)))),
      );
      const path = file('many.wet.gz', many);
      const one = run(['scan', '--json', '--workers', '1', path]);
      const two = run(['scan', '--json', '--workers=2', path]);
      expect(one.code).toBe(0);
      expect(two.stdout).toBe(one.stdout);
      expect(lines(two.stdout).map((r) => r.url)).toEqual(Array.from({ length: 160 }, (_, i) => `https://site.example/${i}`));
    },
    TIMEOUT,
  );

  it(
    'scores the files a crawl job hands scripts/crawl/score-segments.sh (docs/crawl.md), and fails the task when a download fails',
    () => {
      const script = resolve(__dirname, '../../scripts/crawl/score-segments.sh');
      file('segment-1.warc.wet.gz', Buffer.concat(WET_RECORDS.map((r) => gzipSync(r))));
      const job = (paths: string) =>
        spawnSync('bash', [script], { cwd: mkdtempSync(join(dir, 'task-')), input: paths, encoding: 'utf8', env: { ...process.env, SPINSCOPE: BIN, SPINSCOPE_CRAWL_BASE: `file://${dir}` } });
      // Hadoop's NLineInputFormat hands over "offset<TAB>path"; Spark and xargs the path alone.
      const ok = job('0\tsegment-1.warc.wet.gz\nsegment-1.warc.wet.gz\n');
      expect(ok.status, ok.stderr).toBe(0);
      expect(lines(ok.stdout).map((r) => r.url)).toEqual(['https://spun.example/a', 'https://clean.example/b', 'https://spun.example/c', 'https://spun.example/a', 'https://clean.example/b', 'https://spun.example/c']);
      const missing = job('segment-1.warc.wet.gz\nsegment-2.warc.wet.gz\n');
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('score-segments: segment-2.warc.wet.gz: download failed');
    },
    TIMEOUT,
  );

  it('refuses WARC input mixed with other files, or with --url, as usage errors', () => {
    const wet = file('one.wet', Buffer.concat(WET_RECORDS));
    const text = file('article.txt', Buffer.from(CLEAN));
    const mixed = run(['scan', wet, text]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/cannot be mixed with other files/);
    const url = run(['scan', '--url', 'https://x.example/', wet]);
    expect(url.code).toBe(2);
    expect(url.stderr).toMatch(/--url does not apply to WARC\/WET input/);
    expect(run(['scan', '--workers', '2', text]).stderr).toMatch(/--workers applies to --jsonl and to WARC\/WET files/);
  });
});
