import type { Context, Hono, MiddlewareHandler } from 'hono';
import { paths, referralPaths, rewardPaths, surveyPaths } from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateCustomer, type AuthenticatedCustomer } from '../auth.ts';

/**
 * The routes a signed-in shopper calls (`/v1/me/*`) whose requests each take one of their customer's turns. The
 * summary is not among them: one served from memory costs next to nothing, and only building one takes a turn
 * (routes/summary.ts), so a storefront's many tabs are not queued behind each other for it.
 */
export const CUSTOMER_ROUTES: readonly string[] = [
  paths.pointsHistory,
  paths.birthday,
  paths.birthdayClaim,
  surveyPaths.eligible,
  surveyPaths.responsePattern,
  surveyPaths.dismissalsPattern,
  referralPaths.referral,
  rewardPaths.rewards,
  rewardPaths.redeemPattern,
];

const authenticatedBefore = new WeakMap<Context, AuthenticatedCustomer>();

/** The customer the request's turn was taken for, when turn taking authenticated it already. */
export function authenticatedForTurn(c: Context): AuthenticatedCustomer | undefined {
  return authenticatedBefore.get(c);
}

/**
 * Authenticates the shopper of each customer route's request (answering 401 as the route would), then runs the route
 * in one of that customer's turns (customer-turns.ts).
 */
export function takeCustomerTurns(app: Hono, context: Pick<AppContext, 'db' | 'keys' | 'settings' | 'now' | 'turns'>) {
  const turnTaking: MiddlewareHandler = async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const customer = await authenticateCustomer(c, context, context.now());
    authenticatedBefore.set(c, customer);
    await context.turns.run(customer.program.id, customer.customerId, next);
  };
  for (const route of CUSTOMER_ROUTES) app.use(route, turnTaking);
}
