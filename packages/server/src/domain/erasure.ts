import type { SurveyAnswers } from '@loyalty-elements/contract';
import type { Database, Queryable } from '../store/database.ts';
import { findCustomer, lockCustomer, type Customer } from './customers.ts';
import { endMembershipLocked } from './membership.ts';

export type EraseOutcome = { kind: 'erased'; customer: Customer } | { kind: 'customer_not_found' };

/**
 * Erases a customer (the right to erasure), in one transaction under their row lock. Removed: name, e-mail,
 * locale, time zone, birthday (also from the birthday claims, which then keep the day they were claimed, and with the
 * webhook events that name it, sent or not), the
 * free text of survey answers and follow-ups (the complaint, staff notes, the outcome), contact consent, the notes of membership endings and win-backs, and the
 * free-text reasons of ledger entries. Kept, anonymised under the merchant's id: the ledger's rows and points,
 * the point batches, redemptions and their codes, survey ratings and choices, so program totals stay true. An
 * active membership ends (reason `other`) so churn counts the departure. Repeating it changes nothing.
 */
export function eraseCustomer(db: Database, programId: string, customerId: string, now: Date): Promise<EraseOutcome> {
  return db.transaction(async (tx): Promise<EraseOutcome> => {
    const customer = await lockCustomer(tx, programId, customerId);
    if (customer === undefined) return { kind: 'customer_not_found' };
    if (customer.status !== 'erased') {
      if (customer.status === 'active') await endMembershipLocked(tx, programId, customerId, { reason: 'other' }, now);
      await erasePersonalData(tx, programId, customerId, now);
    }
    const erased = await findCustomer(tx, programId, customerId);
    if (erased === undefined) throw new Error(`Customer ${customerId} vanished under its lock`);
    return { kind: 'erased', customer: erased };
  });
}

async function erasePersonalData(tx: Queryable, programId: string, customerId: string, now: Date): Promise<void> {
  const key = [programId, customerId];
  await tx.query(
    `UPDATE customers
        SET name = '', email = NULL, locale = NULL, timezone = NULL, birthday_month = NULL, birthday_day = NULL,
            birthday_calendar = NULL, birthday_customer_set_at = NULL, birthday_notice_from = NULL,
            status = 'erased', erased_at = $3
      WHERE program_id = $1 AND id = $2`,
    [...key, now],
  );
  await tx.query(
    `UPDATE ledger_entries SET reason = NULL WHERE program_id = $1 AND customer_id = $2 AND reason IS NOT NULL`,
    key,
  );
  await tx.query(
    `UPDATE birthday_claims
        SET birthday_month = NULL, birthday_day = NULL, birthday_calendar = NULL,
            celebration_date = (claimed_at AT TIME ZONE 'UTC')::date
      WHERE program_id = $1 AND customer_id = $2`,
    key,
  );
  // The scheduler's claims name dates (a birthday's among them); an erased customer has no moments to come.
  await tx.query('DELETE FROM scheduled_moments WHERE program_id = $1 AND customer_id = $2', key);
  // The webhook events that name the birthday go, with their deliveries: none is sent once the customer is erased.
  const birthdayEvents = `SELECT id FROM webhook_events
                           WHERE program_id = $1 AND customer_id = $2 AND type = 'birthday.upcoming'`;
  await tx.query(`DELETE FROM webhook_deliveries WHERE event_id IN (${birthdayEvents})`, key);
  await tx.query(`DELETE FROM webhook_events WHERE id IN (${birthdayEvents})`, key);
  await tx.query(`UPDATE membership_endings SET note = NULL WHERE program_id = $1 AND customer_id = $2`, key);
  await tx.query(`UPDATE win_backs SET note = NULL WHERE program_id = $1 AND customer_id = $2`, key);
  await tx.query(
    `UPDATE survey_follow_ups SET comments = '[]'::jsonb, outcome = CASE WHEN outcome IS NULL THEN NULL ELSE '' END
      WHERE program_id = $1 AND customer_id = $2`,
    key,
  );
  await tx.query(
    `DELETE FROM survey_follow_up_notes
      WHERE follow_up_id IN (SELECT id FROM survey_follow_ups WHERE program_id = $1 AND customer_id = $2)`,
    key,
  );
  const responses = await tx.query<{ id: string; answers: SurveyAnswers }>(
    'SELECT id, answers FROM survey_responses WHERE program_id = $1 AND customer_id = $2 FOR UPDATE',
    key,
  );
  for (const response of responses) {
    await tx.query('UPDATE survey_responses SET answers = $2::jsonb, contact_consent = false WHERE id = $1', [
      response.id,
      JSON.stringify(withoutFreeText(response.answers)),
    ]);
  }
}

/** The answers without anything typed: free-text answers go, and so does the text of an "other" choice. */
export function withoutFreeText(answers: SurveyAnswers): SurveyAnswers {
  const kept: SurveyAnswers = {};
  for (const [questionId, answer] of Object.entries(answers)) {
    if (typeof answer === 'string') continue;
    if (typeof answer === 'object' && answer !== null && 'otherText' in answer) {
      const { otherText: _typed, ...choice } = answer;
      kept[questionId] = choice as SurveyAnswers[string];
    } else {
      kept[questionId] = answer;
    }
  }
  return kept;
}
