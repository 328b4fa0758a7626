import { createHash, randomBytes } from 'node:crypto';
import { CONSOLE_SESSION_IDLE_SECONDS, CONSOLE_SESSION_MAX_SECONDS } from '@loyalty-elements/contract';
import type { Queryable } from '../../store/database.ts';

/** The longest user agent kept with a session (it is only there to tell sessions apart). */
const USER_AGENT_MAX_LENGTH = 300;
/** A token is 32 random bytes in base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface ConsoleSessionRecord {
  programId: string;
  expiresAt: Date;
}

/** Only the token's digest is stored: the table alone signs no one in. */
function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a session for the program; returns the token for the cookie and when the session ends unless used. */
export async function startConsoleSession(
  db: Queryable,
  programId: string,
  userAgent: string | undefined,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + CONSOLE_SESSION_IDLE_SECONDS * 1000);
  await db.query(
    `INSERT INTO console_sessions (id, program_id, created_at, last_seen_at, expires_at, user_agent)
     VALUES ($1, $2, $3, $3, $4, $5)`,
    [sessionId(token), programId, now, expiresAt, userAgent?.slice(0, USER_AGENT_MAX_LENGTH) ?? null],
  );
  return { token, expiresAt };
}

/**
 * The live session of `token`, its expiry moved on by this use (idle time from now, never past the longest a
 * session may last from its start); undefined for a token unknown, ended or expired.
 */
export async function touchConsoleSession(
  db: Queryable,
  token: string,
  now: Date,
): Promise<ConsoleSessionRecord | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const [row] = await db.query<{ program_id: string; expires_at: Date | string }>(
    `UPDATE console_sessions
        SET last_seen_at = $2,
            expires_at = LEAST($2::timestamptz + make_interval(secs => $3),
                               created_at + make_interval(secs => $4))
      WHERE id = $1 AND ended_at IS NULL AND expires_at > $2
      RETURNING program_id, expires_at`,
    [sessionId(token), now, CONSOLE_SESSION_IDLE_SECONDS, CONSOLE_SESSION_MAX_SECONDS],
  );
  return row && { programId: row.program_id, expiresAt: new Date(row.expires_at) };
}

/** Ends the session of `token` (signed out): it is refused from then on. Ending it twice changes nothing. */
export async function endConsoleSession(db: Queryable, token: string, now: Date): Promise<void> {
  if (!TOKEN_PATTERN.test(token)) return;
  await db.query(`UPDATE console_sessions SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL`, [
    sessionId(token),
    now,
  ]);
}
