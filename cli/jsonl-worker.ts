import { parentPort, workerData } from 'node:worker_threads';
import type { SettingsInput } from '../lib/settings';
import { scoreLines, type NumberedLine } from './score-lines';

/** A worker thread of `--jsonl --workers N`: scores the batches of records the main thread sends, one at a time. */
const { settings, label } = workerData as { settings: SettingsInput; label: string };
parentPort!.on('message', (lines: NumberedLine[]) => parentPort!.postMessage(scoreLines(lines, settings, label)));
