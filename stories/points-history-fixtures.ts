// The fixtures of `<loyalty-points-history>`, typed with the API contract: what `GET /v1/me/points/history` answers
// for the stories' shoppers. Pending and expiring are measured against the moment the page shows them, so the
// entries are dated relative to when the fixtures are built (pending points stay pending, whatever the day).
import type { LedgerEntry, PointsHistory } from '@loyalty-elements/contract';

const DAY_MS = 24 * 60 * 60 * 1000;
const YEAR_MS = 365 * DAY_MS;

/** What a fixture says of an entry: the rest follows from it. */
type Fact = Pick<LedgerEntry, 'kind' | 'points'> &
  Partial<Pick<LedgerEntry, 'references' | 'shortfall'>> & { daysAgo: number; pendingInDays?: number };

/** Lin Mei's ledger, newest first: one entry of every kind, a pending order, and a refund with a shortfall. */
export function linMeiLedger(now = Date.now()): LedgerEntry[] {
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS).toISOString();
  const facts: Fact[] = [
    { daysAgo: 1, kind: 'order', points: 180, references: { orderId: '1042' }, pendingInDays: 13 },
    { daysAgo: 3, kind: 'refund', points: -40, shortfall: 25, references: { orderId: '1017', refundId: 'R-7' } },
    {
      daysAgo: 7,
      kind: 'redemption',
      points: -300,
      references: {
        rewardId: 'free-jasmine-tea',
        rewardName: { en: 'A free pot of jasmine tea', 'zh-CN': '免费茉莉花茶一壶' },
      },
    },
    { daysAgo: 12, kind: 'survey', points: 50, references: { surveyId: 'post-purchase' } },
    { daysAgo: 20, kind: 'order', points: 2_000, references: { orderId: '1017' } },
    { daysAgo: 31, kind: 'expiry', points: -120, references: {} },
    { daysAgo: 45, kind: 'birthday', points: 200, references: {} },
    { daysAgo: 60, kind: 'adjustment', points: 75, references: {} },
    { daysAgo: 90, kind: 'reversal', points: -60, references: { reversesEntryId: 'e-old' } },
    { daysAgo: 120, kind: 'order', points: 430, references: { orderId: '0988' } },
    { daysAgo: 150, kind: 'order', points: 615, references: { orderId: '0951' } },
    { daysAgo: 180, kind: 'order', points: 320, references: { orderId: '0902' } },
    { daysAgo: 200, kind: 'welcome', points: 1_200, references: {} },
  ];
  let balance = 2_900;
  return facts.map(({ daysAgo, pendingInDays, ...entry }, index) => {
    const credit = entry.points > 0;
    const createdAt = at(daysAgo);
    const pendingUntil = pendingInDays === undefined ? null : new Date(now + pendingInDays * DAY_MS).toISOString();
    const spendableAt = pendingUntil ? Date.parse(pendingUntil) : Date.parse(createdAt);
    const full: LedgerEntry = {
      id: `lin-mei-${index + 1}`,
      type: entry.kind === 'redemption' ? 'redeem' : entry.kind === 'expiry' ? 'expire' : credit ? 'earn' : 'adjust',
      kind: entry.kind,
      references: entry.references ?? {},
      points: entry.points,
      shortfall: entry.shortfall ?? null,
      reason: null,
      createdAt,
      expiresAt: credit ? new Date(spendableAt + YEAR_MS).toISOString() : null,
      pendingUntil,
      spend: null,
      balanceAfter: balance,
    };
    if (!pendingUntil) balance = Math.max(0, balance - entry.points);
    return full;
  });
}

/** One page of `entries` from `cursor` (an index), as the API pages them. */
export function historyPage(entries: readonly LedgerEntry[], cursor: string | null, limit: number): PointsHistory {
  const start = cursor === null ? 0 : Number(cursor);
  const end = start + limit;
  return { entries: entries.slice(start, end), nextCursor: end < entries.length ? String(end) : null };
}

/** A shopper with no activity yet. */
export const emptyHistory: PointsHistory = { entries: [], nextCursor: null };
