import { defineConfig } from 'vitest/config';

// The suite runs on the embedded database (PGlite) always, and a second time on PostgreSQL when
// TEST_DATABASE_URL is set. Process-level tests of the embedded server run only in the first.
const common = { globalSetup: ['test/global-setup.ts'], testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...common,
          name: 'pglite',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.unit.test.ts'],
          env: { TEST_ENGINE: 'pglite' },
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              test: {
                ...common,
                name: 'postgres',
                include: ['src/**/*.test.ts'],
                exclude: ['src/**/*.unit.test.ts'],
                env: { TEST_ENGINE: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
