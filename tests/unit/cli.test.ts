/**
 * The command line as a user runs it: the real bin in a child process, on temporary files.
 * Each spawn loads the engine and its lexicon, so the cases are grouped to keep spawns few.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SIGNALS } from '../../lib/signals';
import { seeds } from '../../scripts/corpora';

const BIN = resolve(__dirname, '../../bin/spinscope.mjs');
const TIMEOUT = 120_000;
const dir = mkdtempSync(join(tmpdir(), 'spinscope-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
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
      expect(stdout).toMatch(/Spun synonyms: score [\d.]+ · \d+ phrases, \d+ times/);
      expect(stdout).toMatch(/“Jap Europe” → probably “Eastern Europe”/);
      expect(stdout).toMatch(/Original source: https?:\/\//);
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
    'reports empty, binary and deeply nested HTML files instead of failing',
    () => {
      const empty = file('empty.txt', '');
      const binary = join(dir, 'binary.bin');
      writeFileSync(binary, Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919 + (i >> 3)) & 0xff)));
      const deep = file('deep.html', `<html><body>${'<div>'.repeat(20_000)}<p>${SPUN}</p>${'</div>'.repeat(20_000)}</body></html>`);
      const { code, stdout, stderr } = run(['scan', '--json', empty, binary, deep]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const [e, b, d] = JSON.parse(stdout);
      expect(e.report.verdict).toBe('clean');
      expect(b.report.chars).toBeGreaterThan(0);
      expect(d.report.signals.spun.findings.length).toBeGreaterThan(0);
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
      expect(Object.keys(base.signals)).toEqual(['spun', 'tables', 'boilerplate']);
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
        expect(Object.keys(out[i].signals)).toEqual(['spun', 'tables', 'boilerplate']);
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
