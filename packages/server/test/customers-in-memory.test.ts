import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CustomersInMemory } from '../src/caches/customers.ts';
import type { Queryable } from '../src/store/database.ts';
import { createDemoCustomer, startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

/**
 * A demo customer and a fresh cache reading the server's database through a counter. `read` reads the customer;
 * `during` runs something while a read is under way (its statement sent, its answer not yet back).
 */
async function cacheOfOneCustomer() {
  const customerId = await createDemoCustomer(server);
  const [row] = await server.db.query<{ program_id: string }>('SELECT program_id FROM customers WHERE id = $1', [
    customerId,
  ]);
  const programId = row!.program_id;
  const customers = new CustomersInMemory();
  let statements = 0;
  let whileReading = () => undefined as void;
  const db: Queryable = {
    query: async (sql, params) => {
      statements++;
      whileReading();
      return server.db.query(sql, params);
    },
    exec: (sql) => server.db.exec(sql),
  };
  return {
    programId,
    customers,
    statements: () => statements,
    read: async () => (await customers.read(db, programId, customerId))?.customer.id,
    during: async (change: () => void) => {
      whileReading = change;
      await customers.read(db, programId, customerId);
      whileReading = () => undefined;
    },
    customerId,
  };
}

test('a customer read once is served from memory until the store says the customer changed', async () => {
  const cache = await cacheOfOneCustomer();
  assert.equal(await cache.read(), cache.customerId);
  assert.equal(await cache.read(), cache.customerId);
  assert.equal(cache.statements(), 1);
  cache.customers.forget(cache.programId, cache.customerId);
  await cache.read();
  assert.equal(cache.statements(), 2);
});

test('a read under way when a change arrives is not kept: it may predate the change', async () => {
  const cache = await cacheOfOneCustomer();
  await cache.during(() => cache.customers.forget(cache.programId, 'someone-else'));
  await cache.read();
  assert.equal(cache.statements(), 2, 'the read that overlapped a change was kept');
});

test('a settings change forgets every customer of the program', async () => {
  const cache = await cacheOfOneCustomer();
  await cache.read();
  cache.customers.forget(cache.programId);
  await cache.read();
  assert.equal(cache.statements(), 2);
});
