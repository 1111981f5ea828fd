import lexiconData from '../data/lexicon.json';
import type { LexiconData } from '../lexicon';

/**
 * The lexicon's data, bundled with the engine where it runs from files (the CLI, tests, scripts).
 * The extension's build replaces this module with one that exports undefined (wxt.config.ts): its
 * background fetches the file from the package instead (utils/engine-resources.ts), because a
 * megabyte of data inside the service worker's script is compiled at every start of the worker.
 */
export const BUNDLED_LEXICON: LexiconData | undefined = lexiconData as unknown as LexiconData;
