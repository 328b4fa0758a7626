// A server that loads the elements twice (Next.js does: once for server components, once to render client
// components) registers them on one shared registry, Lit's shim. The second registration must stay silent there:
// a build log or a server log with "already defined by another class" would warn about nothing a shopper sees.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

describe('defining an element on a server', () => {
  it('keeps the first definition of a tag and warns about nothing', () => {
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./support/define-twice.ts', import.meta.url))],
      {
        encoding: 'utf8',
        // The components' decorators need the base tsconfig's options (tsx applies test/tsconfig.json otherwise).
        env: { ...process.env, TSX_TSCONFIG_PATH: fileURLToPath(new URL('../tsconfig.base.json', import.meta.url)) },
      },
    );
    assert.deepEqual(JSON.parse(output), { warnings: [], kept: 'AnotherCopy' });
  });
});
