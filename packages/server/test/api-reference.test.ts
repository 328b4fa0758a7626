import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { OPERATIONS } from '@loyalty-elements/contract/openapi';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

test('GET /openapi.json describes every operation the API serves, with the contract’s schemas', async () => {
  const response = await fetch(`${server.baseUrl}/openapi.json`);
  assert.equal(response.status, 200);
  const document = (await response.json()) as {
    openapi: string;
    paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  assert.equal(document.openapi, '3.1.0');
  const operationIds = Object.values(document.paths).flatMap((methods) =>
    Object.values(methods).map((op) => op.operationId),
  );
  assert.deepEqual(operationIds.sort(), Object.keys(OPERATIONS).sort());
  const summary = document.paths['/v1/me/summary']?.get?.responses['200'] as {
    content: { 'application/json': { schema: { $ref: string } } };
  };
  assert.equal(summary.content['application/json'].schema.$ref, '#/components/schemas/Summary');
  assert.ok(document.components.schemas.Summary?.properties?.points, 'the named Summary schema has the points');

  // Every documented route exists: none answers the not_found problem of an unknown route.
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const method of Object.keys(methods)) {
      const url = `${server.baseUrl}${path.replace(/\{(\w+)\}/g, 'x')}`;
      const res = await fetch(url, { method: method.toUpperCase() });
      const body = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
      assert.ok(
        !(res.status === 404 && (body as { detail?: string }).detail?.startsWith('No route')),
        `${method} ${path}`,
      );
    }
  }
});

test('GET /docs is a browsable reference listing each operation', async () => {
  const response = await fetch(`${server.baseUrl}/docs`);
  assert.equal(response.status, 200);
  const page = await response.text();
  for (const id of Object.keys(OPERATIONS)) assert.match(page, new RegExp(`id="${id}"`));
  assert.match(page, /href="\/openapi.json"/);
});
