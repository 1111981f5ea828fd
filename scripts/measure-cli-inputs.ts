/**
 * npm run measure:cli-inputs: the figures of docs/cli.md on how the command line reads what it is
 * given. It writes its inputs (./cli-inputs.ts) to a temporary folder and runs the built command line,
 * `node bin/spinscope.mjs scan --json FILE`, once on each, as a fresh process:
 *
 * - three large inputs (HTML of long paragraphs, tag-dense HTML, plain text): wall time and max RSS,
 *   which show what the cut of HTML before parsing (MAX_HTML_CHARS) keeps the parser to;
 * - binary and wrongly encoded files: the shares of NUL bytes, of control characters and of U+FFFD
 *   in their first 64 KiB, as the command line's rule counts them (lib/not-text.ts), and how the
 *   command line read each (its verdict, its reason, its notes).
 *
 *   npm run measure:cli-inputs                 the large inputs at 200 MB, as docs/cli.md gives them
 *   npm run measure:cli-inputs -- --quick      at 20 MB, to try it
 *   npm run -s measure:cli-inputs -- --json    the figures as JSON
 *
 * Wall time and max RSS as scripts/timed-run.ts measures them (/usr/bin/time, else the process's
 * own resource usage).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { characterShares } from '../lib/not-text';
import { byteInputs, cleanArticles, LARGE_INPUTS, writeLargeInput } from './cli-inputs';
import { printReport, reportOptions } from './evaluation';
import { TIME, timedRun, type TimedRun } from './timed-run';

const USAGE = `npm run measure:cli-inputs [-- --quick] [-- --json]
  --quick   large inputs of 20 MB instead of 200 MB
  --json    the figures as JSON`;
const options = reportOptions('measure:cli-inputs', USAGE, ['--quick']);
const LARGE_BYTES = (options.flags.has('--quick') ? 20 : 200) * 1000 * 1000;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'spinscope.mjs');
const EXECUTABLE = '/usr/bin/ls';
/** How far the command line looks for NUL bytes, and the part of each file the shares are counted on. */
const HEAD_BYTES = 65536;

/** One run of `spinscope scan --json file`: its exit status, output, wall time and max RSS. */
function scan(file: string, keepOutput: boolean): TimedRun & { maxRssMB: number } {
  const run = timedRun([process.execPath, BIN, 'scan', '--json', file], { keepOutput });
  if (run.maxRssMB === undefined) throw new Error(`spinscope scan --json ${file}: no max RSS in its standard error (exit ${run.status}): ${run.stderr.slice(-500)}`);
  return { ...run, maxRssMB: run.maxRssMB };
}

const dir = mkdtempSync(join(tmpdir(), 'spinscope-cli-inputs-'));
try {
  const articles = cleanArticles();

  const large = LARGE_INPUTS.map((shape) => {
    const path = join(dir, shape.name);
    const bytes = writeLargeInput(path, shape, articles, LARGE_BYTES);
    const run = scan(path, false);
    rmSync(path);
    if (run.status !== 0) throw new Error(`spinscope scan --json ${shape.name} exited with ${run.status}`);
    return { input: shape.label, megabytes: Math.round(bytes / 1e6), wallSeconds: round(run.wallMs / 1000, 1), maxRssMB: Math.round(run.maxRssMB) };
  });

  const byteClasses = byteInputs(articles, readFileSync(EXECUTABLE)).map(({ label, name, bytes }) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const run = scan(path, true);
    const report = JSON.parse(run.stdout) as { verdict: string; notText?: string; inputNotes?: string[]; tooLittleText?: true };
    // Decoded as UTF-8 with replacement, as the command line decodes bytes that are not all valid UTF-8.
    const text = new TextDecoder('utf-8').decode(bytes.subarray(0, HEAD_BYTES), { stream: true });
    const { controls, replacements } = characterShares(text);
    const nul = (text.split('\0').length - 1) / text.length;
    // The rule's control characters include NUL, which has its own column.
    return { input: label, bytes: bytes.length, nul, controls: controls - nul, replacements, status: run.status, ...report };
  });

  printReport(options, { largeInputBytes: LARGE_BYTES, large, byteClasses }, () => [
    `Large inputs: \`node bin/spinscope.mjs scan --json FILE\`, one run each${existsSync(TIME) ? ' (max RSS from /usr/bin/time)' : ''}`,
    '',
    `| input (${LARGE_BYTES / 1e6} MB) | wall | max RSS |`,
    '| --- | --- | --- |',
    ...large.map((l) => `| ${l.input} | ${l.wallSeconds} s | ${l.maxRssMB} MB |`),
    '',
    `Shares of the characters of each file's first ${HEAD_BYTES / 1024} KiB, decoded as UTF-8, and how \`spinscope scan --json\` read the file`,
    '',
    '| input | NUL | C0 controls | U+FFFD | read as |',
    '| --- | --- | --- | --- | --- |',
    ...byteClasses.map((b) => `| ${b.input} | ${percent(b.nul)} | ${percent(b.controls)} | ${percent(b.replacements)} | ${readAs(b)} |`),
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function round(x: number, digits: number): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}

function percent(share: number): string {
  return share === 0 ? '0' : `${round(share * 100, share < 0.01 ? 2 : 1)}%`;
}

/** The command line's reading in a few words: not text and why, or text and its notes. */
function readAs(r: { verdict: string; notText?: string; inputNotes?: string[]; tooLittleText?: true }): string {
  if (r.verdict === 'not-text') return `not text (${/NUL/.test(r.notText ?? '') ? 'NUL' : /control/.test(r.notText ?? '') ? 'controls' : 'U+FFFD'})`;
  const invalid = r.inputNotes?.map((n) => /^([\d,]+) byte sequences? not valid UTF-8/.exec(n)?.[1]).find(Boolean);
  return ['text', invalid && `note: ${invalid} invalid sequences`, r.tooLittleText && '"too little text"'].filter(Boolean).join(', ');
}
