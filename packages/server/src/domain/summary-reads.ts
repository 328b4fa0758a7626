import type { Queryable } from '../store/database.ts';
import { EXPIRING_LIMIT, pointsColumns, pointsStateOf, type PointsRow, type PointsState } from './ledger-reads.ts';
import { contactColumns, surveyContactsOf, type ContactsRow, type SurveyContacts } from './surveys/eligibility.ts';

/**
 * What a summary reads of the customer besides their tier, in one statement: their points (ledger-reads.ts) and their
 * past contacts with the surveys whose ids are `sampledSurveyIds` (surveys/eligibility.ts).
 */
export async function pointsAndSurveyContacts(
  db: Queryable,
  ids: { programId: string; customerId: string },
  sampledSurveyIds: string[],
  now: Date,
): Promise<{ points: PointsState; contacts: SurveyContacts }> {
  const [row] = await db.query<PointsRow & ContactsRow>(
    `SELECT ${pointsColumns()}, ${contactColumns('$5')} FROM customers c WHERE c.program_id = $1 AND c.id = $2`,
    [ids.programId, ids.customerId, now, EXPIRING_LIMIT, sampledSurveyIds],
  );
  return { points: pointsStateOf(row), contacts: surveyContactsOf(row) };
}
