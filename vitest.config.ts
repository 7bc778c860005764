import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The web app's pure logic is tested here too; its browser tests (web/e2e) run under `npm run test:e2e`.
    include: ['server/**/*.test.ts', 'web/src/**/*.test.ts'],
    // Each test file gets its own database (PGlite in memory, or a fresh PostgreSQL database).
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
