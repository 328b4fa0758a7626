import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds the <script> drop-in's loader: one classic IIFE file with the SDK and the shared client, which loads
// each widget's module (packages/embed/vite.widgets.config.ts) when its tag appears on the page.
export default defineConfig({
  build: {
    outDir: fileURLToPath(new URL('./packages/embed/dist', import.meta.url)),
    // The embed package's build script empties dist/ first; tsc then adds the module entries beside this file.
    emptyOutDir: false,
    target: 'es2022',
    // Maps for debugging and error trackers, without a `sourceMappingURL` comment: the npm package leaves them out.
    sourcemap: 'hidden',
    lib: {
      entry: fileURLToPath(new URL('./packages/embed/src/cdn.ts', import.meta.url)),
      name: 'LoyaltyElementsEmbed',
      formats: ['iife'],
      fileName: () => 'loyalty-elements.js',
    },
  },
});
