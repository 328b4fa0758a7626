import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Tier } from '../src/domain/programs.ts';
import { tierStanding, type QualifyingActivity } from '../src/domain/tiers.ts';
import { addMonths } from '../src/domain/time.ts';

const tier = (id: string, threshold: number): Tier => ({
  id,
  name: { en: id },
  threshold,
  benefits: [],
  earnMultiplier: 1,
});
const TIERS = [tier('gold', 5_000), tier('member', 0), tier('diamond', 20_000), tier('silver', 1_000)];
const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number, amount: number): QualifyingActivity => ({
  at: new Date(NOW.getTime() - days * DAY),
  amount,
});
/** Forecast over a whole year, so every coming departure from the window is inside the horizon. */
const standing = (activity: QualifyingActivity[]) => tierStanding(TIERS, activity, 12, NOW, 366);
const risk = (s: ReturnType<typeof standing>) =>
  s.atRisk && { retainThreshold: s.atRisk.retainThreshold, remaining: s.atRisk.remaining };

describe('tier standing on a rolling 12-month window', () => {
  test('a new customer is at the lowest tier with the whole way to go', () => {
    const s = standing([]);
    assert.deepEqual(
      [s.current.id, s.next?.id, s.qualified, s.nextThreshold, s.remaining, s.windowEndsAt, s.atRisk],
      ['member', 'silver', 0, 1_000, 1_000, null, null],
    );
  });

  test('progress counts what is inside the window only', () => {
    const s = standing([daysAgo(400, 3_000), daysAgo(120, 4_000), daysAgo(20, 1_800)]);
    assert.deepEqual([s.current.id, s.next?.id, s.qualified, s.remaining], ['gold', 'diamond', 5_800, 14_200]);
  });

  test('at risk when what is left after the oldest activity leaves falls below the threshold', () => {
    const oldest = daysAgo(120, 4_000);
    const s = standing([oldest, daysAgo(20, 1_800)]);
    assert.deepEqual(s.windowEndsAt, addMonths(oldest.at, 12));
    assert.deepEqual(risk(s), { retainThreshold: 5_000, remaining: 3_200 });
    assert.deepEqual([s.atRisk?.at, s.atRisk?.dropsTo.id], [addMonths(oldest.at, 12), 'silver']);
  });

  test('not at risk when what is left still holds the tier', () => {
    // The 1 200 leave in 215 days and 2 000 hold Silver; the 2 000 leave only after the 300-day horizon.
    const s = tierStanding(TIERS, [daysAgo(150, 1_200), daysAgo(30, 2_000)], 12, NOW, 300);
    assert.equal(s.current.id, 'silver');
    assert.deepEqual(s.windowEndsAt, addMonths(daysAgo(150, 0).at, 12));
    assert.equal(s.atRisk, null);
  });

  test('activity leaving at the same moment leaves together', () => {
    const s = standing([daysAgo(100, 3_000), daysAgo(100, 2_500), daysAgo(10, 900)]);
    assert.equal(s.current.id, 'gold');
    assert.deepEqual(risk(s), { retainThreshold: 5_000, remaining: 4_100 });
  });

  test('the lowest tier is never at risk', () => {
    assert.equal(standing([daysAgo(300, 500)]).atRisk, null);
  });

  test('the top tier has no next tier and nothing remaining', () => {
    const s = standing([daysAgo(10, 25_000)]);
    assert.deepEqual([s.current.id, s.next, s.nextThreshold, s.remaining], ['diamond', null, null, 0]);
    assert.deepEqual(risk(s), { retainThreshold: 20_000, remaining: 20_000 });
    assert.equal(s.atRisk?.dropsTo.id, 'member', 'all of it leaves: down three levels');
  });

  test('activity leaves the window exactly 12 months after it happened', () => {
    const at = addMonths(NOW, -12);
    assert.equal(standing([{ at, amount: 1_000 }]).qualified, 0, 'on the boundary: already out');
    assert.equal(standing([{ at: new Date(at.getTime() + 1), amount: 1_000 }]).qualified, 1_000);
    assert.equal(standing([{ at: new Date(NOW.getTime() + 1), amount: 1_000 }]).qualified, 0, 'not yet happened');
  });

  test('negative corrections lower the qualified amount, never below zero', () => {
    assert.equal(standing([daysAgo(30, 6_000), daysAgo(5, -2_000)]).current.id, 'silver');
    assert.equal(standing([daysAgo(30, 100), daysAgo(5, -2_000)]).qualified, 0);
  });

  test('a correction leaving the window raises what is left', () => {
    const s = tierStanding(TIERS, [daysAgo(200, -1_000), daysAgo(20, 6_500)], 12, NOW, 300);
    assert.deepEqual([s.current.id, s.qualified, s.atRisk], ['gold', 5_500, null]);
  });

  test('looks past the first departure: a later one inside the horizon can take the tier', () => {
    // The oldest 500 leave first and Gold holds; when the 4 000 leave 100 days later, it does not.
    const s = tierStanding(TIERS, [daysAgo(300, 500), daysAgo(200, 4_000), daysAgo(10, 1_500)], 12, NOW, 180);
    assert.deepEqual(s.windowEndsAt, addMonths(daysAgo(300, 0).at, 12));
    assert.deepEqual(risk(s), { retainThreshold: 5_000, remaining: 3_500 });
    assert.deepEqual([s.atRisk?.at, s.atRisk?.dropsTo.id], [addMonths(daysAgo(200, 0).at, 12), 'silver']);
  });

  test('a fall beyond the horizon is not a risk yet', () => {
    const activity = [daysAgo(200, 4_000), daysAgo(10, 1_500)]; // the 4 000 leave in about 165 days
    assert.equal(tierStanding(TIERS, activity, 12, NOW, 90).atRisk, null);
    assert.equal(tierStanding(TIERS, activity, 12, NOW).atRisk, null, 'the default horizon is 90 days');
    assert.notEqual(tierStanding(TIERS, activity, 12, NOW, 180).atRisk, null);
  });
});
