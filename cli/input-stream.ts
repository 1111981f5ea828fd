/**
 * Opening an input as a stream, apart from the engine, so that the thread that only reads and
 * hands records to workers never loads the engine.
 */
import { closeSync, createReadStream, fstatSync, openSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { InputError } from './errors';

/** The message a user sees for a file system error on `name`. */
export function describeFsError(name: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `${name}: no such file.`;
    case 'EISDIR':
      return `${name}: is a directory, not a file.`;
    case 'EACCES':
    case 'EPERM':
      return `${name}: permission denied.`;
    default:
      return `${name}: cannot be read (${err instanceof Error ? err.message : String(err)}).`;
  }
}

/** A file (or standard input for `-`) as a stream of bytes, so a large input is never held whole. */
export function openInputStream(name: string): Readable {
  if (name === '-') return process.stdin;
  try {
    const fd = openSync(name, 'r');
    if (fstatSync(fd).isDirectory()) {
      closeSync(fd);
      throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    }
    return createReadStream('', { fd, highWaterMark: 1024 * 1024 });
  } catch (err) {
    throw new InputError(describeFsError(name, err));
  }
}
