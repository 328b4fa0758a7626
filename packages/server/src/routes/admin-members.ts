import type { Context, Hono } from 'hono';
import {
  CustomerListQuery,
  Identifier,
  MembershipEndRequest,
  memberPaths,
  type CustomerExport,
  type CustomerList,
  type CustomerRecord,
} from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import { customerRecords } from '../domain/customer-export.ts';
import { customerProfile } from '../domain/customer-profile.ts';
import { findCustomer, toCustomerRecord } from '../domain/customers.ts';
import { searchCustomers } from '../domain/member-search.ts';
import { endMembership } from '../domain/membership.ts';
import { validationFailed } from '../problem.ts';
import { parseOrThrow } from '../validation.ts';
import { customerErased, customerNotFound } from './admin-customers.ts';
import { readJson } from './request.ts';

/** Finding members, exporting what is stored about one, and ending a membership. */
export function adminMembersRoutes(app: Hono, context: AppContext): void {
  const { db } = context;

  app.get(memberPaths.customers, async (c) => {
    const program = await authenticateSecretKey(c, db, context.now());
    const query = parseOrThrow(
      CustomerListQuery,
      {
        query: c.req.query('query'),
        status: c.req.query('status'),
        limit: c.req.query('limit'),
        cursor: c.req.query('cursor'),
      },
      'query',
    );
    const page = await searchCustomers(db, program.id, query, query.cursor ? decodeCursor(query.cursor) : null);
    const body: CustomerList = {
      customers: page.customers.map(toCustomerRecord),
      nextCursor: page.after === null ? null : encodeCursor(page.after),
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  app.get(memberPaths.exportPattern, async (c) => {
    const program = await authenticateSecretKey(c, db, context.now());
    const customerId = pathCustomerId(c);
    const customer = await findCustomer(db, program.id, customerId);
    if (customer === undefined) throw customerNotFound(customerId);
    const now = context.now();
    const profile = await customerProfile(db, program, customer, now);
    const body: CustomerExport = {
      exportedAt: now.toISOString(),
      profile,
      records: await customerRecords(db, program.id, customerId),
    };
    c.header('Cache-Control', 'no-store');
    c.header('Content-Disposition', `attachment; filename="${exportFileName(customerId)}"`);
    return c.json(body);
  });

  app.post(memberPaths.membershipEndPattern, async (c) => {
    const program = await authenticateSecretKey(c, db, context.now());
    const customerId = pathCustomerId(c);
    const request = parseOrThrow(MembershipEndRequest, await readJson(c), 'body');
    const outcome = await endMembership(db, program.id, customerId, request, context.now());
    if (outcome.kind === 'customer_not_found') throw customerNotFound(customerId);
    if (outcome.kind === 'customer_erased') throw customerErased(customerId);
    const body: CustomerRecord = toCustomerRecord(outcome.customer);
    return c.json(body);
  });
}

function pathCustomerId(c: Context): string {
  return parseOrThrow(Identifier, c.req.param('customerId'), 'path.customerId');
}

/** `customer-<id>.json`, with characters a file name or the header cannot carry replaced by `_`. */
export function exportFileName(customerId: string): string {
  return `customer-${customerId.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
}

const CURSOR_PREFIX = 'c1.';

function encodeCursor(afterId: string): string {
  return CURSOR_PREFIX + Buffer.from(afterId, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const payload = cursor.startsWith(CURSOR_PREFIX) ? cursor.slice(CURSOR_PREFIX.length) : '';
  const afterId = Buffer.from(payload, 'base64url').toString('utf8');
  if (payload === '' || !/^[A-Za-z0-9_-]+$/.test(payload) || !Identifier.safeParse(afterId).success) {
    throw validationFailed([{ path: 'query.cursor', message: 'Not a cursor this API gave out.' }]);
  }
  return afterId;
}
