import { orderPaths, OrderRecord, OrderRequest, OrderResult, RefundRequest, RefundResult } from './orders.ts';
import type { Operation } from './openapi-operation.ts';
import { TransactionResult } from './transactions.ts';

/** Orders, refunds and reversals, from the merchant's backend (secret key). */
export const ORDER_OPERATIONS: Record<string, Operation> = {
  postOrder: {
    method: 'post',
    path: orderPaths.orders,
    summary: 'Record a paid order: credits its points, pending for the return window; once per orderId',
    auth: 'secret',
    body: OrderRequest,
    response: OrderResult,
    status: 201,
    otherStatuses: [200],
    replays: true,
    problems: { 404: ['customer_not_found'], 409: ['order_conflict', 'membership_ended', 'customer_erased'] },
  },
  getOrder: {
    method: 'get',
    path: orderPaths.orderPattern,
    summary: 'An order with its refunds and the points they took back',
    auth: 'secret',
    response: OrderRecord,
    problems: { 404: ['order_not_found'] },
  },
  postRefund: {
    method: 'post',
    path: orderPaths.refundsPattern,
    summary: 'Record a refund: takes back its share of the order’s points; once per refundId',
    auth: 'secret',
    body: RefundRequest,
    response: RefundResult,
    status: 201,
    otherStatuses: [200],
    replays: true,
    problems: { 404: ['order_not_found'], 409: ['refund_conflict', 'refund_exceeds_order'] },
  },
  postReversal: {
    method: 'post',
    path: orderPaths.reversalPattern,
    summary: 'Reverse one ledger entry, once: a credit’s points are taken back, a debit’s are given back',
    auth: 'secret',
    response: TransactionResult,
    status: 201,
    otherStatuses: [200],
    replays: true,
    problems: {
      404: ['customer_not_found', 'entry_not_found'],
      409: ['entry_not_reversible', 'membership_ended', 'customer_erased'],
    },
  },
};
