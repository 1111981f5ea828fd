/**
 * The inputs `npm run measure:cli-inputs` feeds the command line (docs/cli.md): large HTML and text
 * files, and binary or wrongly encoded files whose bytes say whether they are text. Each is made
 * the same way on every run, from the clean pages of the dev corpus and from seeded pseudo-random
 * bytes, so a figure in the docs can be made again; only /usr/bin/ls is taken from the machine.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { brotliCompressSync, crc32, deflateSync, gzipSync } from 'node:zlib';
import { devCorpus } from '../corpora';

/** The dev corpus's clean pages, in corpus order: news-like articles with their line breaks. */
export function cleanArticles(): string[] {
  return devCorpus()
    .filter((p) => p.label === 'clean')
    .map((p) => p.text);
}

/**
 * `n` pseudo-random bytes, the same for the same seed: the AES-CTR keystream of a key made from
 * the seed, which is uniformly distributed and needs no random generator of our own.
 */
export function seededBytes(n: number, seed: string): Buffer {
  const key = createHash('sha256').update(seed).digest().subarray(0, 16);
  return createCipheriv('aes-128-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(n));
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Each article's non-blank lines, in turn, as long as the caller asks for more. */
function* linesForever(articles: readonly string[]): Generator<string> {
  const lines = articles.flatMap((a) => a.split('\n').filter((l) => l.trim()));
  for (let i = 0; ; i++) yield lines[i % lines.length]!;
}

/** A large input: how each line of article text is written, and what comes before and after them. */
export interface LargeInputShape {
  label: string;
  name: string;
  head: string;
  line: (text: string, index: number) => string;
  tail: string;
}

const PAGE_HEAD = '<!doctype html><html><head><meta charset="utf-8"><title>Archive</title></head><body><article>\n';
const PAGE_TAIL = '</article></body></html>\n';

/** The three large inputs of docs/cli.md: HTML of long paragraphs, tag-dense HTML, and plain text. */
export const LARGE_INPUTS: readonly LargeInputShape[] = [
  { label: 'HTML, long paragraphs (`<p>` of news articles, repeated)', name: 'paragraphs.html', head: PAGE_HEAD, line: (text) => `<p>${escapeHtml(text)}</p>\n`, tail: PAGE_TAIL },
  {
    label: 'HTML, tag-dense (a `<span>` per word, a link per line)',
    name: 'tag-dense.html',
    head: PAGE_HEAD,
    line: (text, i) =>
      `<p><a href="https://news.example/${i}">${i}</a> ${text
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => `<span>${escapeHtml(w)}</span>`)
        .join(' ')}</p>\n`,
    tail: PAGE_TAIL,
  },
  { label: 'plain text, for comparison', name: 'plain.txt', head: '', line: (text) => `${text}\n\n`, tail: '' },
];

/** Writes `shape` to `path` until it holds at least `bytes` bytes, a line at a time, so no string of that size is built. */
export function writeLargeInput(path: string, shape: LargeInputShape, articles: readonly string[], bytes: number): number {
  const fd = openSync(path, 'w');
  try {
    let written = writeSync(fd, shape.head);
    const lines = linesForever(articles);
    let index = 0;
    while (written < bytes) {
      // Lines are batched so that writing 200 MB takes a few hundred calls, not millions.
      let chunk = '';
      while (chunk.length < 1 << 20) chunk += shape.line(lines.next().value!, index++);
      written += writeSync(fd, chunk);
    }
    return written + writeSync(fd, shape.tail);
  } finally {
    closeSync(fd);
  }
}

/** Windows-1252's bytes for the characters it has beyond Latin-1's (curly quotes, dashes, the ellipsis, the euro). */
const WINDOWS_1252: Record<string, number> = { '€': 0x80, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
const in1252 = (c: string) => c.charCodeAt(0) <= 0xff || c in WINDOWS_1252;

/** A text in Windows-1252, for one whose every character the encoding has. */
function windows1252(text: string): Buffer {
  return Buffer.from([...text].map((c) => WINDOWS_1252[c] ?? c.charCodeAt(0)));
}

/** The clean article richest in curly quotes and the like that Windows-1252 can write whole. */
function windows1252Article(articles: readonly string[]): string {
  const special = (a: string) => [...a].filter((c) => c in WINDOWS_1252).length;
  return articles.filter((a) => [...a].every(in1252)).reduce((best, a) => (special(a) > special(best) ? a : best));
}

/** A French paragraph: its accented letters are one byte each in Latin-1, and none of those bytes is valid UTF-8 alone. */
const FRENCH =
  "Le conseil municipal a approuvé mardi le nouveau budget, après un débat qui a duré presque toute la soirée. Les élus se sont disputés sur le coût des réparations des routes, de la bibliothèque et d'une nouvelle ligne de bus vers l'hôpital. Le maire a déclaré que le plan équilibre les besoins des habitants avec les limites des revenus de la ville.";

/** A PNG image of seeded random pixels: the signature, then length-type-data-CRC chunks, the pixels deflated. */
function png(side: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per sample, RGB, no interlace
  const pixels = seededBytes(side * 3, 'png');
  // Each row starts with its filter type (0, none); rows repeat with a shift, so the data compresses somewhat, as photos do.
  const rows = Buffer.concat(Array.from({ length: side }, (_, y) => Buffer.concat([Buffer.from([0]), pixels.subarray(y % 7), pixels.subarray(0, y % 7)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** WOFF2-like data: the 48-byte header (signature `wOF2`, big-endian sizes and counts, zero fields), then brotli data. */
function woff2Like(text: string): Buffer {
  const data = brotliCompressSync(Buffer.from(text));
  const header = Buffer.alloc(48);
  header.write('wOF2', 0, 'latin1');
  header.writeUInt32BE(0x00010000, 4); // TrueType flavour
  header.writeUInt32BE(48 + data.length, 8);
  header.writeUInt16BE(12, 12); // tables
  header.writeUInt32BE(data.length * 3, 16); // total sfnt size
  header.writeUInt32BE(data.length, 20); // compressed size
  return Buffer.concat([header, data]);
}

/** A small input of docs/cli.md's byte-class table: its label, file name and bytes. */
export interface ByteInput {
  label: string;
  name: string;
  bytes: Buffer;
}

/** The byte-class table's inputs, the executable given as a path since it is the machine's own. */
export function byteInputs(articles: readonly string[], executable: Buffer): ByteInput[] {
  const text = articles.join('\n\n');
  const random = seededBytes(2 * 1000 * 1000, 'random');
  const article1252 = windows1252Article(articles);
  const quotes = [...article1252].filter((c) => c in WINDOWS_1252).length;
  return [
    { label: '2 MB of random bytes', name: 'random.bin', bytes: random },
    { label: 'gzip file (the clean articles, gzipped)', name: 'articles.txt.gz', bytes: gzipSync(text) },
    { label: 'PNG image (512×512 random pixels)', name: 'image.png', bytes: png(512) },
    { label: 'WOFF2-like font (its header, then brotli data)', name: 'font.woff2', bytes: woff2Like(text) },
    { label: 'ELF executable (`/usr/bin/ls`)', name: 'ls', bytes: executable },
    { label: 'UTF-16 article without a byte-order mark', name: 'utf16.txt', bytes: Buffer.from(text, 'utf16le') },
    { label: 'random bytes with every NUL left out', name: 'random-no-nul.bin', bytes: Buffer.from(random.filter((b) => b !== 0)) },
    { label: `English article in Windows-1252 (${quotes} curly quotes and dashes)`, name: 'windows-1252.txt', bytes: windows1252(article1252) },
    { label: 'French paragraph in Latin-1', name: 'latin-1.txt', bytes: Buffer.from(FRENCH, 'latin1') },
    {
      label: '9 words with 3 invalid bytes',
      name: 'nine-words.txt',
      bytes: Buffer.concat([Buffer.from('The caf'), Buffer.from([0xe9]), Buffer.from(' was closed on '), Buffer.from([0x93]), Buffer.from('Monday'), Buffer.from([0x94]), Buffer.from(' after the storm.')]),
    },
  ];
}
