import { AdminOverview, ConsoleConfig, ConsoleSession, ConsoleSignIn } from './console.ts';
import { consolePaths } from './http.ts';
import type { Operation } from './openapi-operation.ts';

/** The merchant console's sign-in (a session cookie for the secret key) and the overview it opens on. */
export const CONSOLE_OPERATIONS: Record<string, Operation> = {
  getConsoleConfig: {
    method: 'get',
    path: consolePaths.config,
    summary: 'What the console’s sign-in page needs: whether the API runs in demo mode',
    auth: 'none',
    response: ConsoleConfig,
    storage: false,
  },
  startConsoleSession: {
    method: 'post',
    path: consolePaths.session,
    summary: 'Sign in to the console: the secret key exchanged for an HttpOnly, SameSite=Strict session cookie',
    auth: 'none',
    body: ConsoleSignIn,
    status: 204,
    problems: { 401: ['secret_key_invalid'], 403: ['cross_site_refused'], 429: ['rate_limited'] },
  },
  getConsoleSession: {
    method: 'get',
    path: consolePaths.session,
    summary: 'The console session of the cookie: its program and when it ends unless used',
    auth: 'console',
    response: ConsoleSession,
  },
  endConsoleSession: {
    method: 'delete',
    path: consolePaths.session,
    summary: 'Sign out: the session ends and its cookie is cleared',
    auth: 'console',
    status: 204,
  },
  getAdminOverview: {
    method: 'get',
    path: consolePaths.overview,
    summary: 'The program at a glance: members by tier, points owed and expiring, weekly points, redemptions, joins',
    auth: 'secret',
    response: AdminOverview,
  },
};
