import { defineConfig } from 'vitest/config';

// Browser end-to-end tests against the built server (npm run test:e2e builds first).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
