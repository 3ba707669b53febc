import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Database tests start PGlite (WASM) and load the demo data: give them time.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/browser/**'] } },
      // Browser tests share one server (started once, on a fresh embedded database with the
      // demo data) and run in Debian's Chromium.
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], globalSetup: ['test/browser/global-setup.ts'], maxWorkers: 1 } },
    ],
  },
});
