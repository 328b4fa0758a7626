import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { WebhookEvent } from '@loyalty-elements/contract';
import { signEvent } from '../src/domain/webhooks/signing.ts';

const secret = `whsec_${Buffer.from('endpoint secret for signing tests').toString('base64')}`;
const event = WebhookEvent.parse({
  id: 'evt-1',
  type: 'member.left',
  createdAt: '2026-12-05T00:00:00.000Z',
  programId: 'demo',
  customerId: 'c-1',
  data: { reason: 'price' },
});

describe('signEvent', () => {
  it('signs per Standard Webhooks: the event id as webhook-id, the time in seconds, an HMAC-SHA256 v1 signature', () => {
    const at = new Date();
    const { headers, body } = signEvent(event, secret, at);
    assert.equal(headers['webhook-id'], 'evt-1');
    assert.equal(headers['webhook-timestamp'], String(Math.floor(at.getTime() / 1000)));
    assert.match(headers['webhook-signature'], /^v1,[A-Za-z0-9+/]+=*$/);
    assert.deepEqual(new Webhook(secret).verify(body, headers), event);
  });

  it('does not verify with another secret or a changed body', () => {
    const { headers, body } = signEvent(event, secret, new Date());
    const other = `whsec_${Buffer.from('some other endpoint').toString('base64')}`;
    assert.throws(() => new Webhook(other).verify(body, headers));
    assert.throws(() => new Webhook(secret).verify(body.replace('price', 'other'), headers));
  });
});
