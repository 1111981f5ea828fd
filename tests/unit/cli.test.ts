/**
 * The command line as a user runs it: the real bin in a child process, on temporary files, with the
 * bundle built from the current sources first (tests/unit/build-cli.setup.ts). Each spawn loads the engine and its lexicon, so the
 * cases are grouped to keep spawns few.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SIGNAL_IDS, SIGNALS } from '../../lib/signals';
import { seeds } from '../../corpora';
import { BIN, runCli, writeIn } from './cli-run';

const TIMEOUT = 120_000;
const dir = mkdtempSync(join(tmpdir(), 'spinscope-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], input?: string) => runCli(dir, args, input);
const file = (name: string, content: string) => writeIn(dir, name, content);
/** A user error must read as a message, never as a Node stack trace. */
const expectNoStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

const seed = seeds()[0]!.text;
const SPUN = 'Researchers in Jap Europe say synthetic intelligence will reshape the financial system. The desk under shows the figures.';

describe('spinscope scan (readable report)', () => {
  it(
    'reports verdict, score, language, each signal with probable originals and the source link; a missing file does not stop the others',
    () => {
      const seedFile = file('seed.txt', seed);
      const hostile = file('hostile.txt', `${SPUN}\n\u001b[2J\u001b[31mJap Europe\u0007 again`);
      const { code, stdout, stderr } = run(['scan', seedFile, join(dir, 'missing.txt'), hostile, dir]);
      expect(code).toBe(1);
      expect(stdout).toContain(seedFile);
      expect(stdout).toMatch(/Verdict: SYNDICATED\s+score \d+(\.\d)?\/100/);
      expect(stdout).toContain('Language: eng');
      for (const { title } of SIGNALS) expect(stdout).toContain(title);
      expect(stdout).toMatch(/Spun synonyms: score [\d.]+ · \d+ phrases, \d+ times\n {4}Out of place in their context: \d+ of the [\d,]+ words judged \(\d+\.\d%\), where honest English has about 6\.4%\./);
      expect(stdout).toMatch(/“Jap Europe” → probably “Eastern Europe”/);
      expect(stdout).toMatch(/Original: https?:\/\//);
      // The second good file is still reported, with page text unable to drive the terminal.
      expect(stdout).toContain(hostile);
      expect(stdout).not.toContain('\u001b');
      expect(stdout).not.toContain('\u0007');
      expect(stderr).toContain('missing.txt: no such file');
      expect(stderr).toContain('is a directory');
      expectNoStack(stderr);
    },
    TIMEOUT,
  );

  it(
    'extracts the article text of .html files the way the extension does',
    () => {
      const html = file(
        'page.html',
        `<!doctype html><html><head><title>T</title><script>var s = "synthetic intelligence";</script><style>p{}</style></head>` +
          `<body><article><p>${SPUN}</p><p>Imaginative and prescient for <b>Jap</b> <i>Europe</i>.</p></article></body></html>`,
      );
      const { code, stdout } = run(['scan', '--json', html]);
      expect(code).toBe(0);
      const report = JSON.parse(stdout);
      const found = report.signals.spun.findings.map((f: { actual: string }) => f.actual.toLowerCase());
      expect(found).toContain('jap europe');
      // Markup and script text are not part of what the engine read.
      expect(report.chars).toBeLessThan(400);
      const known = report.signals.spun.findings.filter((f: { rule: string }) => f.rule === 'spun/lexicon').map((f: { actual: string }) => f.actual.toLowerCase());
      expect(known.filter((a: string) => a === 'synthetic intelligence')).toHaveLength(1);
    },
    TIMEOUT,
  );
});

describe('spinscope scan on hostile files', () => {
  it(
    'reports empty and deeply nested HTML files instead of failing',
    () => {
      const empty = file('empty.txt', '');
      const deep = file('deep.html', `<html><body>${'<div>'.repeat(20_000)}<p>${SPUN}</p>${'</div>'.repeat(20_000)}</body></html>`);
      const { code, stdout, stderr } = run(['scan', '--json', empty, deep]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const [e, d] = JSON.parse(stdout);
      expect(e.report.verdict).toBe('clean');
      expect(d.report.signals.spun.findings.length).toBeGreaterThan(0);
    },
    TIMEOUT,
  );
});

/** Deterministic pseudo-random bytes; `withoutNul` leaves out 0, so only the decoded text can show they are binary. */
function randomBytes(n: number, withoutNul = false): Buffer {
  const out = Buffer.alloc(n);
  let x = 0x9e3779b9;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = withoutNul ? 1 + ((x >>> 0) % 255) : x & 0xff;
  }
  return out;
}

describe('spinscope scan on input that is not text', () => {
  it(
    'calls binary files and binary standard input "not text" with exit status 3, never clean, and still reports the other files',
    () => {
      const binary = join(dir, 'random.bin');
      writeFileSync(binary, randomBytes(2 * 1024 * 1024));
      const noNul = join(dir, 'random-no-nul.bin');
      writeFileSync(noNul, randomBytes(100_000, true));
      const seedFile = file('seed-beside-binary.txt', seed);

      const readable = run(['scan', binary, seedFile]);
      expect(readable.code).toBe(3);
      expect(readable.stdout).toMatch(/random\.bin\n {2}Verdict: NOT TEXT {2}\(it contains NUL bytes/);
      expect(readable.stdout).not.toMatch(/CLEAN/);
      expect(readable.stdout).toMatch(/Verdict: SYNDICATED/);
      expect(readable.stderr).toMatch(/random\.bin: not text/);
      expectNoStack(readable.stderr);

      const json = run(['scan', '--json', binary, noNul]);
      expect(json.code).toBe(3);
      const [b, n] = JSON.parse(json.stdout);
      for (const r of [b.report, n.report]) {
        expect(r).toMatchObject({ verdict: 'not-text', flagged: false, score: 0 });
        expect(r.notText).toBeTruthy();
      }
      expect(n.report.notText).toMatch(/control characters/);

      const stdin = spawnSync(process.execPath, [BIN, 'scan', '--json', '-'], { cwd: dir, input: randomBytes(2 * 1024 * 1024) });
      expect(stdin.status).toBe(3);
      expect(JSON.parse(stdin.stdout.toString()).verdict).toBe('not-text');
    },
    TIMEOUT,
  );

  it(
    'reads text with a few bytes that are not UTF-8 as text, with a note counting them, and UTF-16 with a byte-order mark',
    () => {
      const mixed = join(dir, 'latin1-words.txt');
      writeFileSync(mixed, Buffer.concat([Buffer.from(`${SPUN} The caf`), Buffer.from([0xe9]), Buffer.from(' was closed on '), Buffer.from([0x93, 0x94]), Buffer.from(' Monday.')]));
      const utf16 = join(dir, 'utf16.txt');
      writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]));
      const { code, stdout } = run(['scan', '--json', mixed, utf16]);
      expect(code).toBe(0);
      const [m, u] = JSON.parse(stdout);
      expect(m.report.verdict).not.toBe('not-text');
      expect(m.report.signals.spun.findings.length).toBeGreaterThan(0);
      expect(m.report.inputNotes).toEqual([expect.stringMatching(/^3 byte sequences not valid UTF-8/)]);
      expect(u.report.verdict).toBe('syndicated');
    },
    TIMEOUT,
  );

  it(
    'gives a JSON Lines record that is not text the verdict not-text, and the run exit status 3',
    () => {
      const input = file('binary.jsonl', [JSON.stringify({ id: 'bin', text: randomBytes(20_000).toString('latin1') }), JSON.stringify({ id: 'ok', text: seed })].join('\n'));
      const { code, stdout, stderr } = run(['scan', '--jsonl', input]);
      expect(code).toBe(3);
      const [bin, ok] = stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
      expect(bin).toMatchObject({ id: 'bin', verdict: 'not-text', flagged: false, notText: expect.stringMatching(/control characters/) });
      expect(ok.verdict).toBe('syndicated');
      expect(stderr).toMatch(/binary\.jsonl:1 \(id "bin"\): not text/);
    },
    TIMEOUT,
  );
});

