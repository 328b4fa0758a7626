import { randomUUID } from 'node:crypto';
import type { LedgerEntryKind, LedgerEntryType, LedgerReferences, Money } from '@loyalty-elements/contract';
import { LATEST_INSTANT_MS } from '@loyalty-elements/contract';
import { toNumber, type Database, type Queryable } from '../store/database.ts';
import { lockCustomer } from './customers.ts';
import { refuseWriteForClosedMembership } from './membership.ts';
import type { Program } from './programs.ts';
import { addMonthsIn } from './time.ts';
import { emitEntryEvent, watchTier } from './webhooks/ledger-events.ts';
import { emitEvent } from './webhooks/outbox.ts';

export { iso, toLedgerEntry, toTransaction } from './ledger-rows.ts';

/**
 * The points ledger. Entries are append-only; every credit opens a batch in `point_batches` whose
 * `remaining` debits consume, soonest-expiring first, under the customer's row lock and in the same
 * transaction as the debit's entry. So the sum of a customer's ledger always equals the sum of their
 * batches' `remaining`, and the spendable balance is the part of it neither pending nor lapsed.
 */

export type LedgerProgram = Pick<Program, 'id' | 'pointsExpiryMonths'>;

/** What to write: a credit (positive `points`) or a debit (negative). */
export interface EntryDraft {
  type: Exclude<LedgerEntryType, 'expire'>;
  /** What the entry is, for the shopper's history. */
  kind: Exclude<LedgerEntryKind, 'expiry'>;
  references?: LedgerReferences;
  points: number;
  reason: string | null;
  /** Take-backs only: points owed that could not be taken. */
  shortfall?: number | null;
  /** Credits only. `undefined`: the program's default expiry; `null`: never. */
  expiresAt?: Date | null;
  /** Credits only: not spendable before then. */
  pendingUntil?: Date | null;
  spend?: Money | null;
}

export interface EntryMeta {
  idempotencyKey: string;
  /** Fingerprint of the request, to tell a replay from a reused key; null for entries the API writes itself. */
  requestHash: string | null;
}

export interface EntryRow {
  id: string;
  customer_id: string;
  type: LedgerEntryType;
  points: unknown;
  reason: string | null;
  request_hash: string | null;
  balance_after: unknown;
  created_at: Date | string;
  expires_at: Date | string | null;
  pending_until: Date | string | null;
  spend_amount: unknown;
  spend_currency: string | null;
  seq: unknown;
  kind: LedgerEntryKind;
  order_id: string | null;
  refund_id: string | null;
  reverses_entry_id: string | null;
  survey_id: string | null;
  reward_id: string | null;
  reward_name: LocalizedTextColumn | null;
  follow_up_id: string | null;
  win_back_id: string | null;
  referral_id: string | null;
  shortfall: unknown;
}

type LocalizedTextColumn = NonNullable<LedgerReferences['rewardName']>;

export const ENTRY_COLUMNS = `id, customer_id, type, points, reason, request_hash, balance_after, created_at, expires_at,
  pending_until, spend_amount, spend_currency, seq, kind, order_id, refund_id, reverses_entry_id, survey_id, reward_id,
  reward_name, follow_up_id, win_back_id, shortfall, referral_id`;

export type ApplyOutcome = { kind: 'created'; row: EntryRow } | { kind: 'insufficient_points'; balance: number };

/**
 * Writes one entry and moves the batches. The caller holds the customer's row lock (see
 * {@link lockCustomer}) and has ruled out an idempotent replay. Lapsed points expire first, so a
 * debit can never spend them. Credits and redemptions of a customer who is not an active member are refused
 * (a thrown 409 problem, which rolls the caller's transaction back). The entry's webhook events (points moved, a
 * tier changed) are written in the same transaction.
 */
