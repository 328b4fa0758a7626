import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { SurveyDefinition, SurveyResponseUpdate } from '@loyalty-elements/contract';
import { DEMO_SURVEYS } from '../src/demo-surveys.ts';
import { DEFAULT_SURVEY_COOLDOWN_DAYS } from '../src/domain/surveys/eligibility.ts';
import type { Database } from '../src/store/database.ts';
import { loadMigrations, migrate } from '../src/store/migrate.ts';
import { openStore } from '../src/store/open.ts';
import { DEFAULT_STORAGE_SETTINGS } from '../src/config.ts';
import { createDemoCustomer, startTestServer, type TestServer } from './support/server.ts';
import { expectProblem, summaryOf } from './support/http.ts';
import { testDatabaseFor, TEST_POSTGRES_URL } from './support/postgres.ts';
import {
  backdate,
  dismiss,
  eligible,
  expectSaved,
  followUpsOf,
  getResponse,
  publish,
  putResponse,
  resultsOf,
  save,
  testSurvey,
} from './support/surveys.ts';

// A survey's completion reward is paid only for a response begun while the survey was due for the
// customer (the eligibility rules), and once per survey per recontact period (at least a day).

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

type Answers = SurveyResponseUpdate['answers'];
const write = (
  survey: SurveyDefinition,
  sequence: number,
  answers: Answers,
  extra: Partial<SurveyResponseUpdate> = {},
) => ({ surveyId: survey.id, version: survey.version, sequence, answers, ...extra }) satisfies SurveyResponseUpdate;

/** Every ledger entry of a customer, oldest first. */
async function ledgerOf(customerId: string) {
  const rows = await server.db.query<{ type: string; points: unknown; idempotency_key: string | null }>(
    'SELECT type, points, idempotency_key FROM ledger_entries WHERE customer_id = $1 ORDER BY created_at, id',
    [customerId],
  );
  return rows.map((row) => ({ type: row.type, points: Number(row.points), key: row.idempotency_key }));
}

/** How many responses of a survey a customer has stored, and how many of them are counted. */
async function storedResponses(customerId: string, surveyId: string) {
  const [row] = await server.db.query<{ stored: unknown; counted: unknown; complete: unknown }>(
    `SELECT count(*) AS stored, count(*) FILTER (WHERE counted) AS counted,
            count(*) FILTER (WHERE completed_at IS NOT NULL) AS complete
       FROM survey_responses WHERE customer_id = $1 AND survey_id = $2`,
    [customerId, surveyId],
  );
  return { stored: Number(row?.stored), counted: Number(row?.counted), complete: Number(row?.complete) };
}

const balanceOf = async (customerId: string) => (await summaryOf(server, customerId)).points.balance;

/** A customer who has just completed another survey: every survey but an exempt one is cooling down. */
async function coolingCustomer(): Promise<string> {
  const customerId = await createDemoCustomer(server);
  const other = await publish(server, testSurvey());
  await save(server, customerId, randomUUID(), write(other, 1, { nps: 8 }, { complete: true }));
  return customerId;
}

