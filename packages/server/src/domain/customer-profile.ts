import type { CustomerProfile } from '@loyalty-elements/contract';
import type { Database } from '../store/database.ts';
import { birthdayStatus } from './birthdays.ts';
import { toCustomerRecord, type Customer } from './customers.ts';
import { currentPoints, qualifyingActivity } from './ledger-reads.ts';
import type { Program } from './programs.ts';
import { activitySince, tierStanding } from './tiers.ts';

/** What the merchant sees of one customer at `now`: the record, the balance, the tier and the birthday. */
export async function customerProfile(
  db: Database,
  program: Program,
  customer: Customer,
  now: Date,
): Promise<CustomerProfile> {
  const since = activitySince(program.tierWindowMonths, now);
  const [{ points }, activity, birthday] = await Promise.all([
    currentPoints(db, program.id, customer.id, now),
    qualifyingActivity(db, program, customer.id, since, now),
    birthdayStatus(db, program, customer, now),
  ]);
  const tier = tierStanding(program.tiers, activity, program.tierWindowMonths, now, program.tierRiskHorizonDays);
  return {
    customer: toCustomerRecord(customer),
    balance: { spendable: points.balance, pending: points.pending },
    tier: { id: tier.current.id, name: tier.current.name },
    birthday,
  };
}
