import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PUBLISHABLE_KEY_HEADER, paths } from '@loyalty-elements/contract';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/logger.ts';
import { serveApp, type ServingApp } from '../src/server.ts';
import type { Database } from '../src/store/database.ts';
import { expectProblem } from './support/http.ts';

// A store whose every query fails, standing in for a database that went away.
const failure = new Error('connection to the database was lost at /srv/secret/path');
const brokenDb: Database = {
  query: () => Promise.reject(failure),
  exec: () => Promise.reject(failure),
  transaction: () => Promise.reject(failure),
  close: () => Promise.resolve(),
};

const logged: unknown[] = [];
let serving: ServingApp;
before(async () => {
  serving = await serveApp(
    createApp({ db: brokenDb, logger: createLogger('silent'), logError: (error) => logged.push(error) }),
    {
      port: 0,
      host: '127.0.0.1',
    },
  );
});
after(() => serving.close());

test('an unexpected error is a bare internal problem, logged but not leaked', async () => {
  const res = await fetch(serving.url + paths.summary, {
    headers: { [PUBLISHABLE_KEY_HEADER]: 'pk_any', Authorization: 'Bearer x' },
  });
  const problem = await expectProblem(res, 500, 'internal');
  const body = JSON.stringify(problem);
  assert.ok(!body.includes(failure.message) && !body.includes('/srv/secret'), body);
  assert.doesNotMatch(body, /\bat .*:\d+/);
  assert.deepEqual(logged, [failure]);
});