describe('a response for a survey that is not due is refused with 409 survey_not_due, and nothing is stored', () => {
  test('25 new responses to the post-purchase survey while it cools down: only 409s, no points, results unchanged', async () => {
    const customerId = await coolingCustomer();
    const postPurchase = DEMO_SURVEYS.postPurchase;
    assert.deepEqual(await eligible(server, customerId, postPurchase.trigger), { survey: null, reason: 'cooldown' });
    const ledgerBefore = await ledgerOf(customerId);
    const resultsBefore = await resultsOf(server, postPurchase.id);

    const ids = Array.from({ length: 25 }, () => randomUUID());
    const answers = await Promise.all(
      ids.map((id) =>
        putResponse(server, customerId, id, {
          surveyId: postPurchase.id,
          version: 1,
          sequence: 1,
          answers: { nps: 9 },
          complete: true,
        }),
      ),
    );
    for (const res of answers) {
      const problem = await expectProblem(res, 409, 'survey_not_due');
      assert.match(problem.detail ?? '', /post-purchase-nps/);
    }
    for (const id of ids.slice(0, 3))
      await expectProblem(await getResponse(server, customerId, id), 404, 'response_not_found');
    assert.deepEqual(await storedResponses(customerId, postPurchase.id), { stored: 0, counted: 0, complete: 0 });
    assert.deepEqual(await ledgerOf(customerId), ledgerBefore);
    assert.equal(await balanceOf(customerId), 0);
    assert.deepEqual(await resultsOf(server, postPurchase.id), resultsBefore);
  });

  test('a due survey: the response is created and its completion earns the reward, once', async () => {
    const customerId = await createDemoCustomer(server);
    const { survey } = await eligible(server, customerId, DEMO_SURVEYS.postPurchase.trigger);
    assert.ok(survey);
    const done = await expectSaved(
      await putResponse(server, customerId, randomUUID(), write(survey, 1, { nps: 9 }, { complete: true })),
      201,
    );
    assert.equal(done.pointsAwarded, 50);
    assert.equal(await balanceOf(customerId), 50);

    // Completed: no longer due, and a second response is refused.
    assert.equal((await eligible(server, customerId, survey.trigger)).survey, null);
    await expectProblem(
      await putResponse(server, customerId, randomUUID(), write(survey, 1, { nps: 9 }, { complete: true })),
      409,
      'survey_not_due',
    );
    assert.deepEqual(
      (await ledgerOf(customerId)).map((entry) => [entry.type, entry.points]),
      [['earn', 50]],
    );
  });

  test('20 parallel responses completed in their first write: one is created and rewarded, 19 refused', async () => {
    const survey = await publish(server, testSurvey({ completionReward: 30 }));
    const customerId = await createDemoCustomer(server);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        putResponse(server, customerId, randomUUID(), write(survey, 1, { nps: 10 }, { complete: true })),
      ),
    );
    const statuses = answers.map((res) => res.status).sort();
    assert.deepEqual(statuses, [201, ...Array<number>(19).fill(409)]);
    for (const res of answers) {
      if (res.status === 409) await expectProblem(res, 409, 'survey_not_due');
      else assert.equal((await expectSaved(res, 201)).pointsAwarded, 30);
    }
    assert.deepEqual(await storedResponses(customerId, survey.id), { stored: 1, counted: 1, complete: 1 });
    assert.deepEqual(
      (await ledgerOf(customerId)).map((entry) => [entry.type, entry.points]),
      [['earn', 30]],
    );
    const [results] = (await resultsOf(server, survey.id)).versions;
    assert.deepEqual(results?.responses, { total: 1, complete: 1, partial: 0 });
  });

  test('after a completion the survey is not due for its recontact period, then due again with a new reward', async () => {
    const survey = await publish(server, testSurvey({ completionReward: 20, recontactDays: 30 }));
    const customerId = await createDemoCustomer(server);
    await save(server, customerId, randomUUID(), write(survey, 1, { nps: 8 }, { complete: true }));

    // Past the program's cooldown, inside the survey's recontact period.
    await backdate(server, customerId, DEFAULT_SURVEY_COOLDOWN_DAYS + 1);
    assert.deepEqual(await eligible(server, customerId, survey.trigger), { survey: null, reason: 'recontact' });
    await expectProblem(
      await putResponse(server, customerId, randomUUID(), write(survey, 1, { nps: 8 })),
      409,
      'survey_not_due',
    );
    assert.deepEqual(await storedResponses(customerId, survey.id), { stored: 1, counted: 1, complete: 1 });

    await backdate(server, customerId, 30 - DEFAULT_SURVEY_COOLDOWN_DAYS);
    assert.equal((await eligible(server, customerId, survey.trigger)).survey?.id, survey.id);
    const again = await expectSaved(
      await putResponse(server, customerId, randomUUID(), write(survey, 1, { nps: 9 }, { complete: true })),
      201,
    );
    assert.equal(again.pointsAwarded, 20);
    assert.equal(await balanceOf(customerId), 40);
  });

  test('after a dismissal a new response is refused for the recontact period', async () => {
    const survey = await publish(server, testSurvey({ completionReward: 20 }));
    const customerId = await createDemoCustomer(server);
    assert.equal((await dismiss(server, customerId, survey.id)).status, 201);
    assert.deepEqual(await eligible(server, customerId, survey.trigger), { survey: null, reason: 'recontact' });
    await expectProblem(
      await putResponse(server, customerId, randomUUID(), write(survey, 1, { nps: 9 }, { complete: true })),
      409,
      'survey_not_due',
    );
    assert.deepEqual(await storedResponses(customerId, survey.id), { stored: 0, counted: 0, complete: 0 });
    assert.equal(await balanceOf(customerId), 0);
  });

  test('a customer outside the survey’s sample is refused', async () => {
    const survey = await publish(server, testSurvey({ samplingRate: 0, completionReward: 20 }));
    const customerId = await createDemoCustomer(server);
    assert.deepEqual(await eligible(server, customerId, survey.trigger), { survey: null, reason: 'not_sampled' });
    await expectProblem(
      await putResponse(server, customerId, randomUUID(), write(survey, 1, { nps: 9 })),
      409,
      'survey_not_due',
    );
    assert.deepEqual(await storedResponses(customerId, survey.id), { stored: 0, counted: 0, complete: 0 });
  });

  test('a response begun while due can still be finished when the survey stops being due', async () => {
    const survey = await publish(server, testSurvey({ completionReward: 20 }));
    const customerId = await createDemoCustomer(server);
    const id = randomUUID();
    await expectSaved(await putResponse(server, customerId, id, write(survey, 1, { nps: 3 })), 201);
    // Another survey completed meanwhile: this one is cooling down, yet the response goes on.
    const other = await publish(server, testSurvey());
    await save(server, customerId, randomUUID(), write(other, 1, { nps: 8 }, { complete: true }));
    assert.deepEqual(await eligible(server, customerId, survey.trigger), { survey: null, reason: 'cooldown' });
    await expectSaved(await putResponse(server, customerId, id, write(survey, 2, { nps: 3, csat: 2 })), 200);
    const done = await expectSaved(
      await putResponse(server, customerId, id, write(survey, 3, { nps: 3, csat: 2 }, { complete: true })),
      200,
    );
    assert.equal(done.pointsAwarded, 20);
    assert.equal(await balanceOf(customerId), 20);
  });
});

