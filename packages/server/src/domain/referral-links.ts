import { randomInt } from 'node:crypto';
import type { FieldError } from '@loyalty-elements/contract';
import { isLoopback } from '../server.ts';

/** Crockford's base32 alphabet: no I, L, O or U, so a code read aloud or retyped is hard to get wrong. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REFERRAL_CODE_LENGTH = 8;
const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/** A new random code: 8 characters, 40 bits. */
export function newReferralCode(): string {
  let code = '';
  for (let i = 0; i < REFERRAL_CODE_LENGTH; i += 1) code += CROCKFORD[randomInt(CROCKFORD.length)];
  return code;
}

/**
 * A code as a shopper may have typed it, in the form it is stored: spaces and hyphens dropped, upper case, and
 * the letters Crockford reads as digits (`I`, `L` → `1`, `O` → `0`) replaced. Undefined when it cannot be a code.
 */
export function normalizeReferralCode(input: string): string | undefined {
  const code = input.replace(/[\s-]/g, '').toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');
  return CODE_PATTERN.test(code) ? code : undefined;
}

/** The shopper's link: the landing URL with `ref=<code>` added to its query. */
export function referralLink(landingUrl: string, code: string): string {
  const url = new URL(landingUrl);
  url.searchParams.set('ref', code);
  return url.href;
}

/** Why a landing URL is refused, or null: `https:`, or `http:` on this machine when the server allows it. */
export function landingUrlProblem(url: string, allowHttpLoopback: boolean): FieldError | null {
  const parsed = new URL(url);
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && allowHttpLoopback && isLoopback(parsed.hostname)) return null;
  return {
    path: 'body.referrals.landingUrl',
    message: allowHttpLoopback
      ? 'Use an https: URL, or an http: URL on this machine (localhost, 127.0.0.1, [::1]).'
      : 'Use an https: URL.',
  };
}
