import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { CONSOLE_SESSION_COOKIE } from '@loyalty-elements/contract';
import type { Queryable } from './store/database.ts';
import { touchConsoleSession } from './domain/console/sessions.ts';
import { findProgramById, type Program } from './domain/programs.ts';
import { ProblemError } from './problem.ts';

/** The console session token the request's cookie carries, if any. */
export function consoleSessionToken(c: Context): string | undefined {
  const token = getCookie(c, CONSOLE_SESSION_COOKIE);
  return token === undefined || token === '' ? undefined : token;
}

/** The program and expiry of the request's live console session, or 401 `console_session_invalid`. */
export async function authenticateConsoleSession(
  c: Context,
  db: Queryable,
  now: Date,
): Promise<{ program: Program; expiresAt: Date }> {
  const token = consoleSessionToken(c);
  const session = token === undefined ? undefined : await touchConsoleSession(db, token, now);
  const program = session && (await findProgramById(db, session.programId, now));
  if (session === undefined || program === undefined) {
    throw new ProblemError(401, 'console_session_invalid', 'The console session has ended or expired; sign in again.');
  }
  return { program, expiresAt: session.expiresAt };
}
