import { defineConfig } from 'vitest/config';

// Web unit tests are pure (no DOM): locales, the API client's problem parsing, navigation rules.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
