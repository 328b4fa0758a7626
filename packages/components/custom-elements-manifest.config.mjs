// `cem analyze` reads this file and writes custom-elements.json: the manifest behind Storybook's
// docs pages and editors' autocompletion. The Storybook scripts regenerate it; it is not committed.
//
// Beyond what `--litelement` finds on its own, four small plugins keep the manifest complete
// without anyone repeating themselves:
//   1. an element's tag comes from its `static tagName` (what `LoyaltyElement.define()` uses);
//   2. every element lists the global `--loyalty-*` tokens, with their light and dark defaults and
//      descriptions read from src/themes/tokens.ts (the one place they are written down);
//   3. private members (`#field`, `private`) are not API and are left out;
//   4. module paths name the published JavaScript (`dist/…/x.js`), not the TypeScript sources, since
//      the npm package ships the manifest with dist/ only.

import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';

const TOKENS_MODULE = 'src/themes/tokens.ts';

/**
 * Template typing and editor data, generated from the finished manifest into dist/ (published with it): JSX
 * `IntrinsicElements` types (React 19, Preact, Solid), Vue's `GlobalComponents`, VS Code's custom HTML and CSS data
 * and JetBrains' web-types. The type files import the element classes from dist/index.js's declarations;
 * fix-framework-types.mjs then corrects them (the generators write them asynchronously, after the plugins ran).
 */
const FRAMEWORKS_DIR = 'dist/frameworks';
const EDITORS_DIR = 'dist/editors';
const typesFromIndex = { globalTypePath: '../index.js', hideLogs: true };
const frameworkPlugins = [
  customElementJsxPlugin({ outdir: FRAMEWORKS_DIR, fileName: 'jsx.d.ts', ...typesFromIndex }),
  customElementVuejsPlugin({ outdir: FRAMEWORKS_DIR, fileName: 'vue.d.ts', ...typesFromIndex }),
  customElementVsCodePlugin({
    outdir: EDITORS_DIR,
    htmlFileName: 'vscode.html-custom-data.json',
    cssFileName: 'vscode.css-custom-data.json',
    hideLogs: true,
  }),
  customElementJetBrainsPlugin({
    outdir: EDITORS_DIR,
    webTypesFileName: 'web-types.json',
    packageJson: false,
    hideLogs: true,
  }),
];

/** The string value of a literal (`'a'`, `"a"`, `` `a` ``), or undefined for anything else. */
function literalText(ts, node) {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression?.(node) || ts.isParenthesizedExpression(node)) {
    return literalText(ts, node.expression);
  }
  return undefined;
}

/** `{ 'color-primary': '#1d4ed8', radius: '0.75rem' }` → a Map of its string entries. */
function stringEntries(ts, initializer, where) {
  let node = initializer;
  while (node && (ts.isAsExpression(node) || ts.isParenthesizedExpression(node) || ts.isSatisfiesExpression?.(node))) {
    node = node.expression;
  }
  if (!node || !ts.isObjectLiteralExpression(node)) throw new Error(`${where}: expected an object literal`);
  const entries = new Map();
  for (const property of node.properties) {
    if (!ts.isPropertyAssignment(property)) throw new Error(`${where}: only plain 'token': 'value' entries`);
    const key = ts.isIdentifier(property.name) ? property.name.text : literalText(ts, property.name);
    const value = literalText(ts, property.initializer);
    if (key === undefined || value === undefined) {
      throw new Error(`${where}: ${property.getText()} is not a plain string entry`);
    }
    entries.set(key, value);
  }
  return entries;
}

/** Turns `var(--_color-primary)` in a default into the public `var(--loyalty-color-primary)`. */
const publicValue = (value) => value.replace(/var\(--_([a-z0-9-]+)\)/g, 'var(--loyalty-$1)');

function globalTokensPlugin() {
  const found = {};
  return {
    name: 'loyalty-global-tokens',
    analyzePhase({ ts, node, moduleDoc }) {
      if (moduleDoc.path !== TOKENS_MODULE || !ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name)) return;
      const name = node.name.text;
      if (name === 'lightTokens' || name === 'darkTokens' || name === 'tokenDescriptions') {
        found[name] = stringEntries(ts, node.initializer, `${TOKENS_MODULE} ${name}`);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const { lightTokens, darkTokens, tokenDescriptions } = found;
      if (!lightTokens || !darkTokens || !tokenDescriptions) {
        throw new Error(`${TOKENS_MODULE}: lightTokens, darkTokens and tokenDescriptions must all be found`);
      }
      const globals = [...lightTokens].map(([token, light]) => {
        const dark = darkTokens.get(token);
        const description = [
          `Global token. ${tokenDescriptions.get(token) ?? ''}`.trim(),
          dark === undefined ? 'Same in dark mode.' : `Dark default: \`${publicValue(dark)}\`.`,
        ].join(' ');
        return { name: `--loyalty-${token}`, default: publicValue(light), description };
      });
      for (const declaration of elements(customElementsManifest)) {
        const own = declaration.cssProperties ?? [];
        const documented = new Set(own.map((property) => property.name));
        declaration.cssProperties = [...own, ...globals.filter((token) => !documented.has(token.name))];
      }
    },
  };
}

function tagNamePlugin() {
  return {
    name: 'loyalty-static-tag-name',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class' || declaration.tagName) continue;
          const field = declaration.members?.find((member) => member.static && member.name === 'tagName');
          const tag = /^['"`]([a-z][a-z0-9]*-[a-z0-9-]*)['"`]$/.exec(field?.default ?? '')?.[1];
          if (!tag) continue;
          declaration.tagName = tag;
          declaration.customElement = true;
          module.exports ??= [];
          if (!module.exports.some((entry) => entry.kind === 'custom-element-definition' && entry.name === tag)) {
            module.exports.push({
              kind: 'custom-element-definition',
              name: tag,
              declaration: { name: declaration.name, module: module.path },
            });
          }
        }
      }
    },
  };
}

function hidePrivateMembersPlugin() {
  return {
    name: 'loyalty-hide-private-members',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.members) continue;
          declaration.members = declaration.members.filter(
            (member) => member.privacy !== 'private' && !member.name.startsWith('#'),
          );
        }
      }
    },
  };
}

/** `src/points-balance/points-balance.ts` → `dist/points-balance/points-balance.js`. */
const publishedPath = (path) => path.replace(/^src\/(.*)\.ts$/, 'dist/$1.js');

function publishedPathsPlugin() {
  return {
    name: 'loyalty-published-paths',
    packageLinkPhase({ customElementsManifest }) {
      const rewrite = (value) => {
        if (Array.isArray(value)) value.forEach(rewrite);
        else if (value && typeof value === 'object') {
          for (const [key, inner] of Object.entries(value)) {
            if ((key === 'path' || key === 'module') && typeof inner === 'string') value[key] = publishedPath(inner);
            else rewrite(inner);
          }
        }
      };
      rewrite(customElementsManifest.modules);
    },
  };
}

function* elements(manifest) {
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) yield declaration;
    }
  }
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/test-support/**'],
  outdir: '.',
  litelement: true,
  // Order matters: tags first, so the token plugin sees which declarations are elements; paths after it, since
  // the token plugin finds its module by its source path; the generators last, from the finished manifest.
  plugins: [
    tagNamePlugin(),
    globalTokensPlugin(),
    hidePrivateMembersPlugin(),
    publishedPathsPlugin(),
    ...frameworkPlugins,
  ],
};
