import type { Hono } from 'hono';
import { CustomerUpsertRequest, Identifier, paths, type CustomerUpsertResult } from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import { toCustomerRecord, upsertCustomer } from '../domain/customers.ts';
import { parseOrThrow } from '../validation.ts';
import { readJson } from './request.ts';

/** `PUT /v1/admin/customers/{id}`: creates (201) or updates (200) a customer. Safe to repeat. */
export function adminCustomersRoute(app: Hono, context: AppContext): void {
  app.put(paths.customerPattern, async (c) => {
    const program = await authenticateSecretKey(c, context.db, context.now());
    const customerId = parseOrThrow(Identifier, c.req.param('customerId'), 'path.customerId');
    const request = parseOrThrow(CustomerUpsertRequest, await readJson(c), 'body');
    const { customer, created } = await upsertCustomer(context.db, program, customerId, request, context.now());
    const body: CustomerUpsertResult = { customer: toCustomerRecord(customer), created };
    return c.json(body, created ? 201 : 200);
  });
}
