import { html, nothing, type TemplateResult } from 'lit';
import type { CustomerReward } from '@loyalty-elements/sdk';
import { lockIcon } from '../base/icons.ts';
import type { RedeemFlow } from './redeem-flow.ts';
import { redeemErrorMessage, renderRedeemError } from './redeem-errors.ts';
import type { RewardsView } from './rewards-view.ts';

/**
 * One reward of the list: its name, description (cut at two lines until the shopper asks for more), price,
 * stock and end of offer, then what stands in the way, or a Redeem button that opens its confirmation.
 */
export function renderRewardCard(
  view: RewardsView,
  flow: RedeemFlow,
  reward: CustomerReward,
  expanded: boolean,
  onToggleDescription: (rewardId: string) => void,
): TemplateResult {
  const { i18n, s } = view;
  const name = i18n.pick(reward.name);
  const description = i18n.pick(reward.description);
  const locked = reward.lockedBy !== null;
  const confirming = flow.confirming === reward.id && !locked;
  const failure = flow.failure(reward.id);
  const error =
    failure === undefined
      ? nothing
      : renderRedeemError(`error-${reward.id}`, redeemErrorMessage(view, failure, reward));
  const meta = [
    reward.stock !== null && reward.stock > 0 ? s.stockLeft(i18n.formatNumber(reward.stock)) : undefined,
    reward.availableUntil ? s.availableUntil(view.date(reward.availableUntil)) : undefined,
  ].filter((line): line is string => line !== undefined);
  return html`
    <li
      part="card${locked ? ' card-locked' : ''}"
      class="card ${locked ? 'card--locked' : ''}"
      aria-busy=${flow.redeeming === reward.id ? 'true' : 'false'}
    >
      <div part="name" class="name" id="name-${reward.id}" role="heading" aria-level=${view.level + 1}>${name}</div>
      ${
        description
          ? html`<p
              part="description"
              class="description ${expanded ? 'description--expanded' : ''}"
              id="description-${reward.id}"
            >
              ${description}
            </p>`
          : nothing
      }
      <p class="cost-row">
        <span part="cost" class="cost"
          ><span class="cost-value">${i18n.formatNumber(reward.pointsCost)}</span>${s.costGap(view.pointsName)}<span
            class="points-name"
            >${s.costUnit(reward.pointsCost, view.pointsName)}</span
          ></span
        >
        ${
          description
            ? html`<button
                part="more-button"
                class="link more"
                type="button"
                hidden
                aria-controls="description-${reward.id}"
                aria-expanded=${expanded ? 'true' : 'false'}
                aria-describedby="name-${reward.id}"
                @click=${() => onToggleDescription(reward.id)}
              >
                ${expanded ? s.less : s.more}
              </button>`
            : nothing
        }
      </p>
      ${meta.length ? html`<p part="meta" class="meta">${meta.join(' · ')}</p>` : nothing}
      ${locked ? renderLock(view, reward) : nothing}
      ${
        confirming
          ? renderConfirm(view, flow, reward, name, error)
          : locked
            ? nothing
            : html`<div class="actions">
                <button
                  part="button redeem-button"
                  class="button"
                  id="redeem-${reward.id}"
                  type="button"
                  aria-disabled=${flow.redeeming ? 'true' : 'false'}
                  @click=${() => flow.ask(reward.id)}
                >
                  ${s.redeem}<span class="visually-hidden"> ${name}</span>
                </button>
              </div>`
      }
      ${confirming ? nothing : error}
    </li>
  `;
}

/**
 * Shows "More" where a description is cut at two lines, and "Less" where it is open. Set on the DOM rather
 * than rendered: whether text is cut is known only after layout, and the button sits in the price's row, so
 * showing it moves nothing.
 */
export function showMoreButtons(root: ShadowRoot): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('[part~="more-button"]')) {
    const description = root.getElementById(button.getAttribute('aria-controls') ?? '');
    const cut = description !== null && description.scrollHeight > description.clientHeight + 1;
    button.hidden = !(cut || button.getAttribute('aria-expanded') === 'true');
  }
}

/** What stands in the way of a reward: the tier, the points missing, or the stock. */
function renderLock(view: RewardsView, reward: CustomerReward): TemplateResult {
  const { i18n, s } = view;
  let text: string;
  switch (reward.lockedBy) {
    case 'tier':
      text = reward.requiredTier ? s.lockedByTier(i18n.pick(reward.requiredTier.name)) : s.refusedTierUnknown;
      break;
    case 'out_of_stock':
      text = s.outOfStock;
      break;
    default:
      text = s.lockedByPoints(i18n.formatNumber(reward.pointsNeeded), reward.pointsNeeded, view.pointsName);
  }
  return html`<p part="lock" class="lock lock--${reward.lockedBy ?? 'points'}">${lockIcon}<span>${text}</span></p>`;
}

/** The confirmation inside a card: the question, why the last try failed (`error`), Confirm (or Try again) and Cancel. */
function renderConfirm(
  view: RewardsView,
  flow: RedeemFlow,
  reward: CustomerReward,
  name: string,
  error: TemplateResult | typeof nothing,
): TemplateResult {
  const { i18n, s } = view;
  const busy = flow.redeeming === reward.id;
  return html`
    <div
      part="confirm"
      class="confirm"
      role="group"
      aria-labelledby="question-${reward.id}"
      @keydown=${(event: KeyboardEvent) => flow.cancelOnEscape(event, reward.id)}
    >
      <p part="confirm-question" class="question" id="question-${reward.id}" tabindex="-1">
        <span
          >${s.confirmQuestion(name, i18n.formatNumber(reward.pointsCost), reward.pointsCost, view.pointsName)}</span
        >
        ${
          reward.validityDays !== null
            ? html`<span class="validity"
                >${s.confirmValidity(i18n.formatNumber(reward.validityDays), reward.validityDays)}</span
              >`
            : nothing
        }
      </p>
      ${error}
      <div class="actions">
        <button
          part="button confirm-button"
          class="button"
          id="confirm-${reward.id}"
          type="button"
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${(event: MouseEvent) => flow.confirm(event, reward.id)}
        >
          ${busy ? s.redeeming : error === nothing ? s.confirm : s.tryAgain}
        </button>
        <button
          part="secondary-button cancel-button"
          class="button button--secondary"
          type="button"
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${() => flow.cancel(reward.id)}
        >
          ${s.cancel}
        </button>
      </div>
    </div>
  `;
}
