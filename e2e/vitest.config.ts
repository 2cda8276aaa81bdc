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
    // A flow that loses a click to a re-render on the loaded CI machine runs once more; a broken one fails both times.
    retry: 1,
  },
});
