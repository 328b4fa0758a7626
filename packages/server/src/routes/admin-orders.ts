import type { Context, Hono } from 'hono';
import {
  IDEMPOTENT_REPLAY_HEADER,
  Identifier,
  OrderRequest,
  RefundRequest,
  orderPaths,
  type FieldError,
} from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import { MAX_ORDER_POINTS, readOrder, recordOrder } from '../domain/orders.ts';
import type { Program } from '../domain/programs.ts';
import { recordRefund } from '../domain/refunds.ts';
import { ProblemError, validationFailed } from '../problem.ts';
import { parseOrThrow } from '../validation.ts';
import { readJson } from './request.ts';

/** The merchant's checkout: orders earn points, refunds take their share back. Each is recorded once per id. */
export function adminOrdersRoutes(app: Hono, { db, now: clock, turns }: AppContext): void {
  app.post(orderPaths.orders, async (c) => {
    const now = clock();
    const program = await authenticateSecretKey(c, db, now);
    const request = parseOrThrow(OrderRequest, await readJson(c), 'body');
    checkOrder(request, program, now);
    const outcome = await turns.run(program.id, request.customerId, () => recordOrder(db, program, request, now));
    switch (outcome.kind) {
      case 'created':
      case 'replayed':
        return answer(c, outcome.kind, outcome.result);
      case 'customer_not_found':
        throw new ProblemError(404, 'customer_not_found', `No customer "${request.customerId}" in this program.`);
      case 'order_conflict':
        throw new ProblemError(
          409,
          'order_conflict',
          `Order "${request.orderId}" was recorded with different details; an order is recorded once. Record a change as a refund.`,
        );
      case 'too_many_points':
        throw validationFailed([
          {
            path: 'body.amount',
            message: `This order would earn ${outcome.points} points; one order may earn at most ${MAX_ORDER_POINTS}.`,
          },
        ]);
    }
  });

  app.get(orderPaths.orderPattern, async (c) => {
    const program = await authenticateSecretKey(c, db, clock());
    const orderId = parseOrThrow(Identifier, c.req.param('orderId'), 'path.orderId');
    const order = await readOrder(db, program.id, orderId);
    if (order === undefined) throw orderNotFound(orderId);
    return c.json(order, 200);
  });

  app.post(orderPaths.refundsPattern, async (c) => {
    const now = clock();
    const program = await authenticateSecretKey(c, db, now);
    const orderId = parseOrThrow(Identifier, c.req.param('orderId'), 'path.orderId');
    const request = parseOrThrow(RefundRequest, await readJson(c), 'body');
    const outcome = await recordRefund(db, program, orderId, request, now);
    switch (outcome.kind) {
      case 'created':
      case 'replayed':
        return answer(c, outcome.kind, outcome.result);
      case 'order_not_found':
        throw orderNotFound(orderId);
      case 'refund_conflict':
        throw new ProblemError(
          409,
          'refund_conflict',
          `Refund "${request.refundId}" of order "${orderId}" was recorded with a different amount.`,
        );
      case 'refund_exceeds_order':
        throw new ProblemError(
          409,
          'refund_exceeds_order',
          `Order "${orderId}" is for ${outcome.amount} and ${outcome.refunded} is refunded already: ` +
            `at most ${outcome.amount - outcome.refunded} more can be.`,
        );
    }
  });
}

/** 201 for what was just recorded; 200, marked as a replay, for the same request again. */
export function answer(c: Context, kind: 'created' | 'replayed', body: object): Response {
  if (kind === 'replayed') c.header(IDEMPOTENT_REPLAY_HEADER, 'true');
  return c.json(body, kind === 'created' ? 201 : 200);
}

function orderNotFound(orderId: string): ProblemError {
  return new ProblemError(404, 'order_not_found', `No order "${orderId}" in this program.`);
}

/** What the contract cannot check alone: the program's currency, and a placing time not in the future. */
function checkOrder(request: OrderRequest, program: Program, now: Date): void {
  const errors: FieldError[] = [];
  if (request.currency !== program.currency) {
    errors.push({ path: 'body.currency', message: `Orders are in the program's currency, ${program.currency}.` });
  }
  if (request.placedAt !== undefined && Date.parse(request.placedAt) > now.getTime()) {
    errors.push({ path: 'body.placedAt', message: 'Cannot be in the future.' });
  }
  if (errors.length > 0) throw validationFailed(errors);
}
