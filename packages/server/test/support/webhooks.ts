import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before } from 'node:test';
import {
  CreatedWebhookEndpoint,
  WEBHOOK_EVENT_TYPES,
  WebhookDeliveryPage,
  webhookPaths,
  type WebhookDelivery,
  type WebhookEndpointCreate,
  type WebhookEvent,
  type WebhookEventType,
} from '@loyalty-elements/contract';
import { parseExactly } from './http.ts';
import { clockedServerPerFile, type TestClock } from './loyalty.ts';
import { admin } from './members.ts';
import { startTestServer, type TestServer } from './server.ts';

export const RECEIVER_URL = 'http://127.0.0.1:9/hooks';

export async function createEndpoint(
  server: TestServer,
  body: Partial<WebhookEndpointCreate> & { events: WebhookEventType[] },
): Promise<CreatedWebhookEndpoint> {
  const res = await admin(server, webhookPaths.endpoints, { method: 'POST', body: { url: RECEIVER_URL, ...body } });
  assert.equal(res.status, 201, await res.clone().text());
  return parseExactly(CreatedWebhookEndpoint, await res.json());
}

export async function deliveryPageOf(server: TestServer, endpointId: string, query = ''): Promise<WebhookDeliveryPage> {
  const res = await admin(server, webhookPaths.deliveries(endpointId) + query);
  assert.equal(res.status, 200, await res.clone().text());
  return parseExactly(WebhookDeliveryPage, await res.json());
}

/** Every delivery of the endpoint, newest first, read page by page. */
export async function allDeliveries(server: TestServer, endpointId: string): Promise<WebhookDelivery[]> {
  const deliveries: WebhookDelivery[] = [];
  let cursor: string | null = null;
  do {
    const page: WebhookDeliveryPage = await deliveryPageOf(
      server,
      endpointId,
      `?limit=100${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`,
    );
    deliveries.push(...page.deliveries);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return deliveries;
}

/** The events the endpoint received for one customer, oldest first. */
export async function eventsFor(server: TestServer, endpointId: string, customerId: string): Promise<WebhookEvent[]> {
  const deliveries = await allDeliveries(server, endpointId);
  return deliveries
    .map((delivery) => delivery.event)
    .filter((event) => event.customerId === customerId)
    .reverse();
}

/**
 * The customer's events at the endpoint once some have come (waiting up to 10 s), read again a moment later so that
 * one written twice would show: for a server that writes them on its own.
 */
export async function eventsOnceWritten(
  server: TestServer,
  endpointId: string,
  customerId: string,
): Promise<WebhookEvent[]> {
  const deadline = Date.now() + 10_000;
  while ((await eventsFor(server, endpointId, customerId)).length === 0 && Date.now() < deadline) await sleep(100);
  await sleep(500);
  return eventsFor(server, endpointId, customerId);
}

/** One server per file whose scheduler runs on its own every 100 ms, on real time; read it after `before`. */
export function schedulingServerPerFile(): () => TestServer {
  let server: TestServer | undefined;
  before(async () => {
    server = await startTestServer({ LOYALTY_SCHEDULER_INTERVAL_MS: '100' });
  });
  after(() => server?.close());
  return () => {
    if (server === undefined) throw new Error('The scheduling server is not started yet');
    return server;
  };
}

/** How many events the outbox holds for one customer. */
export async function storedEventCount(server: TestServer, customerId: string): Promise<number> {
  const [row] = await server.db.query<{ n: unknown }>(
    'SELECT count(*)::int AS n FROM webhook_events WHERE customer_id = $1',
    [customerId],
  );
  return Number(row?.n);
}

/**
 * One server per file with an app whose clock the tests move (see {@link clockedServerPerFile}) and an endpoint
 * subscribed to every event type; `onStart` receives them once they are up.
 */
export function subscribedServerPerFile(
  onStart: (started: { server: TestServer; api: TestServer; endpoint: CreatedWebhookEndpoint }) => void,
): TestClock {
  let server: TestServer;
  let api: TestServer;
  const clock = clockedServerPerFile((started) => ({ server, api } = started));
  before(async () => {
    const endpoint = await createEndpoint(server, { events: [...WEBHOOK_EVENT_TYPES] });
    onStart({ server, api, endpoint });
  });
  return clock;
}
