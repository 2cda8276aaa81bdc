import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['src/testing/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // A page reacts within a second when the machine is idle; CI shares two cores with the server under test.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
