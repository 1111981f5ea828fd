import { Worker } from 'node:worker_threads';
import { InputError } from './errors';
import { openInputStream } from './input-stream';
import type { NumberedLine, ScanItem, ScoredLine, ScoreJob } from './score-lines';

/**
 * Records are scored in batches of about this many characters (bytes, for WARC records): large
 * enough that handing a batch to a worker costs little beside scoring it, small enough that the
 * workers share the work evenly and memory holds only a few batches per worker.
 */
const BATCH_CHARS = 128 * 1024;
/** Batches read ahead per scoring thread, so no thread waits for the reader while output stays in input order. */
const BATCHES_IN_FLIGHT_PER_THREAD = 2;

/** Lines of a file or of standard input, streamed, so a large JSON Lines file is never held whole. */
async function* readLines(name: string): AsyncGenerator<string> {
  const stream = openInputStream(name);
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

/** Items in batches of about BATCH_CHARS, by the size each item reports. */
export async function* inBatches<T>(items: AsyncIterable<T>, size: (item: T) => number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  let chars = 0;
  for await (const item of items) {
    batch.push(item);
    chars += size(item);
    if (chars >= BATCH_CHARS) {
      yield batch;
      batch = [];
      chars = 0;
    }
  }
  if (batch.length) yield batch;
}

/** The records of a JSON Lines input, numbered; blank lines are not records. */
async function* records(name: string): AsyncGenerator<NumberedLine> {
  let lineNo = 0;
  for await (const raw of readLines(name)) {
    lineNo++;
    const text = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    // JSON Lines has no empty values, so a blank line gets no output line.
    if (text.trim()) yield { kind: 'jsonl', lineNo, text };
  }
}

type ScoreBatch = (lines: ScanItem[]) => Promise<ScoredLine[]>;

/** Worker threads that score batches, each batch on the first free worker. */
function workerPool(size: number, job: ScoreJob): { score: ScoreBatch; close: () => Promise<void> } {
  const workers = Array.from({ length: size }, () => new Worker(new URL('./jsonl-worker.mjs', import.meta.url), { workerData: job }));
  const idle = [...workers];
  const queue: { lines: ScanItem[]; resolve: (r: ScoredLine[]) => void; reject: (e: unknown) => void }[] = [];
  const waiting = new Map<Worker, (typeof queue)[number]>();
  const next = () => {
    while (idle.length && queue.length) {
      const worker = idle.pop()!;
      const task = queue.shift()!;
      waiting.set(worker, task);
      worker.postMessage(task.lines);
    }
  };
  for (const worker of workers) {
    worker.on('message', (scored: ScoredLine[]) => {
      waiting.get(worker)!.resolve(scored);
      waiting.delete(worker);
      idle.push(worker);
      next();
    });
    worker.on('error', (err) => {
      for (const task of [...waiting.values(), ...queue]) task.reject(err);
      waiting.clear();
      queue.length = 0;
    });
  }
  return {
    score: (lines) =>
      new Promise((resolve, reject) => {
        queue.push({ lines, resolve, reject });
        next();
      }),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** Writes to standard output, waiting while its buffer is full so output never piles up in memory. */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

/** What a run found: records that failed and records that were not text. */
export interface JsonlCounts {
  failed: number;
  notText: number;
}

/**
 * Scores a JSON Lines input and writes one output line per record, in input order.
 * Throws InputError when the input cannot be read (the lines before that point are written).
 */
export function scoreJsonl(name: string, job: ScoreJob, workers: number, warn: (message: string) => void): Promise<JsonlCounts> {
  return scoreItems(
    inBatches(records(name), (line) => line.text.length),
    job,
    workers,
    warn,
  );
}

/**
 * Scores batches of records and writes each record's output, in input order. With more than one
 * worker and more than one batch of input, batches are scored on worker threads, a bounded number
 * at a time; a small input is scored in this thread, where it costs no worker start-up. An
 * InputError from the input is thrown after the records read before it are written.
 */
export async function scoreItems(input: AsyncGenerator<ScanItem[]>, job: ScoreJob, workers: number, warn: (message: string) => void): Promise<JsonlCounts> {
  const counts: JsonlCounts = { failed: 0, notText: 0 };
  const emit = async (scored: ScoredLine[]) => {
    for (const { problem } of scored) {
      if (!problem) continue;
      counts[problem.kind === 'error' ? 'failed' : 'notText']++;
      warn(problem.message);
    }
    await write(scored.map((s) => s.output).join(''));
  };

  const first = await input.next();
  if (first.done) return counts;
  const second = workers > 1 ? await input.next() : undefined;
  if (!second || second.done) {
    // One scoring thread, or input that fits one batch: score it here, batch after batch.
    const { scoreLines } = await import('./score-lines');
    await emit(scoreLines(first.value, job));
    if (second) return counts;
    for await (const lines of input) await emit(scoreLines(lines, job));
    return counts;
  }

  const pool = workerPool(workers, job);
  const inFlight: Promise<ScoredLine[]>[] = [];
  const dispatch = (lines: ScanItem[]) => {
    const scored = pool.score(lines);
    // Awaited in order below; this keeps a failure that comes before its turn from counting as unhandled.
    scored.catch(() => undefined);
    inFlight.push(scored);
  };
  try {
    dispatch(first.value);
    dispatch(second.value);
    for await (const lines of input) {
      while (inFlight.length >= workers * BATCHES_IN_FLIGHT_PER_THREAD) await emit(await inFlight.shift()!);
      dispatch(lines);
    }
    while (inFlight.length) await emit(await inFlight.shift()!);
  } catch (err) {
    // Lines read before an unreadable part are still written, in order.
    if (err instanceof InputError) for (const scored of inFlight.splice(0)) await emit(await scored);
    throw err;
  } finally {
    await pool.close();
  }
  return counts;
}
