import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildOpenApiDocument } from '../src/openapi.ts';
import {
  AdjustRequest,
  Birthday,
  IsoDateTime,
  CustomerUpsertRequest,
  PROBLEM_CODES,
  PointsHistoryQuery,
  Problem,
  Program,
  Summary,
  TimeZone,
  TimeZoneName,
  TransactionRequest,
} from '../src/index.ts';

const summary = {
  customer: { id: 'demo-shopper', name: 'Lin Mei', locale: 'zh-CN', timezone: 'Asia/Shanghai' },
  program: { name: 'Demo Tea House', pointsName: { en: 'points', 'zh-CN': '积分' } },
  points: {
    balance: 2900,
    pending: 180,
    lifetimeEarned: 3380,
    expiring: [
      { points: 900, expiresAt: '2027-06-03T00:00:00.000Z' },
      { points: 2000, expiresAt: '2027-08-09T00:00:00+08:00' },
    ],
  },
  tier: {
    current: { id: 'silver', name: { en: 'Silver', 'zh-CN': '银卡' } },
    next: { id: 'gold', name: { en: 'Gold', 'zh-CN': '金卡' } },
    progress: { metric: 'points', qualified: 3380, nextThreshold: 5000, remaining: 1620 },
    windowEndsAt: '2027-06-03T00:00:00.000Z',
    atRisk: null,
  },
  birthday: {
    month: 8,
    day: 15,
    calendar: 'chinese-lunar',
    inWindow: false,
    claimable: false,
    claimedThisYear: false,
    nextBirthday: '2026-09-25',
  },
  surveysDue: ['account_page', 'post_purchase'],
};

describe('Summary', () => {
  it('accepts a summary and drops fields it does not know, so older clients keep working', () => {
    const parsed = Summary.parse({ ...summary, newField: 1 });
    assert.deepEqual(parsed, summary);
  });

  it('accepts a summary without surveysDue (an older API), and rejects a trigger that is not snake_case', () => {
    const { surveysDue: _dropped, ...older } = summary;
    assert.deepEqual(Summary.parse(older), older);
    assert.equal(Summary.safeParse({ ...summary, surveysDue: ['Post Purchase'] }).success, false);
  });

  it('rejects negative or fractional balances and a missing customer', () => {
    assert.equal(Summary.safeParse({ ...summary, points: { ...summary.points, balance: -5 } }).success, false);
    assert.equal(Summary.safeParse({ ...summary, points: { ...summary.points, balance: 1.5 } }).success, false);
    const { customer: _dropped, ...withoutCustomer } = summary;
    assert.equal(Summary.safeParse(withoutCustomer).success, false);
  });

  it('accepts the top tier, an at-risk tier and no birthday', () => {
    const top = {
      ...summary,
      tier: {
        ...summary.tier,
        next: null,
        progress: { metric: 'spend', qualified: 250_000, nextThreshold: null, remaining: 0 },
        atRisk: { retainThreshold: 200_000, remaining: 50_000 },
      },
      birthday: null,
    };
    assert.deepEqual(Summary.parse(top), top);
  });

  it('rejects an unknown calendar, tier metric, a date that is not ISO or a zone that is no name', () => {
    const bad = [
      { ...summary, birthday: { ...summary.birthday, calendar: 'hebrew' } },
      { ...summary, birthday: { ...summary.birthday, nextBirthday: '25/09/2026' } },
      { ...summary, tier: { ...summary.tier, progress: { ...summary.tier.progress, metric: 'visits' } } },
      { ...summary, customer: { ...summary.customer, timezone: 'Nowhere Special' } },
    ];
    for (const value of bad) assert.equal(Summary.safeParse(value).success, false, JSON.stringify(value));
  });
});

