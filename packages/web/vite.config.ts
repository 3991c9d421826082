import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

/**
 * The SPA is built to packages/web/dist, which the server serves at / (with an index.html
 * fallback). In development `npm run dev:web` serves it on :5173 and forwards /api to the
 * server on :3000 (or CALMDESK_API_URL), so the session cookie stays same-origin either way.
 */
const apiTarget = process.env.CALMDESK_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  // '@calmdesk/shared' exports its TypeScript source under the 'source' condition.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    port: 4173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // antd's core is ~850 kB before gzip; the admin-only parts (table, date picker) split off with the lazy pages.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        // React and the router change rarely: keep them in their own long-cached chunk.
        codeSplitting: {
          groups: [{ name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/ }],
        },
      },
    },
  },
});
