import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  PUBLISHABLE_KEY_HEADER,
  Program,
  ProgramSettings,
  paths,
  programSettingsPath,
  rewardPaths,
  type ProgramSettingsPatch,
  type RewardCatalogue,
} from '@loyalty-elements/contract';
import { startTestServer, type TestServer } from './support/server.ts';
import { expectProblem, parseExactly, summaryOf } from './support/http.ts';

// The merchant changes the program over the admin API; shoppers see the change on their next read.

describe('GET and PATCH /v1/admin/program', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const auth = () => ({ Authorization: `Bearer ${server.config.demoSecretKey}` });
  const read = async () => {
    const res = await fetch(server.baseUrl + programSettingsPath, { headers: auth() });
    assert.equal(res.status, 200);
    return parseExactly(ProgramSettings, await res.json());
  };
  const patch = (body: ProgramSettingsPatch | Record<string, unknown>) =>
    fetch(server.baseUrl + programSettingsPath, {
      method: 'PATCH',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  test('reads every setting of the program, with the secret key only', async () => {
    const settings = await read();
    assert.equal(settings.currency, 'CNY');
    assert.deepEqual(
      settings.tiers.map((tier) => [tier.id, tier.threshold, tier.earnMultiplier]),
      [
        ['member', 0, 1],
        ['silver', 1_000, 1],
        ['gold', 5_000, 1],
        ['diamond', 20_000, 1],
      ],
    );
    assert.equal(settings.birthday?.noticeDays, 30);
    assert.equal(settings.followUpTargetHours, 24, 'a day to answer a complaint unless the merchant says otherwise');
    const withPublishable = await fetch(server.baseUrl + programSettingsPath, {
      headers: { Authorization: `Bearer ${server.config.demoPublishableKey}` },
    });
    await expectProblem(withPublishable, 401, 'secret_key_invalid');
  });

  test('a change shows at once in GET /v1/program and in a summary', async () => {
    const res = await patch({
      name: 'Tea House Rewards',
      pointsName: { en: 'leaves', 'zh-CN': '茶叶' },
      welcomeBonus: 100,
      earnRate: 2,
      birthday: { points: 300, daysBefore: 3, daysAfter: 3, noticeDays: 14 },
      followUpTargetHours: 48,
    });
    assert.equal(res.status, 200);
    const settings = parseExactly(ProgramSettings, await res.json());
    assert.deepEqual(
      [settings.name, settings.welcomeBonus, settings.earnRate, settings.birthday, settings.followUpTargetHours],
      ['Tea House Rewards', 100, 2, { points: 300, daysBefore: 3, daysAfter: 3, noticeDays: 14 }, 48],
    );
    assert.deepEqual(await read(), settings, 'PATCH answers what GET then reads');
    const program = (await (
      await fetch(server.baseUrl + paths.program, {
        headers: { [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey },
      })
    ).json()) as { name: string; pointsName: unknown; birthday: unknown };
    assert.equal(program.name, 'Tea House Rewards');
    assert.deepEqual(program.birthday, { points: 300, daysBefore: 3, daysAfter: 3, noticeDays: 14 });
    const summary = await summaryOf(server, 'demo-shopper');
    assert.deepEqual(summary.program, { name: 'Tea House Rewards', pointsName: { en: 'leaves', 'zh-CN': '茶叶' } });
  });

  test('the earn rate, a tier multiplier and the welcome bonus show in GET /v1/program under a new ETag', async () => {
    const getProgram = () =>
      fetch(server.baseUrl + paths.program, {
        headers: { [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey },
      });
    const before = await getProgram();
    await before.body?.cancel();
    const tiers = (await read()).tiers.map((tier) => (tier.id === 'gold' ? { ...tier, earnMultiplier: 1.5 } : tier));
    const res = await patch({ earnRate: 2.5, welcomeBonus: 150, tiers });
    assert.equal(res.status, 200, await res.clone().text());

    const after = await getProgram();
    assert.notEqual(after.headers.get('etag'), before.headers.get('etag'));
    const program = parseExactly(Program, await after.json());
    assert.deepEqual(program.earning, {
      earnRate: 2.5,
      welcomeBonus: 150,
      surveyPoints: 50,
      referral: { referrerPoints: 500, friendPoints: 300 },
    });
    assert.deepEqual(
      program.tiers.map((tier) => [tier.id, tier.earnMultiplier]),
      [
        ['member', 1],
        ['silver', 1],
        ['gold', 1.5],
        ['diamond', 1],
      ],
    );
  });

  test('refuses tiers that do not start at 0, do not ascend or repeat an id, naming each field', async () => {
    const tiers = (await read()).tiers;
    const problem = await expectProblem(
      await patch({
        tiers: [
          { ...tiers[0]!, threshold: 10 },
          { ...tiers[1]!, threshold: 5 },
          { ...tiers[2]!, id: 'silver' },
        ],
      }),
      400,
      'validation_failed',
    );
    assert.deepEqual(problem.errors?.map((error) => error.path).sort(), [
      'body.tiers.0.threshold',
      'body.tiers.1.threshold',
      'body.tiers.2.id',
    ]);
  });

  test('reminders: the defaults, a change of one list keeping the other, and each bad list refused by name', async () => {
    assert.deepEqual((await read()).reminders, { pointsExpiringDays: [14, 3], birthdayUpcomingDays: [7] });
    const res = await patch({ reminders: { pointsExpiringDays: [30, 7, 1] } });
    assert.equal(res.status, 200, await res.clone().text());
    assert.deepEqual(parseExactly(ProgramSettings, await res.json()).reminders, {
      pointsExpiringDays: [30, 7, 1],
      birthdayUpcomingDays: [7],
    });
    const before = await read();
    for (const [reminders, path] of [
      [{ pointsExpiringDays: [0] }, 'body.reminders.pointsExpiringDays.0'],
      [{ pointsExpiringDays: [366] }, 'body.reminders.pointsExpiringDays.0'],
      [{ pointsExpiringDays: [3, 3] }, 'body.reminders.pointsExpiringDays'],
      [{ pointsExpiringDays: [1, 2, 3, 4, 5, 6] }, 'body.reminders.pointsExpiringDays'],
      [{ pointsExpiringDays: [1.5] }, 'body.reminders.pointsExpiringDays.0'],
      [{ birthdayUpcomingDays: [61] }, 'body.reminders.birthdayUpcomingDays.0'],
      [{ birthdayUpcomingDays: [-1] }, 'body.reminders.birthdayUpcomingDays.0'],
      [{ birthdayUpcomingDays: '7' }, 'body.reminders.birthdayUpcomingDays'],
      [{ birthdayDays: [7] }, 'body.reminders'],
    ] as const) {
      const problem = await expectProblem(await patch({ reminders }), 400, 'validation_failed');
      assert.deepEqual(
        problem.errors?.map((error) => error.path),
        [path],
        JSON.stringify(reminders),
      );
    }
    assert.deepEqual(await read(), before);
    assert.equal((await patch({ reminders: { pointsExpiringDays: [], birthdayUpcomingDays: [0] } })).status, 200);
    assert.deepEqual((await read()).reminders, { pointsExpiringDays: [], birthdayUpcomingDays: [0] });
    await patch({ reminders: { pointsExpiringDays: [14, 3], birthdayUpcomingDays: [7] } });
  });

  test('refuses unknown settings, wrong types and values out of range, changing nothing', async () => {
    const before = await read();
    for (const body of [
      { welcomBonus: 5 },
      { earnRate: -1 },
      { timezone: 'Mars/Base' },
      { currency: 'yuan' },
      { tierWindowMonths: 0 },
      { tierRiskHorizonDays: 400 },
      { followUpTargetHours: 0 },
      { followUpTargetHours: 721 },
      { followUpTargetHours: 1.5 },
      { birthday: { points: 0, daysBefore: 1, daysAfter: 1, noticeDays: 0 } },
      { tierReplacements: { gold: 'silver' } },
    ]) {
      await expectProblem(await patch(body), 400, 'validation_failed');
    }
    assert.deepEqual(await read(), before);
  });

  test('a tier members hold or rewards require is removed only with a replacement, which the rewards then require', async () => {
    const { tiers } = await read();
    const withoutGold = tiers.filter((tier) => tier.id !== 'gold');
    const refused = await expectProblem(await patch({ tiers: withoutGold }), 400, 'validation_failed');
    assert.equal(refused.errors?.[0]?.path, 'body.tierReplacements.gold');
    assert.match(refused.errors?.[0]?.message ?? '', /held by \d+ member\(s\) and required by 1 reward\(s\)/);

    const platinum = {
      id: 'platinum',
      name: { en: 'Platinum', 'zh-CN': '白金卡' },
      threshold: 4_000,
      benefits: [],
      earnMultiplier: 1.5,
    };
    const next = [withoutGold[0]!, withoutGold[1]!, platinum, withoutGold[2]!];
    const res = await patch({ tiers: next, tierReplacements: { gold: 'platinum' } });
    assert.equal(res.status, 200);
    const settings = parseExactly(ProgramSettings, await res.json());
    assert.deepEqual(
      settings.tiers.map((tier) => tier.id),
      ['member', 'silver', 'platinum', 'diamond'],
    );
    assert.equal(settings.tiers[2]!.earnMultiplier, 1.5);

    const catalogue = (await (
      await fetch(server.baseUrl + rewardPaths.catalogue, { headers: auth() })
    ).json()) as RewardCatalogue;
    assert.ok(catalogue.rewards.some((reward) => reward.requiredTierId === 'platinum'));
    assert.ok(!catalogue.rewards.some((reward) => reward.requiredTierId === 'gold'));
    const gold = await summaryOf(server, 'demo-gold');
    assert.equal(gold.tier.current.id, 'platinum', 'the former gold member now holds the tier that replaced it');
  });

  test('thresholds can swap places in one change', async () => {
    const { tiers } = await read();
    const [member, silver, platinum, diamond] = tiers;
    const res = await patch({
      tiers: [member!, { ...platinum!, threshold: 1_000 }, { ...silver!, threshold: 4_000 }, diamond!],
    });
    assert.equal(res.status, 200);
    assert.deepEqual(
      (await read()).tiers.map((tier) => `${tier.id}:${tier.threshold}`),
      ['member:0', 'platinum:1000', 'silver:4000', 'diamond:20000'],
    );
  });

  test('changes sent at once apply one after the other', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => patch({ welcomeBonus: i + 1 })));
    assert.deepEqual(
      results.map((res) => res.status),
      Array(10).fill(200),
    );
    const { welcomeBonus } = await read();
    assert.ok(welcomeBonus >= 1 && welcomeBonus <= 10);
  });
});
