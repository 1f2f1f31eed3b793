/**
 * The admin app's build. scripts/build-web.js runs it through Vite's JS API (only when web/
 * changed); src/http/routes/web.ts serves the output: hashed files under /assets/ cached forever,
 * index.html never cached, so a deploy is picked up on the next page load.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  // The server serves only index.html and /assets/; everything else goes through the bundle (hashed).
  publicDir: false,
  // `npm run dev:web`: hot reload on :5173 against a Cartback on :4700 (`npm start`). The proxy
  // keeps one origin, so the session cookie (SameSite=Strict) and CSRF header work as in production.
  server: {
    port: 5173,
    proxy: Object.fromEntries(['/api', '/docs', '/mailbox', '/snippet.js', '/demo'].map((p) => [p, 'http://127.0.0.1:4700'])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    // The area pages load on demand (route table); the shell itself stays under this.
    chunkSizeWarningLimit: 900,
  },
});
