import type {
  Birthday,
  CustomerRecord,
  CustomerStatus,
  CustomerUpsertRequest,
  MembershipEndReason,
} from '@loyalty-elements/contract';
import { toNumber, type Queryable } from '../store/database.ts';
import { emitEvent } from './webhooks/outbox.ts';
import { applyEntryLocked, type LedgerProgram } from './ledger.ts';
import { resumeMembershipLocked } from './membership.ts';
import { recordReferralLocked, type ReferralCode } from './referrals.ts';

export interface Customer {
  id: string;
  name: string;
  locale: string | null;
  /** The customer's own time zone; null: the program's. */
  timezone: string | null;
  birthday: Birthday | null;
  /** When the customer last set their birthday themselves (the change limit counts from it). */
  birthdaySetByCustomerAt: Date | null;
  /**
   * When the customer set the birthday now on file: the program's notice period counts from it. Null when
   * the merchant set it (the merchant's record is not held back).
   */
  birthdayNoticeFrom: Date | null;
  joinedAt: Date;
  /** Lower-cased. */
  email: string | null;
  status: CustomerStatus;
  /** The open ending of the membership, if it has ended and the member has not rejoined. */
  ending: { endedAt: Date; reason: MembershipEndReason } | null;
}

interface CustomerRow {
  id: string;
  name: string;
  locale: string | null;
  timezone: string | null;
  birthday_month: number | null;
  birthday_day: number | null;
  birthday_calendar: Birthday['calendar'] | null;
  birthday_customer_set_at: Date | string | null;
  birthday_notice_from: Date | string | null;
  created_at: Date | string;
  email: string | null;
  status: CustomerStatus;
  ended_at: Date | string | null;
  end_reason: MembershipEndReason | null;
}

/** The membership ending a customer's record shows: the one the member has not come back from. */
const OPEN_ENDING = `FROM membership_endings m
  WHERE m.program_id = customers.program_id AND m.customer_id = customers.id AND m.resumed_at IS NULL`;

export const CUSTOMER_COLUMNS =
  'id, name, locale, timezone, birthday_month, birthday_day, birthday_calendar, birthday_customer_set_at, ' +
  `birthday_notice_from, created_at, email, status, (SELECT m.ended_at ${OPEN_ENDING}) AS ended_at, ` +
  `(SELECT m.reason ${OPEN_ENDING}) AS end_reason`;

export async function findCustomer(db: Queryable, programId: string, id: string): Promise<Customer | undefined> {
  const [row] = await db.query<CustomerRow>(
    `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE program_id = $1 AND id = $2`,
    [programId, id],
  );
  return row && toCustomer(row);
}

/** A customer with the counters cached copies are checked against. */
export interface VersionedCustomer {
  customer: Customer;
  /** Bumped by every write that changes what the customer's summary shows. */
  version: number;
  /** The program's settings version at the same moment. */
  settingsVersion: number;
}

/** The customer, their version and their program's settings version, in one primary-key read. */
export async function findVersionedCustomer(
  db: Queryable,
  programId: string,
  id: string,
): Promise<VersionedCustomer | undefined> {
  const [row] = await db.query<CustomerRow & { version: number | string; settings_version: number | string }>(
    `SELECT ${CUSTOMER_COLUMNS}, version, (SELECT p.settings_version FROM programs p WHERE p.id = $1) AS settings_version
       FROM customers WHERE program_id = $1 AND id = $2`,
    [programId, id],
  );
  return (
    row && {
      customer: toCustomer(row),
      version: toNumber(row.version),
      settingsVersion: toNumber(row.settings_version),
    }
  );
}

/**
 * The customer's row, locked until the transaction ends: writes for one customer happen one at a time. After
 * waiting for another transaction's lock, the row is current but `ending` may not be (PostgreSQL evaluates it in
 * the statement's earlier snapshot): decide on `status`, and read the customer again to answer.
 */
