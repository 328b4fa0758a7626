import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PUBLISHABLE_KEY_HEADER, Program, paths, programSettingsPath } from '@loyalty-elements/contract';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { expectProblem, parseExactly } from './support/http.ts';
import { testSurvey } from './support/surveys.ts';
import { defined, inputOf } from './support/survey-admin.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

function getProgram(headers: Record<string, string> = {}): Promise<Response> {
  return fetch(server.baseUrl + paths.program, {
    headers: { [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey, ...headers },
  });
}

describe('GET /v1/program', () => {
  test('describes the demo program with the publishable key alone', async () => {
    const res = await getProgram();
    assert.equal(res.status, 200, await res.clone().text());
    const program = parseExactly(Program, await res.json());
    const { program: seeded, tiers } = DEMO_SEED;
    assert.deepEqual(program, {
      name: seeded.name,
      pointsName: seeded.pointsName,
      timezone: seeded.timezone,
      currency: seeded.currency,
      tiers: [...tiers]
        .sort((a, b) => a.threshold - b.threshold)
        .map((tier) => ({
          id: tier.id,
          name: tier.name,
          threshold: tier.threshold,
          metric: seeded.tierMetric,
          window: { type: 'rolling', months: seeded.tierWindowMonths },
          benefits: tier.benefits,
          earnMultiplier: 1,
        })),
      pointsExpiryMonths: seeded.pointsExpiryMonths,
      birthday: seeded.birthday,
      // The demo program's defaults, and its post-purchase survey's completion reward.
      earning: { earnRate: 1, welcomeBonus: 0, surveyPoints: 50, referral: { referrerPoints: 500, friendPoints: 300 } },
    });
  });

  test('takes the publishable key as ?key= instead of the header, for a browser GET without a preflight', async () => {
    const byHeader = await (await getProgram()).json();
    const url = `${server.baseUrl}${paths.program}?key=${encodeURIComponent(server.config.demoPublishableKey)}`;
    const byQuery = await fetch(url);
    assert.equal(byQuery.status, 200, await byQuery.clone().text());
    assert.deepEqual(await byQuery.json(), byHeader);
    await expectProblem(
      await fetch(`${server.baseUrl}${paths.program}?key=pk_unknown`),
      401,
      'publishable_key_invalid',
    );
    // The header wins over the query.
    const both = await fetch(`${server.baseUrl}${paths.program}?key=pk_unknown`, {
      headers: { [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey },
    });
    assert.equal(both.status, 200);
    await both.body?.cancel();
    // A customer read takes it too, and then needs the customer's token.
    const summary = await fetch(`${server.baseUrl}${paths.summary}?key=${server.config.demoPublishableKey}`);
    await expectProblem(summary, 401, 'token_missing');
  });

  test('is publicly cacheable for five minutes with a strong ETag, and answers 304 when it matches', async () => {
    const first = await getProgram();
    assert.equal(first.headers.get('cache-control'), 'public, max-age=300');
    assert.match(first.headers.get('vary') ?? '', new RegExp(PUBLISHABLE_KEY_HEADER, 'i'));
    const etag = first.headers.get('etag');
    assert.ok(etag, 'ETag header');
    assert.match(etag, /^"[^"]+"$/, 'strong, not W/');
    await first.body?.cancel();

    const revalidated = await getProgram({ 'If-None-Match': etag });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.headers.get('etag'), etag);
    assert.equal(await revalidated.text(), '');

    const listed = await getProgram({ 'If-None-Match': `"other", ${etag}` });
    assert.equal(listed.status, 304);
    await listed.body?.cancel();

    const stale = await getProgram({ 'If-None-Match': '"something-else"' });
    assert.equal(stale.status, 200);
    assert.equal(stale.headers.get('etag'), etag, 'the same program has the same tag');
    await stale.body?.cancel();
  });

  test('needs no customer token, and ignores one', async () => {
    const res = await getProgram({ Authorization: 'Bearer not-a-token' });
    assert.equal(res.status, 200);
    await res.body?.cancel();
  });

  test('refuses a missing or unknown publishable key', async () => {
    await expectProblem(await fetch(server.baseUrl + paths.program), 401, 'publishable_key_invalid');
    await expectProblem(await getProgram({ [PUBLISHABLE_KEY_HEADER]: 'pk_unknown' }), 401, 'publishable_key_invalid');
    await expectProblem(
      await getProgram({ [PUBLISHABLE_KEY_HEADER]: server.config.demoSecretKey }),
      401,
      'publishable_key_invalid',
    );
  });

  test('is readable from the allowed origins, like the customer routes', async () => {
    const origin = server.config.allowedOrigins[0];
    assert.ok(origin);
    const preflight = await fetch(server.baseUrl + paths.program, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': `${PUBLISHABLE_KEY_HEADER.toLowerCase()}, if-none-match`,
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), origin);

    const res = await getProgram({ Origin: origin });
    assert.equal(res.headers.get('access-control-allow-origin'), origin);
    assert.match(res.headers.get('access-control-expose-headers') ?? '', /etag/i);
    await res.body?.cancel();

    const stranger = await getProgram({ Origin: 'https://evil.example' });
    assert.equal(stranger.headers.get('access-control-allow-origin'), null);
    await stranger.body?.cancel();
  });

  test('surveyPoints is the highest completion reward among the active surveys, and a change retags the program', async () => {
    const read = async () => {
      const res = await getProgram();
      return { etag: res.headers.get('etag'), program: parseExactly(Program, await res.json()) };
    };
    const before = await read();
    assert.equal(before.program.earning?.surveyPoints, 50);
    const richer = testSurvey({ completionReward: 80 });
    await defined(server, richer.id, inputOf(richer), 201);
    const raised = await read();
    assert.equal(raised.program.earning?.surveyPoints, 80);
    assert.notEqual(raised.etag, before.etag);
    await defined(server, richer.id, inputOf({ ...richer, status: 'paused' }), 200);
    assert.equal((await read()).program.earning?.surveyPoints, 50, 'a paused survey is not offered');
  });

  test('earning.referral follows the program’s referral settings, and turning them off retags the program', async () => {
    const read = async () => {
      const res = await getProgram();
      return { etag: res.headers.get('etag'), program: parseExactly(Program, await res.json()) };
    };
    const patchReferrals = async (referrals: unknown) => {
      const res = await fetch(server.baseUrl + programSettingsPath, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${server.config.demoSecretKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ referrals }),
      });
      assert.equal(res.status, 200);
      await res.body?.cancel();
    };
    const before = await read();
    assert.deepEqual(before.program.earning?.referral, { referrerPoints: 500, friendPoints: 300 });
    await patchReferrals({ referrerPoints: 700, friendPoints: 0, monthlyCap: 5, landingUrl: null });
    assert.deepEqual((await read()).program.earning?.referral, { referrerPoints: 700, friendPoints: 0 });
    await patchReferrals(null);
    const off = await read();
    assert.equal(off.program.earning?.referral, null);
    assert.notEqual(off.etag, before.etag);
  });
});
