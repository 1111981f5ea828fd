import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// .ci/run sets this so its closing "N passed, N failed" line can count the unit tests too.
const json = process.env.SPINSCOPE_UNIT_JSON;

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    globalSetup: ['tests/unit/build-cli.setup.ts'],
    // browser.i18n answers from public/_locales/en/messages.json (fakeBrowser does not implement it).
    setupFiles: ['tests/unit/i18n.setup.ts'],
    testTimeout: 30_000,
    reporters: json ? ['default', 'json'] : ['default'],
    ...(json ? { outputFile: { json } } : {}),
  },
});
