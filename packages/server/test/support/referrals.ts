import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  CustomerUpsertResult,
  Referral,
  paths,
  referralPaths,
  type LedgerEntry,
  type ReferralSettings,
} from '@loyalty-elements/contract';
import { parseExactly } from './http.ts';
import { admin, asShopper, ownProgram, type OwnProgram } from './orders.ts';
import type { TestServer } from './server.ts';

// A program of the test's own with a referral program, and the calls a referral test makes against it.

export const REFERRALS: ReferralSettings = {
  referrerPoints: 500,
  friendPoints: 300,
  monthlyCap: 3,
  landingUrl: 'https://shop.example/join?utm_source=referral',
};

export async function referralShop(api: TestServer, referrals: ReferralSettings | null = REFERRALS) {
  const program = await ownProgram(api, { earnRate: 1, returnWindowDays: 14, referrals });
  return referralCalls(api, program);
}

export function referralCalls(api: TestServer, program: OwnProgram) {
  const merchant = admin(api, program);
  return {
    ...merchant,
    program,
    readReferral: (customerId: string, headers: Record<string, string> = {}) =>
      asShopper(api, program, customerId, referralPaths.referral, headers),
    async referral(customerId: string): Promise<Referral> {
      const res = await asShopper(api, program, customerId, referralPaths.referral);
      assert.equal(res.status, 200, await res.clone().text());
      return parseExactly(Referral, await res.json());
    },
    /** A new customer, created with `body` (name and locale added). */
    putNew: (body: Record<string, unknown> = {}, id = `shopper-${randomUUID()}`) =>
      merchant.call('PUT', paths.customer(id), { name: 'Shopper', locale: 'en', ...body }),
    async newCustomer(body: Record<string, unknown> = {}): Promise<{ id: string; result: CustomerUpsertResult }> {
      const id = `shopper-${randomUUID()}`;
      const res = await merchant.call('PUT', paths.customer(id), { name: 'Shopper', locale: 'en', ...body });
      assert.equal(res.status, 201, await res.clone().text());
      return { id, result: parseExactly(CustomerUpsertResult, await res.json()) };
    },
    /** The customer's referral credits and their take-backs. */
    async referralEntries(customerId: string): Promise<LedgerEntry[]> {
      return (await merchant.history(customerId)).filter((entry) => entry.references.referralId !== undefined);
    },
  };
}
