import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { SurveyDefinition, SurveyResponseUpdate } from '@loyalty-elements/contract';
import { DEMO_SURVEYS } from '../src/demo-surveys.ts';
import { createDemoCustomer, startTestServer, type TestServer } from './support/server.ts';
import { expectProblem } from './support/http.ts';
import {
  adminGet,
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
import { surveyPaths } from '@loyalty-elements/contract';

let server: TestServer;
let survey: SurveyDefinition;
before(async () => {
  server = await startTestServer();
  survey = await publish(server, testSurvey());
});
after(() => server.close());

const write = (sequence: number, answers: SurveyResponseUpdate['answers'], extra: Partial<SurveyResponseUpdate> = {}) =>
  ({ surveyId: survey.id, version: survey.version, sequence, answers, ...extra }) satisfies SurveyResponseUpdate;

describe('PUT /v1/me/surveys/responses/{responseId}', () => {
  test('saves answers one by one; each write carries the answers so far', async () => {
    const customerId = await createDemoCustomer(server);
    const id = randomUUID();
    const first = await expectSaved(await putResponse(server, customerId, id, write(1, { nps: 4 })), 201);
    assert.equal(first.id, id);
    assert.equal(first.status, 'partial');
    assert.equal(first.completedAt, null);
    assert.deepEqual(first.answers, { nps: 4 });

    const second = await expectSaved(
      await putResponse(server, customerId, id, write(2, { nps: 4, reason: { options: ['late', 'rude'] } })),
      200,
    );
    assert.deepEqual(second.answers, { nps: 4, reason: { options: ['late', 'rude'] } });
    const third = await save(
      server,
      customerId,
      id,
      write(3, { nps: 4, reason: { options: ['late', 'rude'] }, complaint: 'Cold tea', csat: 2 }),
    );
    assert.equal(third.sequence, 3);
    assert.equal(third.createdAt, first.createdAt);

    const res = await getResponse(server, customerId, id);
    assert.deepEqual(await expectSaved(res, 200), third);
  });

  test('repeating a write changes nothing and answers the stored state', async () => {
    const customerId = await createDemoCustomer(server);
    const id = randomUUID();
    const body = write(1, { nps: 10, csat: 5 });
    const first = await save(server, customerId, id, body);
    const replies = await Promise.all(
      Array.from({ length: 5 }, async () => expectSaved(await putResponse(server, customerId, id, body), 200)),
    );
    for (const reply of replies) assert.deepEqual(reply, first);
  });

  test('a late write with a lower sequence is ignored', async () => {
    const customerId = await createDemoCustomer(server);
    const id = randomUUID();
    await save(server, customerId, id, write(1, { nps: 3 }));
    const newest = await save(server, customerId, id, write(5, { nps: 9, csat: 4 }));
    const late = await save(server, customerId, id, write(4, { nps: 3, csat: 1 }));
    assert.deepEqual(late, newest);
    assert.deepEqual(late.answers, { nps: 9, csat: 4 });
    assert.equal(late.sequence, 5);
  });

  test('answers to questions their condition hides are dropped', async () => {
    const customerId = await createDemoCustomer(server);
    const saved = await save(
      server,
      customerId,
      randomUUID(),
      write(1, { nps: 9, complaint: 'Only for detractors', reason: { options: ['late'] }, ces: 6 }),
    );
    assert.deepEqual(saved.answers, { nps: 9, ces: 6 });
  });

  test('completes exactly once, even under 50 concurrent completing writes', async () => {
    const own = await publish(server, testSurvey());
    const customerId = await createDemoCustomer(server);
    const id = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        putResponse(server, customerId, id, {
          surveyId: own.id,
          version: own.version,
          sequence: i + 1,
          answers: { nps: 2, complaint: 'Leaking teapot' },
          contactConsent: true,
          complete: true,
        }),
      ),
    );
    const saved = await Promise.all(responses.map((res) => expectSaved(res)));
    assert.equal(responses.filter((res) => res.status === 201).length, 1, 'created once');
    const completedAts = new Set(saved.map((response) => response.completedAt));
    assert.equal(completedAts.size, 1);
    assert.ok(saved.every((response) => response.status === 'complete'));

    const results = await resultsOf(server, own.id);
    assert.deepEqual(results.versions[0]?.responses, { total: 1, complete: 1, partial: 0 });
    assert.equal(results.versions[0]?.nps?.detractors, 1);
    const followUps = (await followUpsOf(server)).followUps.filter((followUp) => followUp.responseId === id);
    assert.equal(followUps.length, 1);
  });

  test('a complete response refuses changes but not repeated completion', async () => {
    const customerId = await createDemoCustomer(server);
    const id = randomUUID();
    const done = await save(server, customerId, id, write(1, { nps: 8 }, { complete: true }));
    assert.equal(done.status, 'complete');
    const repeat = await save(server, customerId, id, write(2, { nps: 1 }, { complete: true }));
    assert.deepEqual(repeat, done, 'a second complete is harmless and changes nothing');
    await expectProblem(await putResponse(server, customerId, id, write(3, { nps: 1 })), 409, 'response_completed');
    assert.deepEqual(await expectSaved(await getResponse(server, customerId, id), 200), done);
  });

  test('completing needs the required questions that are shown', async () => {
    const customerId = await createDemoCustomer(server);
    const id = randomUUID();
    const problem = await expectProblem(
      await putResponse(server, customerId, id, write(1, { csat: 4 }, { complete: true })),
      400,
      'validation_failed',
    );
    assert.deepEqual(problem.errors, [{ path: 'body.answers.nps', message: 'Required to complete the response.' }]);
    await expectProblem(await getResponse(server, customerId, id), 404, 'response_not_found');
  });

  describe('an invalid answer is a 400 naming body.answers.<questionId>', () => {
    const cases: Array<[string, SurveyResponseUpdate['answers'] | Record<string, unknown>, string]> = [
      ['an NPS above 10', { nps: 11 }, 'body.answers.nps'],
      ['an NPS below 0', { nps: -1 }, 'body.answers.nps'],
      ['a fractional NPS', { nps: 7.5 }, 'body.answers.nps'],
      ['text for a rating', { nps: 'ten' }, 'body.answers.nps'],
      ['a boolean', { nps: true }, 'body.answers.nps'],
      ['a CSAT of 0', { nps: 8, csat: 0 }, 'body.answers.csat'],
      ['a CSAT of 6', { nps: 8, csat: 6 }, 'body.answers.csat'],
      ['a CES of 8', { nps: 8, ces: 8 }, 'body.answers.ces'],
      ['an unknown question', { nps: 8, colour: 'green' }, 'body.answers.colour'],
      ['an unknown option', { nps: 8, channel: { option: 'phone' } }, 'body.answers.channel.option'],
      [
        'other text without "other"',
        { nps: 8, channel: { option: 'web', otherText: 'x' } },
        'body.answers.channel.otherText',
      ],
      ['too many options', { nps: 3, reason: { options: ['late', 'late'] } }, 'body.answers.reason.options'],
      ['a servqual rating of 6', { nps: 8, quality: { empathy: 6 } }, 'body.answers.quality.empathy'],
      ['a servqual dimension not asked', { nps: 8, quality: { friendliness: 3 } }, 'body.answers.quality'],
      ['free text over its length', { nps: 3, complaint: 'x'.repeat(201) }, 'body.answers.complaint'],
    ];
    for (const [name, answers, path] of cases) {
      test(name, async () => {
        const customerId = await createDemoCustomer(server);
        const id = randomUUID();
        const res = await putResponse(server, customerId, id, { ...write(1, {}), answers });
        const problem = await expectProblem(res, 400, 'validation_failed');
        assert.ok(problem.errors?.length, 'field errors');
        for (const error of problem.errors ?? []) assert.equal(error.path, path, JSON.stringify(problem.errors));
        await expectProblem(await getResponse(server, customerId, id), 404, 'response_not_found');
      });
    }

    test('a body that breaks the contract names its fields', async () => {
      const customerId = await createDemoCustomer(server);
      const res = await putResponse(server, customerId, randomUUID(), { surveyId: survey.id, version: 0, answers: [] });
      const problem = await expectProblem(res, 400, 'validation_failed');
      assert.deepEqual(problem.errors?.map((error) => error.path).sort(), [
        'body.answers',
        'body.sequence',
        'body.version',
      ]);
      const notJson = await expectProblem(
        await putResponse(server, customerId, randomUUID(), '{"nps":'),
        400,
        'validation_failed',
      );
      assert.deepEqual(
        notJson.errors?.map((error) => error.path),
        ['body'],
      );
    });

    test('a response id that is not a UUID', async () => {
      const problem = await expectProblem(
        await putResponse(server, 'demo-new', 'response-1', write(1, { nps: 5 })),
        400,
        'validation_failed',
      );
      assert.deepEqual(
        problem.errors?.map((error) => error.path),
        ['path.responseId'],
      );
    });
  });

  test('a response stays pinned to the version it started on', async () => {
    const draft = testSurvey();
    const v1 = await publish(server, draft);
    const customerId = await createDemoCustomer(server);
    const id = randomUUID();
    await save(server, customerId, id, { surveyId: v1.id, version: 1, sequence: 1, answers: { nps: 7 } });

    // Same content publishes nothing new; new content publishes version 2.
    assert.equal((await publish(server, draft)).version, 1);
    const v2 = await publish(server, {
      ...draft,
      questions: [
        ...draft.questions.filter((question) => question.id !== 'ces'),
        {
          kind: 'free_text',
          id: 'wish',
          text: { en: 'One wish?' },
        },
      ],
    });
    assert.equal(v2.version, 2);
    assert.equal((await eligible(server, await createDemoCustomer(server), v2.trigger)).survey?.version, 2);

    const moved = await putResponse(server, customerId, id, {
      surveyId: v1.id,
      version: 2,
      sequence: 2,
      answers: { nps: 7 },
    });
    const problem = await expectProblem(moved, 409, 'survey_version_mismatch');
    assert.match(problem.detail ?? '', /version 1/);
    const otherSurvey = await putResponse(server, customerId, id, {
      surveyId: DEMO_SURVEYS.postPurchase.id,
      version: 1,
      sequence: 2,
      answers: { nps: 7 },
    });
    await expectProblem(otherSurvey, 409, 'survey_version_mismatch');

    // Version 1 keeps its own questions: ces is still a question of this response, wish is not.
    const kept = await save(server, customerId, id, {
      surveyId: v1.id,
      version: 1,
      sequence: 3,
      answers: { nps: 7, ces: 5 },
      complete: true,
    });
    assert.equal(kept.version, 1);
    // Another customer (this one has just completed the survey): wish is no question of version 1.
    const wrongQuestion = await putResponse(server, await createDemoCustomer(server), randomUUID(), {
      surveyId: v1.id,
      version: 1,
      sequence: 1,
      answers: { wish: 'More oolong' },
    });
    const wrong = await expectProblem(wrongQuestion, 400, 'validation_failed');
    assert.deepEqual(
      wrong.errors?.map((error) => error.path),
      ['body.answers.wish'],
    );

    const results = await resultsOf(server, v1.id);
    assert.deepEqual(
      results.versions.map((version) => [version.version, version.responses.complete, version.ces?.answered ?? null]),
      [
        [1, 1, 1],
        [2, 0, null],
      ],
    );
  });

  test('an unknown survey or version is not found; a paused survey takes no new responses', async () => {
    const customerId = await createDemoCustomer(server);
    const unknown = await putResponse(server, customerId, randomUUID(), {
      ...write(1, {}),
      surveyId: 'no-such-survey',
    });
    await expectProblem(unknown, 404, 'survey_not_found');
    const noVersion = await putResponse(server, customerId, randomUUID(), { ...write(1, {}), version: 42 });
    const problem = await expectProblem(noVersion, 404, 'survey_not_found');
    assert.match(problem.detail ?? '', /no version 42/);

    const draft = testSurvey();
    const active = await publish(server, draft);
    const started = randomUUID();
    await save(server, customerId, started, { surveyId: active.id, version: 1, sequence: 1, answers: { nps: 6 } });
    await publish(server, { ...draft, status: 'paused' });
    const fresh = await putResponse(server, customerId, randomUUID(), {
      surveyId: active.id,
      version: 1,
      sequence: 1,
      answers: {},
    });
    await expectProblem(fresh, 409, 'survey_not_active');
    const finished = await save(server, customerId, started, {
      surveyId: active.id,
      version: 1,
      sequence: 2,
      answers: { nps: 6 },
      complete: true,
    });
    assert.equal(finished.status, 'complete', 'a started response can still finish');
  });

  test("customer A can neither read nor write customer B's response", async () => {
    const alice = await createDemoCustomer(server, 'alice');
    const bob = await createDemoCustomer(server, 'bob');
    const id = randomUUID();
    const bobs = await save(server, bob, id, write(1, { nps: 2, complaint: 'Private' }));

    await expectProblem(await getResponse(server, alice, id), 404, 'response_not_found');
    await expectProblem(await putResponse(server, alice, id, write(2, { nps: 10 })), 404, 'response_not_found');
    await expectProblem(
      await putResponse(server, alice, id, write(3, { nps: 10 }, { complete: true })),
      404,
      'response_not_found',
    );
    assert.deepEqual(await expectSaved(await getResponse(server, bob, id), 200), bobs);
  });
});

