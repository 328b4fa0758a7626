// The CSS of the widgets' `css` templates (Lit) as they ship: minified. A JavaScript minifier leaves a template's
// text as it is, so the CSS kept its comments, indentation and spaces. HTML templates are left alone: their spaces
// can be text. Every build that ships the widgets runs this (the npm package, the drop-in), and
// so do the component tests and the size bench, so what is tested and measured is what ships.
import { readFile } from 'node:fs/promises';
import { minifyHTMLLiterals } from 'minify-literals';

/** The widgets' TypeScript sources, whose `css` templates are minified. */
const WIDGET_SOURCES = /[\\/]packages[\\/]components[\\/]src[\\/].+\.ts$/;

const version = (major) => major << 16;

/**
 * The oldest browsers the widgets' CSS is written for, the first with container queries: Lightning CSS keeps syntax
 * they read (`max-width` in a media query rather than its range form) and adds the prefixes they need.
 */
const CSS_TARGETS = {
  chrome: version(105),
  edge: version(105),
  firefox: version(110),
  safari: version(16),
  ios_saf: version(16),
};

/** A `css` template, as written (css`…`) or as tsc prints it (css `…`). */
const hasCss = (code) => /\bcss\s*`/.test(code);

/**
 * `code` with every `css` template minified (Lightning CSS), or null when it has none. A file that builds CSS with
 * `unsafeCSS()` is left as it is (the minifier cannot see that CSS).
 */
export async function minifyCssTemplates(code, fileName, { sourceMap = false } = {}) {
  if (!hasCss(code) || code.includes('unsafeCSS(')) return null;
  return minifyHTMLLiterals(code, { fileName, html: false, css: { minify: true, targets: CSS_TARGETS }, sourceMap });
}

/** For Vite (Rollup): minifies the widgets' sources before they are compiled. */
export function viteMinifyCss() {
  return {
    name: 'loyalty-minify-css',
    enforce: 'pre',
    async transform(code, id) {
      if (!WIDGET_SOURCES.test(id)) return null;
      const result = await minifyCssTemplates(code, id, { sourceMap: true });
      return result && { code: result.code, map: result.map };
    },
  };
}

/** For esbuild: loads the widgets' sources minified. */
export function esbuildMinifyCss() {
  return {
    name: 'loyalty-minify-css',
    setup(build) {
      build.onLoad({ filter: WIDGET_SOURCES }, async ({ path }) => {
        const code = await readFile(path, 'utf8');
        const result = await minifyCssTemplates(code, path);
        return { contents: result?.code ?? code, loader: 'ts' };
      });
    },
  };
}

/** For web-test-runner's dev server: serves the widgets' modules minified, after they are compiled. */
export function devServerMinifyCss() {
  return {
    name: 'loyalty-minify-css',
    async transform(context) {
      if (!context.path.endsWith('.ts') || typeof context.body !== 'string') return undefined;
      const result = await minifyCssTemplates(context.body, context.path);
      return result ? { body: result.code } : undefined;
    },
  };
}
