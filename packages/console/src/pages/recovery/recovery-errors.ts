import type { Strings } from '../../i18n/en.ts';
import { ConsoleApiError } from '../../api/transport.ts';

/**
 * What went wrong with a request of the Service recovery page, in words that say what to do next; `action` is what
 * was asked (an erased shopper refuses a note for another reason than goodwill points).
 */
export function describeFailure(
  error: unknown,
  strings: Strings['recovery']['errors'],
  action: 'note' | 'other' = 'other',
): string {
  if (error instanceof TypeError) return strings.network;
  if (!(error instanceof ConsoleApiError)) return strings.failed;
  // The shell is already bringing the merchant back to sign-in, and this page goes with it.
  if (error.sessionEnded) return strings.session;
  switch (error.code) {
    case 'follow_up_closed':
      return strings.closed;
    case 'follow_up_not_found':
      return strings.notFound;
    case 'membership_ended':
      return strings.membershipEnded;
    case 'customer_erased':
      return action === 'note' ? strings.noteErased : strings.customerErased;
    case 'idempotency_key_reused':
      return strings.keyReused;
    case 'validation_failed':
      return strings.invalid;
  }
  if (error.status === 404) return strings.notFound;
  return strings.failed;
}
