import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { WIDGET_TAGS } from './src/widget-tags.ts';

const define = (tag: string) => fileURLToPath(new URL(`../components/src/define/${tag}.ts`, import.meta.url));

// Builds the modules the CDN loader imports on demand: dist/widgets/<tag>.js for each widget, and the code they
// share (Lit, the widgets' base, locales) in dist/widgets/chunks/, so a page downloads each piece once.
export default defineConfig({
  build: {
    outDir: fileURLToPath(new URL('./dist/widgets', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Maps for debugging and error trackers, without a `sourceMappingURL` comment: the npm package leaves them out.
    sourcemap: 'hidden',
    // Lists each widget's file and the chunks it imports: bench/size sums what a page with one widget loads.
    manifest: true,
    lib: {
      entry: Object.fromEntries(WIDGET_TAGS.map((tag) => [tag, define(tag)])),
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rollupOptions: { output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
});
