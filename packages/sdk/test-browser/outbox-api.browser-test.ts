// The outbox in real Chromium against the real API: survey answers given offline are stored, outlive
// the client that queued them, and reach the API once the network is back, each response once.
import type { SurveyDefinition, SurveyResponseUpdate } from '@loyalty-elements/contract';
import {
  IndexedDbOutboxStorage,
  LocalOutboxStorage,
  MemoryOutboxStorage,
  isLoyaltyError,
  randomId,
  type LoyaltyClient,
  type OutboxStorage,
  type QueuedWrite,
} from '../src/index.ts';
import { Network, apiClient, closeClients, newShopper, surveyResults } from './support/api.ts';
import { expect, waitUntil } from './support/testing.ts';

const SURVEY_ID = 'post-purchase-nps';
const RESPONSES_PATH = '/v1/me/surveys/responses/';
const LOCK_NAME = 'loyalty-elements:outbox';
/** The outbox's first retry after a failure (packages/sdk/src/outbox/outbox.ts). */
const FIRST_RETRY_MS = 2_000;

interface Shopper {
  customerId: string;
  token: string;
  /** Reads the API's state with its own memory outbox, so it never flushes the writes under test. */
  reader: LoyaltyClient;
  survey: SurveyDefinition;
}

async function shopper(): Promise<Shopper> {
  const { customerId, token } = await newShopper();
  const reader = await apiClient({ customerToken: token, outboxStorage: new MemoryOutboxStorage() });
  const { survey, reason } = await reader.getEligibleSurvey('post_purchase');
  expect(reason, 'a new shopper is asked the post-purchase survey').to.equal(undefined);
  expect(survey?.id).to.equal(SURVEY_ID);
  expect(survey!.questions.map((question) => question.id)).to.deep.equal(['nps', 'what_went_wrong', 'complaint']);
  return { customerId, token, reader, survey: survey! };
}

/**
 * A detractor answering the survey one question at a time: each write carries every answer so far,
 * with a growing sequence; the last one completes the response.
 */
function answerSteps(survey: SurveyDefinition): SurveyResponseUpdate[] {
  const base = { surveyId: survey.id, version: survey.version };
  const nps = 4;
  const whatWentWrong = { options: ['wrong_item', 'other'], otherText: 'The lid of the tin was cracked' };
  const complaint = '茶叶罐的盖子裂了，茶叶受潮了。';
  return [
    { ...base, sequence: 1, answers: { nps } },
    { ...base, sequence: 2, answers: { nps, what_went_wrong: whatWentWrong } },
    {
      ...base,
      sequence: 3,
      answers: { nps, what_went_wrong: whatWentWrong, complaint },
      complete: true,
      contactConsent: true,
    },
  ];
}

async function writesOf(storage: OutboxStorage, customerId: string): Promise<QueuedWrite[]> {
  return (await storage.list()).filter((write) => write.owner.endsWith(`:${customerId}`));
}

/**
 * Answers every step on `client`, which must be offline: each is queued (for the failure `code`, unless
 * null), replacing the one before.
 */
async function answerOffline(
  client: LoyaltyClient,
  storage: OutboxStorage,
  customerId: string,
  responseId: string,
  steps: SurveyResponseUpdate[],
  code: string | null = 'network',
): Promise<void> {
  for (const step of steps) {
    const outcome = await client.saveSurveyResponse(responseId, step);
    expect(outcome.status, `sequence ${step.sequence}`).to.equal('queued');
    if (code !== null) expect(outcome.status === 'queued' ? outcome.error.code : undefined).to.equal(code);
    expect(await client.pendingWrites(), 'one response: its latest write replaces the earlier ones').to.equal(1);
    const stored = await writesOf(storage, customerId);
    expect(
      stored.map((write) => write.body),
      `stored after sequence ${step.sequence}`,
    ).to.deep.equal([step]);
  }
}

async function expectNotOnServer(reader: LoyaltyClient, responseId: string): Promise<void> {
  const error = await reader.getSurveyResponse(responseId).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(isLoyaltyError(error) && error.status, 'the API has not heard of the response').to.equal(404);
}

