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
    const { failed, notText } = await scoreJsonl(opts.jsonl, opts.settings, opts.workers, warn);
    if (failed) warn(`${failed} of the records could not be scored.`);
    return exitStatus(failed, notText);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    warn(err.message);
    return EXIT_INPUT;
  }
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
  return opts.jsonl !== undefined ? runJsonl({ ...opts, jsonl: opts.jsonl }) : runFiles(opts);
}
