// What the API sends, checked against its OpenAPI document: every status a live answer has is documented for its
// operation, with the headers it carries (ETag, Idempotent-Replayed, Retry-After), and a 304 has no body and no
// body type.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { IDEMPOTENT_REPLAY_HEADER, paths, PUBLISHABLE_KEY_HEADER } from '@loyalty-elements/contract';
import { buildOpenApiDocument } from '@loyalty-elements/contract/openapi';
import { createDemoCustomer, startTestServer, type TestServer } from './support/server.ts';
import { demoToken, getSummary, postTransaction } from './support/http.ts';

interface DocumentedResponse {
  content?: Record<string, unknown>;
  headers?: Record<string, unknown>;
}
type Document = { paths: Record<string, Record<string, { responses: Record<string, DocumentedResponse> }>> };
const document = buildOpenApiDocument() as Document;

/** The headers the document promises, checked on every answer that has them. */
const CHECKED_HEADERS = ['ETag', IDEMPOTENT_REPLAY_HEADER, 'Retry-After'];

/** Asserts the document lists this answer's status for the operation, and each checked header it carries. */
async function assertDocumented(path: string, method: string, response: Response): Promise<void> {
  const documented = document.paths[path]?.[method]?.responses[String(response.status)];
  assert.ok(documented, `${method.toUpperCase()} ${path} answered ${response.status}, which is not documented`);
  for (const name of CHECKED_HEADERS) {
    if (response.headers.has(name)) {
      assert.ok(documented.headers?.[name], `${method} ${path} ${response.status} sends ${name}, not documented`);
    }
  }
  if (response.status === 304) {
    assert.equal(documented.content, undefined, 'a documented 304 has no body');
    assert.equal(response.headers.get('content-type'), null, 'a 304 has no body type');
    assert.equal(await response.text(), '');
  } else await response.body?.cancel();
}

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

test('the program and the summary: 200 with an ETag, then 304 for it, as documented', async () => {
  const publishable = { [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey };
  const program = await fetch(server.baseUrl + paths.program, { headers: publishable });
  const programTag = program.headers.get('etag');
  assert.ok(programTag);
  await assertDocumented(paths.program, 'get', program);
  const programAgain = await fetch(server.baseUrl + paths.program, {
    headers: { ...publishable, 'If-None-Match': programTag },
  });
  assert.equal(programAgain.status, 304);
  await assertDocumented(paths.program, 'get', programAgain);

  const customerId = await createDemoCustomer(server, 'openapi');
  const shopper = { token: await demoToken(server, customerId), publishableKey: server.config.demoPublishableKey };
  const summary = await getSummary(server, shopper);
  const summaryTag = summary.headers.get('etag');
  assert.ok(summaryTag);
  await assertDocumented(paths.summary, 'get', summary);
  const summaryAgain = await getSummary(server, { ...shopper, headers: { 'If-None-Match': summaryTag } });
  assert.equal(summaryAgain.status, 304);
  await assertDocumented(paths.summary, 'get', summaryAgain);
});

test('a replayed transaction is marked Idempotent-Replayed, as documented', async () => {
  const customerId = await createDemoCustomer(server, 'openapi');
  const post = { customerId, idempotencyKey: `replay-${customerId}`, body: { type: 'earn', points: 10 } } as const;
  const path = '/v1/admin/customers/{customerId}/transactions';
  const first = await postTransaction(server, post);
  assert.equal(first.headers.get(IDEMPOTENT_REPLAY_HEADER), null);
  await assertDocumented(path, 'post', first);
  const replay = await postTransaction(server, post);
  assert.equal(replay.headers.get(IDEMPOTENT_REPLAY_HEADER), 'true');
  await assertDocumented(path, 'post', replay);
});

test('a rate-limited request answers 429 with Retry-After, as documented', async () => {
  const limited = await startTestServer({ LOYALTY_RATE_LIMIT_PER_IP: '1' });
  try {
    const headers = { [PUBLISHABLE_KEY_HEADER]: limited.config.demoPublishableKey };
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await fetch(limited.baseUrl + paths.program, { headers }));
    const refused = answers.find((answer) => answer.status === 429);
    assert.ok(refused, `statuses ${answers.map((answer) => answer.status).join(', ')}`);
    assert.ok(refused.headers.get('retry-after'));
    for (const answer of answers) await assertDocumented(paths.program, 'get', answer);
  } finally {
    await limited.close();
  }
});
