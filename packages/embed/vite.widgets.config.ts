import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { viteMinifyCss } from '../components/build/css-literals.mjs';
import { WIDGET_TAGS } from './src/widget-tags.ts';

const define = (tag: string) => fileURLToPath(new URL(`../components/src/define/${tag}.ts`, import.meta.url));

// Builds the modules the CDN loader imports on demand: dist/widgets/<tag>.js for each widget, and the code they
// share (Lit, the widgets' base, locales) in dist/widgets/chunks/, so a page downloads each piece once.
export default defineConfig({
  // The widgets' CSS templates minified, as the npm package ships them.
  plugins: [viteMinifyCss()],
  build: {
    outDir: fileURLToPath(new URL('./dist/widgets', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Maps for debugging and error trackers, without a `sourceMappingURL` comment: the npm package leaves them out.
    sourcemap: 'hidden',
    // No preload helper: the modules import their chunks relative to themselves, wherever they are hosted.
    modulePreload: false,
    // Lists each widget's file and the chunks it imports: bench/size sums what a page with one widget loads.
    manifest: true,
    // An application build rather than library mode, whose ES output keeps its whitespace and comments for a
    // bundler to tree-shake: these modules go to browsers as they are, so they are minified whole.
    rollupOptions: {
      input: Object.fromEntries(WIDGET_TAGS.map((tag) => [tag, define(tag)])),
      preserveEntrySignatures: 'exports-only',
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