export async function lockCustomer(tx: Queryable, programId: string, id: string): Promise<Customer | undefined> {
  const [row] = await tx.query<CustomerRow>(
    `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE program_id = $1 AND id = $2 FOR UPDATE`,
    [programId, id],
  );
  return row && toCustomer(row);
}

/**
 * Locks the rows of several customers of the program (undefined ids left out) in id order, so two transactions
 * that lock the same customers never wait on each other in a circle.
 */
export async function lockCustomersInIdOrder(
  tx: Queryable,
  programId: string,
  ids: ReadonlyArray<string | undefined>,
): Promise<Map<string, Customer>> {
  const locked = new Map<string, Customer>();
  const ordered = [...new Set(ids.filter((id) => id !== undefined))].sort();
  for (const id of ordered) {
    const customer = await lockCustomer(tx, programId, id);
    if (customer !== undefined) locked.set(id, customer);
  }
  return locked;
}

export interface NewCustomer {
  id: string;
  name: string;
  locale: string | null;
  timezone?: string | null;
  birthday?: Birthday | null;
  joinedAt?: Date;
}

export async function insertCustomer(db: Queryable, programId: string, customer: NewCustomer): Promise<void> {
  const birthday = customer.birthday ?? null;
  await db.query(
    `INSERT INTO customers (program_id, id, name, locale, timezone, birthday_month, birthday_day, birthday_calendar,
                            created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9::timestamptz, now()))`,
    [
      programId,
      customer.id,
      customer.name,
      customer.locale,
      customer.timezone ?? null,
      birthday?.month ?? null,
      birthday?.day ?? null,
      birthday?.calendar ?? null,
      customer.joinedAt ?? null,
    ],
  );
}

/**
 * Creates or updates a customer (admin). Fields `request` leaves out keep their value; a birthday set
 * here does not count against the customer's own change limit. A birthday the merchant sets or changes
 * here is the merchant's record and is not held back by the notice period; sending the birthday already
 * on file changes nothing (a customer's recent entry stays held back). Creating a customer credits the program's
 * welcome bonus, if any, in the same transaction: once, however often the PUT is repeated; and, with `referralCode`,
 * records who referred them.
 */
export type UpsertCustomerOutcome =
  | { kind: 'saved'; customer: Customer; created: boolean }
  /** The id belonged to a customer who was erased: it is not used again. */
  | { kind: 'customer_erased' };

export async function upsertCustomer(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  program: LedgerProgram & { welcomeBonus: number },
  id: string,
  request: CustomerUpsertRequest,
  now: Date,
  referralCode?: ReferralCode,
): Promise<UpsertCustomerOutcome> {
  const programId = program.id;
  return db.transaction(async (tx): Promise<UpsertCustomerOutcome> => {
    const birthday = request.birthday ?? null;
    // ON CONFLICT waits for a concurrent create of the same id, then leaves the update to us.
    const inserted = await tx.query(
      `INSERT INTO customers (program_id, id, name, locale, timezone, birthday_month, birthday_day, birthday_calendar,
                              created_at, email)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (program_id, id) DO NOTHING
       RETURNING id`,
      [
        programId,
        id,
        request.name,
        request.locale ?? null,
        request.timezone ?? null,
        birthday?.month ?? null,
        birthday?.day ?? null,
        birthday?.calendar ?? null,
        now,
        request.email?.toLowerCase() ?? null,
      ],
    );
    const created = inserted.length > 0;
    if (created) await emitEvent(tx, { programId, customerId: id, type: 'member.joined', data: {} }, now);
    // The new row is this transaction's until it commits: the bonus is credited with it, once.
    if (created && program.welcomeBonus > 0) await creditWelcomeBonus(tx, program, id, now);
    if (created && referralCode !== undefined) {
      await recordReferralLocked(tx, programId, { id, email: request.email?.toLowerCase() ?? null }, referralCode, now);
    }
    if (!created) {
      const existing = await lockCustomer(tx, programId, id);
      if (existing === undefined) throw new Error(`Customer ${id} exists but cannot be read`);
      if (existing.status === 'erased') return { kind: 'customer_erased' };
      if (request.status === 'active' && existing.status === 'ended')
        await resumeMembershipLocked(tx, programId, id, now);
      const nextBirthday = request.birthday === undefined ? existing.birthday : request.birthday;
      const birthdayChanged = !sameBirthdayOrBothNone(existing.birthday, nextBirthday);
      await tx.query(
        `UPDATE customers
            SET name = $3, locale = $4, timezone = $5, birthday_month = $6, birthday_day = $7, birthday_calendar = $8,
                birthday_notice_from = CASE WHEN $9::boolean THEN NULL ELSE birthday_notice_from END, email = $10
          WHERE program_id = $1 AND id = $2`,
        [
          programId,
          id,
          request.name,
          request.locale === undefined ? existing.locale : request.locale,
          request.timezone === undefined ? existing.timezone : request.timezone,
          nextBirthday?.month ?? null,
          nextBirthday?.day ?? null,
          nextBirthday?.calendar ?? null,
          birthdayChanged,
          request.email === undefined ? existing.email : (request.email?.toLowerCase() ?? null),
        ],
      );
    }
    const customer = await findCustomer(tx, programId, id);
    if (customer === undefined) throw new Error(`Customer ${id} vanished inside its own transaction`);
    return { kind: 'saved', customer, created };
  });
}

