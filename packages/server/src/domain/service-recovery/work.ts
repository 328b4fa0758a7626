import { randomUUID } from 'node:crypto';
import type { FollowUpNote, FollowUpNoteRequest } from '@loyalty-elements/contract';
import type { Queryable } from '../../store/database.ts';
import { iso } from '../ledger.ts';

/** Work on a follow-up before it closes (or after): who has it, and what staff noted. */

/** Sets (or clears) who works the follow-up; false when the program has no such follow-up. */
export async function assignFollowUp(
  db: Queryable,
  programId: string,
  followUpId: string,
  assignee: string | null,
): Promise<boolean> {
  const rows = await db.query(
    'UPDATE survey_follow_ups SET assignee = $3 WHERE program_id = $1 AND id = $2 RETURNING id',
    [programId, followUpId, assignee],
  );
  return rows.length > 0;
}

/**
 * Adds an internal note at `now`; `follow_up_not_found` when the program has no such follow-up, `customer_erased`
 * when its customer was erased (a note about them would be personal data kept after the erasure).
 */
export async function addFollowUpNote(
  db: Queryable,
  programId: string,
  followUpId: string,
  note: FollowUpNoteRequest,
  now: Date,
): Promise<FollowUpNote | 'follow_up_not_found' | 'customer_erased'> {
  const [row] = await db.query<{ id: string; text: string; author: string | null; created_at: Date | string }>(
    `INSERT INTO survey_follow_up_notes (id, follow_up_id, text, author, created_at)
     SELECT $3, f.id, $4, $5, $6 FROM survey_follow_ups f
       JOIN customers c ON c.program_id = f.program_id AND c.id = f.customer_id
      WHERE f.program_id = $1 AND f.id = $2 AND c.status <> 'erased'
     RETURNING id, text, author, created_at`,
    [programId, followUpId, randomUUID(), note.text, note.author ?? null, now],
  );
  if (row) return { id: row.id, text: row.text, author: row.author, createdAt: iso(row.created_at) };
  const [exists] = await db.query('SELECT 1 FROM survey_follow_ups WHERE program_id = $1 AND id = $2', [
    programId,
    followUpId,
  ]);
  return exists === undefined ? 'follow_up_not_found' : 'customer_erased';
}
