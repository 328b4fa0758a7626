// Rewards: the catalogue a customer sees (validated, cached and coalesced like every read) and the
// redemption, which spends points once however often it is pressed or retried, and then refreshes
// what the page shows (the summary, the rewards).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HttpResponse } from 'msw';
import { CustomerRewards, RedeemResult, paths, rewardPaths } from '@loyalty-elements/contract';
import { LoyaltyError } from '../src/index.ts';
import {
  bearer,
  customerToken,
  failure,
  makeClient,
  nextChange,
  problem,
  publishableKey,
  recordChanges,
  serve,
  settle,
  useApi,
  watchRequests,
} from './support/api.ts';
import {
  customerRewards,
  program,
  redeemResult,
  rewardsAfterRedeem,
  summary,
  summaryAfterRedeem,
} from './support/fixtures.ts';

useApi();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const redeemPath = rewardPaths.redeem('free-coffee');

const keysOf = (seen: { headers: Headers }[]) => seen.map(({ headers }) => headers.get('idempotency-key'));

describe('the rewards fixtures', () => {
  it('pass the contract unchanged', () => {
    assert.deepEqual(CustomerRewards.parse(customerRewards), customerRewards);
    assert.deepEqual(CustomerRewards.parse(rewardsAfterRedeem), rewardsAfterRedeem);
    assert.deepEqual(RedeemResult.parse(redeemResult), redeemResult);
  });
});

describe('getRewards', () => {
  it('GETs the customer’s rewards with the publishable key and token, and returns them validated', async () => {
    const token = customerToken('c1');
    const seen = serve('get', rewardPaths.rewards, () =>
      HttpResponse.json({ ...customerRewards, unknownFutureField: true }),
    );
    const rewards = await makeClient({ customerToken: token }).getRewards();
    assert.deepEqual(rewards, customerRewards, 'fields the contract does not know are dropped');
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.method, 'GET');
    assert.equal(seen[0]!.url.pathname, rewardPaths.rewards);
    assert.equal(seen[0]!.url.searchParams.get('key'), publishableKey, 'in the URL: no CORS preflight');
    assert.equal(seen[0]!.headers.get('authorization'), bearer(token));
  });

  it('rejects an answer that breaks the contract with invalid_response', async () => {
    const broken = {
      ...customerRewards,
      rewards: [{ ...customerRewards.rewards[0]!, lockedBy: 'mood' }],
    };
    serve('get', rewardPaths.rewards, () => HttpResponse.json(broken));
    const error = await failure(makeClient({ customerToken: customerToken('c1') }).getRewards());
    assert.equal(error.code, 'invalid_response');
  });

  it('shares one request between concurrent reads, and serves the answer from memory afterwards', async () => {
    const seen = serve('get', rewardPaths.rewards, () => HttpResponse.json(customerRewards));
    const client = makeClient({ customerToken: customerToken('c1') });
    const [first, second] = await Promise.all([client.getRewards(), client.getRewards()]);
    assert.deepEqual(first, customerRewards);
    assert.equal(first, second);
    await client.getRewards();
    assert.equal(seen.length, 1);
  });

  it('revalidates with the ETag when asked, and an unchanged answer costs a 304', async () => {
    const seen = serve('get', rewardPaths.rewards, ({ headers }) =>
      headers.get('if-none-match') === '"r1"'
        ? new HttpResponse(null, { status: 304, headers: { ETag: '"r1"' } })
        : HttpResponse.json(customerRewards, { headers: { ETag: '"r1"' } }),
    );
    const client = makeClient({ customerToken: customerToken('c1') });
    await client.getRewards();
    assert.deepEqual(await client.getRewards({ revalidate: true }), customerRewards);
    assert.equal(seen.length, 2);
    assert.equal(seen[1]!.headers.get('if-none-match'), '"r1"');
  });

  it('is signed_out, without a request, for a guest', async () => {
    const requests = watchRequests();
    assert.equal((await failure(makeClient().getRewards())).code, 'signed_out');
    assert.equal((await failure(makeClient().redeemReward('free-coffee'))).code, 'signed_out');
    assert.deepEqual(requests, []);
  });
});

