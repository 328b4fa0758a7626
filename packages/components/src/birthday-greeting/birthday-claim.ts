import { html, nothing, type TemplateResult } from 'lit';
import { isLoyaltyError, type BirthdayClaimResult, type BirthdayStatus } from '@loyalty-elements/sdk';
import { claimedIcon, giftIcon } from '../base/icons.ts';
import type { BirthdayContext } from './birthday-context.ts';
import { claimErrorMessage, isRecentlySet } from './birthday-problems.ts';
import { birthdayGreetingStrings, type BirthdayGreetingStrings } from './birthday-greeting.strings.ts';
import { CONFETTI_PIECES } from './confetti.styles.ts';

/**
 * The birthday greeting of `<loyalty-birthday-greeting>` inside the birthday window: the wish, the
 * claim of the reward, and the claimed card (with a celebration when the claim was made here).
 */
export class BirthdayClaim {
  readonly #context: BirthdayContext;
  #claiming = false;
  #claimError: unknown;
  #claimed: BirthdayClaimResult | undefined;
  /** The reward was claimed in this page: the celebration plays. */
  #celebrate = false;

  constructor(context: BirthdayContext) {
    this.#context = context;
  }

  /** Whether the reward was claimed in this page. */
  get claimed(): boolean {
    return this.#claimed !== undefined;
  }

  /** Forgets the previous customer's claim. */
  reset(): void {
    this.#claimError = undefined;
    this.#claimed = undefined;
    this.#celebrate = false;
  }

  get #strings(): BirthdayGreetingStrings {
    return this.#context.i18n.strings(birthdayGreetingStrings);
  }

  renderGreeting(level: number, name: string, status: BirthdayStatus): TemplateResult {
    const { i18n } = this.#context;
    const s = this.#strings;
    const firstGift = this.#context.firstGift(status);
    const reward = status.claimable && !firstGift ? this.#context.reward() : null;
    const busy = this.#claiming;
    // Held back: the message says when the first gift comes, which is all a refused claim has to say.
    const claimError = this.#claimError && !(firstGift && isRecentlySet(this.#claimError)) ? this.#claimError : null;
    return html`
      <div part="base" class="base" tabindex="-1" lang=${i18n.locale}>
        <div class="headline">
          ${giftIcon}
          <p part="title" class="title" role="heading" aria-level=${level}>${s.greetingTitle(name)}</p>
        </div>
        <p part="message" class="message">
          ${firstGift ?? (reward ? s.greetingMessage(reward) : s.greetingMessageNoReward)}
        </p>
        ${
          reward
            ? html`<div class="actions">
                <button
                  part="button"
                  class="button"
                  type="button"
                  aria-disabled=${busy ? 'true' : 'false'}
                  @click=${this.#claim}
                >
                  ${busy ? s.claiming : s.claim(reward)}
                </button>
              </div>`
            : nothing
        }
        ${
          claimError
            ? html`<p part="error" class="error" role="alert">${claimErrorMessage(i18n.t, s, claimError)}</p>`
            : nothing
        }
      </div>
    `;
  }

  renderClaimed(level: number, name: string): TemplateResult {
    const s = this.#strings;
    const reward = this.#context.reward(this.#claimed?.entry.points);
    return html`
      <div part="base" class="base base--claimed" tabindex="-1" lang=${this.#context.i18n.locale}>
        ${
          this.#celebrate
            ? html`<div part="confetti" class="confetti" aria-hidden="true">
                ${Array.from({ length: CONFETTI_PIECES }, () => html`<span class="piece"></span>`)}
              </div>`
            : nothing
        }
        <div class="headline">
          ${claimedIcon}
          <p part="title" class="title" role="heading" aria-level=${level}>
            ${reward ? s.claimedTitle(reward) : s.claimedTitleNoAmount}
          </p>
        </div>
        <p part="message" class="message">${s.claimedMessage(name)}</p>
      </div>
    `;
  }

  #claim = async (): Promise<void> => {
    const context = this.#context;
    const client = context.client();
    if (this.#claiming || !client) return;
    const customerId = context.customerId();
    const hadFocus = context.host.matches(':focus-within');
    this.#claiming = true;
    this.#claimError = undefined;
    context.host.requestUpdate();
    try {
      // The SDK claims once however often it is called: a double click cannot claim twice.
      const result = await client.claimBirthdayReward();
      if (customerId !== context.customerId()) return;
      this.#claimed = result;
      this.#celebrate = true;
      const reward = context.reward(result.entry.points);
      const s = this.#strings;
      context.announce(
        `${reward ? s.claimedTitle(reward) : s.claimedTitleNoAmount}. ${s.claimedMessage(context.customerName())}`,
      );
      if (hadFocus) context.focusNext('base');
      context.emit('loyalty-birthday-claimed', result);
    } catch (error) {
      if (customerId !== context.customerId()) return;
      const code = isLoyaltyError(error) ? error.problem?.code : undefined;
      this.#claimError = error;
      // The summary is behind (claimed elsewhere, or the window closed): read it again.
      if (code === 'birthday_already_claimed' || code === 'birthday_outside_window') {
        void client.getSummary({ revalidate: true }).catch(() => undefined);
      }
      if (code === 'birthday_recently_set') {
        // The summary says when the first gift comes: read it before saying so.
        const summary = await client.getSummary({ revalidate: true }).catch(() => undefined);
        if (customerId !== context.customerId()) return;
        const firstGift = summary?.birthday ? context.firstGift(summary.birthday) : null;
        // Without a date, the refusal's alert says it in general words.
        if (firstGift) context.announce(firstGift);
      }
    } finally {
      this.#claiming = false;
      context.host.requestUpdate();
    }
  };
}
