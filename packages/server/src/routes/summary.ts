import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { PUBLISHABLE_KEY_HEADER, paths, type Summary } from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateCustomer } from '../auth.ts';
import { findCustomer } from '../domain/customers.ts';
import { customerPoints } from '../domain/ledger.ts';
import { currentTier } from '../domain/tiers.ts';
import { ProblemError } from '../problem.ts';

export function summaryRoute(app: Hono, { db, keys }: AppContext): void {
  app.get(paths.summary, async (c) => {
    const { program, customerId } = await authenticateCustomer(c, db, keys);
    const customer = await findCustomer(db, program.id, customerId);
    if (customer === undefined) {
      throw new ProblemError(
        401,
        'customer_not_found',
        'The customer token names a customer this program does not have.',
      );
    }
    const points = await customerPoints(db, program.id, customer.id, program.tierWindowMonths);
    const tier = currentTier(program.tiers, points.earnedInWindow);

    const summary: Summary = {
      customer: { id: customer.id, name: customer.name, locale: customer.locale },
      program: { name: program.name, pointsName: program.pointsName },
      points: { balance: points.balance },
      tier: { current: { id: tier.id, name: tier.name } },
    };
    const body = JSON.stringify(summary);
    const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;

    c.header('Cache-Control', 'private, no-cache');
    c.header('ETag', etag);
    c.header('Vary', `Authorization, ${PUBLISHABLE_KEY_HEADER}`, { append: true });
    if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });
}

/** RFC 9110 weak comparison, as If-None-Match requires. */
function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}
