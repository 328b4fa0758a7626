import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { createDemoCustomer, type TestServer } from './support/server.ts';
import { summaryOf } from './support/http.ts';
import { clockedServerPerFile, DAY_MS } from './support/loyalty.ts';
import { save, testSurvey } from './support/surveys.ts';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { publishSurvey } from '../src/domain/surveys/definitions.ts';
import type { SurveyDraft } from '@loyalty-elements/contract';

// A reward the merchant lowers or withdraws cannot be claimed later by naming the survey's old version.

let server: TestServer;
let api: TestServer;
const clock = clockedServerPerFile((started) => ({ server, api } = started));

const HOUR_MS = 60 * 60 * 1000;

/** Publishes at the API's clock, as the admin route does. */
const publish = (draft: SurveyDraft) => publishSurvey(api.db, DEMO_SEED.program.id, draft, clock.now());

test('a response begun on a superseded version earns its reward for a day after the publish, then at most the current one', async () => {
  const start = new Date('2027-06-01T08:00:00.000Z').getTime();
  const at = (ms: number) => clock.set(new Date(start + ms).toISOString());
  const draft = testSurvey({ completionReward: 5_000 });
  at(0);
  const v1 = await publish(draft);
  const answer = async (customerId: string, responseId: string, version: number, complete: boolean) =>
    save(api, customerId, responseId, {
      surveyId: v1.id,
      version,
      sequence: complete ? 2 : 1,
      answers: { nps: 9 },
      complete,
    });
  const newShopper = () => createDemoCustomer(server);

  const startedEarly = await newShopper();
  const earlyResponse = randomUUID();
  at(2 * HOUR_MS);
  await publish({ ...draft, completionReward: undefined });
  // A page that showed version 1 was still open: it began, and completes, within the day.
  await answer(startedEarly, earlyResponse, 1, false);
  at(3 * HOUR_MS);
  const openPage = await newShopper();
  assert.equal((await answer(openPage, randomUUID(), 1, true)).pointsAwarded, 5_000, 'within the day');

  at(2 * DAY_MS);
  assert.equal((await answer(startedEarly, earlyResponse, 1, true)).pointsAwarded, 5_000, 'begun within the day');
  const late = await newShopper();
  const kept = await answer(late, randomUUID(), 1, true);
  assert.deepEqual([kept.status, kept.pointsAwarded], ['complete', null], 'kept, with the withdrawn reward unpaid');
  assert.equal((await summaryOf(server, late)).points.balance, 0);

  const v3 = await publish({ ...draft, completionReward: 30 });
  assert.equal(v3.version, 3);
  at(2 * DAY_MS + HOUR_MS);
  assert.equal((await answer(await newShopper(), randomUUID(), 1, true)).pointsAwarded, 30, 'the current 30 at most');
  assert.equal((await answer(await newShopper(), randomUUID(), 3, true)).pointsAwarded, 30);
});
