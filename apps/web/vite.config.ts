import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API server listens on 3000. In development Vite proxies to it; in production the server
// serves `dist/` itself on the same origin (SPA fallback), so cookies and CSRF work the same way.
// ANXIN_API_URL points the dev/preview proxy elsewhere (e.g. a second server or a stub).
const API_TARGET = process.env.ANXIN_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
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
    // Ant Design is one large, rarely changing library; keep it (and React) in long-cached
    // vendor chunks so feature deploys only invalidate the small app chunks.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
            },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion)[\\/]/,
            },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
});
