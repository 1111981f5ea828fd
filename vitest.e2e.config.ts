import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built extension (`npm run build`) in real Chromium and Firefox. One file per
 * browser, run one after the other (each browser wants both cores). Set SPINSCOPE_E2E_JSON to a
 * path to also write vitest's JSON report there (.ci/run totals it).
 */
const json = process.env.SPINSCOPE_E2E_JSON;

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    reporters: json ? ['default', 'json'] : ['default'],
    ...(json ? { outputFile: { json } } : {}),
  },
});
