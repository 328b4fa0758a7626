// Property-based tests: whatever the API answers, the client resolves with data that passes the
// contract or rejects with a LoyaltyError; the contract's schemas never throw on any JSON.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import {
  BirthdayClaimResult,
  BirthdayStatus,
  CustomerRewards,
  EligibleSurvey,
  PROBLEM_CODES,
  PointsHistory,
  Program,
  RedeemResult,
  Summary,
  SurveyDismissal,
  SurveyResponse,
  paths,
  rewardPaths,
  surveyPaths,
} from '@loyalty-elements/contract';
import { isLoyaltyError, type LoyaltyClient, type LoyaltyErrorCode, type WriteOutcome } from '../src/index.ts';
import { corrupted } from './support/arbitraries.ts';
import { api, customerToken, makeClient, url, useApi } from './support/api.ts';
import {
  birthdayClaimResult,
  birthdayStatus,
  customerRewards,
  eligibleSurvey,
  pointsHistory,
  program,
  redeemResult,
  responseId,
  summary,
  surveyDismissal,
  surveyResponse,
  surveyUpdate,
} from './support/fixtures.ts';

useApi();

/** Runs per property: modest, so the suite stays fast; every run of the suite tries new cases. */
const SCHEMA_RUNS = 200;
const CLIENT_RUNS = 100;
const REDIRECTS = [301, 302, 303, 307, 308];

interface Schema {
  safeParse(value: unknown): { success: boolean; data?: unknown };
  parse(value: unknown): unknown;
}

const schemas: Array<[string, Schema, unknown]> = [
  ['Program', Program, program],
  ['Summary', Summary, summary],
  ['PointsHistory', PointsHistory, pointsHistory],
  ['BirthdayStatus', BirthdayStatus, birthdayStatus],
  ['BirthdayClaimResult', BirthdayClaimResult, birthdayClaimResult],
  ['EligibleSurvey', EligibleSurvey, eligibleSurvey],
  ['SurveyResponse', SurveyResponse, surveyResponse],
  ['SurveyDismissal', SurveyDismissal, surveyDismissal],
  ['CustomerRewards', CustomerRewards, customerRewards],
  ['RedeemResult', RedeemResult, redeemResult],
];

/** Parses or fails, never throws; what it accepts it accepts again unchanged. */
function checkParse(schema: Schema, value: unknown): void {
  const result = schema.safeParse(value);
  assert.equal(typeof result.success, 'boolean');
  if (result.success) assert.deepEqual(schema.parse(result.data), result.data);
}

describe('the contract schemas the client validates with', () => {
  for (const [name, schema, fixture] of schemas) {
    it(`${name}: random JSON parses or fails, never throws`, () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => checkParse(schema, value)),
        { numRuns: SCHEMA_RUNS },
      );
    });

    it(`${name}: a corrupted valid answer parses or fails, never throws`, () => {
      fc.assert(
        fc.property(corrupted(fixture), (value) => checkParse(schema, value)),
        { numRuns: SCHEMA_RUNS },
      );
    });
  }
});

type Body = { kind: 'json'; value: unknown } | { kind: 'text'; text: string } | { kind: 'none' };
type Reply = { network: true } | { network: false; status: number; body: Body };

const problemBody = fc.record({
  type: fc.constant('https://loyalty-elements.dev/problems/x'),
  title: fc.string(),
  status: fc.integer({ min: 400, max: 599 }),
  code: fc.constantFrom(...PROBLEM_CODES),
});

function replies(fixture: unknown): fc.Arbitrary<Reply> {
  const json = (value: unknown): Body => ({ kind: 'json', value });
  const body: fc.Arbitrary<Body> = fc.oneof(
    { weight: 3, arbitrary: fc.constant(json(fixture)) },
    { weight: 4, arbitrary: corrupted(fixture).map(json) },
    { weight: 2, arbitrary: fc.jsonValue().map(json) },
    { weight: 1, arbitrary: problemBody.map(json) },
    { weight: 1, arbitrary: fc.string().map((text): Body => ({ kind: 'text', text })) },
    { weight: 1, arbitrary: fc.constant<Body>({ kind: 'none' }) },
  );
  const status = fc.oneof(
    { weight: 4, arbitrary: fc.constant(200) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(201, 204, 304, 400, 401, 403, 404, 408, 409, 422, 425, 429, 500, 502, 503, 504),
    },
    // Not the redirects: msw follows one without a Location to ".../null", which may loop forever.
    { weight: 2, arbitrary: fc.integer({ min: 200, max: 599 }).filter((code) => !REDIRECTS.includes(code)) },
  );
  return fc.oneof(
    { weight: 12, arbitrary: fc.record({ network: fc.constant(false as const), status, body }) },
    { weight: 1, arbitrary: fc.constant<Reply>({ network: true }) },
  );
}

function toResponse(reply: Reply): Response {
  if (reply.network) return HttpResponse.error();
  const { status, body } = reply;
  // These statuses cannot carry a body.
  if (body.kind === 'none' || [204, 205, 304].includes(status)) return new HttpResponse(null, { status });
  if (body.kind === 'text') return new HttpResponse(body.text, { status, headers: { 'Content-Type': 'text/plain' } });
  return new HttpResponse(JSON.stringify(body.value), { status, headers: { 'Content-Type': 'application/json' } });
}

