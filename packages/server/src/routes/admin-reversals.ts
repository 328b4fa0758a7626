import type { Hono } from 'hono';
import { Identifier, orderPaths } from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import { reverseEntry } from '../domain/reversals.ts';
import { ProblemError } from '../problem.ts';
import { parseOrThrow } from '../validation.ts';
import { answer } from './admin-orders.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `POST …/transactions/{entryId}/reversal`: undoes one ledger entry, once; a second call answers the first. */
export function adminReversalsRoute(app: Hono, { db, now: clock }: AppContext): void {
  app.post(orderPaths.reversalPattern, async (c) => {
    const now = clock();
    const program = await authenticateSecretKey(c, db, now);
    const customerId = parseOrThrow(Identifier, c.req.param('customerId'), 'path.customerId');
    const entryId = c.req.param('entryId');
    const notFound = new ProblemError(404, 'entry_not_found', `Customer "${customerId}" has no entry "${entryId}".`);
    // Entry ids are UUIDs: anything else names no entry.
    if (!UUID.test(entryId)) throw notFound;
    const outcome = await reverseEntry(db, program, customerId, entryId.toLowerCase(), now);
    switch (outcome.kind) {
      case 'created':
      case 'replayed':
        return answer(c, outcome.kind, outcome.result);
      case 'customer_not_found':
        throw new ProblemError(404, 'customer_not_found', `No customer "${customerId}" in this program.`);
      case 'entry_not_found':
        throw notFound;
      case 'entry_not_reversible':
        throw new ProblemError(
          409,
          'entry_not_reversible',
          outcome.entryKind === 'order'
            ? 'An order is not reversed: record a refund of it (POST /v1/admin/orders/{orderId}/refunds) instead.'
            : `A ledger entry of kind "${outcome.entryKind}" cannot be reversed. To take back an order's points, record a refund of the order instead.`,
        );
    }
  });
}
