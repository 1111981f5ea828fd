import { availableParallelism } from 'node:os';
import { validateSettings, type SettingsInput } from '../lib/settings';
import { SIGNAL_IDS, SIGNALS, type SignalId } from '../lib/signals';
import { isWarcName } from './warc';

/** What the command line asked for, after parsing and validation. */
export interface CliOptions {
  command: 'scan' | 'help' | 'version';
  /** Files to scan; `-` is standard input. */
  files: string[];
  /** JSON Lines input (`-` for standard input), instead of files. */
  jsonl?: string;
  /** Read every file (and standard input) as WARC/WET, whatever its name. */
  warc: boolean;
  json: boolean;
  /** The page address for a single scanned file. */
  url?: string;
  /** Only the settings the flags changed; the engine fills in the defaults. */
  settings: SettingsInput;
  /** Distinct findings listed per signal in the readable report. */
  maxFindings: number;
  color: boolean;
  /** Threads that score JSON Lines and WARC records. */
  workers: number;
}

/** A mistake in how the command was called: reported as a message with exit code 2, never a stack trace. */
export class UsageError extends Error {}

/** One help line per registered signal: the flag, with `help` on the first line only. */
const signalFlagLines = (flag: (id: SignalId) => string, help: string) =>
  SIGNALS.map((s, i) => `  ${flag(s.id).padEnd(23)}${i === 0 ? help : ''}`.trimEnd()).join('\n');

export const HELP = `Usage: spinscope scan [options] FILE...
       spinscope scan [options] --jsonl FILE|-
       spinscope scan [options] CRAWL.warc.gz|CRAWL.warc.wet.gz...

Scores articles for signs of low-quality syndication, one score per signal:
${SIGNALS.map((s) => `  ${s.id.padEnd(23)}${s.title}`).join('\n')}
.html/.htm files (or fragments) go through the same article extraction as the
browser extension (very large ones are cut before parsing); other files are read as
UTF-8 text (UTF-16 with a byte-order mark); - reads standard input. Binary or
undecodable input gets the verdict "not-text" and is not scored.
WARC and WET files (.warc, .wet, gzipped or not, or starting with "WARC/1.")
are streamed: each WET text record and each HTML or text HTTP response is
scored with its URL (WARC-Target-URI), a report per record, or with --json one
JSON line per record {"id", "url", "score", ...}; other records are counted and
skipped.

Output:
  (default)              a readable report per file
  --json                 the full report as JSON (an array of {file, report|error}
                         when several files are given)
  --jsonl FILE|-         read JSON Lines records {"id", "text" or "html", "url"?} and
                         write one JSON line per record: {"id", "score", "verdict",
                         "flagged", "language", "signals"} or {"id", "error"}
  --workers N            threads scoring --jsonl and WARC records (default: the
                         number of cores, here ${availableParallelism()}); output stays in input order
  --warc                 read the files (or - for standard input) as WARC/WET
  --max-findings N       distinct findings listed per signal in the readable report
                         (default 12; 0 lists them all)
  --no-color             plain text even on a terminal (NO_COLOR is honoured too)

Page:
  --url URL              the page's own address (single file only)

Settings (defaults as in the extension):
  --suspicious N         score from which a page is suspicious (0-100, default 30)
  --syndicated N         score from which a page is syndicated (0-100, default 60)
${signalFlagLines((id) => `--weight-${id} N`, "weight of a signal's score (0-2, default 1)")}
${signalFlagLines((id) => `--no-${id}`, 'turn a signal off')}

  -h, --help             this help
  -v, --version          the version

Exit status: 0 when every input was scored, 1 when an input could not be read or
parsed (the others are still reported), 2 for a usage error, 3 when every input
was read but one or more were not text (binary or undecodable).
`;

const isSignalId = (s: string): s is SignalId => (SIGNAL_IDS as readonly string[]).includes(s);

/** `--weight-spun` etc. for a settings field, so validation messages name the flag the user typed. */
function flagForField(field: string): string | undefined {
  const t = /^thresholds\.(suspicious|syndicated)$/.exec(field);
  if (t) return `--${t[1]}`;
  const w = /^signals\.(\w+)\.weight$/.exec(field);
  if (w) return `--weight-${w[1]}`;
  if (field === 'thresholds') return '--suspicious/--syndicated';
  return undefined;
}

