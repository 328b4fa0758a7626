// The merchant's operations on surveys and their results, service-recovery follow-ups and webhooks, through a
// client generated from the OpenAPI document, each answer checked against the document (support/openapi-validator.ts).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { merchantOperations, startClientsFile, type ClientsFile } from './support/openapi-client.ts';
import { createDemoCustomer } from './support/server.ts';
import { inputOf } from './support/survey-admin.ts';
import { testSurvey } from './support/surveys.ts';

let file: ClientsFile;
before(async () => {
  file = await startClientsFile();
});
after(() => file.server.close());

const survey = testSurvey();
const surveyPath = { params: { path: { surveyId: survey.id } } };
const unknownSurvey = { params: { path: { surveyId: 'no-such-survey' } } };

test('a survey defined (201, then 200), refused (400), listed, read; its results, feedback and verbatims; 404s', async () => {
  const { merchant } = file;
  assert.equal(
    (await merchant.PUT('/v1/admin/surveys/{surveyId}', { ...surveyPath, body: inputOf(survey) })).response.status,
    201,
  );
  const same = await merchant.PUT('/v1/admin/surveys/{surveyId}', { ...surveyPath, body: inputOf(survey) });
  assert.equal(same.response.status, 200);
  const refused = await merchant.PUT('/v1/admin/surveys/{surveyId}', {
    ...surveyPath,
    body: { ...inputOf(survey), samplingRate: 2 },
  });
  assert.equal(refused.error?.code, 'validation_failed');

  const list = await merchant.GET('/v1/admin/surveys');
  assert.ok(list.data?.surveys.some((listed) => listed.id === survey.id));
  assert.equal((await file.anonymous.GET('/v1/admin/surveys')).response.status, 401);
  assert.equal((await merchant.GET('/v1/admin/surveys/{surveyId}', surveyPath)).data?.version, 1);
  assert.equal((await merchant.GET('/v1/admin/surveys/{surveyId}', unknownSurvey)).response.status, 404);

  const results = await merchant.GET('/v1/admin/surveys/{surveyId}/results', {
    params: { path: { surveyId: survey.id }, query: { version: 1 } },
  });
  assert.equal(results.response.status, 200);
  const none = await merchant.GET('/v1/admin/surveys/{surveyId}/results', unknownSurvey);
  assert.equal(none.error?.code, 'survey_not_found');

  const feedback = await merchant.GET('/v1/admin/surveys/{surveyId}/feedback', {
    params: { path: { surveyId: survey.id }, query: { version: 1 } },
  });
  assert.equal(feedback.response.status, 200);
  assert.equal(feedback.data?.distribution.length, 11, 'every score from 0 to 10');
  const noFeedback = await merchant.GET('/v1/admin/surveys/{surveyId}/feedback', unknownSurvey);
  assert.equal(noFeedback.error?.code, 'survey_not_found');
  const verbatims = await merchant.GET('/v1/admin/surveys/{surveyId}/verbatims', surveyPath);
  assert.equal(verbatims.response.status, 200);
  assert.deepEqual(verbatims.data?.verbatims, [], 'nobody has answered yet');
  const noVerbatims = await merchant.GET('/v1/admin/surveys/{surveyId}/verbatims', unknownSurvey);
  assert.equal(noVerbatims.error?.code, 'survey_not_found');
});

