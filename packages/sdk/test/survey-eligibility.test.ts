// "No survey is due" is kept for the tab's session, so the next page view does not ask the API again.
import { afterEach, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { HttpResponse } from 'msw';
import { surveyPaths, type EligibleSurvey } from '@loyalty-elements/contract';
import { customerToken, makeClient, serve, useApi } from './support/api.ts';
import { eligibleSurvey } from './support/fixtures.ts';

useApi();

const STORAGE_KEY = 'loyalty-elements:ineligible-surveys';
const notSampled: EligibleSurvey = { survey: null, reason: 'not_sampled' };

/** `sessionStorage` as the next page of the same tab sees it. */
class TabStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

/** A storage the page may not use (a sandboxed frame, a full quota). */
const refusingStorage = {
  getItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  },
  removeItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
};

/** The eligibility endpoint answering `answers[n]` to its n-th request (the last one after that). */
function eligibility(...answers: EligibleSurvey[]) {
  return serve('get', surveyPaths.eligible, (_request, attempt) =>
    HttpResponse.json(answers[Math.min(attempt, answers.length) - 1]),
  );
}

/** One page view of the tab: a new client for `customerId`, with a token of its own. */
const pageView = (storage: object | null, customerId = 'c1', maxAgeMs?: number) =>
  makeClient({
    customerToken: customerToken(customerId),
    eligibilityStorage: storage as Storage | null,
    ...(maxAgeMs === undefined ? {} : { surveyEligibilityMaxAgeMs: maxAgeMs }),
  });

afterEach(() => mock.timers.reset());

describe('survey eligibility across page views', () => {
  it('answers "no survey" on the next page view of the tab without asking the API', async () => {
    const tab = new TabStorage();
    const seen = eligibility(notSampled);
    assert.deepEqual(await pageView(tab).getEligibleSurvey('post_purchase'), notSampled);
    assert.deepEqual(await pageView(tab).getEligibleSurvey('post_purchase'), notSampled);
    assert.equal(seen.length, 1);
    assert.ok(!tab.items.get(STORAGE_KEY)?.includes('eyJ'), 'no token is written to storage');
  });

  it('asks again for an answer with a survey, which a dismissal or completion changes', async () => {
    const tab = new TabStorage();
    const seen = eligibility(eligibleSurvey);
    await pageView(tab).getEligibleSurvey('post_purchase');
    assert.deepEqual(await pageView(tab).getEligibleSurvey('post_purchase'), eligibleSurvey);
    assert.equal(seen.length, 2);
    assert.equal(tab.items.size, 0);
  });

  it('keeps answers per customer and per trigger', async () => {
    const tab = new TabStorage();
    const seen = eligibility(notSampled);
    await pageView(tab, 'c1').getEligibleSurvey('post_purchase');
    await pageView(tab, 'c2').getEligibleSurvey('post_purchase');
    await pageView(tab, 'c1').getEligibleSurvey('account_page');
    assert.equal(seen.length, 3);
    await pageView(tab, 'c2').getEligibleSurvey('post_purchase');
    assert.equal(seen.length, 3);
  });

  it('asks again once the answer is older than surveyEligibilityMaxAgeMs (10 minutes by default)', async () => {
    mock.timers.enable({ apis: ['Date'], now: Date.parse('2026-12-02T10:00:00Z') });
    const tab = new TabStorage();
    const seen = eligibility(notSampled, eligibleSurvey);
    await pageView(tab).getEligibleSurvey('post_purchase');
    mock.timers.tick(10 * 60_000 - 1);
    await pageView(tab).getEligibleSurvey('post_purchase');
    assert.equal(seen.length, 1);
    mock.timers.tick(1);
    assert.deepEqual(await pageView(tab).getEligibleSurvey('post_purchase'), eligibleSurvey);
    assert.equal(seen.length, 2);
  });

  it('asks every time when surveyEligibilityMaxAgeMs is 0', async () => {
    const tab = new TabStorage();
    const seen = eligibility(notSampled);
    const client = pageView(tab, 'c1', 0);
    await client.getEligibleSurvey('post_purchase');
    await client.getEligibleSurvey('post_purchase');
    assert.equal(seen.length, 2);
    assert.equal(tab.items.size, 0);
  });

  it('asks again with revalidate, and a survey in the answer replaces the kept "no survey"', async () => {
    const tab = new TabStorage();
    const seen = eligibility(notSampled, eligibleSurvey);
    const client = pageView(tab);
    await client.getEligibleSurvey('post_purchase');
    assert.deepEqual(await client.getEligibleSurvey('post_purchase', { revalidate: true }), eligibleSurvey);
    assert.deepEqual(await pageView(tab).getEligibleSurvey('post_purchase'), eligibleSurvey);
    assert.equal(seen.length, 3);
  });

  it('forgets the answers of a customer who signs out', async () => {
    const tab = new TabStorage();
    const seen = eligibility(notSampled);
    const client = pageView(tab, 'c1');
    await pageView(tab, 'c2').getEligibleSurvey('post_purchase');
    await client.getEligibleSurvey('post_purchase');
    await client.logout();
    await client.identify(customerToken('c1'));
    await client.getEligibleSurvey('post_purchase');
    assert.equal(seen.length, 3);
    await pageView(tab, 'c2').getEligibleSurvey('post_purchase');
    assert.equal(seen.length, 3, "another customer's answers stay");
  });

  it('keeps the answer in memory when the storage refuses, and the read still succeeds', async () => {
    const seen = eligibility(notSampled);
    const client = pageView(refusingStorage);
    assert.deepEqual(await client.getEligibleSurvey('post_purchase'), notSampled);
    assert.deepEqual(await client.getEligibleSurvey('post_purchase'), notSampled);
    assert.equal(seen.length, 1);
  });

  it('ignores a stored item that is not its own (garbled, or written by another script)', async () => {
    for (const garbage of ['not json', '[]', 'null', '{"x":{"reason":"bribed","at":0}}', '{"x":"y"}']) {
      const tab = new TabStorage();
      tab.items.set(STORAGE_KEY, garbage);
      const seen = eligibility(eligibleSurvey);
      assert.deepEqual(await pageView(tab).getEligibleSurvey('post_purchase'), eligibleSurvey, garbage);
      assert.equal(seen.length, 1, garbage);
    }
  });

  it('writes nothing for an opaque (non-JWT) token, whose owner is the token itself', async () => {
    const tab = new TabStorage();
    const seen = eligibility(notSampled);
    const client = makeClient({ customerToken: 'opaque-session-token', eligibilityStorage: tab });
    await client.getEligibleSurvey('post_purchase');
    await client.getEligibleSurvey('post_purchase');
    assert.equal(seen.length, 2);
    assert.equal(tab.items.size, 0);
  });
});
