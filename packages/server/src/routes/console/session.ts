import type { Context, Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import {
  CONSOLE_SESSION_COOKIE,
  CONSOLE_SESSION_IDLE_SECONDS,
  ConsoleSignIn,
  consolePaths,
  type ConsoleConfig,
  type ConsoleSession,
} from '@loyalty-elements/contract';
import type { AppContext } from '../../app.ts';
import { authenticateConsoleSession, consoleSessionToken } from '../../console-auth.ts';
import { endConsoleSession, startConsoleSession } from '../../domain/console/sessions.ts';
import { findProgramBySecretKey } from '../../domain/programs.ts';
import { ProblemError } from '../../problem.ts';
import { parseOrThrow } from '../../validation.ts';
import { readJson } from '../request.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface ConsoleSessionOptions {
  /** The demo program's secret key, offered on the sign-in page; only in demo mode. */
  demoSecretKey?: string | undefined;
}

/** The cookie's attributes: the browser keeps it from scripts and other sites, and sends it over HTTPS only. */
function setSessionCookie(c: Context, token: string, maxAgeSeconds: number): void {
  setCookie(c, CONSOLE_SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    maxAge: maxAgeSeconds,
    // A browser keeps a Secure cookie from plain http://localhost too, but not from other plain-HTTP hosts.
    secure: !LOOPBACK_HOSTS.has(new URL(c.req.url).hostname),
  });
}

/** Sign-in, the session's state and sign-out of the merchant console, and the sign-in page's configuration. */
export function consoleSessionRoutes(app: Hono, context: AppContext, options: ConsoleSessionOptions): void {
  app.get(consolePaths.config, (c) => {
    const body: ConsoleConfig =
      options.demoSecretKey === undefined ? { demo: false } : { demo: true, demoSecretKey: options.demoSecretKey };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  app.post(consolePaths.session, async (c) => {
    const now = context.now();
    const { secretKey } = parseOrThrow(ConsoleSignIn, await readJson(c), 'body');
    const program = await findProgramBySecretKey(context.db, secretKey, now);
    if (program === undefined)
      throw new ProblemError(401, 'secret_key_invalid', 'That is not a secret key of a program.');
    const { token } = await startConsoleSession(
      context.db,
      { programId: program.id, secretKey },
      c.req.header('User-Agent'),
      now,
    );
    setSessionCookie(c, token, CONSOLE_SESSION_IDLE_SECONDS);
    c.header('Cache-Control', 'no-store');
    return c.body(null, 204);
  });

  app.get(consolePaths.session, async (c) => {
    const now = context.now();
    const { program, expiresAt } = await authenticateConsoleSession(c, context.db, now);
    // The cookie slides with the session.
    setSessionCookie(c, consoleSessionToken(c)!, Math.round((expiresAt.getTime() - now.getTime()) / 1000));
    const body: ConsoleSession = {
      program: { id: program.id, name: program.name },
      expiresAt: expiresAt.toISOString(),
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  app.delete(consolePaths.session, async (c) => {
    const now = context.now();
    await authenticateConsoleSession(c, context.db, now);
    await endConsoleSession(context.db, consoleSessionToken(c)!, now);
    deleteCookie(c, CONSOLE_SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });
}