export async function applyEntryLocked(
  tx: Queryable,
  program: LedgerProgram,
  customerId: string,
  draft: EntryDraft,
  meta: EntryMeta,
  now: Date,
): Promise<ApplyOutcome> {
  if (!Number.isSafeInteger(draft.points) || draft.points === 0)
    throw new RangeError('points must be a non-zero integer');
  await refuseWriteForClosedMembership(tx, program.id, customerId, draft);
  await expireLapsedLocked(tx, program.id, customerId, now);
  const emitTierChange = await watchTier(tx, program.id, customerId, now);
  const outcome = await writeEntryLocked(
    tx,
    { programId: program.id, customerId, draft, meta, createdAt: now },
    program,
  );
  if (outcome.kind === 'created') {
    await emitEntryEvent(tx, program.id, outcome.row, now);
    await emitTierChange();
  }
  return outcome;
}

type EntryWrite = Pick<NewEntry, 'programId' | 'customerId' | 'draft' | 'meta' | 'createdAt'>;

/** Moves the batches and writes the entry; see {@link applyEntryLocked}. */
async function writeEntryLocked(tx: Queryable, base: EntryWrite, program: LedgerProgram): Promise<ApplyOutcome> {
  const { customerId, draft, createdAt: now } = base;
  const balance = await spendableBalance(tx, program.id, customerId, now);

  if (draft.points > 0) {
    const pendingUntil = draft.pendingUntil ?? null;
    // The default lifetime runs from when the points can be spent, so they never lapse before they could be.
    const expiresAt =
      draft.expiresAt === undefined
        ? await defaultExpiry(tx, program, customerId, pendingUntil ?? now)
        : draft.expiresAt;
    const spendableNow = pendingUntil === null || pendingUntil.getTime() <= now.getTime();
    const row = await insertEntry(tx, {
      ...base,
      expiresAt,
      pendingUntil,
      balanceAfter: balance + (spendableNow ? draft.points : 0),
    });
    await tx.query(
      `INSERT INTO point_batches
         (entry_id, program_id, customer_id, points, remaining, earned_at, expires_at, pending_until)
       VALUES ($1, $2, $3, $4, $4, $5, $6, $7)`,
      [row.id, program.id, customerId, draft.points, now, expiresAt, pendingUntil],
    );
    return { kind: 'created', row };
  }

  const debit = -draft.points;
  if (debit > balance) return { kind: 'insufficient_points', balance };
  await takeSpendable(tx, program.id, customerId, now, debit);
  const row = await insertEntry(tx, { ...base, expiresAt: null, pendingUntil: null, balanceAfter: balance - debit });
  return { kind: 'created', row };
}

/** The program's lifetime of points from `availableAt`, in calendar months of the customer's time zone. */
async function defaultExpiry(
  tx: Queryable,
  program: LedgerProgram,
  customerId: string,
  availableAt: Date,
): Promise<Date | null> {
  if (program.pointsExpiryMonths === null) return null;
  const expiry = addMonthsIn(availableAt, program.pointsExpiryMonths, await timeZoneOf(tx, program.id, customerId));
  // Points pending until late in 9999 expire at its end, the last instant the API stores.
  return expiry.getTime() > LATEST_INSTANT_MS ? new Date(LATEST_INSTANT_MS) : expiry;
}

/** The customer's time zone, read from the database: their own, else the program's. */
export async function timeZoneOf(tx: Queryable, programId: string, customerId: string): Promise<string> {
  const [row] = await tx.query<{ timezone: string }>(
    `SELECT COALESCE(c.timezone, p.timezone) AS timezone
       FROM customers c JOIN programs p ON p.id = c.program_id
      WHERE c.program_id = $1 AND c.id = $2`,
    [programId, customerId],
  );
  if (row === undefined) throw new Error(`Customer ${customerId} has no time zone: no such customer`);
  return row.timezone;
}

interface Batch {
  entryId: string;
  remaining: number;
}

/** How many batches a debit reads at a time. */
const BATCH_PAGE = 64;

/**
 * The first `limit` batches with points spendable at `now`, in the order debits consume them: soonest expiry
 * first. The index point_batches_spend_order serves them in that order, so a page costs the same however many
 * batches the customer has.
 */
