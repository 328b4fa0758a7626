import assert from 'node:assert/strict';
import { test } from 'node:test';
import { postTransaction } from './support/http.ts';
import { DAY_MS } from './support/loyalty.ts';
import { createDemoCustomer } from './support/server.ts';
import { createEndpoint, eventsOnceWritten, schedulingServerPerFile } from './support/webhooks.ts';

// The server runs the scheduler of webhook moments on its own every LOYALTY_SCHEDULER_INTERVAL_MS, and stops it
// before it closes the database.

const scheduling = schedulingServerPerFile();

test('a server started with a scheduler interval writes a due moment on its own, once', async () => {
  const server = scheduling();
  const endpoint = await createEndpoint(server, { events: ['points.expiring'] });
  const id = await createDemoCustomer(server, 'scheduled');
  const expiresAt = new Date(Date.now() + 2 * DAY_MS).toISOString();
  const res = await postTransaction(server, {
    customerId: id,
    body: { type: 'earn', points: 80, reason: 'Tea', expiresAt },
  });
  assert.equal(res.status, 201, await res.clone().text());
  const events = await eventsOnceWritten(server, endpoint.id, id);
  assert.deepEqual(
    events.map((event) => [event.type, event.data]),
    [['points.expiring', { points: 80, expiresAt }]],
  );
});
