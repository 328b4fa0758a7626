import { isLoyaltyError } from '@loyalty-elements/sdk';
import { commonErrorMessage } from '../base/notices.ts';
import type { Translation } from '../locales/en.ts';
import type { BirthdayGreetingStrings } from './birthday-greeting.strings.ts';

/** Plain words for a save the API refused or that failed. */
export function saveErrorMessage(t: Translation, s: BirthdayGreetingStrings, error: unknown): string {
  const refusals = { birthday_change_limited: s.changeLimited, validation_failed: s.invalidDate };
  const refusal = refusalOf(error, refusals);
  if (refusal) return refusal;
  if (isLoyaltyError(error) && error.code === 'invalid_request') return s.invalidDate;
  return commonErrorMessage(t, error) ?? s.saveFailed;
}

/** Plain words for a claim the API refused or that failed. */
export function claimErrorMessage(t: Translation, s: BirthdayGreetingStrings, error: unknown): string {
  const refusals = {
    birthday_outside_window: s.outsideWindow,
    birthday_already_claimed: s.alreadyClaimed,
    birthday_reward_unavailable: s.rewardUnavailable,
    birthday_not_set: s.notSet,
    birthday_recently_set: s.recentlySet,
  };
  return refusalOf(error, refusals) ?? commonErrorMessage(t, error) ?? s.claimFailed;
}

export function isRecentlySet(error: unknown): boolean {
  return isLoyaltyError(error) && error.problem?.code === 'birthday_recently_set';
}

/** The words for the API's problem code, when it is one of `refusals`. */
function refusalOf(error: unknown, refusals: Record<string, string>): string | undefined {
  const code = isLoyaltyError(error) ? error.problem?.code : undefined;
  return code !== undefined && Object.hasOwn(refusals, code) ? refusals[code] : undefined;
}
