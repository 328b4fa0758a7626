import type { Hono } from 'hono';
import {
  POINTS_HISTORY_DEFAULT_LIMIT,
  PointsHistoryQuery,
  paths,
  type PointsHistory,
} from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { ensureExpired } from '../domain/ledger.ts';
import { historyPage } from '../domain/ledger-reads.ts';
import { validationFailed } from '../problem.ts';
import { parseOrThrow } from '../validation.ts';
import { signedInCustomer } from './request.ts';

/** `GET /v1/me/points/history?limit=&cursor=`: the customer's ledger, newest first, in cursor pages. */
export function pointsHistoryRoute(app: Hono, context: AppContext): void {
  app.get(paths.pointsHistory, async (c) => {
    const query = parseOrThrow(PointsHistoryQuery, c.req.query(), 'query');
    const before = query.cursor === undefined ? null : decodeCursor(query.cursor);
    const { program, customer } = await signedInCustomer(c, context);
    await ensureExpired(context.db, program.id, customer.id, context.now());
    const page = await historyPage(
      context.db,
      program.id,
      customer.id,
      query.limit ?? POINTS_HISTORY_DEFAULT_LIMIT,
      before,
    );
    const body: PointsHistory = {
      entries: page.entries,
      nextCursor: page.nextBefore === null ? null : encodeCursor(page.nextBefore),
    };
    c.header('Cache-Control', 'private, no-store');
    return c.json(body);
  });
}

// Cursors are opaque to clients: a versioned position in the customer's ledger, base64url-encoded.
const CURSOR_PREFIX = 'h1.';

export function encodeCursor(beforeSeq: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${beforeSeq}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const seq = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(seq) || seq < 1 || encodeCursor(seq) !== cursor) {
    throw validationFailed([{ path: 'query.cursor', message: 'Not a cursor this API gave out.' }]);
  }
  return seq;
}
