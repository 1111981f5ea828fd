import { parentPort, workerData } from 'node:worker_threads';
import { scoreLines, type ScanItem, type ScoreJob } from './score-lines';

/** A worker thread of `--workers N`: scores the batches of records the main thread sends, one at a time. */
const job = workerData as ScoreJob;
parentPort!.on('message', (items: ScanItem[]) => parentPort!.postMessage(scoreLines(items, job)));