describe('service-recovery follow-ups', () => {
  async function completeWith(customerId: string, answers: SurveyResponseUpdate['answers'], contactConsent?: boolean) {
    const id = randomUUID();
    await save(server, customerId, id, write(1, answers, { complete: true, contactConsent }));
    // Completing twice more must not raise a second follow-up.
    await save(server, customerId, id, write(2, answers, { complete: true, contactConsent }));
    await save(server, customerId, id, write(2, answers, { complete: true, contactConsent }));
    return id;
  }
  const followUpsFor = async (responseId: string) =>
    (await followUpsOf(server, '?limit=200')).followUps.filter((followUp) => followUp.responseId === responseId);

  test('a detractor who complains with consent raises exactly one', async () => {
    const customerId = await createDemoCustomer(server, 'unhappy');
    const id = await completeWith(
      customerId,
      {
        nps: 3,
        reason: { options: ['slow_reply', 'late', 'other'], otherText: 'Lid cracked' },
        complaint: 'Tea arrived cold',
      },
      true,
    );
    const followUps = await followUpsFor(id);
    assert.equal(followUps.length, 1);
    const [followUp] = followUps;
    const { id: _id, createdAt: _createdAt, dueAt: _dueAt, overdue: _overdue, ...raised } = followUp!;
    assert.deepEqual(raised, {
      assignee: null,
      notes: [],
      resolution: null,
      check: null,
      status: 'open',
      customer: { id: customerId, name: 'Test unhappy', locale: 'en' },
      surveyId: survey.id,
      version: survey.version,
      responseId: id,
      nps: 3,
      comments: [{ questionId: 'complaint', text: 'Tea arrived cold' }],
      dimensions: ['reliability', 'responsiveness'],
    });
  });

  test('none without consent, without text, or for a passive or promoter', async () => {
    // One customer each: a completed survey is not due again for its recontact period.
    const customer = () => createDemoCustomer(server);
    const noConsent = await completeWith(await customer(), { nps: 2, complaint: 'Awful' }, false);
    const defaultConsent = await completeWith(await customer(), { nps: 2, complaint: 'Awful' });
    const noText = await completeWith(await customer(), { nps: 2, complaint: '   ' }, true);
    const passive = await completeWith(await customer(), { nps: 7 }, true);
    for (const id of [noConsent, defaultConsent, noText, passive]) assert.deepEqual(await followUpsFor(id), []);
  });

  test('a partial response raises none until it completes', async () => {
    const customerId = await createDemoCustomer(server);
    const id = randomUUID();
    await save(server, customerId, id, write(1, { nps: 0, complaint: 'Broken' }, { contactConsent: true }));
    assert.deepEqual(await followUpsFor(id), []);
    await save(
      server,
      customerId,
      id,
      write(2, { nps: 0, complaint: 'Broken' }, { contactConsent: true, complete: true }),
    );
    assert.equal((await followUpsFor(id)).length, 1);
  });

  test('the queue pages open follow-ups oldest first and needs the secret key', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const customerId = await createDemoCustomer(server);
      ids.push(await completeWith(customerId, { nps: 1, complaint: `Complaint ${i}` }, true));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await followUpsOf(server, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(page.followUps.length <= 2);
      seen.push(...page.followUps.map((followUp) => followUp.responseId));
      cursor = page.nextCursor;
    } while (cursor !== null);
    assert.equal(new Set(seen).size, seen.length, 'no follow-up twice');
    assert.deepEqual(
      seen.filter((id) => ids.includes(id)),
      ids,
    );
    assert.equal((await followUpsOf(server, '?status=closed')).followUps.length, 0);

    await expectProblem(await adminGet(server, surveyPaths.followUps, null), 401, 'secret_key_invalid');
    await expectProblem(
      await adminGet(server, surveyPaths.followUps, server.config.demoPublishableKey),
      401,
      'secret_key_invalid',
    );
    for (const [query, path] of [
      ['?limit=0', 'query.limit'],
      ['?limit=201', 'query.limit'],
      ['?cursor=nonsense', 'query.cursor'],
      ['?status=pending', 'query.status'],
    ]) {
      const problem = await expectProblem(
        await adminGet(server, surveyPaths.followUps + query),
        400,
        'validation_failed',
      );
      assert.deepEqual(
        problem.errors?.map((error) => error.path),
        [path],
        query,
      );
    }
  });
});
