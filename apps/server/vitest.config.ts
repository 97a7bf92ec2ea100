import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: keep parallel files modest so PostgreSQL and scrypt do not starve each other.
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts'],
    // Event types must come from a catalogue (*.events.ts); enforced at runtime in every test file.
    setupFiles: ['test/setup-events.ts'],
  },
});
