import { defineConfig } from 'vitest/config';

// Two kinds of web tests. Most run without a browser DOM: pure rules, locales, the API client and
// presentational parts rendered to static HTML (src/test/render.tsx). `*.dom.test.tsx` files run
// in jsdom and drive whole pages with real clicks and typing (src/test/dom.tsx). A node test file
// may also opt in alone with a `// @vitest-environment jsdom` comment; the setup file polyfills
// only when there is a window.
const setupFiles = ['src/test/setup-dom.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          exclude: ['src/**/*.dom.test.tsx'],
          setupFiles,
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.dom.test.tsx'],
          setupFiles,
          // Ant Design's first render in jsdom is slow on a shared machine; a page test clicks a lot.
          testTimeout: 60_000,
        },
      },
    ],
  },
});
