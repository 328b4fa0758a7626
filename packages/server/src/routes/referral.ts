import type { Hono } from 'hono';
import { PUBLISHABLE_KEY_HEADER, referralPaths } from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { customerReferral } from '../domain/referral-reads.ts';
import { conditionalJson, signedInCustomer } from './request.ts';

/** `GET /v1/me/referral`: the shopper's referral code and link, what each side gets, and what it has brought. */
export function referralRoute(app: Hono, context: AppContext): void {
  app.get(referralPaths.referral, async (c) => {
    const { program, customer } = await signedInCustomer(c, context);
    const referral = await customerReferral(context.db, program, customer.id, context.now());
    return conditionalJson(c, referral, 'private, no-cache', `Authorization, ${PUBLISHABLE_KEY_HEADER}`);
  });
}
