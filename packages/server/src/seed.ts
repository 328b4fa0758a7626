import type { Database } from './store/database.ts';
import { insertCustomer } from './domain/customers.ts';
import { appendEntry } from './domain/ledger.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The demo program and its shoppers. Tests and examples read the expected numbers from here
 * instead of repeating them; `expected` is what the ledger adds up to.
 */
export const DEMO_SEED = {
  program: {
    id: 'demo',
    name: 'Demo Tea House',
    pointsName: { en: 'points', 'zh-CN': '积分' },
    tierWindowMonths: 12,
  },
  tiers: [
    { id: 'member', name: { en: 'Member', 'zh-CN': '会员' }, threshold: 0 },
    { id: 'silver', name: { en: 'Silver', 'zh-CN': '银卡' }, threshold: 1_000 },
    { id: 'gold', name: { en: 'Gold', 'zh-CN': '金卡' }, threshold: 5_000 },
    { id: 'diamond', name: { en: 'Diamond', 'zh-CN': '钻石卡' }, threshold: 20_000 },
  ],
  customers: {
    'demo-shopper': {
      name: 'Lin Mei',
      locale: 'zh-CN',
      ledger: [
        { type: 'earn', points: 1_200, reason: 'Welcome tea set', daysAgo: 150 },
        { type: 'earn', points: 2_000, reason: 'Autumn oolong order', daysAgo: 30 },
        { type: 'redeem', points: 300, reason: 'Free pot of jasmine tea', daysAgo: 7 },
      ],
      expected: { balance: 2_900, earnedInWindow: 3_200, tierId: 'silver' },
    },
    'demo-gold': {
      name: 'Alex Chen',
      locale: 'en',
      ledger: [
        // Older than the 12-month window: still in the balance, no longer counts towards the tier.
        { type: 'earn', points: 3_000, reason: 'Tea ceremony workshop', daysAgo: 400 },
        { type: 'earn', points: 4_000, reason: 'Office tea subscription', daysAgo: 120 },
        { type: 'earn', points: 1_800, reason: 'Gift boxes', daysAgo: 20 },
        { type: 'redeem', points: 1_500, reason: 'Teapot', daysAgo: 5 },
      ],
      expected: { balance: 7_300, earnedInWindow: 5_800, tierId: 'gold' },
    },
    'demo-new': {
      name: 'Sam Lee',
      locale: null,
      ledger: [],
      expected: { balance: 0, earnedInWindow: 0, tierId: 'member' },
    },
  },
} as const satisfies DemoSeedShape;

export type DemoCustomerId = keyof typeof DEMO_SEED.customers;
export const DEFAULT_DEMO_CUSTOMER_ID: DemoCustomerId = 'demo-shopper';

interface DemoSeedShape {
  program: { id: string; name: string; pointsName: Record<string, string>; tierWindowMonths: number };
  tiers: ReadonlyArray<{ id: string; name: Record<string, string>; threshold: number }>;
  customers: Record<
    string,
    {
      name: string;
      locale: string | null;
      ledger: ReadonlyArray<{ type: 'earn' | 'redeem'; points: number; reason: string; daysAgo: number }>;
      expected: { balance: number; earnedInWindow: number; tierId: string };
    }
  >;
}

export interface DemoKeys {
  publishableKey: string;
  secretKey: string;
}

/**
 * Creates the demo program with its tiers, shoppers and ledgers in one transaction, unless it
 * exists. An existing demo program only gets its keys brought in line with `keys`, so the
 * configured demo keys always work. Returns whether it seeded.
 */
export async function seedDemo(db: Database, keys: DemoKeys): Promise<boolean> {
  const { program, tiers, customers } = DEMO_SEED;
  return db.transaction(async (tx) => {
    // ON CONFLICT makes a second server starting at the same moment wait for, then skip, this seed.
    const inserted = await tx.query(
      `INSERT INTO programs (id, name, points_name, publishable_key, secret_key, tier_window_months)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [
        program.id,
        program.name,
        JSON.stringify(program.pointsName),
        keys.publishableKey,
        keys.secretKey,
        program.tierWindowMonths,
      ],
    );
    if (inserted.length === 0) {
      await tx.query(
        `UPDATE programs SET publishable_key = $2, secret_key = $3
          WHERE id = $1 AND (publishable_key <> $2 OR secret_key <> $3)`,
        [program.id, keys.publishableKey, keys.secretKey],
      );
      return false;
    }

    for (const tier of tiers) {
      await tx.query('INSERT INTO tiers (program_id, id, name, threshold) VALUES ($1, $2, $3, $4)', [
        program.id,
        tier.id,
        JSON.stringify(tier.name),
        tier.threshold,
      ]);
    }

    const now = Date.now();
    const shoppers: DemoSeedShape['customers'] = customers;
    for (const [customerId, customer] of Object.entries(shoppers)) {
      await insertCustomer(tx, program.id, { id: customerId, name: customer.name, locale: customer.locale });
      const oldestFirst = [...customer.ledger].sort((a, b) => b.daysAgo - a.daysAgo);
      let balance = 0;
      for (const [index, entry] of oldestFirst.entries()) {
        balance += entry.type === 'earn' ? entry.points : -entry.points;
        await appendEntry(tx, {
          programId: program.id,
          customerId,
          type: entry.type,
          points: entry.points,
          reason: entry.reason,
          idempotencyKey: `seed:${customerId}:${index + 1}`,
          requestHash: null,
          balanceAfter: balance,
          createdAt: new Date(now - entry.daysAgo * DAY_MS),
        });
      }
    }
    return true;
  });
}
