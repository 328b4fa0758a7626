import type { LedgerEntry, LedgerReferences, Transaction } from '@loyalty-elements/contract';
import { toNumber } from '../store/database.ts';
import type { EntryRow } from './ledger.ts';

// Ledger rows as the API answers them.

export function toLedgerEntry(row: EntryRow): LedgerEntry {
  return {
    id: row.id,
    type: row.type,
    kind: row.kind,
    references: toReferences(row),
    points: toNumber(row.points),
    shortfall: row.shortfall === null ? null : toNumber(row.shortfall),
    reason: row.reason,
    createdAt: iso(row.created_at),
    expiresAt: row.expires_at === null ? null : iso(row.expires_at),
    pendingUntil: row.pending_until === null ? null : iso(row.pending_until),
    spend:
      row.spend_amount === null || row.spend_currency === null
        ? null
        : { amount: toNumber(row.spend_amount), currency: row.spend_currency },
    balanceAfter: toNumber(row.balance_after),
  };
}

function toReferences(row: EntryRow): LedgerReferences {
  const references: LedgerReferences = {};
  if (row.order_id !== null) references.orderId = row.order_id;
  if (row.refund_id !== null) references.refundId = row.refund_id;
  if (row.reverses_entry_id !== null) references.reversesEntryId = row.reverses_entry_id;
  if (row.survey_id !== null) references.surveyId = row.survey_id;
  if (row.reward_id !== null) references.rewardId = row.reward_id;
  if (row.reward_name !== null) references.rewardName = row.reward_name;
  if (row.follow_up_id !== null) references.followUpId = row.follow_up_id;
  if (row.win_back_id !== null) references.winBackId = row.win_back_id;
  if (row.referral_id !== null) references.referralId = row.referral_id;
  return references;
}

export function toTransaction(row: EntryRow): Transaction {
  return { ...toLedgerEntry(row), customerId: row.customer_id };
}

/** An instant from the database as ISO 8601. */
export function iso(value: Date | string): string {
  return new Date(value).toISOString();
}
