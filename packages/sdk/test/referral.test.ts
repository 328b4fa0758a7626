// The shopper's referral: validated, cached and coalesced like every read, revalidated with its ETag.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HttpResponse } from 'msw';
import { Referral, referralPaths } from '@loyalty-elements/contract';
import {
  bearer,
  customerToken,
  failure,
  makeClient,
  problem,
  publishableKey,
  serve,
  useApi,
  watchRequests,
} from './support/api.ts';
import { referral } from './support/fixtures.ts';

useApi();

describe('getReferral', () => {
  it('the fixture passes the contract unchanged', () => {
    assert.deepEqual(Referral.parse(referral), referral);
  });

  it('GETs the customer’s referral with the publishable key and token, and returns it validated', async () => {
    const token = customerToken('c1');
    const seen = serve('get', referralPaths.referral, () => HttpResponse.json({ ...referral, unknownFutureField: 1 }));
    assert.deepEqual(await makeClient({ customerToken: token }).getReferral(), referral);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.url.pathname, referralPaths.referral);
    assert.equal(seen[0]!.url.searchParams.get('key'), publishableKey, 'in the URL: no CORS preflight');
    assert.equal(seen[0]!.headers.get('authorization'), bearer(token));
  });

  it('rejects an answer that breaks the contract with invalid_response', async () => {
    serve('get', referralPaths.referral, () => HttpResponse.json({ ...referral, friendsJoined: -1 }));
    const error = await failure(makeClient({ customerToken: customerToken('c1') }).getReferral());
    assert.equal(error.code, 'invalid_response');
  });

  it('shares one request between concurrent reads and serves the answer from memory afterwards', async () => {
    const seen = serve('get', referralPaths.referral, () => HttpResponse.json(referral));
    const client = makeClient({ customerToken: customerToken('c1') });
    const [first, second] = await Promise.all([client.getReferral(), client.getReferral()]);
    assert.equal(first, second);
    await client.getReferral();
    assert.equal(seen.length, 1);
  });

  it('revalidates with the ETag when asked; an unchanged answer costs a 304', async () => {
    const seen = serve('get', referralPaths.referral, ({ headers }) =>
      headers.get('if-none-match') === '"f1"'
        ? new HttpResponse(null, { status: 304, headers: { ETag: '"f1"' } })
        : HttpResponse.json(referral, { headers: { ETag: '"f1"' } }),
    );
    const client = makeClient({ customerToken: customerToken('c1') });
    await client.getReferral();
    assert.deepEqual(await client.getReferral({ revalidate: true }), referral);
    assert.equal(seen[1]!.headers.get('if-none-match'), '"f1"');
  });

  it('a problem answer is a typed error carrying the problem; a guest gets signed_out without a request', async () => {
    serve('get', referralPaths.referral, () => problem(403, 'customer_erased'));
    const error = await failure(makeClient({ customerToken: customerToken('c1') }).getReferral());
    assert.equal(error.name, 'LoyaltyError');
    assert.equal(error.code, 'unauthorized');
    assert.equal(error.status, 403);
    assert.equal(error.problem?.code, 'customer_erased');
    const requests = watchRequests();
    assert.equal((await failure(makeClient().getReferral())).code, 'signed_out');
    assert.deepEqual(requests, []);
  });
});