async function creditWelcomeBonus(
  tx: Queryable,
  program: LedgerProgram & { welcomeBonus: number },
  customerId: string,
  now: Date,
): Promise<void> {
  const applied = await applyEntryLocked(
    tx,
    program,
    customerId,
    { type: 'earn', kind: 'welcome', points: program.welcomeBonus, reason: null },
    { idempotencyKey: `welcome:${customerId}`, requestHash: null },
    now,
  );
  if (applied.kind !== 'created') throw new Error('A welcome bonus was refused');
}

/** Sets the customer's birthday as the customer did it (the change limit and the notice count from `now`). */
export async function setBirthdayByCustomer(
  tx: Queryable,
  programId: string,
  id: string,
  birthday: Birthday,
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE customers SET birthday_month = $3, birthday_day = $4, birthday_calendar = $5, birthday_customer_set_at = $6,
                          birthday_notice_from = $6
      WHERE program_id = $1 AND id = $2`,
    [programId, id, birthday.month, birthday.day, birthday.calendar, now],
  );
}

export function toCustomerRecord(customer: Customer): CustomerRecord {
  return {
    id: customer.id,
    name: customer.name,
    locale: customer.locale,
    timezone: customer.timezone,
    birthday: customer.birthday,
    email: customer.email,
    status: customer.status,
    joinedAt: customer.joinedAt.toISOString(),
    endedAt: customer.ending?.endedAt.toISOString() ?? null,
    endReason: customer.ending?.reason ?? null,
  };
}

function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    name: row.name,
    locale: row.locale,
    timezone: row.timezone,
    birthday:
      row.birthday_month === null || row.birthday_day === null || row.birthday_calendar === null
        ? null
        : { month: Number(row.birthday_month), day: Number(row.birthday_day), calendar: row.birthday_calendar },
    birthdaySetByCustomerAt: row.birthday_customer_set_at === null ? null : new Date(row.birthday_customer_set_at),
    birthdayNoticeFrom: row.birthday_notice_from === null ? null : new Date(row.birthday_notice_from),
    joinedAt: new Date(row.created_at),
    email: row.email,
    status: row.status,
    ending:
      row.ended_at === null || row.end_reason === null
        ? null
        : { endedAt: new Date(row.ended_at), reason: row.end_reason },
  };
}

/** A customer read from a row selected with {@link CUSTOMER_COLUMNS}. */
export function customerFromRow(row: Record<string, unknown>): Customer {
  return toCustomer(row as unknown as CustomerRow);
}

function sameBirthdayOrBothNone(a: Birthday | null, b: Birthday | null): boolean {
  if (a === null || b === null) return a === b;
  return a.month === b.month && a.day === b.day && a.calendar === b.calendar;
}