describe('Program', () => {
  const program = {
    name: 'Demo Tea House',
    pointsName: { en: 'points', 'zh-CN': '积分' },
    timezone: 'Asia/Shanghai',
    currency: 'CNY',
    tiers: [
      {
        id: 'member',
        name: { en: 'Member' },
        threshold: 0,
        metric: 'points',
        window: { type: 'rolling', months: 12 },
        benefits: [{ en: 'Birthday reward', 'zh-CN': '生日礼遇' }],
      },
    ],
    pointsExpiryMonths: 12,
    birthday: { points: 200, daysBefore: 7, daysAfter: 7 },
  };

  it('accepts a program', () => assert.deepEqual(Program.parse(program), program));

  it('needs a tier, a real currency code and a bounded birthday window', () => {
    assert.equal(Program.safeParse({ ...program, tiers: [] }).success, false);
    assert.equal(Program.safeParse({ ...program, currency: 'yuan' }).success, false);
    assert.equal(
      Program.safeParse({ ...program, birthday: { points: 200, daysBefore: 40, daysAfter: 7 } }).success,
      false,
    );
    assert.equal(Program.safeParse({ ...program, birthday: null, pointsExpiryMonths: null }).success, true);
  });

  it('carries how points are earned, and refuses negative or fractional rewards', () => {
    const earning = { earnRate: 1.5, welcomeBonus: 100, surveyPoints: 0 };
    const withEarning = { ...program, earning, tiers: [{ ...program.tiers[0], earnMultiplier: 1.25 }] };
    assert.deepEqual(Program.parse(withEarning), withEarning);
    const bad = [
      { ...program, earning: { ...earning, welcomeBonus: -1 } },
      { ...program, earning: { ...earning, surveyPoints: 2.5 } },
      { ...program, earning: { ...earning, earnRate: -0.5 } },
      { ...program, tiers: [{ ...program.tiers[0], earnMultiplier: 0 }] },
    ];
    for (const value of bad) assert.equal(Program.safeParse(value).success, false, JSON.stringify(value));
  });
});

describe('Birthday', () => {
  it('accepts 29 February and the 30th of a lunar month', () => {
    assert.equal(Birthday.safeParse({ month: 2, day: 29, calendar: 'gregorian' }).success, true);
    assert.equal(Birthday.safeParse({ month: 12, day: 30, calendar: 'chinese-lunar' }).success, true);
  });

  it('rejects days the month never has, naming the day', () => {
    for (const value of [
      { month: 2, day: 30, calendar: 'gregorian' },
      { month: 11, day: 31, calendar: 'gregorian' },
      { month: 1, day: 31, calendar: 'chinese-lunar' },
    ]) {
      const result = Birthday.safeParse(value);
      assert.equal(result.success, false);
      assert.deepEqual(
        result.error?.issues.map((issue) => issue.path.join('.')),
        ['day'],
      );
    }
  });
});

describe('IsoDateTime', () => {
  it('takes instants from 1900 to the end of 9999 in UTC, whatever their offset', () => {
    for (const instant of ['1900-01-01T00:00:00Z', '2026-06-03T08:00:00.000Z', '9999-12-31T23:59:59.999Z'])
      assert.equal(IsoDateTime.safeParse(instant).success, true, instant);
    // Year 10000 once in UTC; years PostgreSQL reads as others (0049 → 2049) or not at all (0000).
    for (const instant of ['9999-12-31T23:59:59-05:00', '0049-06-01T00:00:00Z', '0000-01-01T00:00:00Z'])
      assert.equal(IsoDateTime.safeParse(instant).success, false, instant);
    assert.equal(IsoDateTime.safeParse('next week').error?.issues.length, 1, 'one issue for text that is no instant');
  });
});

