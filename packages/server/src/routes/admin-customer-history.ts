import type { Hono } from 'hono';
import { Identifier, memberPaths, type CustomerHistory } from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import { merchantHistoryPage } from '../domain/customer-history.ts';
import { findCustomer } from '../domain/customers.ts';
import { ensureExpired } from '../domain/ledger.ts';
import { parseOrThrow } from '../validation.ts';
import { customerNotFound } from './admin-customers.ts';
import { historyAnswer, readHistoryQuery } from './points-history.ts';

/**
 * `GET /v1/admin/customers/{id}/history?limit=&cursor=`: the customer's ledger for the merchant, newest first, with
 * the shopper's entries and cursors; an erased customer's entries are listed too (their reasons were removed).
 */
export function adminCustomerHistoryRoute(app: Hono, { db, now }: AppContext): void {
  app.get(memberPaths.historyPattern, async (c) => {
    const program = await authenticateSecretKey(c, db, now());
    const customerId = parseOrThrow(Identifier, c.req.param('customerId'), 'path.customerId');
    const { limit, before } = readHistoryQuery(c);
    if ((await findCustomer(db, program.id, customerId)) === undefined) throw customerNotFound(customerId);
    await ensureExpired(db, program.id, customerId, now());
    const body: CustomerHistory = historyAnswer(await merchantHistoryPage(db, program.id, customerId, limit, before));
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
}
