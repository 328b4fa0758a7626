import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  WEBHOOK_EVENT_DATA,
  WebhookEvent,
  type CreatedWebhookEndpoint,
  type CustomerUpsertRequest,
  type TransactionRequest,
  type WebhookEventType,
} from '@loyalty-elements/contract';
import { runScheduledMoments } from '../../src/domain/webhooks/scheduler.ts';
import { postTransaction } from './http.ts';
import { expectUpsert, upsertCustomer } from './loyalty.ts';
import type { TestServer } from './server.ts';
import { eventsFor, subscribedServerPerFile } from './webhooks.ts';

/** For a file of tests of scheduled moments: {@link subscribedServerPerFile}, and what the tests do with it. */
export function scheduledMomentsPerFile() {
  let api: TestServer;
  let endpoint: CreatedWebhookEndpoint;
  const clock = subscribedServerPerFile((started) => ({ api, endpoint } = started));
  const servers = () => ({ api, clock, endpointId: endpoint.id });
  const member = async (body: Partial<CustomerUpsertRequest> = {}) => {
    const { api } = servers();
    const id = `moments-${randomUUID()}`;
    await expectUpsert(await upsertCustomer(api, id, { name: 'Mo Ments', ...body }), 201);
    return id;
  };
  const transact = async (customerId: string, body: TransactionRequest) => {
    const res = await postTransaction(servers().api, { customerId, body });
    assert.equal(res.status, 201, await res.clone().text());
  };
  /** Runs the scheduler at `instant` (and sets the app's clock there). */
  const runAt = (instant: string) => {
    const { api, clock } = servers();
    clock.set(instant);
    return runScheduledMoments(api.db, new Date(instant));
  };
  /** The customer's events of one type in the endpoint's deliveries, oldest first, each checked with the contract. */
  const eventsOf = async <T extends WebhookEventType>(customerId: string, type: T) => {
    const { api, endpointId } = servers();
    const events = (await eventsFor(api, endpointId, customerId)).filter((event) => event.type === type);
    for (const event of events) {
      assert.deepEqual(WebhookEvent.parse(event), event);
      WEBHOOK_EVENT_DATA[type].parse(event.data);
    }
    return events.map((event) => ({ createdAt: event.createdAt, data: event.data as unknown }));
  };
  return { clock, api: () => api, member, transact, runAt, eventsOf };
}
