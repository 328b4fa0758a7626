import type { ReactiveControllerHost } from 'lit';
import type { BirthdayStatus, LoyaltyClient } from '@loyalty-elements/sdk';
import type { LocaleController } from '../controllers/locale-controller.ts';
import type { LoyaltyEventDetail, LoyaltyEventName } from '../events/events.ts';

/** What the birthday form and the claim read from `<loyalty-birthday-greeting>`, and what they tell it. */
export interface BirthdayContext {
  /** The element: re-rendered when a form or claim changes, asked whether focus is inside. */
  readonly host: ReactiveControllerHost & HTMLElement;
  readonly i18n: LocaleController;
  client(): LoyaltyClient | undefined;
  /** Whose data is on show: an answer that arrives after another customer signed in is dropped. */
  customerId(): string | undefined;
  /** The name of the customer on show ('' before the data arrives). */
  customerName(): string;
  /** The program's reward as text ("200 points"), `points` overriding its amount; null without a reward. */
  reward(points?: number): string | null;
  /** When a birthday set too recently holds the reward back, the words saying when the first gift comes. */
  firstGift(status: BirthdayStatus): string | null;
  /** Says `text` in the element's live region. */
  announce(text: string): void;
  /** After the next render, focus goes to the new view's main button, or to the card. */
  focusNext(target: 'action' | 'base'): void;
  emit<K extends LoyaltyEventName>(name: K, detail: LoyaltyEventDetail<K>): void;
}