function parseNumber(flag: string, value: string): number {
  // Number('') is 0 and Number(' 5') is 5: only plain decimal numbers are accepted.
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value.trim())) {
    throw new UsageError(`${flag} expects a number, got "${value}".`);
  }
  return Number(value);
}

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, isTTY = false): CliOptions {
  const opts: CliOptions = {
    command: 'scan',
    files: [],
    json: false,
    warc: false,
    settings: {},
    maxFindings: 12,
    color: isTTY && !env.NO_COLOR,
    workers: availableParallelism(),
  };
  let workersGiven = false;
  const args = [...argv];
  if (args.length === 0) return { ...opts, command: 'help' };
  const first = args[0]!;
  if (first === 'scan') args.shift();
  else if (first === 'help') return { ...opts, command: 'help' };
  else if (!first.startsWith('-')) {
    throw new UsageError(`Unknown command "${first}". Did you mean: spinscope scan ${first}`);
  }

  const thresholds: NonNullable<SettingsInput['thresholds']> = {};
  const signals: NonNullable<SettingsInput['signals']> = {};
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      opts.files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    // --flag=value is the same as --flag value.
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      if (next === undefined) throw new UsageError(`${flag} needs a value.`);
      i++;
      return next;
    };
    const noValue = () => {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value.`);
    };

    if (flag === '-h' || flag === '--help') return { ...opts, command: 'help' };
    if (flag === '-v' || flag === '--version') return { ...opts, command: 'version' };
    if (flag === '--json') {
      noValue();
      opts.json = true;
    } else if (flag === '--warc') {
      noValue();
      opts.warc = true;
    } else if (flag === '--jsonl') opts.jsonl = value();
    else if (flag === '--url') opts.url = value();
    else if (flag === '--no-color') {
      noValue();
      opts.color = false;
    } else if (flag === '--max-findings') {
      const n = parseNumber(flag, value());
      if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a whole number from 0 up.`);
      opts.maxFindings = n;
    } else if (flag === '--workers') {
      const n = parseNumber(flag, value());
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number from 1 up.`);
      opts.workers = n;
      workersGiven = true;
    } else if (flag === '--suspicious' || flag === '--syndicated') {
      thresholds[flag.slice(2) as 'suspicious' | 'syndicated'] = parseNumber(flag, value());
    } else if (flag.startsWith('--weight-') && isSignalId(flag.slice(9))) {
      const id = flag.slice(9) as SignalId;
      signals[id] = { ...signals[id], weight: parseNumber(flag, value()) };
    } else if (flag.startsWith('--no-') && isSignalId(flag.slice(5))) {
      noValue();
      const id = flag.slice(5) as SignalId;
      signals[id] = { ...signals[id], enabled: false };
    } else {
      throw new UsageError(`Unknown option ${flag}. See spinscope --help.`);
    }
  }

  if (Object.keys(thresholds).length) opts.settings.thresholds = thresholds;
  if (Object.keys(signals).length) opts.settings.signals = signals;
  const { problems } = validateSettings(opts.settings);
  if (problems.length) {
    throw new UsageError(
      problems
        // The CLI stops instead of falling back, so the "using the defaults" part of a message does not apply.
        .map((p) => ({ ...p, message: p.message.replace(/; using the defaults\.$/, '.') }))
        .map((p) => (flagForField(p.field) ? `${flagForField(p.field)}: ${p.message}` : p.message))
        .join('\n'),
    );
  }

  if (opts.jsonl !== undefined) {
    if (opts.files.length) throw new UsageError('Give either --jsonl or files to scan, not both.');
    if (opts.url !== undefined) throw new UsageError('--url applies to a single file; JSON Lines records carry their own "url".');
    if (opts.json) throw new UsageError('--jsonl already writes JSON; leave out --json.');
    if (opts.warc) throw new UsageError('Give either --jsonl or --warc, not both.');
  } else {
    if (!opts.files.length) throw new UsageError('No files to scan. See spinscope --help.');
    if (workersGiven && !opts.warc && !opts.files.some(isWarcName)) {
      throw new UsageError('--workers applies to --jsonl and to WARC/WET files (.warc, .wet, .warc.gz, .warc.wet.gz, or any file with --warc).');
    }
    if (opts.url !== undefined && opts.files.length > 1) throw new UsageError('--url applies to a single file.');
  }
  if (opts.files.filter((f) => f === '-').length > 1) throw new UsageError('Standard input (-) can be read only once.');
  return opts;
}
