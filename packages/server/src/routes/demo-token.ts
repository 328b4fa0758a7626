import { SignJWT } from 'jose';
import type { Hono } from 'hono';
import { Identifier, paths, type DemoCustomerToken } from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { findCustomer } from '../domain/customers.ts';
import { findProgramById } from '../domain/programs.ts';
import { ProblemError } from '../problem.ts';
import { DEFAULT_DEMO_CUSTOMER_ID, DEMO_SEED } from '../demo-seed.ts';
import { parseOrThrow } from '../validation.ts';

export const DEMO_TOKEN_TTL_SECONDS = 60 * 60;

/**
 * Plays the merchant backend for the demo pages: signs a customer token with the demo program's
 * secret key, for the seeded demo shoppers only. Only mounted in demo mode.
 */
export function demoTokenRoute(app: Hono, { db, keys }: AppContext): void {
  app.get(paths.demoCustomerToken, async (c) => {
    const customerId = parseOrThrow(Identifier, c.req.query('customer') ?? DEFAULT_DEMO_CUSTOMER_ID, 'query.customer');
    const program = await findProgramById(db, DEMO_SEED.program.id);
    if (program === undefined) throw new ProblemError(404, 'not_found', 'The demo program has not been seeded.');
    // Only the seeded shoppers: a customer a merchant added to the demo program is not anyone's to sign in as.
    const seeded = Object.hasOwn(DEMO_SEED.customers, customerId);
    const customer = seeded ? await findCustomer(db, program.id, customerId) : undefined;
    if (customer === undefined) {
      throw new ProblemError(404, 'customer_not_found', `No demo customer "${customerId}".`);
    }

    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = issuedAt + DEMO_TOKEN_TTL_SECONDS;
    const token = await new SignJWT()
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(customer.id)
      .setAudience(program.publishableKey)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(await keys.get(program.secretKey));

    const body: DemoCustomerToken = {
      token,
      customerId: customer.id,
      expiresAt: new Date(expiresAt * 1000).toISOString(),
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
}
