import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SettingsCache, SETTINGS_CACHE_MS } from '../src/caches/settings.ts';
import type { Program } from '../src/domain/programs.ts';
import type { Queryable } from '../src/store/database.ts';

/** A database that answers every program lookup with `program` and counts the lookups. */
function programStore(program: () => Record<string, unknown>): Queryable & { lookups: number } {
  const store = {
    lookups: 0,
    query: async <Row>() => {
      store.lookups++;
      return [program()] as Row[];
    },
    exec: async () => undefined,
  };
  return store;
}

const row = (settingsVersion: number, graceEndsAt: Date | null = null) => ({
  id: 'p1',
  name: 'Shop',
  points_name: { en: 'points' },
  publishable_key: 'pk_1',
  secret_key: 'sk_1',
  timezone: 'UTC',
  currency: 'USD',
  tier_metric: 'points',
  tier_window_months: 12,
  tier_risk_horizon_days: 90,
  points_expiry_months: null,
  birthday_points: null,
  birthday_days_before: 7,
  birthday_days_after: 7,
  birthday_notice_days: 30,
  welcome_bonus: 0,
  earn_rate: 1,
  return_window_days: 0,
  points_expiring_days: [],
  birthday_upcoming_days: [],
  follow_up_target_hours: 48,
  lapsed_after_days: 90,
  referral_settings: null,
  tiers: [],
  grace_keys: [],
  grace_ends_at: graceEndsAt,
  settings_version: settingsVersion,
});

test('a program is looked up once, then served from memory until its time is up or it is forgotten', async () => {
  const cache = new SettingsCache();
  let version = 1;
  const db = programStore(() => row(version));
  const now = new Date('2026-12-05T08:00:00Z');
  await cache.programByPublishableKey(db, 'pk_1', now);
  await cache.programByPublishableKey(db, 'pk_1', new Date(now.getTime() + 1_000));
  assert.equal(db.lookups, 1);

  version = 2;
  cache.forgetProgram('p1');
  assert.equal((await cache.programByPublishableKey(db, 'pk_1', now))?.settingsVersion, 2);
  await cache.programByPublishableKey(db, 'pk_1', new Date(now.getTime() + SETTINGS_CACHE_MS));
  assert.equal(db.lookups, 3);
});

test("a program is not served from memory past a rotated key's grace period", async () => {
  const cache = new SettingsCache();
  const now = new Date('2026-12-05T08:00:00Z');
  const db = programStore(() => row(1, new Date(now.getTime() + 5_000)));
  await cache.programByPublishableKey(db, 'pk_1', now);
  await cache.programByPublishableKey(db, 'pk_1', new Date(now.getTime() + 5_000));
  assert.equal(db.lookups, 2);
});

test('a verified token is remembered until its exp, and only for the settings it was verified with', async () => {
  const cache = new SettingsCache();
  const db = programStore(() => row(1));
  const program = (await cache.programByPublishableKey(db, 'pk_1', new Date())) as Program;
  const inAMinute = Math.floor(Date.now() / 1000) + 60;
  cache.rememberToken(program, 'token-a', 'shopper-a', inAMinute);
  cache.rememberToken(program, 'token-old', 'shopper-b', Math.floor(Date.now() / 1000) - 1);
  assert.equal(cache.verifiedCustomer(program, 'token-a', new Date()), 'shopper-a');
  assert.equal(cache.verifiedCustomer(program, 'token-old', new Date()), undefined);
  assert.equal(cache.verifiedCustomer(program, 'token-unknown', new Date()), undefined);
  assert.equal(cache.verifiedCustomer({ ...program, settingsVersion: 2 }, 'token-a', new Date()), undefined);
});
