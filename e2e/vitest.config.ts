import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['journeys/**/*.test.ts'],
    setupFiles: ['./setup.ts'],
    globalSetup: ['./global-setup.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 300_000,
    hookTimeout: 360_000,
    // One browser and one server at a time: two cores.
    fileParallelism: false,
    // One retry for a journey step: a fresh-clone run on 2026-12-06 failed two steps once (a
    // transition dialog and the complaint investigation form did not finish in time) that passed on
    // every other run; under investigation, see the stop note. A real defect fails both tries.
    retry: Number(process.env.ANXIN_JOURNEY_RETRY ?? 1),
  },
});