describe('spinscope scan on HTML fragments', () => {
  it(
    'reads a fragment without <html> or <body>, in a file or a JSON Lines record, as the same page wrapped in a document',
    () => {
      const paragraphs = seed.split('\n').filter(Boolean).map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
      const fragment = file('fragment.html', paragraphs);
      const whole = file('whole.html', `<!doctype html><html><head><title>T</title></head><body>${paragraphs}</body></html>`);
      const files = run(['scan', '--json', fragment, whole]);
      expect(files.code).toBe(0);
      const [f, w] = JSON.parse(files.stdout);
      expect(w.report.words).toBeGreaterThan(1000);
      expect(f.report.words).toBe(w.report.words);
      expect(f.report.verdict).toBe(w.report.verdict);

      const jsonl = run(['scan', '--jsonl', '-'], JSON.stringify({ id: 'fragment', html: paragraphs }) + '\n');
      expect(jsonl.code).toBe(0);
      const line = JSON.parse(jsonl.stdout);
      expect(line.verdict).toBe(w.report.verdict);
      expect(line.score).toBe(w.report.score);
    },
    TIMEOUT,
  );
});

describe('spinscope scan --json and settings flags', () => {
  it(
    'prints the report as JSON and applies thresholds, weights and switches',
    () => {
      const seedFile = file('seed-json.txt', seed);
      const base = JSON.parse(run(['scan', '--json', seedFile]).stdout);
      expect(base.verdict).toBe('syndicated');
      expect(Object.keys(base.signals)).toEqual([...SIGNAL_IDS]);
      expect(base.thresholds).toEqual({ suspicious: 30, syndicated: 60 });

      const strict = run(['scan', '--json', '--suspicious', '99.5', '--syndicated=100', '--no-spun', '--no-boilerplate', '--weight-tables', '0', seedFile]);
      expect(strict.code).toBe(0);
      const r = JSON.parse(strict.stdout);
      expect(r.thresholds).toEqual({ suspicious: 99.5, syndicated: 100 });
      expect(r.signals.spun.enabled).toBe(false);
      expect(r.signals.boilerplate.enabled).toBe(false);
      expect(r.signals.tables.findings.length).toBeGreaterThan(0);
      expect(r.score).toBe(0);
      expect(r.verdict).toBe('clean');
    },
    TIMEOUT,
  );

  it('rejects invalid flags with the settings message and exit code 2, before reading anything', () => {
    const cases: [string[], RegExp][] = [
      [['scan', '--suspicious', '150', 'x.txt'], /--suspicious: The suspicious threshold must be a number from 0 to 100/],
      [['scan', '--suspicious', '70', 'x.txt'], /must be below the syndicated threshold/],
      [['scan', '--weight-spun', '5', 'x.txt'], /--weight-spun: The weight of Spun synonyms \(spun\) must be a number from 0 to 2/],
      [['scan', '--weight-tables', 'heavy', 'x.txt'], /--weight-tables expects a number/],
      [['scan', '--bogus', 'x.txt'], /Unknown option --bogus/],
      [['scan'], /No files to scan/],
      [['scan', '--url', 'https://a.example/', 'a.txt', 'b.txt'], /--url applies to a single file/],
      [['frobnicate'], /Unknown command/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expectNoStack(stderr);
    }
  });

  it('prints usage with --help', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: spinscope scan/);
    expect(stdout).toContain('--jsonl');
  });
});

