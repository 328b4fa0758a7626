// Writes that must not be lost go through the outbox: stored before they are sent, queued on a
// failure that may pass, sent again by flush() or on the next page load, newest version only.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HttpResponse, type JsonBodyType } from 'msw';
import {
  IDEMPOTENCY_KEY_HEADER,
  paths,
  surveyPaths,
  type BirthdayRequest,
  type SurveyResponseUpdate,
} from '@loyalty-elements/contract';
import { MemoryOutboxStorage, customerTokenFromUrl, type QueuedWrite } from '../src/index.ts';
import {
  bearer,
  customerToken,
  failure,
  makeClient,
  url,
  nextChange,
  problem,
  recordChanges,
  serve,
  useApi,
  waitFor,
  type Seen,
} from './support/api.ts';
import { birthdayStatus, responseId, storedResponse, surveyDismissal, surveyUpdate } from './support/fixtures.ts';

useApi();

const birthday: BirthdayRequest = { month: 8, day: 15, calendar: 'chinese-lunar' };

/** An API that fails at the network level until `network.online` is set, and logs what it received. */
function flakyApi() {
  const network = { online: false };
  const delivered: Seen[] = [];
  const answer =
    (result: (request: Seen) => JsonBodyType) =>
    (request: Seen): Response => {
      if (!network.online) return HttpResponse.error();
      delivered.push(request);
      return HttpResponse.json(result(request));
    };
  serve(
    'put',
    paths.birthday,
    answer(() => birthdayStatus),
  );
  serve(
    'put',
    surveyPaths.responsePattern,
    answer(({ body }) => storedResponse(body as SurveyResponseUpdate)),
  );
  serve(
    'post',
    surveyPaths.dismissalsPattern,
    answer(() => surveyDismissal),
  );
  return { network, delivered };
}

const outboxEvents = (changes: ReturnType<typeof recordChanges>) =>
  changes.flatMap((change) => (change.type === 'outbox' ? [change.pending] : []));

/** A page of `customer` that sets a birthday and closes the survey while offline, then is closed. */
async function pageLeavingWrites(storage: MemoryOutboxStorage, customer: string, date = birthday): Promise<void> {
  const page = makeClient({ customerToken: customerToken(customer), outboxStorage: storage });
  await page.setBirthday(date);
  await page.dismissSurvey(surveyDismissal.surveyId);
  page.close();
}

describe('a write', () => {
  it('is stored on the device before it is sent', async () => {
    const storage = new MemoryOutboxStorage();
    let storedWhenSent: QueuedWrite[] = [];
    serve('put', paths.birthday, async () => {
      storedWhenSent = await storage.list();
      return HttpResponse.json(birthdayStatus);
    });
    const client = makeClient({ customerToken: customerToken('c1'), outboxStorage: storage });
    assert.equal((await client.setBirthday(birthday)).status, 'sent');
    assert.equal(storedWhenSent.length, 1);
    assert.deepEqual(storedWhenSent[0]!.body, birthday);
    assert.equal(storedWhenSent[0]!.kind, 'birthday');
    assert.deepEqual(await storage.list(), [], 'and removed once the API has it');
  });

  it('reports the outbox going to 1 and back to 0 when it is sent at once', async () => {
    serve('put', paths.birthday, () => HttpResponse.json(birthdayStatus));
    const client = makeClient({ customerToken: customerToken('c1') });
    const changes = recordChanges(client);
    await client.setBirthday(birthday);
    assert.equal(await client.pendingWrites(), 0);
    assert.deepEqual(outboxEvents(changes), [1, 0]);
  });

  it('is queued on a network failure: the call resolves queued, one write pending', async () => {
    const { delivered } = flakyApi();
    const storage = new MemoryOutboxStorage();
    const client = makeClient({ customerToken: customerToken('c1'), outboxStorage: storage });
    const changes = recordChanges(client);
    const outcome = await client.setBirthday(birthday);
    assert.equal(outcome.status, 'queued');
    assert.equal(outcome.status === 'queued' && outcome.error.code, 'network');
    assert.equal(await client.pendingWrites(), 1);
    assert.deepEqual(outboxEvents(changes), [1]);
    assert.equal((await storage.list()).length, 1);
    assert.equal(delivered.length, 0);
  });

  it('is queued on a server failure too, after the retries', async () => {
    const seen = serve('put', paths.birthday, () => problem(503, 'internal'));
    const client = makeClient({ customerToken: customerToken('c1') });
    const outcome = await client.setBirthday(birthday);
    assert.equal(outcome.status, 'queued');
    assert.equal(outcome.status === 'queued' && outcome.error.status, 503);
    assert.equal(seen.length, 3);
    assert.equal(await client.pendingWrites(), 1);
  });

  it('is delivered once by flush() when the network is back, and the outbox empties', async () => {
    const api = flakyApi();
    const client = makeClient({ customerToken: customerToken('c1') });
    await client.setBirthday(birthday);
    api.network.online = true;
    const emptied = nextChange(client, 'outbox', ({ pending }) => pending === 0);
    await client.flush();
    await emptied;
    assert.equal(await client.pendingWrites(), 0);
    await client.flush();
    assert.equal(api.delivered.length, 1);
    assert.deepEqual(api.delivered[0]!.body, birthday);
  });

  it('is not sent twice when a flush runs while it is on its way', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const seen = serve('put', paths.birthday, async () => {
      await released;
      return HttpResponse.json(birthdayStatus);
    });
    const client = makeClient({ customerToken: customerToken('c1') });
    const writing = client.setBirthday(birthday);
    await waitFor(() => seen.length === 1, 'the write to be sent');
    const flushing = client.flush();
    release();
    await Promise.all([writing, flushing]);
    assert.equal(seen.length, 1);
    assert.equal(await client.pendingWrites(), 0);
  });

  it('is sent even when the device refuses to store it', async () => {
    class FullStorage extends MemoryOutboxStorage {
      override async put(): Promise<void> {
        throw new Error('QuotaExceededError');
      }
    }
    const seen = serve('put', paths.birthday, () => HttpResponse.json(birthdayStatus));
    const client = makeClient({ customerToken: customerToken('c1'), outboxStorage: new FullStorage() });
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      assert.deepEqual(await client.setBirthday(birthday), { status: 'sent', result: birthdayStatus });
    } finally {
      console.warn = warn;
    }
    assert.equal(seen.length, 1);
  });

  it('needs a customer: a guest’s write is signed_out and nothing is stored', async () => {
    const storage = new MemoryOutboxStorage();
    const client = makeClient({ outboxStorage: storage });
    assert.equal((await failure(client.saveSurveyResponse(responseId, surveyUpdate))).code, 'signed_out');
    assert.deepEqual(await storage.list(), []);
  });
});

