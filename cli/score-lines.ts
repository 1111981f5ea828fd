import type { SettingsInput } from '../lib/settings';
import { internalError } from './errors';
import { scanJsonlLine, type JsonlResult } from './inputs';

/** A JSON Lines input line and its 1-based number in the input. */
export interface NumberedLine {
  lineNo: number;
  text: string;
}

/** A scored record as the writer needs it: its output line, and what to say on standard error about a record that failed or is not text. */
export interface ScoredLine {
  output: string;
  problem?: { kind: 'error' | 'not-text'; message: string };
}

/** Scores JSON Lines records; the same code runs in the main thread and in each worker. */
export function scoreLines(lines: readonly NumberedLine[], settings: SettingsInput, label: string): ScoredLine[] {
  return lines.map(({ lineNo, text }) => {
    let result: JsonlResult;
    let internal: string | undefined;
    try {
      result = scanJsonlLine(text, settings);
    } catch (err) {
      result = { id: null, error: 'internal error while scoring this record' };
      internal = internalError(`${label}:${lineNo}`, err);
    }
    const output = JSON.stringify(result) + '\n';
    const where = `${label}:${lineNo}${result.id !== null ? ` (id ${JSON.stringify(result.id)})` : ''}`;
    if ('error' in result) return { output, problem: { kind: 'error', message: internal ?? `${where}: ${result.error}.` } };
    if (result.notText !== undefined) return { output, problem: { kind: 'not-text', message: `${where}: not text (${result.notText}); not scored.` } };
    return { output };
  });
}
