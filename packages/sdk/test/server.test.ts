import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJwt, jwtVerify } from 'jose';
import { signCustomerToken } from '../src/server.ts';

const secretKey = 'sk_test_secret';
const audience = 'pk_test';

describe('signCustomerToken', () => {
  it('signs an HS256 token the API can verify with the secret key', async () => {
    const token = await signCustomerToken({ customerId: 'c1', secretKey, audience, ttlSeconds: 600 });
    const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(secretKey), { audience });
    assert.equal(protectedHeader.alg, 'HS256');
    assert.equal(payload.sub, 'c1');
    assert.equal((payload.exp ?? 0) - (payload.iat ?? 0), 600);
  });

  it('defaults to one hour', async () => {
    const payload = decodeJwt(await signCustomerToken({ customerId: 'c1', secretKey, audience }));
    assert.equal((payload.exp ?? 0) - (payload.iat ?? 0), 3600);
  });

  it('refuses lifetimes over 24 hours and keys of the wrong kind', async () => {
    await assert.rejects(signCustomerToken({ customerId: 'c1', secretKey, audience, ttlSeconds: 86_401 }), RangeError);
    await assert.rejects(signCustomerToken({ customerId: 'c1', secretKey: 'pk_oops', audience }), TypeError);
  });

  it('refuses a customer id the API would never take, rather than sign a token it always refuses', async () => {
    for (const customerId of ['a'.repeat(129), 'a\u0000b', '\ud800'])
      await assert.rejects(
        signCustomerToken({ customerId, secretKey, audience }),
        TypeError,
        JSON.stringify(customerId),
      );
    assert.ok(await signCustomerToken({ customerId: 'a'.repeat(128), secretKey, audience }));
  });
});
