import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

/**
 * The SPA is built to packages/web/dist, which the server serves at / (with an index.html
 * fallback). In development `npm run dev:web` serves it on :5173 and forwards /api to the
 * server on :3000 (or CALMDESK_API_URL), so the session cookie stays same-origin either way.
 */
const apiTarget = process.env.CALMDESK_API_URL ?? 'http://localhost:3000';

/** Public files the installed app needs offline (public/manifest.webmanifest names the icons). */
const OFFLINE_PUBLIC_FILES = ['/index.html', '/manifest.webmanifest', '/favicon.svg', '/icon.svg', '/icon-192.png', '/icon-512.png', '/icon-maskable-512.png', '/icon-breathe-192.png'];

/**
 * The PWA (SPEC §2.6, "installable, the pacer usable offline"): links the manifest from index.html and,
 * on build, writes /sw-precache.js, the list public/sw.js precaches: the app shell (the entry chunks
 * and what they import, all CSS) and the public pacer page's chunks, so /breathe opens offline after one
 * visit. The other pages' chunks are cached as they are used. The version changes with any built file.
 */
function calmdeskPwa(): Plugin {
  return {
    name: 'calmdesk-pwa',
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/apple-touch-icon.png' }, injectTo: 'head' },
    ],
    // After writing, when the bundle is final (CSS-only chunks have been dropped by then).
    writeBundle(options, bundle) {
      const files = new Set<string>();
      const addWithImports = (fileName: string) => {
        if (files.has(fileName)) return;
        const item = bundle[fileName];
        if (!item) return;
        files.add(fileName);
        if (item.type === 'chunk') item.imports.forEach(addWithImports);
      };
      for (const item of Object.values(bundle)) {
        if (item.type === 'chunk' && (item.isEntry || item.facadeModuleId?.endsWith('public-breathe-page.tsx'))) addWithImports(item.fileName);
        if (item.type === 'asset' && item.fileName.endsWith('.css')) files.add(item.fileName);
      }
      const hash = createHash('sha256');
      for (const name of Object.keys(bundle).sort()) hash.update(name);
      for (const file of OFFLINE_PUBLIC_FILES.slice(1)) hash.update(fs.readFileSync(path.join(import.meta.dirname, 'public', file)));
      const precache = { version: hash.digest('hex').slice(0, 12), urls: [...OFFLINE_PUBLIC_FILES, ...[...files].sort().map((file) => `/${file}`)] };
      fs.writeFileSync(path.join(options.dir ?? 'dist', 'sw-precache.js'), `self.CALMDESK_PRECACHE = ${JSON.stringify(precache)};\n`);
    },
  };
}

export default defineConfig({
  plugins: [react(), calmdeskPwa()],
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
