import { randomUUID } from 'node:crypto';
import type { ReferralOutcome, ReferralRefusedReason, ReferralStatus } from '@loyalty-elements/contract';
import { validationFailed } from '../problem.ts';
import { toNumber, type Queryable } from '../store/database.ts';
import { addMonthsTo, startOfMonth } from './churn.ts';
import { findCustomer, type Customer } from './customers.ts';
import { applyEntryLocked, type EntryRow } from './ledger.ts';
import { normalizeReferralCode } from './referral-links.ts';
import type { Program } from './programs.ts';
import { localDate } from './time.ts';

/**
 * Referrals: a friend who comes with a shopper's code is recorded once (the first code stands); the friend's
 * first order afterwards rewards both sides in its own transaction, the referrer up to the program's monthly cap.
 */

export interface ReferralRow {
  id: string;
  referrer_id: string;
  friend_id: string;
  code: string;
  status: ReferralStatus;
  refused_reason: ReferralRefusedReason | null;
  order_id: string | null;
  referrer_entry_id: string | null;
  friend_entry_id: string | null;
}

const REFERRAL_COLUMNS =
  'id, referrer_id, friend_id, code, status, refused_reason, order_id, referrer_entry_id, friend_entry_id';

/** A code a request named, and whose it is. */
export interface ReferralCode {
  code: string;
  referrerId: string;
}

/**
 * The code a request's `referralCode` names, normalized, and its owner. A code that is not one of the program's
 * is refused: a 400 naming `path`, before anything is written.
 */
export async function resolveReferralCode(
  db: Queryable,
  programId: string,
  input: string,
  path: string,
): Promise<ReferralCode> {
  const code = normalizeReferralCode(input);
  const [row] =
    code === undefined
      ? []
      : await db.query<{ customer_id: string }>(
          'SELECT customer_id FROM referral_codes WHERE program_id = $1 AND code = $2',
          [programId, code],
        );
  if (code === undefined || row === undefined) {
    throw validationFailed([{ path, message: 'Not a referral code of this program.' }]);
  }
  return { code, referrerId: row.customer_id };
}

/** The referral of a referred customer (`friend_id`), or the one an order rewarded (`order_id`). */
async function findReferralBy(
  db: Queryable,
  programId: string,
  column: 'friend_id' | 'order_id',
  value: string,
): Promise<ReferralRow | undefined> {
  const [row] = await db.query<ReferralRow>(
    `SELECT ${REFERRAL_COLUMNS} FROM referrals WHERE program_id = $1 AND ${column} = $2`,
    [programId, value],
  );
  return row;
}

export const findReferralOfFriend = (db: Queryable, programId: string, friendId: string) =>
  findReferralBy(db, programId, 'friend_id', friendId);

export const findReferralOfOrder = (db: Queryable, programId: string, orderId: string) =>
  findReferralBy(db, programId, 'order_id', orderId);

/**
 * Records that `friend` came with `code`, unless they were referred already (the first code stands). Their own
 * code, a referrer with their e-mail, or a referrer no longer a member is recorded `refused` with the reason.
 * The caller holds the friend's row lock (or is creating the friend).
 */
export async function recordReferralLocked(
  tx: Queryable,
  programId: string,
  friend: Pick<Customer, 'id' | 'email'>,
  code: ReferralCode,
  now: Date,
): Promise<void> {
  if ((await findReferralOfFriend(tx, programId, friend.id)) !== undefined) return;
  const referrer = await findCustomer(tx, programId, code.referrerId);
  if (referrer === undefined) throw new Error(`The owner of referral code ${code.code} is missing`);
  const reason = refusalAtReferral(friend, referrer);
  await tx.query(
    `INSERT INTO referrals (id, program_id, referrer_id, friend_id, code, status, refused_reason, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (program_id, friend_id) DO NOTHING`,
    [randomUUID(), programId, referrer.id, friend.id, code.code, reason === null ? 'pending' : 'refused', reason, now],
  );
}

