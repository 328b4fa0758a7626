import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { postTransaction } from './support/http.ts';
import { createDemoCustomer } from './support/server.ts';
import { createEndpoint, eventsOnceWritten, schedulingServerPerFile } from './support/webhooks.ts';

// Points that lapse are written off soon after, by the server's scheduler, whether or not the member does anything:
// the `expire` entry is dated when they lapsed (within the interval) and `points.expired` is told then, not at the
// member's next visit.

const scheduling = schedulingServerPerFile();

test('a member who does nothing has lapsed points written off and points.expired told within the interval', async () => {
  const server = scheduling();
  const endpoint = await createEndpoint(server, { events: ['points.expired'] });
  const id = await createDemoCustomer(server, 'dormant');
  const expiresAt = new Date(Date.now() + 1_500);
  const res = await postTransaction(server, {
    customerId: id,
    body: { type: 'earn', points: 70, reason: 'Tea', expiresAt: expiresAt.toISOString() },
  });
  assert.equal(res.status, 201, await res.clone().text());

  const events = await eventsOnceWritten(server, endpoint.id, id);
  assert.deepEqual(
    events.map((event) => [event.type, (event.data as { points: number }).points]),
    [['points.expired', 70]],
  );
  const entries = await server.db.query<{ points: unknown; created_at: Date | string }>(
    `SELECT points, created_at FROM ledger_entries WHERE program_id = $1 AND customer_id = $2 AND type = 'expire'`,
    [DEMO_SEED.program.id, id],
  );
  assert.equal(entries.length, 1, 'one expire entry');
  const lateBy = new Date(entries[0]!.created_at).getTime() - expiresAt.getTime();
  assert.ok(lateBy >= 0 && lateBy < 5_000, `written off ${lateBy} ms after the points lapsed`);
});
