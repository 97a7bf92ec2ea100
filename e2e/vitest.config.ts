import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['journeys/**/*.test.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 300_000,
    hookTimeout: 360_000,
    // One browser and one server at a time: two cores.
    fileParallelism: false,
  },
});