function refusalAtReferral(friend: Pick<Customer, 'id' | 'email'>, referrer: Customer): ReferralRefusedReason | null {
  if (referrer.id === friend.id) return 'self_referral';
  if (friend.email !== null && referrer.email === friend.email) return 'same_email';
  if (referrer.status !== 'active') return 'referrer_inactive';
  return null;
}

/** The order that rewards a pending referral. */
export interface QualifyingOrder {
  orderId: string;
  /** The order's own points are pending until then (null: spendable now): so are the referral's. */
  pendingUntil: Date | null;
}

/**
 * Rewards the friend's pending referral with their first order: `friendPoints` to the friend and, while the
 * referrer is an active member under the program's monthly cap, `referrerPoints` to the referrer; past the cap or
 * without a member to reward the referral is `refused` with the reason and the friend's credit stands. The caller
 * holds both customers' row locks (taken in id order) and the program has a referral program.
 */
export async function rewardReferralLocked(
  tx: Queryable,
  program: Program,
  referral: ReferralRow,
  order: QualifyingOrder,
  now: Date,
): Promise<void> {
  const settings = program.referrals;
  if (settings === null) throw new Error('Referrals are rewarded only in a program that has them');
  const credit = (customerId: string, side: 'friend' | 'referrer', points: number) =>
    creditReferral(tx, program, { customerId, side, points, referralId: referral.id, ...order }, now);
  const friendEntry = await credit(referral.friend_id, 'friend', settings.friendPoints);
  const referrer = await findCustomer(tx, program.id, referral.referrer_id);
  let reason: ReferralRefusedReason | null = null;
  if (referrer?.status !== 'active') reason = 'referrer_inactive';
  else if ((await rewardsThisMonth(tx, program, referral.referrer_id, now)) >= settings.monthlyCap)
    reason = 'monthly_cap';
  const referrerEntry =
    reason === null ? await credit(referral.referrer_id, 'referrer', settings.referrerPoints) : null;
  await tx.query(
    `UPDATE referrals
        SET status = $3, refused_reason = $4, order_id = $5, friend_entry_id = $6, referrer_entry_id = $7,
            rewarded_at = $8
      WHERE program_id = $1 AND id = $2`,
    [
      program.id,
      referral.id,
      reason === null ? 'rewarded' : 'refused',
      reason,
      order.orderId,
      friendEntry?.id ?? null,
      referrerEntry?.id ?? null,
      now,
    ],
  );
}

interface ReferralCredit extends QualifyingOrder {
  customerId: string;
  side: 'friend' | 'referrer';
  points: number;
  referralId: string;
}

async function creditReferral(
  tx: Queryable,
  program: Program,
  credit: ReferralCredit,
  now: Date,
): Promise<EntryRow | null> {
  if (credit.points === 0) return null;
  const applied = await applyEntryLocked(
    tx,
    program,
    credit.customerId,
    {
      type: 'earn',
      kind: 'referral',
      references: { referralId: credit.referralId, orderId: credit.orderId },
      points: credit.points,
      reason: null,
      pendingUntil: credit.pendingUntil,
    },
    { idempotencyKey: `referral:${credit.referralId}:${credit.side}`, requestHash: null },
    now,
  );
  if (applied.kind !== 'created') throw new Error('A referral credit was refused');
  return applied.row;
}

/** Referrals that rewarded the referrer in the calendar month of `now`, in the program's time zone. */
async function rewardsThisMonth(tx: Queryable, program: Program, referrerId: string, now: Date): Promise<number> {
  const today = localDate(now, program.timezone);
  const month = { year: today.year, month: today.month };
  const [row] = await tx.query<{ n: unknown }>(
    `SELECT count(*) AS n FROM referrals
      WHERE program_id = $1 AND referrer_id = $2 AND status IN ('rewarded', 'reversed') AND refused_reason IS NULL
        AND rewarded_at >= $3 AND rewarded_at < $4`,
    [
      program.id,
      referrerId,
      startOfMonth(month, program.timezone),
      startOfMonth(addMonthsTo(month, 1), program.timezone),
    ],
  );
  return toNumber(row?.n ?? 0);
}

export function toReferralOutcome(row: ReferralRow): ReferralOutcome {
  return { status: row.status, reason: row.refused_reason };
}