/** The API holds the response complete, with every answer of the last step. */
async function expectDelivered(reader: LoyaltyClient, responseId: string, last: SurveyResponseUpdate): Promise<void> {
  const stored = await reader.getSurveyResponse(responseId);
  expect(stored.status).to.equal('complete');
  expect(stored.sequence).to.equal(last.sequence);
  expect(stored.contactConsent).to.equal(true);
  expect(stored.answers).to.deep.equal(last.answers);
}

async function resultsOfVersion(version: number) {
  const results = await surveyResults(SURVEY_ID);
  const found = results.versions.find((entry) => entry.version === version);
  if (!found) throw new Error(`No results for version ${version} of ${SURVEY_ID}`);
  return found;
}

/** `token` with its expiry moved to `secondsFromNow` (its signature no longer matches: for offline use only). */
function expiringIn(token: string, secondsFromNow: number): string {
  const [header, payload, signature] = token.split('.');
  const base64 = (text: string) => text.replace(/-/g, '+').replace(/_/g, '/');
  const claims = JSON.parse(atob(base64(payload ?? ''))) as Record<string, unknown>;
  claims.exp = Math.floor(Date.now() / 1000) + secondsFromNow;
  const encoded = btoa(JSON.stringify(claims)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${header}.${encoded}.${signature}`;
}

describe('the outbox against the real API', () => {
  afterEach(closeClients);

  const storages: Array<[string, () => OutboxStorage]> = [
    ['IndexedDB', () => new IndexedDbOutboxStorage()],
    ['localStorage', () => new LocalOutboxStorage(localStorage)],
  ];
  for (const [kind, openStorage] of storages) {
    it(`keeps answers given offline in ${kind}, and a second client delivers every one of them`, async () => {
      const { customerId, token, reader, survey } = await shopper();
      const steps = answerSteps(survey);
      const responseId = randomId();

      const offline = new Network();
      offline.online = false;
      const firstStorage = openStorage();
      const first = await apiClient({ customerToken: token, fetch: offline.fetch, outboxStorage: firstStorage });
      await answerOffline(first, firstStorage, customerId, responseId, steps);
      const dismissal = await first.dismissSurvey('account-csat');
      expect(dismissal.status).to.equal('queued');
      expect(await first.pendingWrites(), 'the response and the dismissal').to.equal(2);
      expect(offline.sent).to.deep.equal([]);
      expect(offline.refused).to.be.at.least(4);
      await expectNotOnServer(reader, responseId);
      first.close(); // the tab is closed

      // Another tab, or the next page load, back online: same storage, new client.
      const online = new Network();
      const secondStorage = openStorage();
      const second = await apiClient({ customerToken: token, fetch: online.fetch, outboxStorage: secondStorage });
      await second.flush();

      const puts = online.sentTo('PUT', RESPONSES_PATH);
      expect(
        puts.map((put) => put.body),
        'only the latest write of the response is sent',
      ).to.deep.equal([steps[2]]);
      expect(online.sentTo('POST', '/v1/me/surveys/account-csat/dismissals')).to.have.length(1);
      await expectDelivered(reader, responseId, steps[2]!);
      expect(await second.pendingWrites()).to.equal(0);
      expect(await writesOf(secondStorage, customerId)).to.deep.equal([]);
    });
  }

  it('flushes as soon as the page is back online (the `online` event), before any retry', async () => {
    const { customerId, token, reader, survey } = await shopper();
    const steps = answerSteps(survey);
    const responseId = randomId();
    const network = new Network();
    network.online = false;
    const storage = new IndexedDbOutboxStorage();
    const client = await apiClient({ customerToken: token, fetch: network.fetch, outboxStorage: storage });

    // The first failure schedules a retry FIRST_RETRY_MS later; the flush must come before it.
    const firstFailure = performance.now();
    await answerOffline(client, storage, customerId, responseId, steps);
    network.online = true;
    window.dispatchEvent(new Event('online'));
    await waitUntil(async () => (await client.pendingWrites()) === 0, 'the online event flushes the outbox', {
      interval: 10,
      timeout: FIRST_RETRY_MS,
    });

    const puts = network.sentTo('PUT', RESPONSES_PATH);
    expect(puts.map((put) => put.body)).to.deep.equal([steps[2]]);
    expect(puts[0]!.at - firstFailure, 'sent by the online event, not by the retry timer').to.be.below(FIRST_RETRY_MS);
    await expectDelivered(reader, responseId, steps[2]!);
    expect(await writesOf(storage, customerId)).to.deep.equal([]);
  });

  it('lets one client flush at a time (Web Locks): two clients flushing at once send the response once', async () => {
    const { customerId, token, reader, survey } = await shopper();
    const steps = answerSteps(survey);
    const responseId = randomId();
    const before = await resultsOfVersion(survey.version);

    const offline = new Network();
    offline.online = false;
    const queueing = new IndexedDbOutboxStorage();
    const first = await apiClient({ customerToken: token, fetch: offline.fetch, outboxStorage: queueing });
    await answerOffline(first, queueing, customerId, responseId, steps);
    first.close();

    // Two tabs open at once; the API answers slowly, so both flush while the first send is in flight.
    const networks = [new Network(), new Network()];
    for (const network of networks) network.hold();
    const tabs = await Promise.all(
      networks.map((network) =>
        apiClient({ customerToken: token, fetch: network.fetch, outboxStorage: new IndexedDbOutboxStorage() }),
      ),
    );
    const flushes = Promise.all(tabs.map((tab) => tab.flush()));
    const puts = () => networks.flatMap((network) => network.sentTo('PUT', RESPONSES_PATH));
    await waitUntil(() => puts().length === 1, 'one tab sends the response');
    await waitUntil(
      async () => (await navigator.locks.query()).pending?.some((lock) => lock.name === LOCK_NAME),
      'the other tab waits for the outbox lock',
    );
    const locks = await navigator.locks.query();
    expect(locks.held?.filter((lock) => lock.name === LOCK_NAME)).to.have.length(1);
    expect(puts(), 'nothing more is sent while the lock is held').to.have.length(1);

    for (const network of networks) network.release();
    await flushes;
    await Promise.all(tabs.map((tab) => tab.flush()));
    expect(
      puts().map((put) => put.body),
      'each write is sent once',
    ).to.deep.equal([steps[2]]);
    await expectDelivered(reader, responseId, steps[2]!);
    for (const tab of tabs) expect(await tab.pendingWrites()).to.equal(0);
    expect(await writesOf(queueing, customerId)).to.deep.equal([]);
    await waitUntil(async () => !(await navigator.locks.query()).held?.length, 'the lock is released');

    // The results count the response once, with its answers.
    const after = await resultsOfVersion(survey.version);
    expect(after.responses.total - before.responses.total).to.equal(1);
    expect(after.responses.complete - before.responses.complete).to.equal(1);
    const countOf = (results: typeof after, value: number) =>
      results.nps?.distribution.find((entry) => entry.value === value)?.count ?? 0;
    expect(countOf(after, 4) - countOf(before, 4)).to.equal(1);

    // The tab that queued the answers still holds them in memory: a late repeat from it changes nothing.
    const delivered = await reader.getSurveyResponse(responseId);
    offline.online = true;
    await first.flush();
    expect(await first.pendingWrites()).to.equal(0);
    expect(await reader.getSurveyResponse(responseId)).to.deep.equal(delivered);
    expect((await resultsOfVersion(survey.version)).responses).to.deep.equal(after.responses);
  });
  // A token due to expire within a minute cannot be refreshed offline: the write still belongs to
  // the customer of the token held, and is kept.
  it('queues answers given offline while the token is due for a refresh, and sends them later', async () => {
    const { customerId, token, reader, survey } = await shopper();
    const steps = answerSteps(survey);
    const responseId = randomId();
    const network = new Network();
    network.online = false;
    const storage = new IndexedDbOutboxStorage();
    const client = await apiClient({
      // The page's token expires in 30 s; the merchant's token endpoint is as unreachable as the API.
      customerToken: expiringIn(token, 30),
      getCustomerToken: async () => {
        await network.fetch('/__loyalty-test-env.json');
        return token;
      },
      fetch: network.fetch,
      outboxStorage: storage,
    });
    await answerOffline(client, storage, customerId, responseId, steps, null);

    network.online = true;
    await client.flush();
    await expectDelivered(reader, responseId, steps[2]!);
  });
});