export async function spendableBatches(
  tx: Queryable,
  programId: string,
  customerId: string,
  now: Date,
  limit: number = BATCH_PAGE,
): Promise<Batch[]> {
  const rows = await tx.query<{ entry_id: string; remaining: unknown }>(
    `SELECT entry_id, remaining FROM point_batches
      WHERE program_id = $1 AND customer_id = $2 AND remaining > 0
        AND (pending_until IS NULL OR pending_until <= $3)
        AND (expires_at IS NULL OR expires_at > $3)
      ORDER BY expires_at ASC NULLS LAST, earned_at ASC, entry_id ASC
      LIMIT $4`,
    [programId, customerId, now, limit],
  );
  return rows.map((row) => ({ entryId: row.entry_id, remaining: toNumber(row.remaining) }));
}

/**
 * Takes up to `points` from the customer's spendable batches in the order debits consume them, leaving out
 * `except`; returns how many it took. The caller holds the customer's row lock.
 */
export async function takeSpendable(
  tx: Queryable,
  programId: string,
  customerId: string,
  now: Date,
  points: number,
  except?: string,
): Promise<number> {
  let left = points;
  // Emptied batches drop out of the next page (remaining > 0), so each page starts where the last one ended.
  while (left > 0) {
    const page = await spendableBatches(tx, programId, customerId, now, BATCH_PAGE);
    for (const batch of page) {
      if (left === 0) break;
      if (batch.entryId === except) continue;
      const take = Math.min(left, batch.remaining);
      await tx.query('UPDATE point_batches SET remaining = remaining - $2 WHERE entry_id = $1', [batch.entryId, take]);
      left -= take;
    }
    if (page.length < BATCH_PAGE) break;
  }
  return points - left;
}

/**
 * The customer's spendable balance at `now`: what is left of all their batches (kept on the customer's row) less
 * what is still pending or lapsed.
 */
export async function spendableBalance(
  tx: Queryable,
  programId: string,
  customerId: string,
  now: Date,
): Promise<number> {
  const [row] = await tx.query<{ balance: unknown }>(
    `SELECT c.points_remaining - ${UNAVAILABLE_POINTS} AS balance
       FROM customers c WHERE c.program_id = $1 AND c.id = $2`,
    [programId, customerId, now],
  );
  return toNumber(row?.balance ?? 0);
}

/** Points of the customer `c` (`$3`: now) left in batches still pending or already lapsed. */
export const UNAVAILABLE_POINTS = `(COALESCE((SELECT SUM(b.remaining) FROM point_batches b
   WHERE b.program_id = c.program_id AND b.customer_id = c.id AND b.remaining > 0 AND b.pending_until > $3), 0)
 + COALESCE((SELECT SUM(b.remaining) FROM point_batches b
   WHERE b.program_id = c.program_id AND b.customer_id = c.id AND b.remaining > 0 AND b.expires_at <= $3
     AND (b.pending_until IS NULL OR b.pending_until <= $3)), 0))`;

export interface NewEntry {
  programId: string;
  customerId: string;
  draft: EntryDraft;
  meta: EntryMeta;
  createdAt: Date;
  expiresAt: Date | null;
  pendingUntil: Date | null;
  balanceAfter: number;
}

/** Writes one entry as it is; the caller has moved the batches. */
export async function insertEntry(tx: Queryable, entry: NewEntry): Promise<EntryRow> {
  const references = entry.draft.references ?? {};
  const [row] = await tx.query<EntryRow>(
    `INSERT INTO ledger_entries
       (id, program_id, customer_id, type, points, reason, idempotency_key, request_hash, balance_after, created_at,
        expires_at, pending_until, spend_amount, spend_currency, kind, order_id, refund_id, reverses_entry_id,
        survey_id, reward_id, reward_name, follow_up_id, shortfall, win_back_id, referral_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
             $24, $25)
     RETURNING ${ENTRY_COLUMNS}`,
    [
      randomUUID(),
      entry.programId,
      entry.customerId,
      entry.draft.type,
      entry.draft.points,
      entry.draft.reason,
      entry.meta.idempotencyKey,
      entry.meta.requestHash,
      entry.balanceAfter,
      entry.createdAt,
      entry.expiresAt,
      entry.pendingUntil,
      entry.draft.spend?.amount ?? null,
      entry.draft.spend?.currency ?? null,
      entry.draft.kind,
      references.orderId ?? null,
      references.refundId ?? null,
      references.reversesEntryId ?? null,
      references.surveyId ?? null,
      references.rewardId ?? null,
      references.rewardName === undefined ? null : JSON.stringify(references.rewardName),
      references.followUpId ?? null,
      entry.draft.shortfall || null,
      references.winBackId ?? null,
      references.referralId ?? null,
    ],
  );
  if (row === undefined) throw new Error('INSERT … RETURNING returned no row');
  return row;
}

