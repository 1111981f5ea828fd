import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * One fresh process, timed as the measurement scripts report it (npm run bench:cli, npm run
 * measure:cli-inputs): wall time, and max RSS and CPU time from /usr/bin/time where it is
 * installed; elsewhere, for a Node command, from the process's own `process.resourceUsage()`,
 * which a preloaded module prints as it exits.
 */
export const TIME = '/usr/bin/time';

/** Prints max RSS (kB) and user and system CPU (s) on standard error as the process exits, as /usr/bin/time -f '%M %U %S' does. */
const USAGE_PRELOAD = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('exit', () => { const u = process.resourceUsage(); writeSync(2, `\\n${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}\\n`); });",
)}`;

export interface TimedRun {
  status: number | null;
  /** Standard output, when it was kept. */
  stdout: string;
  stderr: string;
  wallMs: number;
  /** Absent when neither /usr/bin/time nor the preload could measure the process. */
  maxRssMB?: number;
  cpuMs?: number;
}

export function timedRun(args: readonly string[], options: { keepOutput?: boolean } = {}): TimedRun {
  const timed = existsSync(TIME);
  const preloaded = !timed && args[0] === process.execPath;
  const command = timed ? [TIME, '-f', '%M %U %S', ...args] : preloaded ? [args[0]!, '--import', USAGE_PRELOAD, ...args.slice(1)] : [...args];
  const start = process.hrtime.bigint();
  const r = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', options.keepOutput ? 'pipe' : 'ignore', 'pipe'] });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const run: TimedRun = { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', wallMs };
  if (timed || preloaded) {
    const [rssKB, user, system] = run.stderr.trim().split('\n').pop()!.split(' ').map(Number) as [number, number, number];
    if ([rssKB, user, system].every(Number.isFinite)) Object.assign(run, { maxRssMB: rssKB / 1024, cpuMs: (user + system) * 1000 });
  }
  return run;
}
