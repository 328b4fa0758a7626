import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import type { WebhookEvent } from '@loyalty-elements/contract';
import { verifyWebhook, WebhookVerificationError, type WebhookVerificationReason } from '../src/server.ts';

const secret = `whsec_${Buffer.from('a secret of the merchant endpoint').toString('base64')}`;
const otherSecret = `whsec_${Buffer.from('another endpoint entirely').toString('base64')}`;

const event: WebhookEvent = {
  id: 'evt_3f1c',
  type: 'points.expiring',
  createdAt: '2026-12-05T02:00:00.000Z',
  programId: 'tea-house',
  customerId: 'c-42',
  data: { points: 300, expiresAt: '2026-12-19T00:00:00.000Z' },
};

/** Signs as the API does: webhook-id is the event id, the timestamp in seconds. */
function signed(body: string, at = new Date(), key = secret, id = event.id): Record<string, string> {
  const seconds = Math.floor(at.getTime() / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(seconds),
    'webhook-signature': new Webhook(key).sign(id, new Date(seconds * 1000), body),
  };
}

function refusal(reason: WebhookVerificationReason) {
  return (error: unknown) => {
    assert.ok(error instanceof WebhookVerificationError, String(error));
    assert.equal(error.reason, reason, error.message);
    assert.equal(error.name, 'WebhookVerificationError');
    return true;
  };
}

describe('verifyWebhook', () => {
  const body = JSON.stringify(event);

  it('returns the typed event for a body signed with the endpoint secret', () => {
    const verified = verifyWebhook(body, signed(body), secret);
    assert.deepEqual(verified, event);
    assert.ok(verified.type === 'points.expiring');
    assert.equal(verified.data.points, 300);
  });

  it('reads Fetch Headers and a body of bytes too', () => {
    const headers = new Headers(signed(body));
    assert.deepEqual(verifyWebhook(new TextEncoder().encode(body), headers, secret), event);
  });

  it('refuses a tampered body or the wrong secret: bad_signature', () => {
    const tampered = body.replace('"points":300', '"points":3000');
    assert.throws(() => verifyWebhook(tampered, signed(body), secret), refusal('bad_signature'));
    assert.throws(() => verifyWebhook(body, signed(body, new Date(), otherSecret), secret), refusal('bad_signature'));
  });

  it('reads a secret with the whitespace a secrets file leaves, and names a secret that is none', () => {
    assert.deepEqual(verifyWebhook(body, signed(body), `${secret}\n`), event);
    for (const wrong of ['', 'whsec_not base64!', 'sk_live_secret'])
      assert.throws(
        () => verifyWebhook(body, signed(body), wrong),
        (error) => error instanceof TypeError && /whsec_/.test(error.message),
        JSON.stringify(wrong),
      );
  });

  it('refuses a timestamp more than five minutes old or ahead: stale_timestamp', () => {
    const old = new Date(Date.now() - 6 * 60 * 1000);
    assert.throws(() => verifyWebhook(body, signed(body, old), secret), refusal('stale_timestamp'));
    const ahead = new Date(Date.now() + 6 * 60 * 1000);
    assert.throws(() => verifyWebhook(body, signed(body, ahead), secret), refusal('stale_timestamp'));
    const recent = new Date(Date.now() - 4 * 60 * 1000);
    assert.deepEqual(verifyWebhook(body, signed(body, recent), secret), event);
  });

  it('refuses missing headers: malformed', () => {
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      const { [name]: _dropped, ...rest } = signed(body);
      assert.throws(() => verifyWebhook(body, rest, secret), refusal('malformed'));
    }
    assert.throws(
      () => verifyWebhook(body, { ...signed(body), 'webhook-timestamp': 'yesterday' }, secret),
      refusal('malformed'),
    );
  });

  it('refuses a correctly signed body that is not an event, or another event than its webhook-id: malformed', () => {
    for (const other of ['not json', JSON.stringify({ ...event, type: 'points.vanished' }), JSON.stringify({})]) {
      assert.throws(() => verifyWebhook(other, signed(other), secret), refusal('malformed'));
    }
    assert.throws(
      () => verifyWebhook(body, signed(body, new Date(), secret, 'evt_other'), secret),
      refusal('malformed'),
    );
  });
});
