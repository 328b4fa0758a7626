import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds the <script> drop-in: one IIFE file with Lit, the SDK and every widget inside.
export default defineConfig({
  build: {
    outDir: fileURLToPath(new URL('./packages/embed/dist', import.meta.url)),
    // The embed package's build script empties dist/ first; tsc then adds the module entries beside this file.
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: fileURLToPath(new URL('./packages/embed/src/index.ts', import.meta.url)),
      name: 'LoyaltyElementsEmbed',
      formats: ['iife'],
      fileName: () => 'loyalty-elements.js',
    },
  },
});
