import type { Hono } from 'hono';
import {
  CustomerUpsertRequest,
  Identifier,
  paths,
  type CustomerRecord,
  type CustomerUpsertResult,
} from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import { customerProfile } from '../domain/customer-profile.ts';
import { findCustomer, toCustomerRecord, upsertCustomer } from '../domain/customers.ts';
import { eraseCustomer } from '../domain/erasure.ts';
import { findReferralOfFriend, resolveReferralCode, toReferralOutcome } from '../domain/referrals.ts';
import { ProblemError } from '../problem.ts';
import { parseOrThrow } from '../validation.ts';
import { readJson } from './request.ts';

/**
 * `/v1/admin/customers/{id}`: `PUT` creates (201) or updates (200) a customer and is safe to repeat; `GET` reads
 * the profile; `DELETE` erases the customer (200, the same answer when repeated).
 */
export function adminCustomersRoute(app: Hono, context: AppContext): void {
  app.put(paths.customerPattern, async (c) => {
    const program = await authenticateSecretKey(c, context.db, context.now());
    const customerId = parseOrThrow(Identifier, c.req.param('customerId'), 'path.customerId');
    const request = parseOrThrow(CustomerUpsertRequest, await readJson(c), 'body');
    const code =
      request.referralCode === undefined
        ? undefined
        : await resolveReferralCode(context.db, program.id, request.referralCode, 'body.referralCode');
    const outcome = await upsertCustomer(context.db, program, customerId, request, context.now(), code);
    if (outcome.kind === 'customer_erased') throw customerErased(customerId);
    const referral = code && (await findReferralOfFriend(context.db, program.id, customerId));
    const body: CustomerUpsertResult = {
      customer: toCustomerRecord(outcome.customer),
      created: outcome.created,
      ...(referral ? { referral: toReferralOutcome(referral) } : {}),
    };
    return c.json(body, outcome.created ? 201 : 200);
  });

  app.get(paths.customerPattern, async (c) => {
    const program = await authenticateSecretKey(c, context.db, context.now());
    const customerId = parseOrThrow(Identifier, c.req.param('customerId'), 'path.customerId');
    const customer = await findCustomer(context.db, program.id, customerId);
    if (customer === undefined) throw customerNotFound(customerId);
    c.header('Cache-Control', 'no-store');
    return c.json(await customerProfile(context.db, program, customer, context.now()));
  });

  app.delete(paths.customerPattern, async (c) => {
    const program = await authenticateSecretKey(c, context.db, context.now());
    const customerId = parseOrThrow(Identifier, c.req.param('customerId'), 'path.customerId');
    const outcome = await eraseCustomer(context.db, program.id, customerId, context.now());
    if (outcome.kind === 'customer_not_found') throw customerNotFound(customerId);
    const body: CustomerRecord = toCustomerRecord(outcome.customer);
    return c.json(body);
  });
}

export function customerNotFound(customerId: string): ProblemError {
  return new ProblemError(404, 'customer_not_found', `This program has no customer ${customerId}.`);
}

export function customerErased(customerId: string): ProblemError {
  return new ProblemError(
    409,
    'customer_erased',
    `Customer ${customerId} was erased; the id is not used again for someone new.`,
  );
}