// ─── Expiry ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Writes an `expire` entry for every batch of the customer that lapsed by `now` with points left,
 * and empties it. The caller holds the customer's row lock. Returns how many entries it wrote.
 */
export async function expireLapsedLocked(
  tx: Queryable,
  programId: string,
  customerId: string,
  now: Date,
): Promise<number> {
  const lapsed = await tx.query<{ entry_id: string; remaining: unknown; expires_at: Date | string }>(
    `SELECT entry_id, remaining, expires_at FROM point_batches
      WHERE program_id = $1 AND customer_id = $2 AND remaining > 0 AND expires_at <= $3
      ORDER BY expires_at, entry_id`,
    [programId, customerId, now],
  );
  if (lapsed.length === 0) return 0;
  // Lapsed points stopped being spendable when they lapsed: the expiry does not move the balance.
  const balance = await spendableBalance(tx, programId, customerId, now);
  for (const batch of lapsed) {
    const points = toNumber(batch.remaining);
    const entryId = randomUUID();
    await tx.query('UPDATE point_batches SET remaining = 0 WHERE entry_id = $1', [batch.entry_id]);
    await tx.query(
      `INSERT INTO ledger_entries
         (id, program_id, customer_id, type, kind, points, reason, idempotency_key, request_hash, balance_after,
          created_at, expires_at)
       VALUES ($1, $2, $3, 'expire', 'expiry', $4, NULL, $5, NULL, $6, $7, $8)`,
      [entryId, programId, customerId, -points, `expire:${batch.entry_id}`, balance, now, batch.expires_at],
    );
    const data = { points, kind: 'expiry', entryId } as const;
    await emitEvent(tx, { programId, customerId, type: 'points.expired', data }, now);
  }
  return lapsed.length;
}

/**
 * The expiry job: expires every lapsed batch of every customer, one customer per transaction. Runs at start-up and
 * with the scheduler of webhook moments, so points are written off (and `points.expired` told) soon after they lapse,
 * also for a customer who does nothing; reads and writes also run it for their customer first. Each program's lapsed
 * batches are one range of the index point_batches_expiring. Returns the entries written.
 */
export async function expireLapsedPoints(db: Database, now: Date): Promise<number> {
  let written = 0;
  for (const { id: programId } of await db.query<{ id: string }>('SELECT id FROM programs ORDER BY id')) {
    const customers = await db.query<{ customer_id: string }>(
      `SELECT DISTINCT customer_id FROM point_batches WHERE program_id = $1 AND remaining > 0 AND expires_at <= $2`,
      [programId, now],
    );
    for (const { customer_id: customerId } of customers)
      written += await writeOffLapsed(db, programId, customerId, now);
  }
  return written;
}

/** Expires the customer's lapsed batches, if any; cheap (one indexed read) when there are none. */
export async function ensureExpired(db: Database, programId: string, customerId: string, now: Date): Promise<void> {
  const due = await db.query(
    `SELECT 1 FROM point_batches
      WHERE program_id = $1 AND customer_id = $2 AND remaining > 0 AND expires_at <= $3 LIMIT 1`,
    [programId, customerId, now],
  );
  if (due.length > 0) await writeOffLapsed(db, programId, customerId, now);
}

/** Writes off the customer's batches that lapsed by `now`, in one transaction; how many it wrote off. */
export function writeOffLapsed(db: Database, programId: string, customerId: string, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    if ((await lockCustomer(tx, programId, customerId)) === undefined) return 0;
    return expireLapsedLocked(tx, programId, customerId, now);
  });
}
