import { defineConfig } from 'wxt';

// Fixed Gecko id: Firefox needs it for storage.sync and the end-to-end tests install the build under it.
export const GECKO_ID = 'spinscope@spinscope.dev';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Spinscope',
    description: 'Flags spun, scraped and auto-syndicated articles on the page you read. Nothing leaves your browser.',
    // Only storage: content_scripts matches give page access, so no host or tabs permission is needed (docs/extension.md).
    permissions: ['storage'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: GECKO_ID, data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
});
