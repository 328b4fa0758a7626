import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

// The monorepo's root: the workspace packages' TypeScript sources live outside this folder.
const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));

// The package.json scripts build with webpack: in this repository the kit's packages export TypeScript sources,
// and Turbopack compiles their class fields as defined fields whatever `useDefineForClassFields` says, which hides
// the Lit elements' reactive properties (a `trigger` set by React would never reach the survey). webpack follows
// tsconfig.json. The published packages are JavaScript without class fields, for either bundler.
const config: NextConfig = {
  // In this repository the kit's packages export their TypeScript sources; published, they are JavaScript and
  // need no transpiling.
  transpilePackages: [
    '@loyalty-elements/react',
    '@loyalty-elements/components',
    '@loyalty-elements/sdk',
    '@loyalty-elements/contract',
  ],
  outputFileTracingRoot: workspaceRoot,
};

export default config;
