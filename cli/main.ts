import { createReadStream, fstatSync, openSync, readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { InputError } from './errors';
import { HELP, parseArgs, UsageError, type CliOptions } from './options';

const EXIT_OK = 0;
const EXIT_INPUT = 1;
const EXIT_USAGE = 2;
const EXIT_NOT_TEXT = 3;

/** 1 when an input could not be read, else 3 when an input was not text, else 0. */
const exitStatus = (failed: number, notText: number) => (failed ? EXIT_INPUT : notText ? EXIT_NOT_TEXT : EXIT_OK);

const warn = (message: string) => process.stderr.write(`spinscope: ${message}\n`);

/** Errors we did not foresee are bugs: say so plainly, with the stack only when asked for. */
function internalError(where: string, err: unknown): string {
  const detail = process.env.SPINSCOPE_DEBUG && err instanceof Error ? `\n${err.stack}` : '';
  return `${where}: internal error (${err instanceof Error ? err.message : String(err)}); please report it.${detail}`;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Lines of a file or of standard input, streamed, so a large JSON Lines file is never held whole. */
async function* readLines(name: string): AsyncGenerator<string> {
  let stream: Readable;
  if (name === '-') {
    stream = process.stdin;
  } else {
    try {
      const fd = openSync(name, 'r');
      if (fstatSync(fd).isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
      stream = createReadStream('', { fd });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
      throw new InputError(`${name}: ${why}.`);
    }
  }
  stream.setEncoding('utf8');
  const pending: string[] = [];
  const finish = (s: string) => (s.endsWith('\r') ? s.slice(0, -1) : s);
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      let start = 0;
      for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', start)) {
        pending.push(chunk.slice(start, i));
        yield finish(pending.join(''));
        pending.length = 0;
        start = i + 1;
      }
      if (start < chunk.length) pending.push(chunk.slice(start));
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${name === '-' ? 'standard input' : name}: cannot be read (${(err as Error).message}).`);
  }
  if (pending.length) yield finish(pending.join(''));
}

async function runJsonl(opts: CliOptions & { jsonl: string }): Promise<number> {
  const { scanJsonlLine } = await import('./inputs');
  const label = opts.jsonl === '-' ? 'stdin' : opts.jsonl;
  let failed = 0;
  let notText = 0;
  let lineNo = 0;
  try {
    for await (const raw of readLines(opts.jsonl)) {
      lineNo++;
      const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      // Blank lines are not records (JSON Lines has no empty values), so they get no output line.
      if (!line.trim()) continue;
      let result;
      try {
        result = scanJsonlLine(line, opts.settings);
      } catch (err) {
        result = { id: null, error: 'internal error while scoring this record' };
        warn(internalError(`${label}:${lineNo}`, err));
      }
      const where = `${label}:${lineNo}${result.id !== null ? ` (id ${JSON.stringify(result.id)})` : ''}`;
      if ('error' in result) {
        failed++;
        warn(`${where}: ${result.error}.`);
      } else if (result.notText !== undefined) {
        notText++;
        warn(`${where}: not text (${result.notText}); not scored.`);
      }
      process.stdout.write(JSON.stringify(result) + '\n');
    }
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    warn(err.message);
    return EXIT_INPUT;
  }
  if (failed) warn(`${failed} of the records could not be scored.`);
  return exitStatus(failed, notText);
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
