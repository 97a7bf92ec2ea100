import { defineConfig } from 'vitest/config';

// Web tests run without a browser DOM: pure rules, locales and the API client, and component
// tests that render presentational parts to static HTML (src/test/render.tsx).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
