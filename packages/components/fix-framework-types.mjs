// Runs after `cem analyze` (package.json's build and analyze scripts) on the JSX and Vue types it generated into
// dist/frameworks/: an element's event type is already a `CustomEvent` (`LoyaltyReadyEvent` is
// `CustomEvent<Summary>`), so a handler takes it as it is rather than wrapped again; the event types that several
// elements share are imported once (a name imported twice is an error in a project that checks libraries); and
// Vue's props are camelCase (`signInUrl`, `onLoyaltyReady`), the names vue-tsc looks up for `sign-in-url` and
// `@loyalty-ready` in a template.
import { readFileSync, writeFileSync } from 'node:fs';

const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());

for (const file of ['dist/frameworks/jsx.d.ts', 'dist/frameworks/vue.d.ts']) {
  let generated = readFileSync(file, 'utf8').replace(/CustomEvent<(Loyalty\w+Event)>/g, '$1');
  if (file.endsWith('vue.d.ts')) {
    generated = generated
      .replace(/^(\s*)"on([a-z][a-z-]*)"\?:/gm, (_, indent, event) => `${indent}${camel(`on-${event}`)}?:`)
      .replace(/^(\s*)"([a-z][a-z-]*)"\?:/gm, (_, indent, attribute) => `${indent}${camel(attribute)}?:`);
  }
  const fixed = generated.replace(/import type \{([^}]*)\} from "\.\.\/index\.js";/, (_, names) => {
    const unique = [...new Set(names.split(',').map((name) => name.trim()))].filter(Boolean);
    return `import type {\n  ${unique.join(',\n  ')},\n} from "../index.js";`;
  });
  writeFileSync(file, fixed);
}

// The JSX types as each framework's own JSX namespace takes them: a project imports one of these once (in a
// `.d.ts` file) and every `<loyalty-*>` tag in its TSX is typed.
for (const [name, module] of [
  ['react-jsx', 'react'],
  ['preact-jsx', 'preact'],
]) {
  writeFileSync(
    `dist/frameworks/${name}.d.ts`,
    `import type { CustomElements } from "./jsx.js";\n\n` +
      `declare module "${module}" {\n  namespace JSX {\n    interface IntrinsicElements extends CustomElements {}\n  }\n}\n`,
  );
}
