// Vite: the React app, with /api proxied to the server in development (`npm run dev`), and each built asset
// pre-compressed (brotli, gzip) so the server sends the small file; the first route's size is `npm run web:size`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';

function precompress(): Plugin {
  return {
    name: 'eis-precompress',
    apply: 'build',
    closeBundle() {
      const assets = path.resolve(import.meta.dirname, 'dist/assets');
      for (const name of readdirSync(assets)) {
        if (!/\.(js|css|svg)$/.test(name)) continue;
        const file = path.join(assets, name);
        const body = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(body));
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  server: { proxy: { '/api': apiTarget } },
  // The manifest tells `npm run web:size` which chunks each route loads.
  build: { outDir: 'dist', emptyOutDir: true, manifest: true },
});
