/**
 * The browser client. `vite build --config client/vite.config.ts` writes dist/client, which the server
 * serves (with an SPA fallback); `vite --config client/vite.config.ts` serves it with a proxy to a
 * server on localhost:3000 for /api, the collab websocket and socket.io.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const clientRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(clientRoot, '..');
const backend = process.env.CONCORDIA_DEV_BACKEND ?? 'http://localhost:3000';

export default defineConfig({
  root: clientRoot,
  plugins: [react()],
  resolve: {
    // One copy of each: two Yjs or ProseMirror instances break bindings silently.
    dedupe: ['yjs', 'y-prosemirror', 'y-protocols', 'lib0', 'prosemirror-model', 'prosemirror-state', 'prosemirror-view', 'react', 'react-dom'],
  },
  build: {
    outDir: path.join(repoRoot, 'dist/client'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    fs: { allow: [repoRoot] },
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/collab': { target: backend.replace(/^http/, 'ws'), ws: true },
      '/socket.io': { target: backend, ws: true },
    },
  },
});