describe('redeemReward', () => {
  it('POSTs to the reward’s path with an Idempotency-Key and returns the code, the ledger entry and balance', async () => {
    const token = customerToken('c1');
    const seen = serve('post', rewardPaths.redeemPattern, () => HttpResponse.json(redeemResult, { status: 201 }));
    assert.deepEqual(await makeClient({ customerToken: token }).redeemReward('free-coffee'), redeemResult);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.method, 'POST');
    assert.equal(seen[0]!.url.pathname, redeemPath);
    assert.equal(seen[0]!.headers.get('authorization'), bearer(token));
    assert.match(seen[0]!.headers.get('idempotency-key') ?? '', UUID);
  });

  it('rejects an answer that breaks the contract with invalid_response', async () => {
    const withoutCode = { ...redeemResult, redemption: { ...redeemResult.redemption, code: '' } };
    serve('post', rewardPaths.redeemPattern, () => HttpResponse.json(withoutCode));
    const error = await failure(makeClient({ customerToken: customerToken('c1') }).redeemReward('free-coffee'));
    assert.equal(error.code, 'invalid_response');
  });

  for (const [name, rewardId] of [
    ['an empty reward id', ''],
    ['a reward id with a slash', 'free/coffee'],
    ['a reward id in capitals', 'FREE-COFFEE'],
    ['a reward id that is not a string', 42 as unknown as string],
  ] as const) {
    it(`rejects ${name} with invalid_request and sends nothing`, async () => {
      const requests = watchRequests();
      const client = makeClient({ customerToken: customerToken('c1') });
      let pending: Promise<unknown> | undefined;
      assert.doesNotThrow(() => (pending = client.redeemReward(rewardId)), 'it rejects, it does not throw');
      assert.equal((await failure(pending!)).code, 'invalid_request');
      assert.deepEqual(requests, []);
    });
  }

  it('redeems once on a double click: concurrent calls for one reward make one request', async () => {
    const seen = serve('post', rewardPaths.redeemPattern, () => HttpResponse.json(redeemResult, { status: 201 }));
    const client = makeClient({ customerToken: customerToken('c1') });
    const results = await Promise.all([client.redeemReward('free-coffee'), client.redeemReward('free-coffee')]);
    assert.deepEqual(results, [redeemResult, redeemResult]);
    assert.equal(seen.length, 1);
  });

  it('redeems different rewards at once, each under its own key', async () => {
    const seen = serve('post', rewardPaths.redeemPattern, () => HttpResponse.json(redeemResult, { status: 201 }));
    const client = makeClient({ customerToken: customerToken('c1') });
    await Promise.all([client.redeemReward('free-coffee'), client.redeemReward('tea-set')]);
    assert.deepEqual(seen.map(({ url }) => url.pathname).sort(), [redeemPath, rewardPaths.redeem('tea-set')].sort());
    assert.equal(new Set(keysOf(seen)).size, 2);
  });

  it('makes a new redemption, under a new key, once the previous one succeeded', async () => {
    const seen = serve('post', rewardPaths.redeemPattern, () => HttpResponse.json(redeemResult, { status: 201 }));
    const client = makeClient({ customerToken: customerToken('c1') });
    await client.redeemReward('free-coffee');
    await client.redeemReward('free-coffee');
    assert.equal(seen.length, 2);
    const [first, second] = keysOf(seen);
    assert.ok(first && second);
    assert.notEqual(first, second, 'a second coffee is a second redemption');
  });

  for (const [name, fail] of [
    ['a 503', () => problem(503, 'internal')],
    ['a dead network', () => HttpResponse.error()],
    ['a 429', () => problem(429, 'rate_limited', { 'Retry-After': '0' })],
  ] as const) {
    it(`is retried after ${name} with the same Idempotency-Key`, async () => {
      const seen = serve('post', rewardPaths.redeemPattern, (_request, attempt) =>
        attempt < 3 ? fail() : HttpResponse.json(redeemResult, { status: 201 }),
      );
      const client = makeClient({ customerToken: customerToken('c1') });
      assert.deepEqual(await client.redeemReward('free-coffee'), redeemResult);
      assert.equal(seen.length, 3);
      assert.equal(new Set(keysOf(seen)).size, 1);
    });
  }

  for (const [name, fail, code] of [
    ['the network is down', () => HttpResponse.error(), 'network'],
    ['the API keeps failing', () => problem(502, 'internal'), 'server'],
  ] as const) {
    it(`rejects with "${code}", without queueing, when ${name}; trying again repeats the key`, async () => {
      let online = false;
      const seen = serve('post', rewardPaths.redeemPattern, () =>
        online ? HttpResponse.json(redeemResult, { status: 201 }) : fail(),
      );
      const client = makeClient({ customerToken: customerToken('c1') });
      const error = await failure(client.redeemReward('free-coffee'));
      assert.equal(error.code, code);
      assert.equal(await client.pendingWrites(), 0, 'a redemption never waits in the outbox');
      assert.equal(seen.length, 3, 'the first attempt and two retries');

      online = true;
      assert.deepEqual(await client.redeemReward('free-coffee'), redeemResult);
      assert.equal(seen.length, 4);
      assert.equal(new Set(keysOf(seen)).size, 1, 'the API replays the first redemption if it went through');
    });
  }

  it('repeats the key after an answer that broke the contract (the points may be spent)', async () => {
    const seen = serve('post', rewardPaths.redeemPattern, (_request, attempt) =>
      attempt === 1 ? HttpResponse.json({ nonsense: true }) : HttpResponse.json(redeemResult),
    );
    const client = makeClient({ customerToken: customerToken('c1') });
    assert.equal((await failure(client.redeemReward('free-coffee'))).code, 'invalid_response');
    await client.redeemReward('free-coffee');
    assert.equal(new Set(keysOf(seen)).size, 1);
  });

  const refusals = [
    [404, 'reward_not_found'],
    [409, 'reward_unavailable'],
    [409, 'reward_tier_required'],
    [409, 'reward_out_of_stock'],
    [409, 'insufficient_points'],
  ] as const;
  for (const [status, problemCode] of refusals) {
    it(`turns the refusal ${problemCode} (${status}) into a typed error, not retried`, async () => {
      const seen = serve('post', rewardPaths.redeemPattern, () => problem(status, problemCode));
      const error = await failure(makeClient({ customerToken: customerToken('c1') }).redeemReward('free-coffee'));
      assert.ok(error instanceof LoyaltyError);
      assert.equal(error.code, 'rejected');
      assert.equal(error.status, status);
      assert.equal(error.problem?.code, problemCode);
      assert.equal(error.message, `detail of ${problemCode}`);
      assert.equal(seen.length, 1);
    });
  }

  it('makes a new key after a refusal: the next try (with more points) is a new redemption', async () => {
    const seen = serve('post', rewardPaths.redeemPattern, (_request, attempt) =>
      attempt === 1 ? problem(409, 'insufficient_points') : HttpResponse.json(redeemResult, { status: 201 }),
    );
    const client = makeClient({ customerToken: customerToken('c1') });
    assert.equal((await failure(client.redeemReward('free-coffee'))).problem?.code, 'insufficient_points');
    assert.deepEqual(await client.redeemReward('free-coffee'), redeemResult);
    const [first, second] = keysOf(seen);
    assert.ok(first && second);
    assert.notEqual(first, second);
  });

  it('gives the next customer a new key, even after a failure whose outcome is unknown', async () => {
    let online = false;
    const seen = serve('post', rewardPaths.redeemPattern, () =>
      online ? HttpResponse.json(redeemResult, { status: 201 }) : HttpResponse.error(),
    );
    const client = makeClient({ customerToken: customerToken('c1'), retry: { limit: 0 } });
    await failure(client.redeemReward('free-coffee'));
    await client.identify(customerToken('c2'));
    online = true;
    await client.redeemReward('free-coffee');
    const [first, second] = keysOf(seen);
    assert.ok(first && second);
    assert.notEqual(first, second);
  });

  it('keeps the key of a redemption whose outcome is unknown when identify() names the same shopper again', async () => {
    let online = false;
    const seen = serve('post', rewardPaths.redeemPattern, () =>
      online ? HttpResponse.json(redeemResult, { status: 201 }) : HttpResponse.error(),
    );
    const client = makeClient({ customerToken: customerToken('c1'), retry: { limit: 0 } });
    await failure(client.redeemReward('free-coffee'));
    await client.identify(customerToken('c1', { expiresInSeconds: 7_200 }));
    online = true;
    await client.redeemReward('free-coffee');
    const [first, second] = keysOf(seen);
    assert.ok(first, 'the first try sent a key');
    assert.equal(second, first, 'trying again replays the first redemption');
  });
});

