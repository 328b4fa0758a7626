import type { Context, Hono } from 'hono';
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
    const { limit, before } = readHistoryQuery(c);
    const { program, customer } = await signedInCustomer(c, context);
    await ensureExpired(context.db, program.id, customer.id, context.now());
    const body: PointsHistory = historyAnswer(await historyPage(context.db, program.id, customer.id, limit, before));
    c.header('Cache-Control', 'private, no-store');
    return c.json(body);
  });
}

/** `limit` and `cursor` of a history request: entries per page, and the write position to continue below. */
export function readHistoryQuery(c: Context): { limit: number; before: number | null } {
  const query = parseOrThrow(PointsHistoryQuery, c.req.query(), 'query');
  return {
    limit: query.limit ?? POINTS_HISTORY_DEFAULT_LIMIT,
    before: query.cursor === undefined ? null : decodeCursor(query.cursor),
  };
}

/** A page of history as the API answers it: its entries, and the cursor of the next (older) page or null. */
export function historyAnswer<Entry>(page: { entries: Entry[]; nextBefore: number | null }) {
  return { entries: page.entries, nextCursor: page.nextBefore === null ? null : encodeCursor(page.nextBefore) };
}

// Cursors are opaque to clients: a versioned position in the customer's ledger, base64url-encoded.
const CURSOR_PREFIX = 'h1.';

export function encodeCursor(beforeSeq: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${beforeSeq}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const seq = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(seq) || seq < 1 || encodeCursor(seq) !== cursor) {
    throw validationFailed([{ path: 'query.cursor', message: 'Not a cursor this API gave out.' }]);
  }
  return seq;
}
