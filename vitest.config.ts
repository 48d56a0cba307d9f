import { defineConfig } from 'vitest/config';

// Two suites in Node: pure unit tests, and server tests that run every scenario on
// PGlite and on a real PostgreSQL started by tests/server/global-setup.ts.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/server/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite and PostgreSQL are heavy; two cores, so one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
