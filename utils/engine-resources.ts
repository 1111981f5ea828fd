import { browser } from 'wxt/browser';
import type { EngineResources } from '@/lib/detectors/detector';
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

async function spunLexicon(): Promise<CompiledLexicon | undefined> {
  try {
    return compileLexicon((await (await fetched('lexicon.json')).json()) as LexiconData);
  } catch (error) {
    console.error('Spinscope: the lexicon of spun phrases could not be loaded; only the model judges words.', error);
    return undefined;
  }
}

export function engineResources(): Promise<EngineResources> {
  loading ??= Promise.all([spunModel(), spunLexicon()]).then(([model, lexicon]) => ({
    ...(model ? { spunModel: model } : {}),
    ...(lexicon ? { spunLexicon: lexicon } : {}),
  }));
  return loading;
}
