import { defineConfig } from 'vite';

/** Where `vite` (development) sends the API's requests: the API started by `npm start`, unless told otherwise. */
const api = process.env.LOYALTY_API_URL ?? 'http://127.0.0.1:8787';

// Built into dist/, which the API serves at /console/; in development Vite serves the pages and forwards the API's
// routes, so the session cookie stays same-origin either way.
export default defineConfig({
  base: '/console/',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: {
    port: 5175,
    proxy: {
      '/v1': { target: api },
      '/console/api': { target: api },
    },
  },
});
