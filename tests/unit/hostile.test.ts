/**
 * Hostile input: analyze must return a valid report for anything, without throwing, and stay
 * linear. There are no timing assertions (speed is the benchmark's job); a regex that backtracks
 * super-linearly on one of these strings makes its test hang past the timeout, which is the signal.
 */
import { describe, expect, it } from 'vitest';
import { analyze, MAX_CHARS, SIGNAL_IDS, VERDICTS, type Report } from '../../lib/index';
import { devCorpus } from '../../corpora';

/** Generous: a linear pass over these inputs takes well under a second; catastrophic backtracking takes hours. */
const TIMEOUT = 120_000;
const MB = 1024 * 1024;

function expectValidReport(text: string, r: Report): void {
  expect(Number.isFinite(r.score)).toBe(true);
  expect(r.score).toBeGreaterThanOrEqual(0);
  expect(r.score).toBeLessThanOrEqual(100);
  expect(VERDICTS).toContain(r.verdict);
  expect(r.flagged).toBe(r.verdict === 'suspicious' || r.verdict === 'syndicated');
  expect(typeof r.language).toBe('string');
  expect(r.chars).toBe(text.length);
  expect(Object.keys(r.signals)).toEqual([...SIGNAL_IDS]);
  const analysed = r.truncatedAt ?? text.length;
  // Findings can number in the hundreds of thousands here: check them in plain code, assert once.
  const bad: string[] = [];
  for (const s of Object.values(r.signals)) {
    if (!(Number.isFinite(s.score) && s.score >= 0 && s.score <= 100)) bad.push(`${s.id} score ${s.score}`);
    for (const f of s.findings) {
      const ok =
        f.start >= 0 && f.end >= f.start && f.end <= analysed && text.slice(f.start, f.end) === f.actual && f.weight >= 0 && f.weight <= 1;
      if (!ok && bad.length < 5) bad.push(`${f.rule} ${f.start}-${f.end} ${JSON.stringify(f.actual.slice(0, 40))} weight ${f.weight}`);
    }
  }
  expect(bad).toEqual([]);
  // The CLI and the extension serialise reports; that must work for any input.
  expect(() => JSON.stringify(r)).not.toThrow();
}

function check(text: string): Report {
  const r = analyze(text);
  expectValidReport(text, r);
  return r;
}

/** Deterministic pseudo-random bytes (xorshift), so a failure can be reproduced. */
function randomBytes(n: number, seed = 0x9e3779b9): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Real article text repeated to `chars` characters. */
function corpusText(chars: number): string {
  const pages = devCorpus().map((p) => p.text).join('\n\n');
  return pages.repeat(Math.ceil(chars / pages.length)).slice(0, chars);
}

