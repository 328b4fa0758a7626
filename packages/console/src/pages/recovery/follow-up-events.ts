import type { FollowUpCase } from '@loyalty-elements/contract';

export const FOLLOW_UP_CHANGED = 'console-follow-up-changed';

/** A follow-up as the API answered after a change (assigned, noted, resolved), for the queue to show. */
export function followUpChanged(followUp: FollowUpCase): CustomEvent<FollowUpCase> {
  return new CustomEvent(FOLLOW_UP_CHANGED, { detail: followUp, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'console-follow-up-changed': CustomEvent<FollowUpCase>;
  }
}
