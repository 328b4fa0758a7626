import type { LitElement, ReactiveController } from 'lit';
import type { CustomerReward, LoyaltyClient, RedeemResult } from '@loyalty-elements/sdk';
import { focusFirstAction } from '../base/notices.ts';
import type { LocaleController } from '../controllers/locale-controller.ts';
import { isRefusal, type Refusal } from './redeem-errors.ts';
import { rewardsStrings, type RewardsStrings } from './rewards.strings.ts';

/** What the copy button achieved: nothing yet, the code copied, or the code selected for the shopper to copy. */
export type CopyOutcome = 'idle' | 'copied' | 'selected';

export interface RedeemFlowOptions {
  i18n: LocaleController;
  /** The client to redeem through, if the page has one. */
  client: () => LoyaltyClient | undefined;
  /** The reward of that id in the list on show. */
  reward: (rewardId: string) => CustomerReward | undefined;
  /** Whether the element shows its data (or an error), not a skeleton: what it can put focus on. */
  settled: () => boolean;
  /** The customer whose data the element shows, if any: an answer for anyone else is dropped. */
  shownCustomer: () => string | undefined;
  /** Says `text` in the element's live region. */
  announce: (text: string) => void;
  /** A reward was redeemed. */
  redeemed: (result: RedeemResult) => void;
  /** The API refused a redemption: the list on show is behind and should be read again. */
  refused: (client: LoyaltyClient) => void;
}

/**
 * One shopper's redemptions in this page: which reward's confirmation is open, which is being redeemed,
 * why one was refused or failed, and the code just issued with what its copy button achieved.
 */
export class RedeemFlow implements ReactiveController {
  readonly #host: LitElement;
  readonly #options: RedeemFlowOptions;

  /** Whose confirmations, failures and code the fields below hold. */
  #customerId: string | undefined;
  #confirming: string | undefined;
  #redeeming: string | undefined;
  /** Per reward: why its last redemption was refused or failed. */
  readonly #failures = new Map<string, unknown>();
  #gone: Refusal | undefined;
  #issued: RedeemResult | undefined;
  #copy: CopyOutcome = 'idle';
  /** Where focus goes once the element next shows its data: this selector, else the card. */
  #focusNext: string | undefined;