describe('after a redemption', () => {
  /** The summary and rewards endpoints, answering the state before or after the redemption. */
  function account() {
    let redeemed = false;
    const summaries = serve('get', paths.summary, ({ headers }) => {
      const etag = redeemed ? '"s1"' : '"s0"';
      if (headers.get('if-none-match') === etag)
        return new HttpResponse(null, { status: 304, headers: { ETag: etag } });
      return HttpResponse.json(redeemed ? summaryAfterRedeem : summary, { headers: { ETag: etag } });
    });
    const rewards = serve('get', rewardPaths.rewards, ({ headers }) => {
      const etag = redeemed ? '"r1"' : '"r0"';
      if (headers.get('if-none-match') === etag)
        return new HttpResponse(null, { status: 304, headers: { ETag: etag } });
      return HttpResponse.json(redeemed ? rewardsAfterRedeem : customerRewards, { headers: { ETag: etag } });
    });
    const redemptions = serve('post', rewardPaths.redeemPattern, () => {
      redeemed = true;
      return HttpResponse.json(redeemResult, { status: 201 });
    });
    return { summaries, rewards, redemptions };
  }

  it('every subscriber hears the new summary, so a balance elsewhere on the page drops', async () => {
    const { summaries } = account();
    const client = makeClient({ customerToken: customerToken('c1') });
    assert.equal((await client.getSummary()).points.balance, 2900);
    const heard = nextChange(client, 'summary');
    await client.redeemReward('free-coffee');
    assert.deepEqual((await heard).summary, summaryAfterRedeem);
    assert.equal(summaries.at(-1)!.headers.get('if-none-match'), '"s0"', 'revalidated with its ETag');
    assert.deepEqual(await client.getSummary(), summaryAfterRedeem, 'the cache holds the new summary');
  });

  it('a subscriber hears the new summary even when none was read yet', async () => {
    account();
    const client = makeClient({ customerToken: customerToken('c1') });
    const heard = nextChange(client, 'summary');
    await client.redeemReward('free-coffee');
    assert.equal((await heard).summary.points.balance, 2400);
  });

  it('the rewards are read afresh: not from memory, not revalidated against the old copy', async () => {
    const { rewards } = account();
    const client = makeClient({ customerToken: customerToken('c1') });
    assert.deepEqual(await client.getRewards(), customerRewards);
    await client.redeemReward('free-coffee');
    assert.deepEqual(await client.getRewards(), rewardsAfterRedeem);
    assert.equal(rewards.length, 2, 'one read before, one after: the refresh and the read share it');
    assert.equal(rewards[1]!.headers.get('if-none-match'), null);
  });

  it('a rewards read in flight when the redemption lands is not kept', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let redeemed = false;
    serve('get', rewardPaths.rewards, async (_request, attempt) => {
      if (attempt === 1) await held;
      return HttpResponse.json(redeemed && attempt > 1 ? rewardsAfterRedeem : customerRewards);
    });
    serve('post', rewardPaths.redeemPattern, () => {
      redeemed = true;
      return HttpResponse.json(redeemResult, { status: 201 });
    });
    const client = makeClient({ customerToken: customerToken('c1') });
    const stale = client.getRewards();
    await settle();
    await client.redeemReward('free-coffee');
    release();
    assert.deepEqual(await stale, customerRewards, 'the caller still gets its answer');
    assert.deepEqual(await client.getRewards(), rewardsAfterRedeem, 'but the cache does not keep it');
  });

  it('a refusal changes nothing: no summary or rewards request follows', async () => {
    const summaries = serve('get', paths.summary, () => HttpResponse.json(summary));
    serve('post', rewardPaths.redeemPattern, () => problem(409, 'reward_out_of_stock'));
    const client = makeClient({ customerToken: customerToken('c1') });
    await client.getSummary();
    const changes = recordChanges(client);
    await failure(client.redeemReward('free-coffee'));
    await settle();
    assert.equal(summaries.length, 1);
    assert.deepEqual(changes, []);
  });

  it('costs no summary request when nothing shows the summary', async () => {
    const { summaries, rewards } = account();
    serve('get', paths.program, () => HttpResponse.json(program));
    const client = makeClient({ customerToken: customerToken('c1') });
    await client.redeemReward('free-coffee');
    await client.getProgram(); // a full round trip: a request begun before it would have arrived
    assert.equal(summaries.length, 0);
    assert.equal(rewards.length, 0, 'nor a rewards request when none were read');
  });
});