test('a follow-up raised by a complaint: queued, read, assigned, noted, resolved once; 400 and 404s', async () => {
  const { merchant } = file;
  const shopper = await file.shopper(await createDemoCustomer(file.server, 'client-unhappy'));
  const complaint = await shopper.PUT('/v1/me/surveys/responses/{responseId}', {
    params: { path: { responseId: randomUUID() } },
    body: {
      surveyId: survey.id,
      version: 1,
      sequence: 1,
      answers: { nps: 2, complaint: 'The tea arrived cold' },
      complete: true,
      contactConsent: true,
    },
  });
  assert.equal(complaint.response.status, 201);

  const queue = await merchant.GET('/v1/admin/follow-ups', { params: { query: { overdue: false, limit: 10 } } });
  const followUpId = queue.data?.followUps[0]?.id;
  assert.ok(followUpId, JSON.stringify(queue.data));
  const tooMany = await merchant.GET('/v1/admin/follow-ups', { params: { query: { limit: 0 } } });
  assert.equal(tooMany.error?.code, 'validation_failed');

  const path = { params: { path: { followUpId } } };
  const unknown = { params: { path: { followUpId: randomUUID() } } };
  assert.equal((await merchant.GET('/v1/admin/follow-ups/{followUpId}', path)).data?.id, followUpId);
  assert.equal((await merchant.GET('/v1/admin/follow-ups/{followUpId}', unknown)).response.status, 404);
  const assigned = await merchant.PATCH('/v1/admin/follow-ups/{followUpId}', { ...path, body: { assignee: 'Li' } });
  assert.equal(assigned.response.status, 200);
  const assignNobody = await merchant.PATCH('/v1/admin/follow-ups/{followUpId}', {
    ...unknown,
    body: { assignee: null },
  });
  assert.equal(assignNobody.response.status, 404);
  const note = await merchant.POST('/v1/admin/follow-ups/{followUpId}/notes', { ...path, body: { text: 'Called' } });
  assert.equal(note.response.status, 201);
  const noNote = await merchant.POST('/v1/admin/follow-ups/{followUpId}/notes', { ...unknown, body: { text: 'x' } });
  assert.equal(noNote.response.status, 404);

  const resolution = { outcome: 'Sent a fresh tin', goodwillPoints: 100 };
  const header = { 'Idempotency-Key': randomUUID() };
  const resolved = await merchant.POST('/v1/admin/follow-ups/{followUpId}/resolution', {
    params: { path: { followUpId }, header },
    body: resolution,
  });
  assert.equal(resolved.response.status, 200);
  const replayed = await merchant.POST('/v1/admin/follow-ups/{followUpId}/resolution', {
    params: { path: { followUpId }, header },
    body: resolution,
  });
  assert.equal(replayed.response.headers.get('Idempotent-Replayed'), 'true');
  const noCase = await merchant.POST('/v1/admin/follow-ups/{followUpId}/resolution', {
    params: { ...unknown.params, header: { 'Idempotency-Key': randomUUID() } },
    body: resolution,
  });
  assert.equal(noCase.error?.code, 'follow_up_not_found');
});

test('a webhook endpoint: created (201), refused (400), listed, read, changed, its deliveries, a retry, removed', async () => {
  const { merchant } = file;
  const created = await merchant.POST('/v1/admin/webhooks', {
    body: { url: 'https://merchant.example/hooks', events: ['points.earned'] },
  });
  assert.equal(created.response.status, 201);
  const endpointId = created.data!.id;
  const refused = await merchant.POST('/v1/admin/webhooks', { body: { url: 'not a url', events: ['points.earned'] } });
  assert.equal(refused.error?.code, 'validation_failed');
  assert.ok((await merchant.GET('/v1/admin/webhooks')).data?.endpoints.some((found) => found.id === endpointId));
  assert.equal((await file.anonymous.GET('/v1/admin/webhooks')).response.status, 401);

  const path = { params: { path: { endpointId } } };
  const unknown = { params: { path: { endpointId: randomUUID() } } };
  assert.equal((await merchant.GET('/v1/admin/webhooks/{endpointId}', path)).data?.id, endpointId);
  assert.equal((await merchant.GET('/v1/admin/webhooks/{endpointId}', unknown)).response.status, 404);
  const changed = await merchant.PATCH('/v1/admin/webhooks/{endpointId}', { ...path, body: { description: 'ERP' } });
  assert.equal(changed.data?.description, 'ERP');
  const changeNone = await merchant.PATCH('/v1/admin/webhooks/{endpointId}', { ...unknown, body: { enabled: false } });
  assert.equal(changeNone.response.status, 404);

  const earned = await merchant.POST('/v1/admin/customers/{customerId}/transactions', {
    params: { path: { customerId: 'demo-shopper' }, header: { 'Idempotency-Key': randomUUID() } },
    body: { type: 'earn', points: 5 },
  });
  assert.equal(earned.response.status, 201);
  const deliveries = await merchant.GET('/v1/admin/webhooks/{endpointId}/deliveries', {
    params: { path: { endpointId }, query: { limit: 5 } },
  });
  const deliveryId = deliveries.data?.deliveries[0]?.id;
  assert.ok(deliveryId, JSON.stringify(deliveries.data));
  const noDeliveries = await merchant.GET('/v1/admin/webhooks/{endpointId}/deliveries', unknown);
  assert.equal(noDeliveries.error?.code, 'webhook_endpoint_not_found');
  const retried = await merchant.POST('/v1/admin/webhooks/{endpointId}/deliveries/{deliveryId}/retry', {
    params: { path: { endpointId, deliveryId } },
  });
  assert.equal(retried.response.status, 200);
  const retryNothing = await merchant.POST('/v1/admin/webhooks/{endpointId}/deliveries/{deliveryId}/retry', {
    params: { path: { endpointId, deliveryId: randomUUID() } },
  });
  assert.equal(retryNothing.error?.code, 'webhook_delivery_not_found');

  assert.equal((await merchant.DELETE('/v1/admin/webhooks/{endpointId}', path)).response.status, 200);
  assert.equal((await merchant.DELETE('/v1/admin/webhooks/{endpointId}', path)).response.status, 404);
});

test('every merchant operation on surveys, follow-ups and webhooks was called', () => {
  file.coverage.assertCovered(merchantOperations(true));
});
