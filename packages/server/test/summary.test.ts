import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  MAX_CUSTOMER_TOKEN_TTL_SECONDS,
  PUBLISHABLE_KEY_HEADER,
  paths,
  type Summary,
} from '@loyalty-elements/contract';
import { DEMO_SURVEYS } from '../src/demo-surveys.ts';
import { DEMO_SEED, type DemoCustomerId } from '../src/demo-seed.ts';
import { addMonths, addMonthsIn, DAY_MS } from '../src/domain/time.ts';
import { createDemoCustomer, startTestServer, type TestServer } from './support/server.ts';
import { dismiss } from './support/surveys.ts';
import { demoToken, expectProblem, getSummary, nowSeconds, signCustomerToken, summaryOf } from './support/http.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

describe('GET /v1/me/summary', () => {
  for (const [customerId, seeded] of Object.entries(DEMO_SEED.customers)) {
    test(`summarises the seeded ${customerId}`, async () => {
      const summary = await summaryOf(server, customerId);
      const tiers = [...DEMO_SEED.tiers].sort((a, b) => a.threshold - b.threshold);
      const tier = tiers.find((t) => t.id === seeded.expected.tierId);
      assert.ok(tier, `seed tier ${seeded.expected.tierId}`);
      const next = tiers[tiers.indexOf(tier) + 1];
      const { expected } = seeded;

      assert.deepEqual(summary.customer, {
        id: customerId,
        name: seeded.name,
        locale: seeded.locale,
        timezone: seeded.timezone ?? DEMO_SEED.program.timezone,
      });
      assert.deepEqual(summary.program, { name: DEMO_SEED.program.name, pointsName: DEMO_SEED.program.pointsName });
      assert.deepEqual(
        { ...summary.points, expiring: summary.points.expiring.map((batch) => batch.points) },
        {
          balance: expected.balance,
          pending: expected.pending,
          lifetimeEarned: expected.lifetimeEarned,
          expiring: expected.expiring.map((batch) => batch.points),
        },
      );
      // Each batch expires 12 months of the shopper's calendar after it became spendable (the seed ran moments
      // before this test).
      const timeZone = seeded.timezone ?? DEMO_SEED.program.timezone;
      for (const [i, batch] of expected.expiring.entries()) {
        const spendableAt = new Date(Date.now() - batch.spendableDaysAgo * DAY_MS);
        const expiresAt = addMonthsIn(spendableAt, DEMO_SEED.program.pointsExpiryMonths, timeZone);
        const shown = Date.parse(summary.points.expiring[i]?.expiresAt ?? '');
        assert.ok(Math.abs(shown - expiresAt.getTime()) < 10 * 60_000, `batch ${i} expires ${shown}`);
      }
      assert.deepEqual(summary.tier.current, { id: tier.id, name: tier.name });
      assert.deepEqual(summary.tier.next, next ? { id: next.id, name: next.name } : null);
      assert.deepEqual(summary.tier.progress, {
        metric: 'points',
        qualified: expected.earnedInWindow,
        nextThreshold: next?.threshold ?? null,
        remaining: next ? next.threshold - expected.earnedInWindow : 0,
      });
      const risk = summary.tier.atRisk;
      assert.deepEqual(risk && { retainThreshold: risk.retainThreshold, remaining: risk.remaining }, expected.atRisk);
      if (risk) assert.equal(risk.at, summary.tier.windowEndsAt, 'the first activity to leave takes the tier');
      assert.equal(summary.tier.windowEndsAt === null, expected.earnedInWindow === 0);

      if (seeded.birthday === null) {
        assert.equal(summary.birthday, null);
      } else if (seeded.birthday === 'seed-day') {
        assert.equal(summary.birthday?.calendar, 'gregorian');
        assert.equal(summary.birthday?.inWindow, true);
        assert.equal(summary.birthday?.claimable, true, 'demo-birthday can claim right after seeding');
      } else {
        assert.deepEqual(
          { month: summary.birthday?.month, day: summary.birthday?.day, calendar: summary.birthday?.calendar },
          seeded.birthday,
        );
      }
    });
  }

  test('the at-risk window of demo-gold ends when its 4 000 points leave the window', async () => {
    const summary = await summaryOf(server, 'demo-gold');
    const earnedAt = new Date(Date.now() - 300 * DAY_MS);
    const leaves = addMonths(earnedAt, DEMO_SEED.program.tierWindowMonths);
    assert.ok(Math.abs(Date.parse(summary.tier.windowEndsAt ?? '') - leaves.getTime()) < 10 * 60_000);
  });

  test('lists the triggers with a survey due; a dismissal takes its trigger off and changes the ETag', async () => {
    const customerId = await createDemoCustomer(server);
    const request = { token: await demoToken(server, customerId), publishableKey: server.config.demoPublishableKey };
    const before = await getSummary(server, request);
    const etag = before.headers.get('etag');
    const triggers = Object.values(DEMO_SURVEYS)
      .map((survey) => survey.trigger)
      .sort();
    assert.deepEqual(((await before.json()) as Summary).surveysDue, triggers);

    const res = await dismiss(server, customerId, DEMO_SURVEYS.postPurchase.id);
    assert.equal(res.status, 201);
    await res.body?.cancel();
    const after = await getSummary(server, { ...request, headers: { 'If-None-Match': etag ?? '' } });
    assert.equal(after.status, 200, "the page's copy is stale: a 304 would keep the survey due");
    assert.deepEqual(
      ((await after.json()) as Summary).surveysDue,
      triggers.filter((trigger) => trigger !== DEMO_SURVEYS.postPurchase.trigger),
    );
  });

  test('is private, revalidated, and answers 304 to a matching If-None-Match', async () => {
    const customerId: DemoCustomerId = 'demo-shopper';
    const request = { token: await demoToken(server, customerId), publishableKey: server.config.demoPublishableKey };
    const first = await getSummary(server, request);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('cache-control'), 'private, no-cache');
    const etag = first.headers.get('etag');
    assert.ok(etag, 'ETag header');
    await first.body?.cancel();

    const revalidated = await getSummary(server, { ...request, headers: { 'If-None-Match': etag } });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.headers.get('etag'), etag);
    assert.equal(await revalidated.text(), '');

    const stale = await getSummary(server, { ...request, headers: { 'If-None-Match': '"something-else"' } });
    assert.equal(stale.status, 200);
    assert.equal(stale.headers.get('etag'), etag);
    await stale.body?.cancel();
  });

  test('answers CORS preflights from an allowed origin and exposes ETag', async () => {
    const origin = server.config.allowedOrigins[0];
    assert.ok(origin, 'demo mode allows an origin by default');
    const preflight = await fetch(server.baseUrl + paths.summary, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': `authorization, ${PUBLISHABLE_KEY_HEADER.toLowerCase()}, if-none-match`,
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), origin);
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(',');
    for (const header of ['authorization', PUBLISHABLE_KEY_HEADER.toLowerCase(), 'if-none-match']) {
      assert.ok(allowed.includes(header), `allows ${header}`);
    }

    const res = await getSummary(server, {
      token: await demoToken(server, 'demo-shopper'),
      publishableKey: server.config.demoPublishableKey,
      headers: { Origin: origin },
    });
    assert.equal(res.headers.get('access-control-allow-origin'), origin);
    assert.match(res.headers.get('access-control-expose-headers') ?? '', /etag/i);
    await res.body?.cancel();

    const refused = await getSummary(server, { headers: { Origin: origin } });
    assert.equal(refused.status, 401);
    assert.equal(refused.headers.get('access-control-allow-origin'), origin, 'problems are readable cross-origin');
    await refused.body?.cancel();

    const stranger = await getSummary(server, { headers: { Origin: 'https://evil.example' } });
    assert.equal(stranger.headers.get('access-control-allow-origin'), null);
    await stranger.body?.cancel();
  });
});

