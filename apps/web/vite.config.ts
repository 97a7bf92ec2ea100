import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { OFFLINE_READS, PWA_DEFAULTS } from './src/pwa/config.ts';

// The API server listens on 3000. In development Vite proxies to it; in production the server
// serves `dist/` itself on the same origin (SPA fallback), so cookies and CSRF work the same way.
// ANXIN_API_URL points the dev/preview proxy elsewhere (e.g. a second server or a stub).
const API_TARGET = process.env.ANXIN_API_URL ?? 'http://127.0.0.1:3000';

// Workbox tests a route's RegExp against the full URL: anchor the path after any origin and allow
// a query string.
const hrefPattern = (path: RegExp) =>
  new RegExp(path.source.replace(/^\^/, '^https?://[^/]+').replace(/\$$/, '(?:\\?.*)?$'));

const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

const RC_FORM = /[\\/]node_modules[\\/]@rc-component[\\/](form|async-validator)[\\/]/;

/**
 * The service worker of the phone apps (registered by src/pwa/register.ts for /m/ and /portal/
 * only). It precaches the app shell (index.html, every JS/CSS chunk, icons), answers page loads
 * with the cached index.html, and keeps the few API reads of src/pwa/config.ts network-first with
 * a cached fallback. Writes are network-only: the technician app queues them itself (fieldwork
 * api.ts) and resends them with their idempotency keys when the network returns.
 */
const pwa = VitePWA({
  strategies: 'generateSW',
  filename: 'sw.js',
  injectRegister: false,
  // Each phone app ships its own manifest in public/<app>/manifest.webmanifest.
  manifest: false,
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
    maximumFileSizeToCacheInBytes: PWA_DEFAULTS.maxPrecacheBytes,
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [/^\/api\//, /^\/docs/],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
    runtimeCaching: [
      ...OFFLINE_READS.map((path) => ({
        urlPattern: hrefPattern(path),
        method: 'GET' as const,
        handler: 'NetworkFirst' as const,
        options: {
          cacheName: PWA_DEFAULTS.apiCache,
          networkTimeoutSeconds: PWA_DEFAULTS.networkTimeoutSeconds,
          expiration: {
            maxAgeSeconds: PWA_DEFAULTS.apiMaxAgeSeconds,
            maxEntries: PWA_DEFAULTS.apiMaxEntries,
          },
          cacheableResponse: { statuses: [200] },
        },
      })),
      ...WRITES.map((method) => ({
        urlPattern: /^https?:\/\/[^/]+\/api\//,
        method,
        handler: 'NetworkOnly' as const,
      })),
    ],
  },
});

export default defineConfig({
  plugins: [react(), pwa],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
      '/docs': { target: API_TARGET, changeOrigin: false },
    },
  },
  preview: {
    port: 4173,
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
      '/docs': { target: API_TARGET, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    manifest: true,
    // Ant Design is one large, rarely changing library; keep it (and React) in long-cached
    // vendor chunks so feature deploys only invalidate the small app chunks.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // The contracts package defines zod schemas at module level next to the constants the web
      // app reads (statuses, locales); marking zod's builders pure lets unused schemas (and most
      // of zod) drop out of the phone's first load.
      treeshake: {
        manualPureFunctions: ['z', 'storedText', 'pageOf'],
        // @rc-component/form declares no `sideEffects`, so its index (which hangs Field, List and
        // useForm on the Form component) stayed in every bundle that touches an input's form
        // context, with async-validator behind it: about 14 KB gzip in the phone's first load.
        // It has no side effects besides its exports; other modules keep their own declaration.
        moduleSideEffects: (id) => (RC_FORM.test(id) ? false : undefined),
      },
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
            },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
});
