import { browser } from 'wxt/browser';
import type { EngineResources } from '@/lib/detectors/detector';
import { analyze } from '@/lib/index';
import { compileLexicon, type CompiledLexicon, type LexiconData } from '@/lib/lexicon';
import { loadSpunModel, type SpunModel } from '@/lib/spun/model';

/**
 * The engine's large data, fetched from the extension's own package once per background start
 * (wxt.config.ts ships the files): the spun signal's language model, read into typed arrays
 * without parsing, and its lexicon of known spun phrases. Each that cannot be loaded is logged and
 * left out, and the spun signal says what it could not check.
 */
let loading: Promise<EngineResources> | undefined;

async function fetched(file: 'spun-model.bin' | 'lexicon.json'): Promise<Response> {
  const response = await fetch(browser.runtime.getURL(`/${file}`));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response;
}

async function spunModel(): Promise<SpunModel | undefined> {
  try {
    // Read through a Blob: its bytes arrive in the browser process while this thread is busy (the
    // worker's script, the lexicon), where a direct arrayBuffer() read waits for the thread.
    return loadSpunModel(await (await (await fetched('spun-model.bin')).blob()).arrayBuffer());
  } catch (error) {
    console.error('Spinscope: the spun model could not be loaded; only known phrases are checked.', error);
    return undefined;
  }
}

/** A few lines that take the engine through its tokeniser, language check, lexicon, tables and boilerplate patterns. */
const PRIMING_TEXT =
  'The imaginative and prescient of the company is clear, and the report says so in plain English for every reader.\n' +
  '| Year | Sales |\n| --- | --- |\n| 2024 | 10 |\nSource link';

/**
 * Runs the engine once on PRIMING_TEXT while the model's bytes are still arriving: a worker that
 * has just started compiles each function and regular expression on its first use, and the first
 * page would otherwise wait for that after the model is read. The report is discarded.
 */
function primeEngine(lexicon: CompiledLexicon | undefined): void {
  try {
    analyze(PRIMING_TEXT, {}, {}, lexicon ? { spunLexicon: lexicon } : {});
  } catch (error) {
    console.error('Spinscope: priming the engine failed; pages are still scanned.', error);
  }
}

async function spunLexicon(): Promise<CompiledLexicon | undefined> {
  try {
    return compileLexicon((await (await fetched('lexicon.json')).json()) as LexiconData);
  } catch (error) {
    console.error('Spinscope: the lexicon of spun phrases could not be loaded; only the model judges words.', error);
    return undefined;
  }
}

/** The lexicon is the smaller file and arrives first: the engine is primed with it while the model's bytes still arrive. */
async function primedLexicon(): Promise<CompiledLexicon | undefined> {
  const lexicon = await spunLexicon();
  primeEngine(lexicon);
  return lexicon;
}

export function engineResources(): Promise<EngineResources> {
  loading ??= Promise.all([spunModel(), primedLexicon()]).then(([model, lexicon]) => ({
    ...(model ? { spunModel: model } : {}),
    ...(lexicon ? { spunLexicon: lexicon } : {}),
  }));
  return loading;
}