describe('a survey exempt from the cooldown', () => {
  test('stays due while other surveys cool down, and its own recontact period still applies', async () => {
    const customerId = await coolingCustomer();
    const exit = DEMO_SURVEYS.programExit;
    assert.equal((await eligible(server, customerId, exit.trigger)).survey?.id, exit.id);
    const body = {
      surveyId: exit.id,
      version: 1,
      sequence: 1,
      answers: { reason: { option: 'moved' } },
      complete: true,
    };
    const done = await expectSaved(await putResponse(server, customerId, randomUUID(), body), 201);
    assert.equal(done.status, 'complete');
    assert.deepEqual(await eligible(server, customerId, exit.trigger), { survey: null, reason: 'recontact' });
    await expectProblem(await putResponse(server, customerId, randomUUID(), body), 409, 'survey_not_due');
  });

  test('with no recontact period, it may be answered again at once but rewards one completion a day', async () => {
    const survey = await publish(
      server,
      testSurvey({ trigger: 'program_exit', recontactDays: 0, completionReward: 10 }),
    );
    const customerId = await createDemoCustomer(server);
    const first = await save(server, customerId, randomUUID(), write(survey, 1, { nps: 9 }, { complete: true }));
    assert.equal(first.pointsAwarded, 10);

    const second = await expectSaved(
      await putResponse(server, customerId, randomUUID(), write(survey, 1, { nps: 0 }, { complete: true })),
      201,
    );
    assert.equal(second.status, 'complete', 'the answer is kept');
    assert.equal(second.pointsAwarded, null, 'but earns nothing the same day');
    assert.deepEqual(await storedResponses(customerId, survey.id), { stored: 2, counted: 1, complete: 2 });
    const [results] = (await resultsOf(server, survey.id)).versions;
    assert.deepEqual([results?.responses.complete, results?.nps?.score], [1, 100]);

    await backdate(server, customerId, 1);
    const nextDay = await save(server, customerId, randomUUID(), write(survey, 1, { nps: 9 }, { complete: true }));
    assert.equal(nextDay.pointsAwarded, 10);
    assert.equal(await balanceOf(customerId), 20);
  });
});

describe('responses begun while due and completed at once', () => {
  test('20 in parallel: every answer is kept, one earns the reward and raises a follow-up, results count one', async () => {
    const survey = await publish(server, testSurvey({ completionReward: 25 }));
    const customerId = await createDemoCustomer(server);
    const ids: string[] = Array.from({ length: 20 }, () => randomUUID());
    const detractor: Answers = { nps: 2, complaint: 'Cold tea' };
    const begun = await Promise.all(ids.map((id) => putResponse(server, customerId, id, write(survey, 1, detractor))));
    for (const res of begun) await expectSaved(res, 201);
    const completed = await Promise.all(
      ids.map((id) =>
        putResponse(server, customerId, id, write(survey, 2, detractor, { complete: true, contactConsent: true })),
      ),
    );
    const saved = await Promise.all(completed.map((res) => expectSaved(res, 200)));
    assert.ok(saved.every((response) => response.status === 'complete'));
    assert.deepEqual(saved.map((response) => response.pointsAwarded).sort(), [25, ...Array<null>(19).fill(null)]);

    assert.deepEqual(await storedResponses(customerId, survey.id), { stored: 20, counted: 1, complete: 20 });
    assert.deepEqual(
      (await ledgerOf(customerId)).map((entry) => [entry.type, entry.points]),
      [['earn', 25]],
    );
    assert.equal(await balanceOf(customerId), 25);
    const [results] = (await resultsOf(server, survey.id)).versions;
    assert.deepEqual(results?.responses, { total: 1, complete: 1, partial: 0 });
    assert.equal(results?.nps?.answered, 1);
    const followUps = (await followUpsOf(server, '?limit=200')).followUps.filter((followUp) =>
      ids.includes(followUp.responseId),
    );
    assert.equal(followUps.length, 1);
  });

  test('results count a customer’s partial responses once, and none once they have completed', async () => {
    const survey = await publish(server, testSurvey());
    const unfinished = await createDemoCustomer(server);
    for (const nps of [0, 1, 2]) await save(server, unfinished, randomUUID(), write(survey, 1, { nps }));
    const finisher = await createDemoCustomer(server);
    await save(server, finisher, randomUUID(), write(survey, 1, { nps: 0 }));
    await save(server, finisher, randomUUID(), write(survey, 1, { nps: 10 }, { complete: true }));

    const [results] = (await resultsOf(server, survey.id)).versions;
    assert.deepEqual(results?.responses, { total: 2, complete: 1, partial: 1 });
    // The unfinished customer's latest partial (2) and the finisher's completion (10).
    assert.deepEqual(
      results?.nps?.distribution.filter((bucket) => bucket.count > 0),
      [
        { value: 2, count: 1 },
        { value: 10, count: 1 },
      ],
    );
  });
});