describe('queued survey answers', () => {
  it('are replaced by a newer answer set: only the newest is sent', async () => {
    const api = flakyApi();
    const client = makeClient({ customerToken: customerToken('c1') });
    const first = { ...surveyUpdate, sequence: 1, answers: { nps: 4 } };
    const second = { ...surveyUpdate, sequence: 2, answers: { nps: 9 } };
    assert.equal((await client.saveSurveyResponse(responseId, first)).status, 'queued');
    assert.equal((await client.saveSurveyResponse(responseId, second)).status, 'queued');
    assert.equal(await client.pendingWrites(), 1, 'one response, one write');
    api.network.online = true;
    await client.flush();
    assert.deepEqual(
      api.delivered.map(({ body }) => body),
      [second],
    );
  });

  it('are never replaced by a lower sequence', async () => {
    const api = flakyApi();
    const storage = new MemoryOutboxStorage();
    const client = makeClient({ customerToken: customerToken('c1'), outboxStorage: storage });
    const newer = { ...surveyUpdate, sequence: 5, answers: { nps: 9 } };
    const older = { ...surveyUpdate, sequence: 3, answers: { nps: 2 } };
    await client.saveSurveyResponse(responseId, newer);
    await client.saveSurveyResponse(responseId, older);
    assert.deepEqual(
      (await storage.list()).map(({ body }) => body),
      [newer],
    );
    api.network.online = true;
    await client.flush();
    assert.deepEqual(
      api.delivered.map(({ body }) => body),
      [newer],
    );
    assert.equal(await client.pendingWrites(), 0);
  });

  it('of different responses are kept apart', async () => {
    const api = flakyApi();
    const client = makeClient({ customerToken: customerToken('c1') });
    const otherId = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
    await client.saveSurveyResponse(responseId, surveyUpdate);
    await client.saveSurveyResponse(otherId, { ...surveyUpdate, answers: { nps: 10 } });
    assert.equal(await client.pendingWrites(), 2);
    api.network.online = true;
    await client.flush();
    assert.deepEqual(api.delivered.map(({ url }) => url.pathname).sort(), [
      surveyPaths.response(responseId),
      surveyPaths.response(otherId),
    ]);
  });
});

