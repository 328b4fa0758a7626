import type { Hono } from 'hono';
import {
  CustomerHistoryQuery,
  Identifier,
  memberPaths,
  POINTS_HISTORY_DEFAULT_LIMIT,
  type CustomerHistory,
} from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import { merchantHistoryPage } from '../domain/customer-history.ts';
import { findCustomer } from '../domain/customers.ts';
import { ensureExpired } from '../domain/ledger.ts';
import { parseOrThrow } from '../validation.ts';
import { customerNotFound } from './admin-customers.ts';
import { decodeCursor, encodeCursor } from './points-history.ts';

/**
 * `GET /v1/admin/customers/{id}/history?limit=&cursor=`: the customer's ledger for the merchant, newest first, with
 * the shopper's entries and cursors; an erased customer's entries are listed too (their reasons were removed).
 */
export function adminCustomerHistoryRoute(app: Hono, context: AppContext): void {
  app.get(memberPaths.historyPattern, async (c) => {
    const program = await authenticateSecretKey(c, context.db, context.now());
    const customerId = parseOrThrow(Identifier, c.req.param('customerId'), 'path.customerId');
    const query = parseOrThrow(CustomerHistoryQuery, c.req.query(), 'query');
    const before = query.cursor === undefined ? null : decodeCursor(query.cursor);
    const customer = await findCustomer(context.db, program.id, customerId);
    if (customer === undefined) throw customerNotFound(customerId);
    await ensureExpired(context.db, program.id, customerId, context.now());
    const page = await merchantHistoryPage(
      context.db,
      program.id,
      customerId,
      query.limit ?? POINTS_HISTORY_DEFAULT_LIMIT,
      before,
    );
    const body: CustomerHistory = {
      entries: page.entries,
      nextCursor: page.nextBefore === null ? null : encodeCursor(page.nextBefore),
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
}