describe('GET /v1/me/summary rejects bad credentials with 401', () => {
  const customerId: DemoCustomerId = 'demo-shopper';
  const withKey = (token?: string) => ({ token, publishableKey: server.config.demoPublishableKey });

  test('no customer token', async () => {
    await expectProblem(await getSummary(server, withKey()), 401, 'token_missing');
  });

  test('a forged signature', async () => {
    const token = await demoToken(server, customerId, { secret: 'sk_someone_else' });
    await expectProblem(await getSummary(server, withKey(token)), 401, 'token_invalid');
  });

  test('a token for another audience', async () => {
    const token = await demoToken(server, customerId, { audience: 'pk_another_program' });
    await expectProblem(await getSummary(server, withKey(token)), 401, 'token_invalid');
  });

  test('an expired token', async () => {
    const iat = nowSeconds() - 7200;
    const token = await demoToken(server, customerId, { iat, exp: iat + 3600 });
    await expectProblem(await getSummary(server, withKey(token)), 401, 'token_expired');
  });

  test('a token that lives longer than allowed', async () => {
    const iat = nowSeconds();
    const token = await demoToken(server, customerId, { iat, exp: iat + MAX_CUSTOMER_TOKEN_TTL_SECONDS + 60 });
    await expectProblem(await getSummary(server, withKey(token)), 401, 'token_invalid');
  });

  test('a token signed with another algorithm', async () => {
    const token = await demoToken(server, customerId, { alg: 'HS512' });
    await expectProblem(await getSummary(server, withKey(token)), 401, 'token_invalid');
  });

  test('a token without a subject', async () => {
    const token = await signCustomerToken({
      secret: server.config.demoSecretKey,
      audience: server.config.demoPublishableKey,
    });
    await expectProblem(await getSummary(server, withKey(token)), 401, 'token_invalid');
  });

  test('a malformed token', async () => {
    await expectProblem(await getSummary(server, withKey('not.a.jwt')), 401, 'token_invalid');
  });

  test('a customer the program does not have', async () => {
    const token = await demoToken(server, 'nobody-here');
    await expectProblem(await getSummary(server, withKey(token)), 401, 'customer_not_found');
  });

  test('an unknown publishable key', async () => {
    const token = await demoToken(server, customerId);
    await expectProblem(
      await getSummary(server, { token, publishableKey: 'pk_unknown' }),
      401,
      'publishable_key_invalid',
    );
  });

  test('no publishable key', async () => {
    const token = await demoToken(server, customerId);
    await expectProblem(await getSummary(server, { token }), 401, 'publishable_key_invalid');
  });
});

test('unknown routes are a not_found problem', async () => {
  await expectProblem(await fetch(`${server.baseUrl}/v1/no-such-thing`), 404, 'not_found');
});