/** The error codes a failed call may have, given what the API answered. */
function allowedCodes(reply: Reply): LoyaltyErrorCode[] {
  if (reply.network) return ['network'];
  const { status } = reply;
  if (status < 300 || status === 304) return ['invalid_response'];
  if (status === 401) return ['unauthorized', 'token_expired'];
  if (status === 403) return ['unauthorized'];
  if (status >= 500) return ['server'];
  return ['rejected'];
}

interface Method {
  name: string;
  method: 'get' | 'put' | 'post';
  path: string;
  fixture: unknown;
  schema: Schema;
  call: (client: LoyaltyClient) => Promise<unknown>;
  write?: boolean;
}

const methods: Method[] = [
  {
    name: 'getProgram',
    method: 'get',
    path: paths.program,
    fixture: program,
    schema: Program,
    call: (c) => c.getProgram(),
  },
  {
    name: 'getSummary',
    method: 'get',
    path: paths.summary,
    fixture: summary,
    schema: Summary,
    call: (c) => c.getSummary(),
  },
  {
    name: 'getPointsHistory',
    method: 'get',
    path: paths.pointsHistory,
    fixture: pointsHistory,
    schema: PointsHistory,
    call: (c) => c.getPointsHistory({ limit: 10 }),
  },
  {
    name: 'setBirthday',
    method: 'put',
    path: paths.birthday,
    fixture: birthdayStatus,
    schema: BirthdayStatus,
    call: (c) => c.setBirthday({ month: 8, day: 15, calendar: 'chinese-lunar' }),
    write: true,
  },
  {
    name: 'claimBirthdayReward',
    method: 'post',
    path: paths.birthdayClaim,
    fixture: birthdayClaimResult,
    schema: BirthdayClaimResult,
    call: (c) => c.claimBirthdayReward(),
  },
  {
    name: 'getRewards',
    method: 'get',
    path: rewardPaths.rewards,
    fixture: customerRewards,
    schema: CustomerRewards,
    call: (c) => c.getRewards(),
  },
  {
    name: 'redeemReward',
    method: 'post',
    path: rewardPaths.redeemPattern,
    fixture: redeemResult,
    schema: RedeemResult,
    call: (c) => c.redeemReward('free-coffee'),
  },
  {
    name: 'getEligibleSurvey',
    method: 'get',
    path: surveyPaths.eligible,
    fixture: eligibleSurvey,
    schema: EligibleSurvey,
    call: (c) => c.getEligibleSurvey('post_purchase'),
  },
  {
    name: 'getSurveyResponse',
    method: 'get',
    path: surveyPaths.responsePattern,
    fixture: surveyResponse,
    schema: SurveyResponse,
    call: (c) => c.getSurveyResponse(responseId),
  },
  {
    name: 'saveSurveyResponse',
    method: 'put',
    path: surveyPaths.responsePattern,
    fixture: surveyResponse,
    schema: SurveyResponse,
    call: (c) => c.saveSurveyResponse(responseId, surveyUpdate),
    write: true,
  },
  {
    name: 'dismissSurvey',
    method: 'post',
    path: surveyPaths.dismissalsPattern,
    fixture: surveyDismissal,
    schema: SurveyDismissal,
    call: (c) => c.dismissSurvey(surveyDismissal.surveyId),
    write: true,
  },
];

function assertValid(schema: Schema, data: unknown, reply: Reply): void {
  assert.ok(!reply.network && reply.status >= 200 && reply.status < 300, 'only a 2xx answer resolves');
  const parsed = schema.safeParse(data);
  assert.ok(parsed.success, 'the data passes the contract');
  assert.deepEqual(parsed.data, data);
}

describe('whatever the API answers', () => {
  for (const method of methods) {
    it(`${method.name} resolves with valid data or rejects with a LoyaltyError`, async () => {
      await fc.assert(
        fc.asyncProperty(replies(method.fixture), async (reply) => {
          api.resetHandlers(http[method.method](url(method.path), () => toResponse(reply)));
          const client = makeClient({
            customerToken: customerToken('c1'),
            retry: { limit: 0 }, // retries are retries.test.ts’s concern; one request per case keeps this fast
          });
          try {
            const outcome = await method.call(client).then(
              (value) => ({ ok: true as const, value }),
              (error: unknown) => ({ ok: false as const, error }),
            );
            if (!outcome.ok) {
              assert.ok(isLoyaltyError(outcome.error), `not a LoyaltyError: ${String(outcome.error)}`);
              assert.ok(
                allowedCodes(reply).includes(outcome.error.code),
                `code ${outcome.error.code} for ${JSON.stringify(reply)}`,
              );
            } else if (!method.write) {
              assertValid(method.schema, outcome.value, reply);
            } else {
              const written = outcome.value as WriteOutcome<unknown>;
              if (written.status === 'sent') assertValid(method.schema, written.result, reply);
              else {
                assert.equal(written.status, 'queued');
                assert.ok(isLoyaltyError(written.error));
                assert.ok(allowedCodes(reply).includes(written.error.code), `queued with ${written.error.code}`);
              }
            }
          } finally {
            client.close();
          }
        }),
        { numRuns: CLIENT_RUNS },
      );
    });
  }
});
