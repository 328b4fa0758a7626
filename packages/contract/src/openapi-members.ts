import { CustomerHistory, CustomerHistoryQuery } from './customer-history.ts';
import { CustomerRecord } from './customers.ts';
import { memberPaths, paths } from './http.ts';
import {
  ChurnQuery,
  ChurnReport,
  CustomerExport,
  CustomerList,
  CustomerListQuery,
  CustomerProfile,
  MembershipEndRequest,
} from './members.ts';
import type { Operation } from './openapi-operation.ts';

/** Members' whole life, from the merchant's backend (secret key): find, read, export, erase, end, count. */
export const MEMBER_OPERATIONS: Record<string, Operation> = {
  getCustomer: {
    method: 'get',
    path: paths.customerPattern,
    summary: 'A customer’s profile: record, status, balance, tier and birthday',
    auth: 'secret',
    response: CustomerProfile,
    problems: { 404: ['customer_not_found'] },
  },
  listCustomers: {
    method: 'get',
    path: memberPaths.customers,
    summary: 'Find customers by id, name or e-mail, by status, a cursor page at a time',
    auth: 'secret',
    query: CustomerListQuery,
    response: CustomerList,
  },
  getCustomerHistory: {
    method: 'get',
    path: memberPaths.historyPattern,
    summary:
      'A customer’s ledger, newest first, as the shopper’s history shows it, with whether each entry can be reversed',
    auth: 'secret',
    query: CustomerHistoryQuery,
    response: CustomerHistory,
    problems: { 404: ['customer_not_found'] },
  },
  exportCustomer: {
    method: 'get',
    path: memberPaths.exportPattern,
    summary: 'Everything stored about a customer, as a JSON attachment',
    auth: 'secret',
    response: CustomerExport,
    attachment: true,
    problems: { 404: ['customer_not_found'] },
  },
  eraseCustomer: {
    method: 'delete',
    path: paths.customerPattern,
    summary: 'Erase a customer: personal data removed, the ledger kept anonymised; safe to repeat',
    auth: 'secret',
    response: CustomerRecord,
    problems: { 404: ['customer_not_found'] },
  },
  endMembership: {
    method: 'post',
    path: memberPaths.membershipEndPattern,
    summary: 'End a membership, with the reason; a second call changes nothing',
    auth: 'secret',
    body: MembershipEndRequest,
    response: CustomerRecord,
    problems: { 404: ['customer_not_found'], 409: ['customer_erased'] },
  },
  getChurn: {
    method: 'get',
    path: memberPaths.churn,
    summary: 'Members at the start of each month, joined, ended (by reason) and the churn rate',
    auth: 'secret',
    query: ChurnQuery,
    response: ChurnReport,
  },
};
