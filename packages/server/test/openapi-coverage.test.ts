import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildOpenApiDocument } from '@loyalty-elements/contract/openapi';
import { createApp } from '../src/app.ts';
import { MEMORY_DATA_DIR, openDatabase, type Database } from '../src/store/database.ts';

let db: Database;
before(async () => {
  db = await openDatabase(MEMORY_DATA_DIR);
});
after(() => db.close());

interface DocumentedOperation {
  responses: Record<string, { description: string; content?: Record<string, unknown> }>;
}
type Document = { paths: Record<string, Record<string, DocumentedOperation>> };

/** `GET /v1/admin/surveys/:surveyId`, as Hono registers it and as the document names it (`{surveyId}`). */
const routeName = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;

/** What the app serves, demo routes included: middleware (`ALL`) is no route. */
function servedRoutes(): string[] {
  const app = createApp({ db, demo: true });
  return [...new Set(app.routes.filter((route) => route.method !== 'ALL').map((r) => routeName(r.method, r.path)))];
}

function documentedRoutes(document: Document): string[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => routeName(method, path)),
  );
}

test('every route the app registers is in the OpenAPI document', () => {
  const documented = new Set(documentedRoutes(buildOpenApiDocument() as Document));
  const missing = servedRoutes().filter((route) => !documented.has(route));
  assert.deepEqual(missing, [], `Routes the OpenAPI document lacks: ${missing.join(', ')}`);
});

test('every operation of the OpenAPI document is a route the app registers', () => {
  const served = new Set(servedRoutes());
  const extra = documentedRoutes(buildOpenApiDocument() as Document).filter((route) => !served.has(route));
  assert.deepEqual(extra, [], `OpenAPI operations with no route: ${extra.join(', ')}`);
});

test('each operation lists its success and problem statuses, with the problem codes of each', () => {
  const document = buildOpenApiDocument() as Document;
  const responses = (path: string, method: string) => {
    const operation = document.paths[path]?.[method];
    assert.ok(operation, `${method} ${path}`);
    return operation.responses;
  };
  const putSurvey = responses('/v1/admin/surveys/{surveyId}', 'put');
  assert.deepEqual(Object.keys(putSurvey), [
    '200',
    '201',
    '400',
    '401',
    '403',
    '413',
    '415',
    '429',
    '500',
    '503',
    'default',
  ]);
  assert.match(putSurvey['400']!.description, /validation_failed/);
  assert.match(putSurvey['401']!.description, /secret_key_invalid/);
  assert.ok(putSurvey['201']!.content?.['application/json'], 'a created survey has the same body');

  assert.match(responses('/v1/admin/surveys/{surveyId}', 'get')['404']!.description, /survey_not_found/);
  assert.deepEqual(Object.keys(responses('/v1/admin/surveys', 'get')), [
    '200',
    '401',
    '403',
    '429',
    '500',
    '503',
    'default',
  ]);
  assert.match(responses('/v1/admin/surveys/{surveyId}/results', 'get')['404']!.description, /survey_not_found/);
  assert.ok(responses('/v1/me/summary', 'get')['304'], 'a conditional GET documents 304');
  assert.match(responses('/v1/me/summary', 'get')['401']!.description, /token_expired/);
  assert.match(
    responses('/v1/admin/customers/{customerId}/transactions', 'post')['422']!.description,
    /idempotency_key_reused/,
  );
  assert.deepEqual(Object.keys(responses('/healthz', 'get')), ['200', '500', 'default']);
  assert.ok(responses('/readyz', 'get')['503']);
  assert.ok(responses('/docs', 'get')['200']!.content?.['text/html']);
});
