import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { withContentSecurityPolicy } from '../shared/csp';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Relative asset URLs: the same build loads from the browser host and from Electron's
  // app:// protocol.
  base: './',
  // assets/ holds the icons shared with packaging; the favicon is served from there.
  publicDir: fileURLToPath(new URL('../assets', import.meta.url)),
  plugins: [
    react(),
    // One policy: index.html's meta tag is written from shared/csp.ts, as the hosts' header is.
    { name: 's1inv-csp', transformIndexHtml: (html: string) => withContentSecurityPolicy(html) },
  ],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