describe('0008 on responses stored before the rule', () => {
  let db: Database;
  let dropDatabase: (() => Promise<void>) | undefined;
  before(async () => {
    if (TEST_POSTGRES_URL) {
      const database = await testDatabaseFor('memory://');
      dropDatabase = database.drop;
      db = await openStore({ databaseUrl: database.url, dataDir: 'memory://', storage: DEFAULT_STORAGE_SETTINGS });
    } else {
      db = await openStore({ databaseUrl: undefined, dataDir: 'memory://', storage: DEFAULT_STORAGE_SETTINGS });
    }
  });
  after(async () => {
    await db.close();
    await dropDatabase?.();
  });

  test('keeps one counted completion per customer, survey and recontact period', async () => {
    const migrations = await loadMigrations();
    await migrate(
      db,
      migrations.filter((migration) => migration.version < '0008'),
    );
    await db.exec(`
      INSERT INTO programs (id, name, points_name, publishable_key, secret_key)
        VALUES ('p', 'Old Tea House', '{"en":"points"}', 'pk_test_old', 'sk_test_old');
      INSERT INTO customers (program_id, id, name) VALUES ('p', 'a', 'A'), ('p', 'b', 'B');
      INSERT INTO surveys (program_id, id, trigger, status, sampling_rate, recontact_days, current_version) VALUES
        ('p', 'nps', 'post_purchase', 'active', 1, 30, 1), ('p', 'daily', 'program_exit', 'active', 1, 0, 1);
      INSERT INTO survey_versions (program_id, survey_id, version, content) VALUES
        ('p', 'nps', 1, '{"title":{"en":"NPS"},"questions":[]}'),
        ('p', 'daily', 1, '{"title":{"en":"Daily"},"questions":[]}');
      INSERT INTO survey_responses (id, program_id, customer_id, survey_id, version, sequence, answers, completed_at) VALUES
        ('00000000-0000-4000-8000-000000000001', 'p', 'a', 'nps', 1, 1, '{}', now() - interval '100 days'),
        ('00000000-0000-4000-8000-000000000002', 'p', 'a', 'nps', 1, 1, '{}', now() - interval '99 days'),
        ('00000000-0000-4000-8000-000000000003', 'p', 'a', 'nps', 1, 1, '{}', now() - interval '75 days'),
        ('00000000-0000-4000-8000-000000000004', 'p', 'a', 'nps', 1, 1, '{}', now() - interval '69 days'),
        ('00000000-0000-4000-8000-000000000005', 'p', 'a', 'nps', 1, 1, '{}', NULL),
        ('00000000-0000-4000-8000-000000000006', 'p', 'b', 'nps', 1, 1, '{}', now() - interval '99 days'),
        ('00000000-0000-4000-8000-000000000007', 'p', 'a', 'daily', 1, 1, '{}', now() - interval '3 hours'),
        ('00000000-0000-4000-8000-000000000008', 'p', 'a', 'daily', 1, 1, '{}', now() - interval '2 hours'),
        ('00000000-0000-4000-8000-000000000009', 'p', 'a', 'daily', 1, 1, '{}', now() - interval '50 hours');
    `);
    await migrate(db);

    const rows = await db.query<{ id: string; counted: boolean }>(
      'SELECT id, counted FROM survey_responses ORDER BY id',
    );
    assert.deepEqual(
      rows.map((row) => [Number(row.id.slice(-1)), row.counted]),
      [
        // a's NPS: day -100 counts, -99 is a repeat; -75 is only 25 days after the counted one, so a
        // repeat too; -69 is 31 days after it and counts; the partial stays counted.
        [1, true],
        [2, false],
        [3, false],
        [4, true],
        [5, true],
        // b's own completion counts.
        [6, true],
        // No recontact period: one a day.
        [7, true],
        [8, false],
        [9, true],
      ],
    );
  });
});