describe('analyze on hostile input', () => {
  it('scores empty and blank text as clean with no findings', () => {
    for (const text of ['', ' ', '\n\n\n', '\u00a0\t\r\n']) {
      const r = check(text);
      expect(r.verdict).toBe('clean');
      expect(r.score).toBe(0);
      expect(Object.values(r.signals).every((s) => s.findings.length === 0)).toBe(true);
    }
  });

  it('treats a non-string from a careless caller as text instead of throwing', () => {
    expect(analyze(undefined as unknown as string).verdict).toBe('clean');
    expect(analyze(null as unknown as string).score).toBe(0);
  });

  it(
    'reads 20 MB of text up to its limit and says where it stopped',
    () => {
      const text = corpusText(20 * MB);
      const r = check(text);
      expect(r.truncatedAt).toBe(MAX_CHARS);
      expect(r.chars).toBe(text.length);
    },
    TIMEOUT,
  );

  it.each([
    ['lower-case letters', 'a'.repeat(MB)],
    ['mixed case', 'aA'.repeat(MB / 2)],
    ['digits and letters', 'a1'.repeat(MB / 2)],
    ['non-Latin letters', 'я'.repeat(MB)],
  ])('handles one 1 MB token (%s)', (_, text) => void check(text), TIMEOUT);

  it.each([
    ['latin1', randomBytes(MB).toString('latin1')],
    ['utf8', randomBytes(MB).toString('utf8')],
    ['utf16le', randomBytes(MB).toString('utf16le')],
  ])('handles binary garbage decoded as %s', (_, text) => void check(text), TIMEOUT);

  it(
    'handles mixed scripts, combining marks, emoji and bidi controls',
    () => {
      const sample =
        'The financial system в Москве 経済システム الاقتصاد e\u0301conomie 👩🏽‍💻 İstanbul ΣΊΣΥΦΟΣ ß ﬁnance \u202eevil\u202c ' +
        'Jap Europe 日本 synthetic intelligence | Таблица | 表 |\n---|---|\n';
      const r = check(sample.repeat(5000));
      expect(r.words).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    'handles lone surrogates anywhere, including at the very end',
    () => {
      check('\ud800');
      check('\udc00abc');
      check('word\ud83d');
      check(('synthetic \ud800intelligence \udfff Jap\udc00 Europe ').repeat(20000) + '\ud83d');
    },
    TIMEOUT,
  );

  const N = 200_000;
  it.each([
    ['a run of one letter', 'a'.repeat(N) + '!'],
    ['aA alternations', 'aA'.repeat(N) + ' '],
    ['capitalised words glued together', 'Foo'.repeat(N)],
    ['camelCase runs', 'fooBarBaz'.repeat(N / 4)],
    ['digits glued to letters', '65percentconcerns'.repeat(N / 8)],
    ['digits and capitals alternating', '1A'.repeat(N)],
    ['pipes', '| '.repeat(N)],
    ['pipes without spaces', '|'.repeat(N)],
    ['an endless markdown separator', '---|'.repeat(N)],
    ['a separator line per line', '---|---|\n'.repeat(N / 4)],
    ['pipe rows without a separator', '| a | b |\n'.repeat(N / 4)],
    ['a pipe table with ragged rows', 'Country | Response |\n---|---|\n' + Array.from({ length: N / 10 }, (_, i) => '| x '.repeat(i % 50) + '\n').join('')],
    ['colons', ':'.repeat(N)],
    ['colon runs with spaces', ' : '.repeat(N)],
    ['open brackets', '['.repeat(N)],
    ['unclosed shortcodes', '[ad_'.repeat(N / 2)],
    ['URL-like runs', 'http://'.repeat(N / 4)],
    ['a very long URL after a source label', 'Source link : https://' + 'a/'.repeat(N)],
    ['a "The post … appeared first on" that never ends', 'The post ' + 'word '.repeat(N / 2)],
    ['boilerplate labels without values', 'Source link :\nCreator :\nPublish date :\n'.repeat(N / 20)],
    ['spaced-out letters', 'a '.repeat(N)],
    ['apostrophes between letters', "a'".repeat(N)],
    ['dashes and dots', '-.'.repeat(N)],
  ])('does not backtrack on %s', (_, text) => void check(text), TIMEOUT);

  it(
    'handles 100,000-line texts',
    () => {
      check('x\n'.repeat(100_000));
      check('\n'.repeat(100_000));
      check(Array.from({ length: 100_000 }, (_, i) => `Line ${i} of the financial system`).join('\n'));
      check('\r\n'.repeat(100_000) + 'Source link : https://example.com/a');
    },
    TIMEOUT,
  );

  it(
    'is not thrown off by a strange page address',
    () => {
      const text = 'Source link : https://example.com/story\nRead more at Example News.\nThe post Story appeared first on Example News.';
      for (const url of ['', 'not a url', 'javascript:alert(1)', 'http://' + 'a'.repeat(MB), 'https://[::1', 'http://\u0000\ud800/']) {
        expectValidReport(text, analyze(text, {}, { url }));
      }
    },
    TIMEOUT,
  );

  it('is not thrown off by garbage settings', () => {
    const r = analyze('The desk under shows synthetic intelligence.', { thresholds: 'high', signals: [1, 2] } as never);
    expectValidReport('The desk under shows synthetic intelligence.', r);
    expect(r.thresholds).toEqual({ suspicious: 30, syndicated: 60 });
  });
});