  constructor(host: LitElement, options: RedeemFlowOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The reward whose confirmation is open. */
  get confirming(): string | undefined {
    return this.#confirming;
  }

  /** The reward being redeemed now. */
  get redeeming(): string | undefined {
    return this.#redeeming;
  }

  /** The last refusal, with its reward: shown above the list once the list no longer has that reward. */
  get gone(): Refusal | undefined {
    return this.#gone;
  }

  /** The code issued in this page, shown until the shopper closes it. */
  get issued(): RedeemResult | undefined {
    return this.#issued;
  }

  get copy(): CopyOutcome {
    return this.#copy;
  }

  /** Why the last redemption of a reward was refused or failed, if it was. */
  failure(rewardId: string): unknown {
    return this.#failures.get(rewardId);
  }

  /** Whose redemptions these are. */
  get customerId(): string | undefined {
    return this.#customerId;
  }

  /** Starts afresh for another shopper: nothing of the last one's stays, the code in the live region included. */
  reset(customerId: string): void {
    if (this.#customerId !== undefined) this.#options.announce('');
    this.#customerId = customerId;
    this.#confirming = undefined;
    this.#redeeming = undefined;
    this.#failures.clear();
    this.#gone = undefined;
    this.#issued = undefined;
    this.#copy = 'idle';
  }

  hostUpdated(): void {
    if (this.#focusNext === undefined || !this.#options.settled()) return;
    focusFirstAction(this.#host.renderRoot, this.#focusNext);
    this.#focusNext = undefined;
  }

  get #strings(): RewardsStrings {
    return this.#options.i18n.strings(rewardsStrings);
  }

  #update(focus?: string): void {
    if (focus) this.#focusNext = focus;
    this.#host.requestUpdate();
  }

  /** Opens a reward's confirmation, unless a reward is being redeemed. */
  ask(rewardId: string): void {
    if (this.#redeeming) return;
    this.#confirming = rewardId;
    this.#failures.delete(rewardId);
    // The question, not the Confirm button: a second press of the key, or of the mouse, confirms nothing.
    this.#update(`#question-${rewardId}`);
  }

  /** Closes a reward's confirmation, unless it is being redeemed. */
  cancel(rewardId: string): void {
    if (this.#redeeming === rewardId) return;
    this.#confirming = undefined;
    this.#failures.delete(rewardId);
    this.#update(`#redeem-${rewardId}`);
  }

  /** Escape inside a confirmation cancels it, and only it: not the modal dialog (a panel) it may sit in. */
  cancelOnEscape(event: KeyboardEvent, rewardId: string): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    event.preventDefault();
    this.cancel(rewardId);
  }

  /** Redeems the reward whose confirmation was confirmed. */
  async confirm(event: MouseEvent, rewardId: string): Promise<void> {
    // The second click of a double click on "Redeem" lands here: it confirms nothing.
    if (event.detail > 1) return;
    const client = this.#options.client();
    if (this.#redeeming || !client) return;
    const customerId = this.#customerId;
    const hadFocus = this.#host.matches(':focus-within');
    this.#redeeming = rewardId;
    this.#failures.delete(rewardId);
    this.#gone = undefined;
    this.#update();
    let focus: string | undefined;
    try {
      // The client redeems once however often it is called, and repeats its idempotency key after a failure.
      const result = await client.redeemReward(rewardId);
      // Signed out, or another shopper signed in, meanwhile: their data is not on show, nor is this redemption.
      if (customerId !== this.#customerId || customerId !== this.#options.shownCustomer()) return;
      this.#confirming = undefined;
      this.#issued = result;
      this.#copy = 'idle';
      const { redemption } = result;
      this.#options.announce(
        this.#strings.issuedAnnouncement(this.#options.i18n.pick(redemption.rewardName), redemption.code),
      );
      if (hadFocus) focus = '#issued';
      this.#options.redeemed(result);
    } catch (error) {
      if (customerId !== this.#customerId || customerId !== this.#options.shownCustomer()) return;
      this.#failures.set(rewardId, error);
      if (isRefusal(error)) {
        const reward = this.#options.reward(rewardId);
        if (reward) this.#gone = { reward, error };
        // The list was behind: close the confirmation, say why on the card and read the list again.
        this.#confirming = undefined;
        if (hadFocus) focus = `#error-${rewardId}`;
        this.#options.refused(client);
      }
    } finally {
      if (this.#redeeming === rewardId) this.#redeeming = undefined;
      this.#update(focus);
    }
  }

  /** Copies the issued code; without clipboard access, selects it for the shopper to copy. */
  async copyCode(): Promise<void> {
    const text = this.#issued?.redemption.code;
    if (!text) return;
    const s = this.#strings;
    try {
      await navigator.clipboard.writeText(text);
      this.#copy = 'copied';
      this.#options.announce(s.copied);
    } catch {
      // No clipboard access (an insecure page, a refused permission).
      const code = this.#host.renderRoot.querySelector('#code');
      const selection = document.getSelection();
      if (code && selection) {
        const range = document.createRange();
        range.selectNodeContents(code);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      this.#copy = 'selected';
      this.#options.announce(s.copySelected);
    }
    this.#update();
  }

  /** Closes the issued code's panel. */
  done(): void {
    const rewardId = this.#issued?.redemption.rewardId;
    this.#issued = undefined;
    this.#copy = 'idle';
    // Back to the reward's button; the card (the whole widget) when it can no longer be redeemed.
    this.#update(`#redeem-${rewardId}`);
  }
}
