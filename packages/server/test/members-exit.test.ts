import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import type { SurveyAnswers, SurveyDefinition } from '@loyalty-elements/contract';
import { expectUpsert, clockedServerPerFile, upsertCustomer } from './support/loyalty.ts';
import { profileOf } from './support/members.ts';
import { eligible, exitSurvey, expectSaved, publish, putResponse, save, testSurvey } from './support/surveys.ts';
import type { TestServer } from './support/server.ts';

// The exit survey ends the membership when the shopper confirms it, in the write that completes it.

describe('the exit survey ends a membership the shopper confirms', () => {
  let server: TestServer;
  let api: TestServer;
  const clock = clockedServerPerFile((started) => ({ server, api } = started));

  const member = async () => {
    const id = `exit-${randomUUID()}`;
    await expectUpsert(await upsertCustomer(api, id, { name: 'Leaving Lee' }), 201);
    return id;
  };
  const demoExitSurvey = async (customerId: string): Promise<SurveyDefinition> => {
    const { survey } = await eligible(api, customerId, 'program_exit');
    assert.ok(survey, 'the demo program asks its exit survey');
    return survey;
  };
  const write = (survey: SurveyDefinition, answers: SurveyAnswers, extra: Record<string, unknown> = {}) => ({
    surveyId: survey.id,
    version: survey.version,
    sequence: 1,
    answers,
    complete: true,
    ...extra,
  });

  test('completed with endMembership: ended at the app clock for the chosen option’s reason', async () => {
    const id = await member();
    const survey = await demoExitSurvey(id);
    clock.set('2027-06-01T09:00:00.000Z');
    await save(api, id, randomUUID(), write(survey, { reason: { option: 'moved' } }, { endMembership: true }));
    const { customer } = await profileOf(api, id);
    assert.deepEqual(
      [customer.status, customer.endedAt, customer.endReason],
      ['ended', '2027-06-01T09:00:00.000Z', 'market'],
    );
  });

  test('completed without it, or a partial write with it: the membership runs on', async () => {
    const without = await member();
    await save(api, without, randomUUID(), write(await demoExitSurvey(without), { reason: { option: 'price' } }));
    assert.equal((await profileOf(api, without)).customer.status, 'active');

    const partial = await member();
    const survey = await demoExitSurvey(partial);
    const responseId = randomUUID();
    await save(
      api,
      partial,
      responseId,
      write(survey, { reason: { option: 'price' } }, { complete: false, endMembership: true }),
    );
    assert.equal((await profileOf(api, partial)).customer.status, 'active');
    await save(
      api,
      partial,
      responseId,
      write(survey, { reason: { option: 'price' } }, { sequence: 2, endMembership: true }),
    );
    assert.equal((await profileOf(api, partial)).customer.endReason, 'price');
  });

  test('an option that names no reason ends it as other; another trigger’s survey never ends it', async () => {
    const other = await member();
    const survey = await publish(server, exitSurvey({ trigger: 'program_exit' }));
    await save(api, other, randomUUID(), write(survey, { why: { option: 'other' } }, { endMembership: true }));
    assert.equal((await profileOf(api, other)).customer.endReason, 'other');

    const unrelated = await member();
    const feedback = await publish(server, testSurvey());
    await save(api, unrelated, randomUUID(), write(feedback, { nps: 9 }, { endMembership: true }));
    assert.equal((await profileOf(api, unrelated)).customer.status, 'active');
  });

  test('twenty parallel completing writes end it once', async () => {
    const id = await member();
    const survey = await demoExitSurvey(id);
    const responseId = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        putResponse(api, id, responseId, write(survey, { reason: { option: 'trust' } }, { endMembership: true })),
      ),
    );
    for (const res of results) await expectSaved(res);
    const [row] = await server.db.query<{ n: unknown }>(
      'SELECT count(*)::int AS n FROM membership_endings WHERE customer_id = $1',
      [id],
    );
    assert.equal(Number(row?.n), 1);
    assert.equal((await profileOf(api, id)).customer.endReason, 'reputation');
  });

  test('endMembership must be a boolean', async () => {
    const id = await member();
    const survey = await demoExitSurvey(id);
    const res = await putResponse(
      api,
      id,
      randomUUID(),
      write(survey, { reason: { option: 'price' } }, { endMembership: 'yes' }),
    );
    assert.equal(res.status, 400);
    const problem = (await res.json()) as { errors: { path: string }[] };
    assert.deepEqual(
      problem.errors.map((error) => error.path),
      ['body.endMembership'],
    );
  });
});