describe('TimeZone', () => {
  it('accepts IANA names and rejects others', () => {
    for (const zone of ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'])
      assert.equal(TimeZone.safeParse(zone).success, true);
    for (const zone of ['', 'Mars/Base', 'GMT+25']) assert.equal(TimeZone.safeParse(zone).success, false);
  });

  it('is only shaped like a name in a response, where a zone newer than the runtime still reads', () => {
    for (const zone of ['UTC', 'Asia/Shanghai', 'America/Argentina/Buenos_Aires', 'Etc/GMT+8', 'Mars/Base'])
      assert.equal(TimeZoneName.safeParse(zone).success, true, zone);
    for (const zone of ['', '/Asia', 'Asia/', 'Asia Shanghai', '<script>', 'x'.repeat(65)])
      assert.equal(TimeZoneName.safeParse(zone).success, false, zone);
    const later = { ...summary, customer: { ...summary.customer, timezone: 'America/Ciudad_Nueva' } };
    assert.equal(Summary.safeParse(later).success, true);
  });
});

describe('PointsHistoryQuery', () => {
  it('reads the limit from the query string', () => {
    assert.deepEqual(PointsHistoryQuery.parse({ limit: '25', cursor: 'abc' }), { limit: 25, cursor: 'abc' });
    assert.deepEqual(PointsHistoryQuery.parse({}), {});
    for (const limit of ['0', '101', '2.5', 'ten'])
      assert.equal(PointsHistoryQuery.safeParse({ limit }).success, false);
  });
});

describe('CustomerUpsertRequest', () => {
  it('needs a name; the rest may be left out or null', () => {
    assert.equal(CustomerUpsertRequest.safeParse({ name: 'Lin Mei' }).success, true);
    assert.equal(
      CustomerUpsertRequest.safeParse({ name: 'Lin Mei', locale: null, timezone: null, birthday: null }).success,
      true,
    );
    assert.equal(CustomerUpsertRequest.safeParse({ locale: 'en' }).success, false);
  });
});

describe('TransactionRequest', () => {
  it('accepts earn and redeem of positive whole points', () => {
    assert.deepEqual(TransactionRequest.parse({ type: 'earn', points: 10 }), { type: 'earn', points: 10 });
    assert.equal(TransactionRequest.safeParse({ type: 'redeem', points: 1, reason: 'tea' }).success, true);
  });

  it('accepts an earn with expiry, pending period and spend', () => {
    const earn = {
      type: 'earn',
      points: 128,
      expiresAt: '2027-06-03T00:00:00.000Z',
      pendingUntil: '2026-06-17T00:00:00.000Z',
      spend: { amount: 12_800, currency: 'CNY' },
    };
    assert.deepEqual(TransactionRequest.parse(earn), earn);
    assert.equal(TransactionRequest.safeParse({ type: 'earn', points: 1, expiresAt: null }).success, true);
  });

  it('accepts signed adjustments; only credits carry an expiry', () => {
    assert.equal(TransactionRequest.safeParse({ type: 'adjust', points: -40, reason: 'Correction' }).success, true);
    assert.equal(AdjustRequest.safeParse({ type: 'adjust', points: 0 }).success, false);
    const result = TransactionRequest.safeParse({ type: 'adjust', points: -40, expiresAt: '2027-01-01T00:00:00Z' });
    assert.deepEqual(
      result.error?.issues.map((issue) => issue.path.join('.')),
      ['expiresAt'],
    );
  });

  it('names the offending field', () => {
    const result = TransactionRequest.safeParse({ type: 'earn', points: 0 });
    assert.equal(result.success, false);
    assert.deepEqual(
      result.error?.issues.map((issue) => issue.path.join('.')),
      ['points'],
    );
    assert.equal(TransactionRequest.safeParse({ type: 'gift', points: 5 }).success, false);
    assert.equal(TransactionRequest.safeParse({ type: 'expire', points: 5 }).success, false, 'the API writes those');
  });
});

describe('Problem', () => {
  it('lists the ledger and birthday codes', () => {
    for (const code of [
      'currency_mismatch',
      'birthday_not_set',
      'birthday_change_limited',
      'birthday_outside_window',
      'birthday_already_claimed',
      'birthday_reward_unavailable',
    ]) {
      assert.ok((PROBLEM_CODES as readonly string[]).includes(code), code);
    }
  });

  it('accepts codes it does not list, so new server codes never break a client', () => {
    const problem = { type: 'about:blank', title: 'Teapot', status: 418, code: 'brand_new_code' };
    assert.deepEqual(Problem.parse(problem), problem);
  });
});

it('the OpenAPI document names a schema for every body and says where the API is', () => {
  const document = buildOpenApiDocument() as {
    servers: Array<{ url: string }>;
    paths: Record<string, Record<string, { requestBody?: Body; responses: Record<string, Body | undefined> }>>;
    components: { schemas: Record<string, unknown> };
  };
  type Body = { content?: Record<string, { schema: { $ref?: string } }> };
  assert.equal(document.servers[0]?.url, '/');
  const bodies = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, op]) =>
      [op.requestBody, ...Object.values(op.responses)].flatMap((body) =>
        Object.values(body?.content ?? {}).map(({ schema }) => ({ where: `${method} ${path}`, ref: schema.$ref })),
      ),
    ),
  );
  assert.ok(bodies.length > 50);
  for (const { where, ref } of bodies) {
    assert.match(ref ?? '', /^#\/components\/schemas\/\w+$/, `${where}: an inline body schema`);
    assert.ok(document.components.schemas[ref!.split('/').at(-1)!], `${where}: ${ref} is not in components`);
  }
});
