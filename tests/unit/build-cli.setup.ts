/**
 * Vitest global setup: bundles the command line once, from the current sources, before any test
 * file runs. The CLI tests run the real bin, and test files run in parallel, so a build per file
 * would delete and rewrite dist/ while another file's spawns read it.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function buildCli(): void {
  const build = spawnSync(process.execPath, [resolve(__dirname, '../../scripts/build-cli.mjs')], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:cli failed:\n${build.stderr}`);
}
