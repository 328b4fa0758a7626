import {
  CustomerHistory,
  CustomerList,
  CustomerProfile,
  CustomerRecord,
  IDEMPOTENCY_KEY_HEADER,
  memberPaths,
  OrderRecord,
  orderPaths,
  paths,
  RefundResult,
  TransactionResult,
  type CustomerStatus,
  type MembershipEndRequest,
} from '@loyalty-elements/contract';
import { read, send } from './transport.ts';

/** What the Customers page asks of the API: the admin routes of members, their ledger, orders and refunds. */
export const customersApi = {
  search(query: string, status: CustomerStatus | '', cursor: string | null) {
    const params = new URLSearchParams({ limit: '20' });
    if (query !== '') params.set('query', query);
    if (status !== '') params.set('status', status);
    if (cursor !== null) params.set('cursor', cursor);
    return read(CustomerList, `${memberPaths.customers}?${params}`);
  },
  profile: (customerId: string) => read(CustomerProfile, paths.customer(customerId)),
  history(customerId: string, cursor: string | null) {
    const params = new URLSearchParams({ limit: '20' });
    if (cursor !== null) params.set('cursor', cursor);
    return read(CustomerHistory, `${memberPaths.history(customerId)}?${params}`);
  },
  /** The address of the customer's export: a plain link to it downloads the JSON attachment. */
  exportUrl: (customerId: string) => memberPaths.export(customerId),
  adjust: (customerId: string, points: number, reason: string, idempotencyKey: string) =>
    send(
      TransactionResult,
      paths.customerTransactions(customerId),
      'POST',
      { type: 'adjust', points, reason },
      { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
    ),
  reverse: (customerId: string, entryId: string) =>
    send(TransactionResult, orderPaths.reversal(customerId, entryId), 'POST'),
  order: (orderId: string) => read(OrderRecord, orderPaths.order(orderId)),
  refund: (orderId: string, refundId: string, amount: number) =>
    send(RefundResult, orderPaths.refunds(orderId), 'POST', { refundId, amount }),
  endMembership: (customerId: string, request: MembershipEndRequest) =>
    send(CustomerRecord, memberPaths.membershipEnd(customerId), 'POST', request),
  erase: (customerId: string) => send(CustomerRecord, paths.customer(customerId), 'DELETE'),
};
