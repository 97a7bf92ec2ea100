import { defineConfig } from 'vitest/config';

// Two kinds of web tests. Most run without a browser DOM: pure rules, locales, the API client and
// presentational parts rendered to static HTML (src/test/render.tsx). `*.dom.test.tsx` files run
// in jsdom and drive whole pages with real clicks and typing (src/test/dom.tsx). A node test file
// may also opt in alone with a `// @vitest-environment jsdom` comment; the setup file polyfills
// only when there is a window.
const setupFiles = ['src/test/setup-dom.ts'];

// Node loads `antd` from its CommonJS build (lib/) in tests, while Vite bundles the ES one (es/).
// The app deep-imports a few antd modules by their es/ path (app/Feedback.tsx shares App's
// context); point those at lib/ here so tests see the same context objects as `antd` itself.
const resolve = { alias: [{ find: /^antd\/es\//, replacement: 'antd/lib/' }] };

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          exclude: ['src/**/*.dom.test.tsx'],
          setupFiles,
        },
      },
      {
        resolve,
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
