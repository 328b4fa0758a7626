import * as z from 'zod/mini';
import { LedgerEntry } from './points.ts';
import { cursorPaging, Identifier, IsoDateTime, LocalizedText, Points, UserText } from './primitives.ts';
import { Redemption, RewardId } from './rewards.ts';

// Lapsed members and the gifts that try to bring them back.

export const LAPSED_DEFAULT_LIMIT = 20;
export const LAPSED_MAX_LIMIT = 100;

/** Query of `GET /v1/admin/members/lapsed`: members per page, 1–100 (default 20), and the previous `nextCursor`. */
export const LapsedMembersQuery = z.object({ ...cursorPaging(LAPSED_MAX_LIMIT) });
export type LapsedMembersQuery = z.infer<typeof LapsedMembersQuery>;

/** The latest win-back a lapsed member was given since their last activity. */
export const WinBackSummary = z.object({
  at: IsoDateTime,
  /** The points credited; null when a reward was given. */
  points: z.nullable(z.int().check(z.gte(1))),
  /** The reward given; null when points were. */
  rewardId: z.nullable(z.string()),
});
export type WinBackSummary = z.infer<typeof WinBackSummary>;

export const LapsedMember = z.object({
  customer: z.object({ id: Identifier, name: z.string(), email: z.nullable(z.string()) }),
  /** The latest of joining, any ledger entry but an expiry or a win-back, and any survey answer. */
  lastActivityAt: IsoDateTime,
  balance: z.object({ spendable: Points }),
  tier: z.object({ id: z.string(), name: LocalizedText }),
  winBack: z.nullable(WinBackSummary),
});
export type LapsedMember = z.infer<typeof LapsedMember>;

/**
 * `GET /v1/admin/members/lapsed`: active members with no activity for the program's `lapsedAfterDays` or more,
 * longest lapsed first.
 */
export const LapsedMembers = z.object({
  lapsedAfterDays: z.int().check(z.gte(1)),
  members: z.array(LapsedMember),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.nullable(z.string()),
});
export type LapsedMembers = z.infer<typeof LapsedMembers>;

export const WIN_BACK_MAX_POINTS = 1_000_000;
export const WIN_BACK_NOTE_MAX_LENGTH = 500;

/** Body of `POST /v1/admin/customers/{id}/win-back`: points or a reward, exactly one, and an optional note. */
export const WinBackRequest = z
  .strictObject({
    /** Credited as a `win_back` ledger entry. */
    points: z.optional(z.int().check(z.gte(1), z.lte(WIN_BACK_MAX_POINTS))),
    /** Granted as a redemption that spends no points, with a code like any redemption's. */
    rewardId: z.optional(RewardId),
    /** For the merchant's staff; the shopper sees it as the reason of a points win-back. */
    note: z.optional(UserText.check(z.maxLength(WIN_BACK_NOTE_MAX_LENGTH))),
  })
  .check(
    z.refine((body) => (body.points === undefined) !== (body.rewardId === undefined), {
      message: 'Give exactly one of points and rewardId.',
      path: ['points'],
    }),
  );
export type WinBackRequest = z.infer<typeof WinBackRequest>;

/** One win-back as recorded. */
export const WinBack = z.object({
  id: z.uuid(),
  customerId: Identifier,
  at: IsoDateTime,
  points: z.nullable(z.int().check(z.gte(1))),
  rewardId: z.nullable(z.string()),
  note: z.nullable(z.string()),
  /** The `win_back` ledger entry of a points win-back; else null. */
  entry: z.nullable(LedgerEntry),
  /** The redemption (with its code) of a reward win-back; else null. */
  redemption: z.nullable(Redemption),
});
export type WinBack = z.infer<typeof WinBack>;

/** Response of `POST /v1/admin/customers/{id}/win-back` (201; a replay answers the same, marked as one). */
export const WinBackResult = z.object({
  winBack: WinBack,
  /** The customer's spendable balance after the win-back. */
  balance: Points,
});
export type WinBackResult = z.infer<typeof WinBackResult>;
