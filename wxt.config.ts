import { defineConfig } from 'wxt';

// Fixed Gecko id: Firefox needs it for storage.sync and the end-to-end tests install the build under it.
export const GECKO_ID = 'spinscope@spinscope.dev';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Spinscope',
    description: 'Flags spun, scraped and auto-syndicated articles on the page you read. Nothing leaves your browser.',
    permissions: ['storage', 'activeTab'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: GECKO_ID, data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
});
