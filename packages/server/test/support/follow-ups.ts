import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before } from 'node:test';
import {
  FollowUpCase,
  FollowUpPage,
  IDEMPOTENCY_KEY_HEADER,
  followUpPaths,
  type FollowUpResolutionRequest,
  type SurveyDefinition,
} from '@loyalty-elements/contract';
import { parseExactly } from './http.ts';
import { clockedServerPerFile, fullHistory, type TestClock } from './loyalty.ts';
import { publish, save, testSurvey } from './surveys.ts';
import { createEndpoint } from './webhooks.ts';
import { createDemoCustomer, type TestServer } from './server.ts';

export interface ServiceRecoveryFile {
  server: TestServer;
  /** The app whose clock the tests move. */
  api: TestServer;
  /** A survey whose detractors' complaints raise follow-ups. */
  survey: SurveyDefinition;
  /** A webhook endpoint subscribed to `follow_up.resolved`. */
  endpointId: string;
}

/** The helpers of a service-recovery test file, bound to its server once it is up. */
export interface ServiceRecoveryHelpers {
  clock: TestClock;
  raise(): Promise<{ followUpId: string; customerId: string }>;
  read(followUpId: string): Promise<FollowUpCase>;
  queue(query: string): Promise<FollowUpPage>;
  resolve(followUpId: string, body: unknown, key?: string | null): Promise<Response>;
  goodwillEntries(customerId: string): ReturnType<typeof goodwillEntries>;
}

/**
 * A test server per file with a moved clock, a complaint survey and a webhook endpoint for `follow_up.resolved`;
 * `onStart` receives them once they are up.
 */
export function serviceRecoveryPerFile(onStart: (started: ServiceRecoveryFile) => void): ServiceRecoveryHelpers {
  let server: TestServer;
  let api: TestServer;
  let file: ServiceRecoveryFile;
  const clock = clockedServerPerFile((started) => ({ server, api } = started));
  before(async () => {
    const survey = await publish(server, testSurvey());
    const endpointId = (await createEndpoint(server, { events: ['follow_up.resolved'] })).id;
    file = { server, api, survey, endpointId };
    onStart(file);
  });
  return {
    clock,
    raise: () => raiseFollowUp(file),
    read: (followUpId) => readFollowUp(file.api, followUpId),
    queue: (query) => followUpQueueOf(file.api, query),
    resolve: (followUpId, body, key) => resolveFollowUp(file.api, followUpId, body, key),
    goodwillEntries: (customerId) => goodwillEntries(file.api, customerId),
  };
}

/** A detractor who complains and may be contacted raises a follow-up, at the clock's time. */
export async function raiseFollowUp({
  server,
  api,
  survey,
}: ServiceRecoveryFile): Promise<{ followUpId: string; customerId: string }> {
  const customerId = await createDemoCustomer(server, 'unhappy');
  const responseId = randomUUID();
  await save(api, customerId, responseId, {
    surveyId: survey.id,
    version: survey.version,
    sequence: 1,
    answers: { nps: 2, complaint: 'The tea arrived cold' },
    complete: true,
    contactConsent: true,
  });
  const [row] = await server.db.query<{ id: string }>('SELECT id FROM survey_follow_ups WHERE response_id = $1', [
    responseId,
  ]);
  assert.ok(row, 'the complaint raised a follow-up');
  return { followUpId: row.id, customerId };
}

function adminHeaders(api: TestServer): Record<string, string> {
  return { Authorization: `Bearer ${api.config.demoSecretKey}` };
}

export async function readFollowUp(api: TestServer, followUpId: string): Promise<FollowUpCase> {
  const res = await fetch(api.baseUrl + followUpPaths.followUp(followUpId), { headers: adminHeaders(api) });
  assert.equal(res.status, 200, await res.clone().text());
  return parseExactly(FollowUpCase, await res.json());
}

export async function followUpQueueOf(api: TestServer, query: string): Promise<FollowUpPage> {
  const res = await fetch(api.baseUrl + followUpPaths.followUps + query, { headers: adminHeaders(api) });
  assert.equal(res.status, 200, await res.clone().text());
  return parseExactly(FollowUpPage, await res.json());
}

/** Posts a resolution with a fresh Idempotency-Key, or `key` (null: none). */
export function resolveFollowUp(
  api: TestServer,
  followUpId: string,
  body: FollowUpResolutionRequest | unknown,
  key: string | null = randomUUID(),
): Promise<Response> {
  return fetch(api.baseUrl + followUpPaths.resolution(followUpId), {
    method: 'POST',
    headers: {
      ...adminHeaders(api),
      'Content-Type': 'application/json',
      ...(key === null ? {} : { [IDEMPOTENCY_KEY_HEADER]: key }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The shopper's `goodwill` entries, read through their own token. */
export async function goodwillEntries(api: TestServer, customerId: string) {
  return (await fullHistory(api, customerId)).filter((entry) => entry.kind === 'goodwill');
}
