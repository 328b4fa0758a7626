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

/** Adds an internal note at `now`; undefined when the program has no such follow-up. */
export async function addFollowUpNote(
  db: Queryable,
  programId: string,
  followUpId: string,
  note: FollowUpNoteRequest,
  now: Date,
): Promise<FollowUpNote | undefined> {
  const [row] = await db.query<{ id: string; text: string; author: string | null; created_at: Date | string }>(
    `INSERT INTO survey_follow_up_notes (id, follow_up_id, text, author, created_at)
     SELECT $3, f.id, $4, $5, $6 FROM survey_follow_ups f WHERE f.program_id = $1 AND f.id = $2
     RETURNING id, text, author, created_at`,
    [programId, followUpId, randomUUID(), note.text, note.author ?? null, now],
  );
  return row && { id: row.id, text: row.text, author: row.author, createdAt: iso(row.created_at) };
}
