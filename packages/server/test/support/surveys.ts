import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  EligibleSurvey,
  FollowUpPage,
  PUBLISHABLE_KEY_HEADER,
  SurveyResponse,
  SurveyResults,
  surveyPaths,
  type SurveyDefinition,
  type SurveyDraft,
  type SurveyResponseUpdate,
} from '@loyalty-elements/contract';
import { publishSurvey } from '../../src/domain/surveys/definitions.ts';
import { DEMO_SEED } from '../../src/demo-seed.ts';
import type { TestServer } from './server.ts';
import { demoToken, parseExactly, summaryOf } from './http.ts';

const tokens = new Map<string, Promise<string>>();

/** Headers of a customer request; tokens are signed once per customer and reused. */
export async function customerHeaders(server: TestServer, customerId: string): Promise<Record<string, string>> {
  let token = tokens.get(customerId);
  if (token === undefined) {
    token = demoToken(server, customerId, { exp: Math.floor(Date.now() / 1000) + 3600 });
    tokens.set(customerId, token);
  }
  return {
    Authorization: `Bearer ${await token}`,
    [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey,
    'Content-Type': 'application/json',
  };
}

export async function getEligible(server: TestServer, customerId: string, trigger: string): Promise<Response> {
  const url = `${server.baseUrl}${surveyPaths.eligible}?trigger=${encodeURIComponent(trigger)}`;
  return fetch(url, { headers: await customerHeaders(server, customerId) });
}

/** The eligible survey (or null and why), asserting a 200 that matches the contract exactly. */
/**
 * The eligible survey's answer, checked against the summary's `surveysDue`: a page asks for a survey only
 * when the summary lists its trigger, so the two must agree.
 */
export async function eligible(server: TestServer, customerId: string, trigger: string): Promise<EligibleSurvey> {
  const res = await getEligible(server, customerId, trigger);
  assert.equal(res.status, 200, await res.clone().text());
  const answer = parseExactly(EligibleSurvey, await res.json());
  const { surveysDue } = await summaryOf(server, customerId);
  assert.ok(surveysDue, 'the summary lists the surveys due');
  assert.equal(
    surveysDue.includes(trigger),
    answer.survey !== null,
    `the summary's surveysDue ${JSON.stringify(surveysDue)} agrees with the eligible survey at ${trigger}`,
  );
  return answer;
}

export async function putResponse(
  server: TestServer,
  customerId: string,
  responseId: string,
  body: SurveyResponseUpdate | Record<string, unknown> | string,
): Promise<Response> {
  return fetch(server.baseUrl + surveyPaths.response(responseId), {
    method: 'PUT',
    headers: await customerHeaders(server, customerId),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function getResponse(server: TestServer, customerId: string, responseId: string): Promise<Response> {
  return fetch(server.baseUrl + surveyPaths.response(responseId), {
    headers: await customerHeaders(server, customerId),
  });
}

/** Parses a response write's answer, asserting its status (200 or 201 when not given). */
export async function expectSaved(res: Response, status?: number): Promise<SurveyResponse> {
  const text = await res.text();
  if (status === undefined) assert.ok(res.status === 200 || res.status === 201, `${res.status} ${text}`);
  else assert.equal(res.status, status, text);
  return parseExactly(SurveyResponse, JSON.parse(text));
}

/** Writes and asserts it was accepted. */
export async function save(
  server: TestServer,
  customerId: string,
  responseId: string,
  body: SurveyResponseUpdate,
): Promise<SurveyResponse> {
  return expectSaved(await putResponse(server, customerId, responseId, body));
}

export async function dismiss(
  server: TestServer,
  customerId: string,
  surveyId: string,
  body?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(server.baseUrl + surveyPaths.dismissals(surveyId), {
    method: 'POST',
    headers: { ...(await customerHeaders(server, customerId)), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export function adminGet(server: TestServer, path: string, secretKey: string | null = server.config.demoSecretKey) {
  return fetch(server.baseUrl + path, { headers: secretKey === null ? {} : { Authorization: `Bearer ${secretKey}` } });
}

export async function resultsOf(server: TestServer, surveyId: string, version?: number): Promise<SurveyResults> {
  const query = version === undefined ? '' : `?version=${version}`;
  const res = await adminGet(server, surveyPaths.results(surveyId) + query);
  assert.equal(res.status, 200, await res.clone().text());
  return parseExactly(SurveyResults, await res.json());
}

export async function followUpsOf(server: TestServer, query = ''): Promise<FollowUpPage> {
  const res = await adminGet(server, surveyPaths.followUps + query);
  assert.equal(res.status, 200, await res.clone().text());
  return parseExactly(FollowUpPage, await res.json());
}

/** A fresh snake_case trigger no other test uses. */
export const uniqueTrigger = () => `t_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
export const uniqueSurveyId = () => `s-${randomUUID().slice(0, 13)}`;

const en = (text: string) => ({ en: text, 'zh-CN': `${text}（中文）` });

/**
 * A survey with one question of every kind, on its own trigger: nps (required); for detractors a
 * tagged multiple choice with "other" and a free-text complaint with consent; csat, ces, a single
 * choice, and a servqual rating.
 */
export function testSurvey(overrides: Partial<SurveyDraft> = {}): SurveyDraft {
  return {
    id: uniqueSurveyId(),
    trigger: uniqueTrigger(),
    status: 'active',
    samplingRate: 1,
    recontactDays: 30,
    title: en('Test survey'),
    questions: [
      { kind: 'nps', id: 'nps', required: true, text: en('Recommend us?') },
      {
        kind: 'multiple_choice',
        id: 'reason',
        showIf: { questionId: 'nps', max: 6 },
        text: en('What went wrong?'),
        options: [
          { id: 'late', dimension: 'reliability', text: en('Late') },
          { id: 'broken', dimension: 'reliability', text: en('Broken') },
          { id: 'slow_reply', dimension: 'responsiveness', text: en('Slow reply') },
          { id: 'rude', dimension: 'empathy', text: en('Rude') },
          { id: 'other', other: true, text: en('Other') },
        ],
      },
      {
        kind: 'free_text',
        id: 'complaint',
        showIf: { questionId: 'nps', max: 6 },
        maxLength: 200,
        text: en('Tell us more'),
        contactConsent: { label: en('You may contact me') },
      },
      { kind: 'csat', id: 'csat', text: en('Satisfied?') },
      { kind: 'ces', id: 'ces', text: en('Easy?') },
      {
        kind: 'single_choice',
        id: 'channel',
        text: en('How did you order?'),
        options: [
          { id: 'web', text: en('Website') },
          { id: 'shop', dimension: 'tangibles', text: en('In the shop') },
          { id: 'other', other: true, text: en('Other') },
        ],
      },
      {
        kind: 'servqual',
        id: 'quality',
        text: en('Rate us'),
        items: [
          { dimension: 'reliability', text: en('Reliable') },
          { dimension: 'responsiveness', text: en('Responsive') },
          { dimension: 'assurance', text: en('Trustworthy') },
          { dimension: 'empathy', text: en('Caring') },
          { dimension: 'tangibles', text: en('Looks good') },
        ],
      },
    ],
    ...overrides,
  };
}

/**
 * An exit survey on its own trigger: why the shopper leaves (one option per departure reason, and
 * an "other" that names none), then what else made them go (tagged too), then free text.
 */
export function exitSurvey(overrides: Partial<SurveyDraft> = {}): SurveyDraft {
  return {
    id: uniqueSurveyId(),
    trigger: uniqueTrigger(),
    status: 'active',
    samplingRate: 1,
    recontactDays: 365,
    title: en('Sorry to see you go'),
    questions: [
      {
        kind: 'single_choice',
        id: 'why',
        required: true,
        text: en('Why are you leaving?'),
        options: [
          { id: 'price', departureReason: 'price', text: en('Too expensive') },
          { id: 'product', departureReason: 'product', text: en('The products') },
          { id: 'service', departureReason: 'service', text: en('The service') },
          { id: 'moved', departureReason: 'market', text: en('I moved away') },
          { id: 'app', departureReason: 'technology', text: en('A better app elsewhere') },
          { id: 'trust', departureReason: 'reputation', text: en('I lost trust') },
          { id: 'other', other: true, text: en('Something else') },
        ],
      },
      {
        kind: 'multiple_choice',
        id: 'also',
        text: en('Anything else?'),
        options: [
          { id: 'fees', departureReason: 'price', text: en('Delivery fees') },
          { id: 'website', departureReason: 'technology', text: en('The website') },
          { id: 'nothing', text: en('Nothing else') },
        ],
      },
      { kind: 'free_text', id: 'comment', text: en('Tell us more') },
    ],
    ...overrides,
  };
}

export function publish(server: TestServer, draft: SurveyDraft): Promise<SurveyDefinition> {
  return publishSurvey(server.db, DEMO_SEED.program.id, draft);
}

/** Moves a customer's survey history back in time, as if it happened `days` earlier. */
export async function backdate(server: TestServer, customerId: string, days: number): Promise<void> {
  const shift = `${days} days`;
  await server.db.query(
    `UPDATE survey_responses SET completed_at = completed_at - $2::interval,
            created_at = created_at - $2::interval, updated_at = updated_at - $2::interval
      WHERE customer_id = $1`,
    [customerId, shift],
  );
  await server.db.query(
    'UPDATE survey_dismissals SET dismissed_at = dismissed_at - $2::interval WHERE customer_id = $1',
    [customerId, shift],
  );
}
