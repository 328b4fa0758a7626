import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scheduledMomentsPerFile } from './support/moments.ts';

// A tier moved by time alone (pending points becoming spendable, activity leaving the 12-month window) and a tier at
// risk are found by the scheduler; a tier moved by a write is reported by the write, and by nothing else. The demo
// program's tiers: member 0, silver 1,000, gold 5,000; its risk forecast looks 90 days ahead.

describe('scheduled moments: tier.changed by time alone and tier.at_risk', () => {
  const { clock, member, transact, runAt, eventsOf } = scheduledMomentsPerFile();

  test('pending points that become spendable move the tier up: reported once, and not again by a later write', async () => {
    clock.set('2028-01-01T02:00:00.000Z');
    const id = await member();
    await transact(id, {
      type: 'earn',
      points: 1_200,
      reason: 'Order in its return window',
      pendingUntil: '2028-01-11T02:00:00.000Z',
    });
    await runAt('2028-01-10T02:00:00.000Z');
    assert.deepEqual(await eventsOf(id, 'tier.changed'), [], 'still pending');
    await runAt('2028-01-11T03:00:00.000Z');
    await runAt('2028-01-11T04:00:00.000Z');
    await Promise.all(Array.from({ length: 5 }, () => runAt('2028-01-11T05:00:00.000Z')));
    clock.set('2028-01-12T02:00:00.000Z');
    await transact(id, { type: 'earn', points: 10, reason: 'Tea' });
    await runAt('2028-01-13T02:00:00.000Z');
    assert.deepEqual(await eventsOf(id, 'tier.changed'), [
      { createdAt: '2028-01-11T03:00:00.000Z', data: { from: 'member', to: 'silver', direction: 'up' } },
    ]);
  });

  test('a change time made before a write is reported by that write, once', async () => {
    clock.set('2028-02-01T02:00:00.000Z');
    const id = await member();
    await transact(id, { type: 'earn', points: 1_000, reason: 'Order', pendingUntil: '2028-02-05T02:00:00.000Z' });
    clock.set('2028-02-06T02:00:00.000Z');
    await transact(id, { type: 'earn', points: 10, reason: 'Tea' });
    await runAt('2028-02-07T02:00:00.000Z');
    assert.deepEqual(await eventsOf(id, 'tier.changed'), [
      { createdAt: '2028-02-06T02:00:00.000Z', data: { from: 'member', to: 'silver', direction: 'up' } },
    ]);
  });

  test('a write that changes the tier is reported by the write and not again by the scheduler', async () => {
    clock.set('2028-03-01T02:00:00.000Z');
    const id = await member();
    await transact(id, { type: 'earn', points: 5_500, reason: 'Tea' });
    await runAt('2028-03-02T02:00:00.000Z');
    await runAt('2028-03-03T02:00:00.000Z');
    assert.deepEqual(await eventsOf(id, 'tier.changed'), [
      { createdAt: '2028-03-01T02:00:00.000Z', data: { from: 'member', to: 'gold', direction: 'up' } },
    ]);
  });

  test('activity leaving the window: tier.at_risk once within the forecast, then tier.changed down once', async () => {
    clock.set('2028-04-01T02:00:00.000Z');
    const id = await member();
    await transact(id, { type: 'earn', points: 1_200, reason: 'Tea' });
    await runAt('2028-12-01T02:00:00.000Z');
    assert.deepEqual(await eventsOf(id, 'tier.at_risk'), [], '4 months ahead: beyond the 90-day forecast');
    await runAt('2029-01-05T02:00:00.000Z');
    await runAt('2029-02-05T02:00:00.000Z');
    await runAt('2029-03-05T02:00:00.000Z');
    assert.deepEqual(await eventsOf(id, 'tier.at_risk'), [
      {
        createdAt: '2029-01-05T02:00:00.000Z',
        data: { tierId: 'silver', at: '2029-04-01T02:00:00.000Z', pointsNeeded: 1_000, dropsTo: 'member' },
      },
    ]);
    await runAt('2029-04-01T03:00:00.000Z');
    await runAt('2029-04-02T03:00:00.000Z');
    assert.deepEqual(await eventsOf(id, 'tier.changed'), [
      { createdAt: '2028-04-01T02:00:00.000Z', data: { from: 'member', to: 'silver', direction: 'up' } },
      { createdAt: '2029-04-01T03:00:00.000Z', data: { from: 'silver', to: 'member', direction: 'down' } },
    ]);
  });

  test('a new risk episode (out of risk, then in again with another date) is a new tier.at_risk', async () => {
    clock.set('2029-05-01T02:00:00.000Z');
    const id = await member();
    await transact(id, { type: 'earn', points: 1_000, reason: 'Tea' });
    await runAt('2030-03-01T02:00:00.000Z');
    clock.set('2030-03-02T02:00:00.000Z');
    await transact(id, { type: 'earn', points: 1_000, reason: 'Tea' });
    await runAt('2030-03-03T02:00:00.000Z');
    await runAt('2031-01-01T02:00:00.000Z');
    const risks = await eventsOf(id, 'tier.at_risk');
    assert.deepEqual(
      risks.map((risk) => risk.data),
      [
        { tierId: 'silver', at: '2030-05-01T02:00:00.000Z', pointsNeeded: 1_000, dropsTo: 'member' },
        { tierId: 'silver', at: '2031-03-02T02:00:00.000Z', pointsNeeded: 1_000, dropsTo: 'member' },
      ],
    );
  });
});
