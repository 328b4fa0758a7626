import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { viteMinifyCss } from '../components/build/css-literals.mjs';

// Builds loyalty-elements.all.js: the drop-in as one classic script with every widget in it, for hosts that cannot
// send the `Access-Control-Allow-Origin` header the on-demand loader's module scripts need from another origin.
// It reads the same data-* attributes and sets up the same `window.LoyaltyElements`.
export default defineConfig({
  // The widgets' CSS templates minified, as the npm package ships them.
  plugins: [viteMinifyCss()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    // The loader and the widget modules are already there (build:cdn builds them first).
    emptyOutDir: false,
    target: 'es2022',
    // Maps for debugging and error trackers, without a `sourceMappingURL` comment: the npm package leaves them out.
    sourcemap: 'hidden',
    lib: {
      entry: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      name: 'LoyaltyElementsAll',
      formats: ['iife'],
      fileName: () => 'loyalty-elements.all.js',
    },
  },
});