describe('spinscope scan --jsonl', () => {
  it(
    'writes exactly one JSON line per record, with an error line (and the id when known) for bad records',
    () => {
      const lines = [
        JSON.stringify({ id: 'spun', text: SPUN.repeat(3), url: 'https://example.com/a' }),
        '{"id": "broken", "text": "unterminated',
        JSON.stringify({ id: 7, html: `<html><body><p>${SPUN}</p><script>synthetic intelligence</script></body></html>` }),
        JSON.stringify({ text: 'no id' }),
        '',
        JSON.stringify({ id: 'no-text' }),
        JSON.stringify([1, 2]),
        JSON.stringify({ id: 'seed', text: seed }),
      ];
      const input = file('in.jsonl', lines.join('\n') + '\n');
      const { code, stdout, stderr } = run(['scan', '--jsonl', input]);
      expect(code).toBe(1);
      const out = stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
      // One output line per non-blank input line, in order.
      expect(out).toHaveLength(7);
      expect(out.map((o) => o.id)).toEqual(['spun', 'broken', 7, null, 'no-text', null, 'seed']);
      for (const i of [0, 2, 6]) {
        expect(Object.keys(out[i])).toEqual(['id', 'score', 'verdict', 'flagged', 'language', 'signals']);
        expect(Object.keys(out[i].signals)).toEqual([...SIGNAL_IDS]);
      }
      for (const i of [1, 3, 4, 5]) expect(Object.keys(out[i])).toEqual(['id', 'error']);
      expect(out[0].signals.spun.findings.length).toBeGreaterThan(0);
      expect(out[6].verdict).toBe('syndicated');
      expect(out[6].flagged).toBe(true);
      expect(stderr).toMatch(/in\.jsonl:2 \(id "broken"\): not valid JSON/);
      expect(stderr).toMatch(/in\.jsonl:4: .*"id"/);
      expectNoStack(stderr);
    },
    TIMEOUT,
  );

  it(
    'gives the same lines in input order with --workers 2 as with one, on an input of many batches',
    () => {
      const lines = Array.from({ length: 40 }, (_, i) =>
        i % 10 === 3 ? '{"id": "broken' : i % 10 === 7 ? JSON.stringify({ id: i, text: randomBytes(3000).toString('latin1') }) : JSON.stringify({ id: i, text: i % 2 ? seed : SPUN.repeat(40) }),
      );
      const input = file('many.jsonl', lines.join('\n') + '\n');
      const one = run(['scan', '--jsonl', input, '--workers', '1']);
      const two = run(['scan', '--jsonl', input, '--workers=2']);
      expect(one.code).toBe(1);
      expect(two.code).toBe(1);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
      const out = one.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
      expect(out.map((o) => o.id)).toEqual(lines.map((_, i) => (i % 10 === 3 ? null : i)));
      expect(out[7].verdict).toBe('not-text');
      expect(out[1].verdict).toBe('syndicated');
      expect(one.stderr).toMatch(/many\.jsonl:4: not valid JSON/);

      for (const [args, message] of [
        [['scan', '--jsonl', input, '--workers', '0'], /--workers must be a whole number from 1 up/],
        [['scan', '--workers', '2', input], /--workers applies to --jsonl/],
      ] as const) {
        const bad = run([...args]);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toMatch(message);
      }
    },
    TIMEOUT,
  );

  it(
    'reads standard input with -, and reports an unreadable input clearly',
    () => {
      const ok = run(['scan', '--jsonl', '-', '--suspicious', '1'], JSON.stringify({ id: 'a', text: SPUN }) + '\r\n');
      expect(ok.code).toBe(0);
      const line = JSON.parse(ok.stdout);
      expect(line.id).toBe('a');
      expect(line.flagged).toBe(true);

      mkdirSync(join(dir, 'folder'), { recursive: true });
      for (const [path, message] of [
        [join(dir, 'nope.jsonl'), /nope\.jsonl: no such file/],
        [join(dir, 'folder'), /is a directory/],
      ] as const) {
        const bad = run(['scan', '--jsonl', path]);
        expect(bad.code).toBe(1);
        expect(bad.stdout).toBe('');
        expect(bad.stderr).toMatch(message);
        expectNoStack(bad.stderr);
      }
    },
    TIMEOUT,
  );
});
