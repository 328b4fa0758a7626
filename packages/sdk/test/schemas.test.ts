// When the client builds its schemas: after its first request is on its way, so building them overlaps the wait for
// the answer, which they still check.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

// Set before zod loads: zod calls this once for every schema it builds.
let built = 0;
(globalThis as { __zod_globalConfig?: object }).__zod_globalConfig = {
  postProcessor: () => {
    built += 1;
  },
};

const { HttpResponse } = await import('msw');
const { isLoyaltyError } = await import('../src/index.ts');
const { schemaLoader } = await import('../src/schemas/load-schemas.ts');
const { customerToken, makeClient, serve, useApi } = await import('./support/api.ts');
const { summary } = await import('./support/fixtures.ts');

useApi();

describe('the schemas', () => {
  it('are built only once the first request has been sent, and check its answer', async () => {
    const client = makeClient({ customerToken: customerToken('cus_1') });
    assert.equal(built, 0, 'no schema is built with the client');
    let builtWhenSent = -1;
    serve('get', '/v1/me/summary', () => {
      builtWhenSent = built;
      return HttpResponse.json(summary);
    });
    assert.deepEqual(await client.getSummary(), summary);
    assert.equal(builtWhenSent, 0, 'the request went out before any schema was built');
    assert.ok(built > 0, 'the answer was checked with the schemas');
  });

  it('still refuse an answer that does not match the contract', async () => {
    const client = makeClient({ customerToken: customerToken('cus_2') });
    serve('get', '/v1/me/summary', () => HttpResponse.json({ ...summary, points: 'many' }));
    await assert.rejects(client.getSummary(), (error) => isLoyaltyError(error) && error.code === 'invalid_response');
  });

  it('load again after a load that failed, which is a network error', async () => {
    let attempts = 0;
    const load = schemaLoader(async () => {
      attempts += 1;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { loaded: true };
    });
    await assert.rejects(load(), (error) => isLoyaltyError(error) && error.code === 'network');
    assert.deepEqual(await load(), { loaded: true });
    assert.deepEqual(await load(), { loaded: true });
    assert.equal(attempts, 2, 'a loaded module is kept');
  });
});
