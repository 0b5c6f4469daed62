/**
 * The versions harness: client/src/versions mounted on a real document, built like the client and
 * served by the browser test on the test server's own origin (page.route), so the REST API, socket.io
 * and the collab websocket are the real ones. Used until the workspace wires the components in.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(root, '../../../..');

export default defineConfig({
  root,
  base: '/__versions-harness/',
  plugins: [react()],
  resolve: {
    dedupe: ['yjs', 'y-prosemirror', 'y-protocols', 'lib0', 'prosemirror-model', 'prosemirror-state', 'prosemirror-view', 'react', 'react-dom'],
  },
  build: {
    outDir: path.join(repoRoot, 'dist/versions-harness'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
  },
});