describe('a refused write', () => {
  it('is dropped when the API refuses a queued write, with a write_failed change', async () => {
    let refuse = false;
    const seen = serve('put', paths.birthday, () =>
      refuse ? problem(422, 'birthday_change_limited') : HttpResponse.error(),
    );
    const storage = new MemoryOutboxStorage();
    const client = makeClient({ customerToken: customerToken('c1'), outboxStorage: storage });
    assert.equal((await client.setBirthday(birthday)).status, 'queued');
    refuse = true;
    const failed = nextChange(client, 'write_failed');
    await client.flush();
    const { write, error } = await failed;
    assert.equal(write.kind, 'birthday');
    assert.deepEqual(write.body, birthday);
    assert.equal(error.code, 'rejected');
    assert.equal(error.status, 422);
    assert.equal(error.problem?.code, 'birthday_change_limited');
    assert.equal(await client.pendingWrites(), 0);
    assert.deepEqual(await storage.list(), []);
    const attempts = seen.length;
    await client.flush();
    assert.equal(seen.length, attempts, 'a dropped write is not sent again');
  });

  it('waits while the shopper is signed in but not enrolled, and is delivered once they are', async () => {
    let answer: 'offline' | 'not_member' | 'ok' = 'offline';
    const seen = serve('put', paths.birthday, () =>
      answer === 'offline'
        ? HttpResponse.error()
        : answer === 'not_member'
          ? problem(401, 'customer_not_found')
          : HttpResponse.json(birthdayStatus),
    );
    const client = makeClient({ customerToken: customerToken('c1') });
    assert.equal((await client.setBirthday(birthday)).status, 'queued');
    answer = 'not_member';
    await client.flush();
    assert.equal(await client.pendingWrites(), 1, 'kept while the program does not have the shopper');
    answer = 'ok';
    const emptied = nextChange(client, 'outbox', ({ pending }) => pending === 0);
    await client.flush();
    await emptied;
    assert.deepEqual(seen.at(-1)?.body, birthday, 'delivered');
  });

  it('keeps retrying while no token can be had, and is sent once one can', async (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    let up = false;
    const saved = serve('put', paths.birthday, () => (up ? HttpResponse.json(birthdayStatus) : HttpResponse.error()));
    serve('get', '/merchant/loyalty-token', () =>
      up || saved.length === 0
        ? HttpResponse.json({ token: customerToken('c1', { expiresInSeconds: 50 }) })
        : new HttpResponse(null, { status: 503 }),
    );
    const client = makeClient({ getCustomerToken: customerTokenFromUrl(url('/merchant/loyalty-token')) });
    assert.equal((await client.setBirthday(birthday)).status, 'queued');
    // The token is due for replacing when the retries come, and the token route is down too.
    t.mock.timers.tick(31_000);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    up = true;
    const deadline = performance.now() + 10_000;
    while ((await client.pendingWrites()) > 0 && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(await client.pendingWrites(), 0, 'sent by a retry, with no other event');
    client.close();
  });

  it('rejects the call at once when the first attempt is refused, and is not kept', async () => {
    serve('put', paths.birthday, () => problem(409, 'birthday_change_limited'));
    const client = makeClient({ customerToken: customerToken('c1') });
    const changes = recordChanges(client);
    const error = await failure(client.setBirthday(birthday));
    assert.equal(error.code, 'rejected');
    assert.equal(error.problem?.code, 'birthday_change_limited');
    assert.equal(await client.pendingWrites(), 0);
    assert.deepEqual(changes.filter(({ type }) => type === 'write_failed').length, 1);
    assert.equal(outboxEvents(changes).at(-1), 0, 'listeners hear the outbox is empty again');
  });
});

describe('the next page load', () => {
  it('sends the stored writes without being asked, exactly once', async () => {
    const api = flakyApi();
    const storage = new MemoryOutboxStorage();
    await pageLeavingWrites(storage, 'c1');

    api.network.online = true;
    const nextPage = makeClient({ customerToken: customerToken('c1'), outboxStorage: storage });
    await waitFor(() => api.delivered.length === 2, 'the stored writes to be sent');
    await nextPage.flush();
    assert.equal(await nextPage.pendingWrites(), 0);
    assert.deepEqual(
      api.delivered.map(({ method, url }) => `${method} ${url.pathname}`),
      [`PUT ${paths.birthday}`, `POST ${surveyPaths.dismissals(surveyDismissal.surveyId)}`],
      'each once, in the order they were made',
    );
    assert.deepEqual(await storage.list(), []);
  });

  it('does not send another customer’s stored writes', async () => {
    const api = flakyApi();
    const storage = new MemoryOutboxStorage();
    const [linMei, other] = [customerToken('c1'), customerToken('c2')];
    const firstPage = makeClient({ customerToken: linMei, outboxStorage: storage });
    await firstPage.setBirthday(birthday);
    firstPage.close();
    const secondPage = makeClient({ customerToken: other, outboxStorage: storage });
    await secondPage.dismissSurvey(surveyDismissal.surveyId);
    secondPage.close();

    api.network.online = true;
    const nextPage = makeClient({ customerToken: customerToken('c2'), outboxStorage: storage });
    await waitFor(() => api.delivered.length === 1, 'the second customer’s write to be sent');
    await nextPage.flush();
    assert.equal(api.delivered.length, 1, 'the first customer’s write stays on the device');
    assert.equal(api.delivered[0]!.url.pathname, surveyPaths.dismissals(surveyDismissal.surveyId));
    assert.notEqual(api.delivered[0]!.headers.get('authorization'), bearer(linMei));
    assert.equal(await nextPage.pendingWrites(), 0, 'another customer’s writes are not this one’s');
    assert.deepEqual(
      (await storage.list()).map(({ body }) => body),
      [birthday],
    );
  });
});

describe('a queued write sent again', () => {
  it('carries the same Idempotency-Key each time, so the API records it once', async () => {
    const api = flakyApi();
    const storage = new MemoryOutboxStorage();
    await pageLeavingWrites(storage, 'c1');
    const stored = new Map((await storage.list()).map((write) => [write.path, write.revision]));

    api.network.online = true;
    const nextPage = makeClient({ customerToken: customerToken('c1'), outboxStorage: storage });
    await waitFor(() => api.delivered.length === 2, 'the stored writes to be sent');
    await nextPage.flush();
    for (const { url, headers } of api.delivered) {
      assert.equal(headers.get(IDEMPOTENCY_KEY_HEADER), stored.get(url.pathname), url.pathname);
    }
  });
});

describe('two customers on one device', () => {
  it('keep their own birthday and dismissal: a second customer’s never replaces the first’s', async () => {
    const api = flakyApi();
    const storage = new MemoryOutboxStorage();
    await pageLeavingWrites(storage, 'c1');
    await pageLeavingWrites(storage, 'c2', { month: 1, day: 2, calendar: 'gregorian' });
    assert.equal((await storage.list()).length, 4, 'both customers’ writes are on the device');

    api.network.online = true;
    const firstToken = customerToken('c1');
    const firstAgain = makeClient({ customerToken: firstToken, outboxStorage: storage });
    await waitFor(() => api.delivered.length === 2, 'the first customer’s writes to be sent');
    await firstAgain.flush();
    assert.deepEqual(api.delivered[0]!.body, birthday);
    assert.ok(
      api.delivered.every(({ headers }) => headers.get('authorization') === bearer(firstToken)),
      'sent with the first customer’s token',
    );
    const left = await storage.list();
    assert.equal(left.length, 2, 'the second customer’s writes wait for them');
    assert.ok(
      left.every(({ owner }) => owner.endsWith(':c2')),
      'only the second customer’s are left',
    );
  });

  it('identify() with a token that cannot be had now keeps the queued writes of the customer before', async () => {
    const api = flakyApi();
    const storage = new MemoryOutboxStorage();
    const client = makeClient({ customerToken: customerToken('c1'), outboxStorage: storage });
    assert.equal((await client.setBirthday(birthday)).status, 'queued');
    await client.identify(() => Promise.reject(new TypeError('Failed to fetch')));
    assert.equal((await storage.list()).length, 1, 'the queued birthday is still on the device');

    api.network.online = true;
    await client.identify(customerToken('c1'));
    await waitFor(() => api.delivered.length === 1, 'the birthday to be sent once the customer is back');
    assert.deepEqual(api.delivered[0]!.body, birthday);
  });
});

describe('MemoryOutboxStorage', () => {
  const write = (order: number, revision: string): QueuedWrite => ({
    id: 'survey_response:r1',
    revision,
    owner: 'pk_test:c1',
    kind: 'survey_response',
    method: 'put',
    path: surveyPaths.response('r1'),
    body: { sequence: order },
    order,
    queuedAt: order,
  });

  it('keeps the version with the highest order, and removes only the revision it is told', async () => {
    const storage = new MemoryOutboxStorage();
    await storage.put(write(2, 'b'));
    await storage.put(write(1, 'a'));
    assert.deepEqual(await storage.list(), [write(2, 'b')]);
    await storage.put(write(3, 'c'));
    await storage.remove('survey_response:r1', 'b');
    assert.deepEqual(await storage.list(), [write(3, 'c')], 'delivering an older version leaves the newer one');
    await storage.removeOwner('pk_test:c1');
    assert.deepEqual(await storage.list(), []);
  });
});
