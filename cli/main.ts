import { readFileSync } from 'node:fs';
import { InputError, internalError } from './errors';
import { HELP, parseArgs, UsageError, type CliOptions } from './options';

const EXIT_OK = 0;
const EXIT_INPUT = 1;
const EXIT_USAGE = 2;
const EXIT_NOT_TEXT = 3;

/** 1 when an input could not be read, else 3 when an input was not text, else 0. */
const exitStatus = (failed: number, notText: number) => (failed ? EXIT_INPUT : notText ? EXIT_NOT_TEXT : EXIT_OK);

const warn = (message: string) => process.stderr.write(`spinscope: ${message}\n`);

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function runJsonl(opts: CliOptions & { jsonl: string }): Promise<number> {
  const { scoreJsonl } = await import('./jsonl');
  try {
    const label = opts.jsonl === '-' ? 'stdin' : opts.jsonl;
    const { failed, notText } = await scoreJsonl(opts.jsonl, { settings: opts.settings, label }, opts.workers, warn);
    if (failed) warn(`${failed} of the records could not be scored.`);
    return exitStatus(failed, notText);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    warn(err.message);
    return EXIT_INPUT;
  }
}

/**
 * Scores the records of WARC/WET inputs, one after another, through the same batches and workers
 * as JSON Lines: a readable report per record, or with --json one JSON line per record. A file that
 * cannot be read, or whose gzip data breaks off, is reported and the next one is read.
 */
async function runWarc(opts: CliOptions): Promise<number> {
  const [{ inBatches, scoreItems }, { describeWarcCounts, newWarcCounts, warcItems }] = await Promise.all([import('./jsonl'), import('./warc-input')]);
  let unread = 0;
  const summaries: string[] = [];
  async function* records() {
    for (const name of opts.files) {
      const counts = newWarcCounts();
      try {
        yield* warcItems(name, counts, warn);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        warn(err.message);
        unread++;
      }
      unread += counts.malformed;
      summaries.push(describeWarcCounts(name, counts));
    }
  }
  const readable = opts.json ? undefined : { maxFindings: opts.maxFindings, color: opts.color };
  const job = { settings: opts.settings, label: 'warc', ...(readable && { readable }) };
  const { failed, notText } = await scoreItems(
    inBatches(records(), (item) => item.body.byteLength),
    job,
    opts.workers,
    warn,
  );
  // After the output, so that on a terminal the summary is not buried under the reports.
  for (const summary of summaries) warn(summary);
  return exitStatus(failed + unread, notText);
}

async function runFiles(opts: CliOptions): Promise<number> {
  const [{ scanFile }, { formatReport }] = await Promise.all([import('./inputs'), import('./format')]);
  let failed = 0;
  let notText = 0;
  const jsonOut: unknown[] = [];
  opts.files.forEach((name, i) => {
    const shownName = name === '-' ? 'standard input' : name;
    try {
      const { text, report } = scanFile(name, opts.settings, opts.url);
      if (report.notText !== undefined) {
        notText++;
        warn(`${shownName}: not text (${report.notText}); not scored.`);
      }
      if (opts.json) jsonOut.push(opts.files.length === 1 ? report : { file: name, report });
      else process.stdout.write((i > 0 ? '\n' : '') + formatReport(shownName, text, report, opts));
    } catch (err) {
      failed++;
      const message = err instanceof InputError ? err.message : internalError(shownName, err);
      warn(message);
      if (opts.json && opts.files.length > 1) jsonOut.push({ file: name, error: message });
    }
  });
  if (opts.json && (opts.files.length > 1 || jsonOut.length)) {
    process.stdout.write(JSON.stringify(opts.files.length === 1 ? jsonOut[0] : jsonOut, null, 2) + '\n');
  }
  return exitStatus(failed, notText);
}

/**
 * Runs the command line and returns its exit status. The engine (and its lexicon) is imported only
 * when something is scanned, so --help and usage errors answer at once.
 */
export async function main(argv: readonly string[]): Promise<number> {
  // A closed pipe (e.g. `spinscope … | head`) is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw err;
  });
  let opts: CliOptions;
  try {
    opts = parseArgs(argv, process.env, Boolean(process.stdout.isTTY));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    for (const line of err.message.split('\n')) warn(line);
    return EXIT_USAGE;
  }
  if (opts.command === 'help') {
    process.stdout.write(HELP);
    return EXIT_OK;
  }
  if (opts.command === 'version') {
    process.stdout.write(version() + '\n');
    return EXIT_OK;
  }
  if (opts.jsonl !== undefined) return runJsonl({ ...opts, jsonl: opts.jsonl });
  const { isWarcInput } = await import('./warc-input');
  const warc = opts.files.filter((name) => opts.warc || isWarcInput(name));
  if (!warc.length) return runFiles(opts);
  const problem =
    warc.length < opts.files.length
      ? `WARC/WET files (${warc.join(', ')}) cannot be mixed with other files in one run; scan them separately.`
      : opts.url !== undefined
        ? '--url does not apply to WARC/WET input: each record carries its own URL.'
        : undefined;
  if (problem === undefined) return runWarc(opts);
  warn(problem);
  return EXIT_USAGE;
}
