import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import type { SurveyDefinition } from '@loyalty-elements/contract';
import { createDemoCustomer, type TestServer } from './support/server.ts';
import { clockedServerPerFile } from './support/loyalty.ts';
import { dismiss, publish, save, testSurvey } from './support/surveys.ts';
import { defined, inputOf } from './support/survey-admin.ts';

// Survey timestamps come from the application's clock, like every other timestamp, so cooldowns, recontact
// periods and results agree with the ledger whatever the database server's clock says.

describe('survey timestamps', () => {
  let server: TestServer;
  let api: TestServer;
  let survey: SurveyDefinition;
  const clock = clockedServerPerFile((started) => ({ server, api } = started));

  test('a response is created, updated and completed at the application clock', async () => {
    survey = await publish(server, testSurvey());
    const customerId = await createDemoCustomer(server);
    const id = randomUUID();
    const write = (sequence: number, complete = false) => ({
      surveyId: survey.id,
      version: survey.version,
      sequence,
      answers: { nps: 9 },
      ...(complete ? { complete: true } : {}),
    });
    clock.set('2027-03-01T10:00:00.000Z');
    const first = await save(api, customerId, id, write(1));
    clock.set('2027-03-01T10:05:00.000Z');
    const done = await save(api, customerId, id, write(2, true));
    assert.deepEqual(
      [first.createdAt, done.createdAt, done.updatedAt, done.completedAt],
      ['2027-03-01T10:00:00.000Z', '2027-03-01T10:00:00.000Z', '2027-03-01T10:05:00.000Z', '2027-03-01T10:05:00.000Z'],
    );
  });

  test('a dismissal is dated by the application clock', async () => {
    const customerId = await createDemoCustomer(server);
    clock.set('2027-04-02T08:30:00.000Z');
    const res = await dismiss(api, customerId, survey.id, {});
    assert.equal(res.status, 201);
    assert.equal(((await res.json()) as { dismissedAt: string }).dismissedAt, '2027-04-02T08:30:00.000Z');
  });

  test('a survey defined over the admin API, and each version of it, is dated by the application clock', async () => {
    const draft = testSurvey();
    clock.set('2027-05-01T09:00:00.000Z');
    await defined(api, draft.id, inputOf(draft), 201);
    clock.set('2027-05-03T09:00:00.000Z');
    await defined(api, draft.id, { ...inputOf(draft), title: { en: 'Retitled' } }, 200);
    const iso = (value: unknown) => new Date(value as string).toISOString();
    const [row] = await server.db.query<{ created_at: unknown; updated_at: unknown }>(
      'SELECT created_at, updated_at FROM surveys WHERE id = $1',
      [draft.id],
    );
    assert.deepEqual(
      [iso(row?.created_at), iso(row?.updated_at)],
      ['2027-05-01T09:00:00.000Z', '2027-05-03T09:00:00.000Z'],
    );
    const versions = await server.db.query<{ created_at: unknown }>(
      'SELECT created_at FROM survey_versions WHERE survey_id = $1 ORDER BY version',
      [draft.id],
    );
    assert.deepEqual(
      versions.map((version) => iso(version.created_at)),
      ['2027-05-01T09:00:00.000Z', '2027-05-03T09:00:00.000Z'],
    );
  });
});
