import { createHash } from 'node:crypto';
import type { Birthday, BirthdayClaimResult, BirthdayStatus } from '@loyalty-elements/contract';
import { toNumber, type Database, type Queryable } from '../store/database.ts';
import {
  BIRTHDAY_CHANGE_INTERVAL_DAYS,
  birthdayRewardStanding,
  celebrationDate,
  type BirthdayRewardRule,
  type BirthdayRewardStanding,
  type LastBirthdayClaim,
} from './birthday.ts';
import { lockCustomer, setBirthdayByCustomer, type Customer } from './customers.ts';
import { applyEntryLocked, toLedgerEntry, type EntryRow } from './ledger.ts';
import { writeOnce } from './transactions.ts';
import type { Program } from './programs.ts';
import { DAY_MS, formatDate, localDate, type PlainDate } from './time.ts';

/** The customer's time zone: their own, else the program's. */
export function customerTimeZone(program: Pick<Program, 'timezone'>, customer: Pick<Customer, 'timezone'>): string {
  return customer.timezone ?? program.timezone;
}

/** A program without a birthday reward still greets on the day itself, and holds nothing back. */
function rewardRule(program: Pick<Program, 'birthday'>): BirthdayRewardRule {
  return program.birthday ?? { daysBefore: 0, daysAfter: 0, noticeDays: 0 };
}

interface ClaimRow {
  celebration_date: string | null;
  birthday_year: unknown;
  birthday_month: unknown;
  birthday_day: unknown;
  birthday_calendar: Birthday['calendar'] | null;
}

/** The customer's latest claim: the occurrence it celebrated and the birthday it was for. */
async function lastClaim(db: Queryable, programId: string, customerId: string): Promise<LastBirthdayClaim | null> {
  const [row] = await db.query<ClaimRow>(
    `SELECT to_char(celebration_date, 'YYYY-MM-DD') AS celebration_date, birthday_year, birthday_month, birthday_day,
            birthday_calendar
       FROM birthday_claims
      WHERE program_id = $1 AND customer_id = $2
      ORDER BY claimed_at DESC
      LIMIT 1`,
    [programId, customerId],
  );
  if (row === undefined) return null;
  const birthday: Birthday | null =
    row.birthday_month === null || row.birthday_day === null || row.birthday_calendar === null
      ? null
      : { month: toNumber(row.birthday_month), day: toNumber(row.birthday_day), calendar: row.birthday_calendar };
  if (row.celebration_date !== null) {
    const [year = 0, month = 1, day = 1] = row.celebration_date.split('-').map(Number);
    return { celebration: { year, month, day }, birthday };
  }
  // A claim from before claims recorded their date: the occurrence of its birthday year.
  if (birthday === null) throw new Error('A birthday claim knows neither its date nor its birthday');
  return { celebration: celebrationDate(birthday, toNumber(row.birthday_year)), birthday };
}

/** Where the customer's birthday stands today (in their time zone): window, claim and notice. */
async function rewardStanding(
  db: Queryable,
  program: Program,
  customer: Customer & { birthday: Birthday },
  now: Date,
): Promise<BirthdayRewardStanding> {
  const timeZone = customerTimeZone(program, customer);
  const noticeFrom = customer.birthdayNoticeFrom === null ? null : localDate(customer.birthdayNoticeFrom, timeZone);
  return birthdayRewardStanding(
    customer.birthday,
    localDate(now, timeZone),
    rewardRule(program),
    noticeFrom,
    await lastClaim(db, program.id, customer.id),
  );
}

function hasBirthday(customer: Customer): customer is Customer & { birthday: Birthday } {
  return customer.birthday !== null;
}

/** The summary's birthday block, or null while the birthday is unknown. */
export async function birthdayStatus(
  db: Queryable,
  program: Program,
  customer: Customer,
  now: Date,
): Promise<BirthdayStatus | null> {
  if (!hasBirthday(customer)) return null;
  const standing = await rewardStanding(db, program, customer, now);
  return {
    ...customer.birthday,
    inWindow: standing.inWindow,
    claimable: program.birthday !== null && standing.inWindow && !standing.claimed && !standing.heldBack,
    claimedThisYear: standing.claimed,
    nextBirthday: formatDate(standing.nextBirthday),
    firstRewardBirthday:
      program.birthday !== null && standing.firstRewardBirthday !== null
        ? formatDate(standing.firstRewardBirthday)
        : null,
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
    return {
      kind: 'set',
      customer: { ...customer, birthday, birthdaySetByCustomerAt: now, birthdayNoticeFrom: now },
    };
  });
}

export type ClaimOutcome =
  | { kind: 'created' | 'replayed'; result: BirthdayClaimResult }
  | { kind: 'customer_not_found' | 'birthday_not_set' | 'birthday_reward_unavailable' | 'birthday_already_claimed' }
  | { kind: 'birthday_outside_window'; nextWindowOpens: PlainDate }
  | { kind: 'birthday_recently_set'; firstRewardBirthday: PlainDate }
  | { kind: 'insufficient_points'; balance: number }
  | { kind: 'idempotency_key_reused' };

/**
 * Grants the reward of the birthday at hand once: only inside the window (in the customer's time zone),
 * not when the birthday was set too recently (see `birthdayRewardStanding`), idempotent by key, and at
 * most one `birthday_bonus` per occurrence (celebration date) whatever the keys or the calendar.
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
  let firstRewardBirthday: PlainDate | undefined;
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
      if (!hasBirthday(customer)) return { kind: 'birthday_not_set' };
      // The customer row is locked: claims of one customer are decided one at a time.
      const standing = await rewardStanding(tx, program, customer, now);
      if (!standing.inWindow) {
        outsideWindow = standing.nextWindowOpens;
        return { kind: 'birthday_outside_window' };
      }
      if (standing.claimed) return { kind: 'birthday_already_claimed' };
      if (standing.heldBack) {
        firstRewardBirthday = standing.firstRewardBirthday ?? undefined;
        return { kind: 'birthday_recently_set' };
      }
      const applied = await applyEntryLocked(
        tx,
        program,
        customerId,
        { type: 'birthday_bonus', kind: 'birthday', points: program.birthday.points, reason: 'Birthday reward' },
        { idempotencyKey, requestHash },
        now,
      );
      if (applied.kind === 'created') {
        const { birthday } = customer;
        await tx.query(
          `INSERT INTO birthday_claims (program_id, customer_id, birthday_year, celebration_date, birthday_month,
                                        birthday_day, birthday_calendar, entry_id, claimed_at)
           VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8, $9)`,
          [
            program.id,
            customerId,
            standing.birthdayYear,
            formatDate(standing.celebration),
            birthday.month,
            birthday.day,
            birthday.calendar,
            applied.row.id,
            now,
          ],
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
    case 'birthday_recently_set':
      if (firstRewardBirthday === undefined) throw new Error('Held back, but no first rewarded birthday');
      return { kind: 'birthday_recently_set', firstRewardBirthday };
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
