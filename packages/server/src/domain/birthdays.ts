import { createHash } from 'node:crypto';
import type { Birthday, BirthdayClaimResult, BirthdayStatus } from '@loyalty-elements/contract';
import { toNumber, type Database, type Queryable } from '../store/database.ts';
import { BIRTHDAY_CHANGE_INTERVAL_DAYS, birthdayStanding, type BirthdayWindowRule } from './birthday.ts';
import { lockCustomer, setBirthdayByCustomer, type Customer } from './customers.ts';
import { applyEntryLocked, toLedgerEntry, writeOnce, type EntryRow } from './ledger.ts';
import type { Program } from './programs.ts';
import { DAY_MS, formatDate, localDate, type PlainDate } from './time.ts';

/** The customer's time zone: their own, else the program's. */
export function customerTimeZone(program: Pick<Program, 'timezone'>, customer: Pick<Customer, 'timezone'>): string {
  return customer.timezone ?? program.timezone;
}

/** A program without a birthday reward still greets on the day itself. */
function windowRule(program: Pick<Program, 'birthday'>): BirthdayWindowRule {
  return program.birthday ?? { daysBefore: 0, daysAfter: 0 };
}

async function isClaimed(db: Queryable, programId: string, customerId: string, year: number): Promise<boolean> {
  const rows = await db.query(
    'SELECT 1 FROM birthday_claims WHERE program_id = $1 AND customer_id = $2 AND birthday_year = $3',
    [programId, customerId, year],
  );
  return rows.length > 0;
}

/** The summary's birthday block, or null while the birthday is unknown. */
export async function birthdayStatus(
  db: Queryable,
  program: Program,
  customer: Customer,
  now: Date,
): Promise<BirthdayStatus | null> {
  if (customer.birthday === null) return null;
  const today = localDate(now, customerTimeZone(program, customer));
  const standing = birthdayStanding(customer.birthday, today, windowRule(program));
  const claimed = await isClaimed(db, program.id, customer.id, standing.birthdayYear);
  return {
    ...customer.birthday,
    inWindow: standing.inWindow,
    claimable: program.birthday !== null && standing.inWindow && !claimed,
    claimedThisYear: claimed,
    nextBirthday: formatDate(standing.nextBirthday),
  };
}

export type SetBirthdayOutcome =
  | { kind: 'set' | 'unchanged'; customer: Customer }
  | { kind: 'customer_not_found' }
  | { kind: 'change_limited'; nextChangeAt: Date };

/**
 * The customer sets their own birthday. Setting the one already on file changes nothing; a
 * different one is refused until 365 days after the customer last set it.
 */
export function setCustomerBirthday(
  db: Database,
  programId: string,
  customerId: string,
  birthday: Birthday,
  now: Date,
): Promise<SetBirthdayOutcome> {
  return db.transaction(async (tx): Promise<SetBirthdayOutcome> => {
    const customer = await lockCustomer(tx, programId, customerId);
    if (customer === undefined) return { kind: 'customer_not_found' };
    const current = customer.birthday;
    if (
      current !== null &&
      current.month === birthday.month &&
      current.day === birthday.day &&
      current.calendar === birthday.calendar
    ) {
      return { kind: 'unchanged', customer };
    }
    const setAt = customer.birthdaySetByCustomerAt;
    if (current !== null && setAt !== null) {
      const nextChangeAt = new Date(setAt.getTime() + BIRTHDAY_CHANGE_INTERVAL_DAYS * DAY_MS);
      if (now.getTime() < nextChangeAt.getTime()) return { kind: 'change_limited', nextChangeAt };
    }
    await setBirthdayByCustomer(tx, programId, customerId, birthday, now);
    return { kind: 'set', customer: { ...customer, birthday, birthdaySetByCustomerAt: now } };
  });
}

export type ClaimOutcome =
  | { kind: 'created' | 'replayed'; result: BirthdayClaimResult }
  | { kind: 'customer_not_found' | 'birthday_not_set' | 'birthday_reward_unavailable' | 'birthday_already_claimed' }
  | { kind: 'birthday_outside_window'; nextWindowOpens: PlainDate }
  | { kind: 'insufficient_points'; balance: number }
  | { kind: 'idempotency_key_reused' };

/**
 * Grants this birthday year's reward once: only inside the window (in the customer's time zone),
 * idempotent by key, and at most one `birthday_bonus` per birthday year whatever the keys.
 */
export async function claimBirthdayReward(
  db: Database,
  program: Program,
  customerId: string,
  idempotencyKey: string,
  now: Date,
): Promise<ClaimOutcome> {
  const requestHash = createHash('sha256')
    .update(JSON.stringify([customerId, 'birthday_claim']))
    .digest('base64url');
  let customer: Customer | undefined;
  let outsideWindow: PlainDate | undefined;
  let claimedYear: number | undefined;

  const outcome = await writeOnce(
    db,
    program.id,
    idempotencyKey,
    requestHash,
    async (tx) => {
      customer = await lockCustomer(tx, program.id, customerId);
      return customer === undefined ? 'customer_not_found' : undefined;
    },
    async (tx) => {
      if (customer === undefined) return { kind: 'customer_not_found' };
      if (program.birthday === null) return { kind: 'birthday_reward_unavailable' };
      if (customer.birthday === null) return { kind: 'birthday_not_set' };
      const today = localDate(now, customerTimeZone(program, customer));
      const standing = birthdayStanding(customer.birthday, today, program.birthday);
      if (!standing.inWindow) {
        outsideWindow = standing.nextWindowOpens;
        return { kind: 'birthday_outside_window' };
      }
      if (await isClaimed(tx, program.id, customerId, standing.birthdayYear)) {
        return { kind: 'birthday_already_claimed' };
      }
      const applied = await applyEntryLocked(
        tx,
        program,
        customerId,
        { type: 'birthday_bonus', points: program.birthday.points, reason: 'Birthday reward' },
        { idempotencyKey, requestHash },
        now,
      );
      if (applied.kind === 'created') {
        await tx.query(
          `INSERT INTO birthday_claims (program_id, customer_id, birthday_year, entry_id, claimed_at)
           VALUES ($1, $2, $3, $4, $5)`,
          [program.id, customerId, standing.birthdayYear, applied.row.id, now],
        );
        claimedYear = standing.birthdayYear;
      }
      return applied;
    },
  );

  switch (outcome.kind) {
    case 'created':
      return { kind: 'created', result: claimResult(outcome.row, claimedYear ?? Number.NaN) };
    case 'replayed': {
      const [claim] = await db.query<{ birthday_year: unknown }>(
        'SELECT birthday_year FROM birthday_claims WHERE entry_id = $1',
        [outcome.row.id],
      );
      if (claim === undefined) return { kind: 'idempotency_key_reused' };
      return { kind: 'replayed', result: claimResult(outcome.row, toNumber(claim.birthday_year)) };
    }
    case 'birthday_outside_window':
      if (outsideWindow === undefined) throw new Error('Outside the window, but no next window');
      return { kind: 'birthday_outside_window', nextWindowOpens: outsideWindow };
    case 'customer_not_found':
    case 'birthday_not_set':
    case 'birthday_reward_unavailable':
    case 'birthday_already_claimed':
      return { kind: outcome.kind };
    default:
      return outcome;
  }
}

function claimResult(row: EntryRow, birthdayYear: number): BirthdayClaimResult {
  const entry = toLedgerEntry(row);
  return { entry, balance: entry.balanceAfter, birthdayYear };
}
