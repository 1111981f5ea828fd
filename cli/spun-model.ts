import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EngineResources } from '../lib/detectors/detector';
import { loadSpunModel, type SpunModel } from '../lib/spun/model';

/** The compiled model the repository ships (scripts/spun-model/build.ts writes it). */
export const SPUN_MODEL_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'lib', 'data', 'spun-model.bin');

let cached: SpunModel | undefined;
/** The shipped model, read once per process (npm run bench gives the load time); Node's faces (CLI, scripts, tests) share it. */
export function spunModelFromFile(path = SPUN_MODEL_FILE): SpunModel {
  if (path !== SPUN_MODEL_FILE) return loadSpunModel(readFileSync(path));
  cached ??= loadSpunModel(readFileSync(path));
  return cached;
}

let warned = false;
/**
 * The engine's resources for the command line: the shipped model, or none with one warning on
 * standard error when it cannot be read (the spun signal then checks only known phrases).
 */
export function cliResources(): EngineResources {
  try {
    return { spunModel: spunModelFromFile() };
  } catch (err) {
    if (!warned) process.stderr.write(`spinscope: warning: the spun model ${SPUN_MODEL_FILE} could not be read (${err instanceof Error ? err.message : String(err)}); only known spun phrases are checked.\n`);
    warned = true;
    return {};
  }
}
