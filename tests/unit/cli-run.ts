/** Running the built command line from tests, as a user does: the real bin in a child process, in a folder of its own files. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The command line's bin, as npm installs it. */
export const BIN = resolve(import.meta.dirname, '../../bin/spinscope.mjs');

/** The bin run with `args` in `dir`, standard input given; its exit status and both outputs. */
export function runCli(dir: string, args: string[], input?: string | Buffer): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes `content` to `name` in `dir` and returns its path. */
export function writeIn(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
