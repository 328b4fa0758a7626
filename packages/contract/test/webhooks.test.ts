import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WEBHOOK_EVENT_TYPES, WebhookEndpointCreate, WebhookEndpointPatch, WebhookEvent } from '../src/index.ts';
import { buildOpenApiDocument } from '../src/openapi.ts';

const envelope = {
  id: 'evt_1',
  createdAt: '2026-06-03T00:00:00.000Z',
  programId: 'prog_1',
  customerId: 'cust_1',
};

test('an event parses by its type, with the data of that type', () => {
  const event = WebhookEvent.parse({
    ...envelope,
    type: 'points.earned',
    data: { points: 120, kind: 'order', entryId: 'ent_1', orderId: 'ord_1' },
  });
  assert.equal(event.type, 'points.earned');
  if (event.type === 'points.earned') assert.equal(event.data.orderId, 'ord_1');
  assert.equal(
    WebhookEvent.safeParse({ ...envelope, type: 'tier.changed', data: { points: 120, kind: 'order', entryId: 'e' } })
      .success,
    false,
  );
  assert.equal(WebhookEvent.safeParse({ ...envelope, type: 'points.vanished', data: {} }).success, false);
});

test('an endpoint subscribes to at least one event type, each once', () => {
  const url = 'https://merchant.example/hooks';
  assert.equal(WebhookEndpointCreate.safeParse({ url, events: ['member.joined'] }).success, true);
  assert.equal(WebhookEndpointCreate.safeParse({ url, events: [] }).success, false);
  assert.equal(WebhookEndpointCreate.safeParse({ url, events: ['member.joined', 'member.joined'] }).success, false);
  assert.equal(WebhookEndpointCreate.safeParse({ url, events: ['member.joined'], secret: 'x' }).success, false);
  assert.equal(WebhookEndpointCreate.safeParse({ url: 'not a url', events: ['member.joined'] }).success, false);
  assert.equal(WebhookEndpointPatch.safeParse({ enabled: 'yes' }).success, false);
});

test('the OpenAPI document lists every event type under webhooks', () => {
  const document = buildOpenApiDocument() as { webhooks: Record<string, { post: { requestBody: unknown } }> };
  assert.deepEqual(Object.keys(document.webhooks).sort(), [...WEBHOOK_EVENT_TYPES].sort());
  const earned = JSON.stringify(document.webhooks['points.earned']!.post.requestBody);
  assert.match(earned, /"entryId"/);
});
