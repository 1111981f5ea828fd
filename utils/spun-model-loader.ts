import { browser } from 'wxt/browser';
import { loadSpunModel, type SpunModel } from '@/lib/spun/model';

/**
 * The spun signal's language model, fetched from the extension's own package as bytes and read
 * into typed arrays (no parsing), once per background start. A model that cannot be loaded is
 * logged and the engine runs without it: the spun signal then checks only known phrases and says so.
 */
/** The name wxt.config.ts gives the model in the package. */
const SPUN_MODEL_FILE = 'spun-model.bin';

let loading: Promise<SpunModel | undefined> | undefined;

export function spunModel(): Promise<SpunModel | undefined> {
  loading ??= (async () => {
    try {
      const response = await fetch(browser.runtime.getURL(`/${SPUN_MODEL_FILE}`));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return loadSpunModel(await response.arrayBuffer());
    } catch (error) {
      console.error('Spinscope: the spun model could not be loaded; only known phrases are checked.', error);
      return undefined;
    }
  })();
  return loading;
}
