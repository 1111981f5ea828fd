import { defineConfig } from 'wxt';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Serves webextension-polyfill (a UMD file) as an ES module. Imported as CommonJS, the bundler's
 * interop copies every own property of its export onto a namespace object; where the browser has a
 * native `browser` namespace (Firefox, and Chrome too now) the polyfill exports that object, and the
 * copy makes the browser build every extension API binding in the content script's world at
 * start-up (about 2 ms of evaluation on every page, measured with scripts/measure-content-script.ts).
 */
const polyfillAsEsm: Plugin = {
  name: 'spinscope:webextension-polyfill-as-esm',
  enforce: 'pre',
  transform(code, id) {
    if (!/[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/.test(id)) return null;
    return { code: `const module = { exports: {} };\nconst exports = module.exports;\n${code}\nexport default module.exports;\n`, map: null };
  },
};

/**
 * The engine's bundled data files (lib/data/*.json: boilerplate patterns, calibrations) as JSON text
 * parsed once, not as object literals: a service worker that wakes evaluates its whole script, and an
 * object literal costs far more to parse and build than the same text in a string handed to JSON.parse.
 */
const jsonDataAsParse: Plugin = {
  name: 'spinscope:json-data-as-parse',
  enforce: 'pre',
  transform(code, id) {
    if (!/[\\/]lib[\\/]data[\\/][^\\/]+\.json$/.test(id)) return null;
    return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(code)))});\n`, map: null, moduleType: 'js' };
  },
};

/**
 * The engine's large data, shipped as files of the package beside the background and fetched by it
 * (utils/engine-resources.ts), not bundled: inside the script they would be compiled and evaluated
 * at every start of the service worker (the model as a 17 MB string literal, the lexicon as 1.2 MB
 * of JSON text), while a fetched file costs only its reading. Names in the package = names in lib/data.
 */
export const ENGINE_DATA_FILES = ['spun-model.bin', 'lexicon.json'] as const;

/** The extension's engine leaves the bundled lexicon out (lib/spun/bundled-lexicon.ts): its background fetches the file. */
const lexiconNotBundled: Plugin = {
  name: 'spinscope:lexicon-not-bundled',
  enforce: 'pre',
  load(id) {
    if (!/[\\/]lib[\\/]spun[\\/]bundled-lexicon\.ts$/.test(id)) return null;
    return 'export const BUNDLED_LEXICON = undefined;\n';
  },
};

// Fixed Gecko id: Firefox needs it for storage.sync and the end-to-end tests install the build under it.
export const GECKO_ID = 'spinscope@spinscope.dev';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [lexiconNotBundled, jsonDataAsParse, polyfillAsEsm] }),
  hooks: {
    // Listed for the typed browser.runtime.getURL too.
    'prepare:publicPaths': (_wxt, paths) => {
      for (const file of ENGINE_DATA_FILES) paths.push(`/${file}`);
    },
    'build:publicAssets': (_wxt, files) => {
      for (const file of ENGINE_DATA_FILES) files.push({ absoluteSrc: resolve(import.meta.dirname, 'lib', 'data', file), relativeDest: file });
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    // Every word the user sees is a message of public/_locales/<language>/messages.json (docs/extension.md, Languages).
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // Only storage: content_scripts matches give page access, so no host or tabs permission is needed (docs/extension.md).
    permissions: ['storage'],
    commands: {
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_command_open_popup__',
      },
      // Handled in utils/background-main.ts under this name.
      rescan: { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_command_rescan__' },
    },
    // The APIs that set the floor are listed in docs/extension.md (Browsers supported).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '105' }),
  }),
});
