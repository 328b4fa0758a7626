import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PUBLISHABLE_KEY_HEADER, paths, rewardPaths } from '@loyalty-elements/contract';
import { OperatorError, revokeKey, rotateKey } from '../src/domain/program-keys.ts';
import { createProgram } from '../src/domain/program-setup.ts';
import { insertCustomer } from '../src/domain/customers.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { getSummary, signCustomerToken } from './support/http.ts';

// Key rotation as the API sees it, while it runs: the old key keeps working through its grace
// period, revoking ends it on the next request, and rotating with no grace ends it at once.

describe('rotated and revoked keys', () => {
  let server: TestServer;
  let programId: string;
  let publishableKey: string;
  let secretKey: string;
  let clock = new Date();

  before(async () => {
    server = await startTestServer({ LOYALTY_DEMO: 'false' });
    ({ programId, publishableKey, secretKey } = await createProgram(server.db, {
      name: 'Keys',
      currency: 'EUR',
      timezone: 'Europe/Berlin',
    }));
    await insertCustomer(server.db, programId, { id: 'ana', name: 'Ana', locale: 'en' });
  });

  after(() => server.close());

  const adminStatus = async (secret: string) =>
    (await fetch(server.baseUrl + rewardPaths.catalogue, { headers: { Authorization: `Bearer ${secret}` } })).status;
  const summaryStatus = async (secret: string, audience = publishableKey, sentKey = publishableKey) =>
    (
      await getSummary(server, {
        token: await signCustomerToken({ secret, audience, sub: 'ana' }),
        publishableKey: sentKey,
      })
    ).status;
  const rotate = (kind: 'secret' | 'publishable', graceMs: number) =>
    rotateKey(server.db, { programId, kind, graceMs, now: (clock = new Date()) });

  test('the old secret verifies tokens and admin calls through its grace period, beside the new one', async () => {
    const old = secretKey;
    const rotated = await rotate('secret', 3_600_000);
    secretKey = rotated.key;
    assert.deepEqual(rotated.previous, { key: old, expiresAt: new Date(clock.getTime() + 3_600_000) });
    assert.deepEqual(
      [await adminStatus(old), await adminStatus(secretKey), await summaryStatus(old), await summaryStatus(secretKey)],
      [200, 200, 200, 200],
    );
  });

  test('a revoked key stops on the next request; the current one goes on', async () => {
    const [row] = await server.db.query<{ key: string }>(
      `SELECT key FROM retired_keys WHERE program_id = $1 AND kind = 'secret'`,
      [programId],
    );
    const old = row!.key;
    await revokeKey(server.db, old, new Date());
    assert.deepEqual([await adminStatus(old), await summaryStatus(old)], [401, 401]);
    assert.deepEqual([await adminStatus(secretKey), await summaryStatus(secretKey)], [200, 200]);
  });

  test('rotating with no grace ends the old key at once', async () => {
    const old = secretKey;
    const rotated = await rotate('secret', 0);
    secretKey = rotated.key;
    assert.equal(rotated.previous, undefined);
    assert.deepEqual([await adminStatus(old), await adminStatus(secretKey)], [401, 200]);
  });

  test('a grace period ends by the clock', async () => {
    const old = secretKey;
    secretKey = (await rotate('secret', 1_500)).key;
    assert.equal(await adminStatus(old), 200);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    assert.equal(await adminStatus(old), 401);
  });

  test('a token the old secret signed, verified during its grace period, is refused once the grace period ends', async () => {
    const old = secretKey;
    secretKey = (await rotate('secret', 1_500)).key;
    const token = await signCustomerToken({ secret: old, audience: publishableKey, sub: 'ana' });
    const status = async () => (await getSummary(server, { token, publishableKey })).status;
    assert.deepEqual([await status(), await status()], [200, 200], 'verified once, then remembered');
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    assert.equal(await status(), 401);
  });

  test('a rotated publishable key still loads the program and its tokens still verify during the grace period', async () => {
    const old = publishableKey;
    publishableKey = (await rotate('publishable', 86_400_000)).key;
    for (const key of [old, publishableKey]) {
      const res = await fetch(server.baseUrl + paths.program, { headers: { [PUBLISHABLE_KEY_HEADER]: key } });
      assert.equal(res.status, 200, key);
    }
    assert.equal(await summaryStatus(secretKey, old, publishableKey), 200, 'token for the old key, new key sent');
    assert.equal(await summaryStatus(secretKey, publishableKey, old), 200, 'token for the new key, old key sent');
  });

  test('the current key cannot be revoked alone, and unknown keys or programs are named', async () => {
    await assert.rejects(revokeKey(server.db, secretKey, new Date()), (error: unknown) => {
      assert.ok(error instanceof OperatorError);
      assert.match(error.message, new RegExp(`keys rotate --program ${programId} --kind secret --grace 0`));
      return true;
    });
    await assert.rejects(revokeKey(server.db, 'sk_unknown', new Date()), /No program has that key/);
    await assert.rejects(
      rotateKey(server.db, { programId: 'nope', kind: 'secret', graceMs: 0, now: new Date() }),
      /no program "nope"/,
    );
    assert.equal(await adminStatus(secretKey), 200);
  });
});
