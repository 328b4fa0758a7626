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

/** Hex SHA-256 of a secret key, as the database computes it too (`secret_key_sha256` below). */
const keyDigest = (secretKey: string) => createHash('sha256').update(secretKey, 'utf8').digest('hex');

/**
 * Starts a session for the program, opened with `secretKey`; returns the token for the cookie and when the session
 * ends unless used.
 */
export async function startConsoleSession(
  db: Queryable,
  opened: { programId: string; secretKey: string },
  userAgent: string | undefined,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + CONSOLE_SESSION_IDLE_SECONDS * 1000);
  await db.query(
    `INSERT INTO console_sessions (id, program_id, created_at, last_seen_at, expires_at, user_agent, secret_key_sha256)
     VALUES ($1, $2, $3, $3, $4, $5, $6)`,
    [
      sessionId(token),
      opened.programId,
      now,
      expiresAt,
      userAgent?.slice(0, USER_AGENT_MAX_LENGTH) ?? null,
      keyDigest(opened.secretKey),
    ],
  );
  return { token, expiresAt };
}

/** True in SQL while the secret key with digest `digest` works for program `program`: current, or in its grace. */
const KEY_STILL_WORKS = (program: string, digest: string, now: string) => `(
  EXISTS (SELECT 1 FROM programs p
           WHERE p.id = ${program} AND encode(sha256(convert_to(p.secret_key, 'UTF8')), 'hex') = ${digest})
  OR EXISTS (SELECT 1 FROM retired_keys r
              WHERE r.program_id = ${program} AND r.kind = 'secret' AND r.expires_at > ${now}
                AND encode(sha256(convert_to(r.key, 'UTF8')), 'hex') = ${digest}))`;

/**
 * The live session of `token`, its expiry moved on by this use (idle time from now, never past the longest a
 * session may last from its start); undefined for a token unknown, ended or expired, or opened with a secret key
 * that no longer works (rotated out past its grace period, or revoked).
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
        AND ${KEY_STILL_WORKS('console_sessions.program_id', 'console_sessions.secret_key_sha256', '$2')}
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
