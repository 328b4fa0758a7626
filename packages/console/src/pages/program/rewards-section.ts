import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Reward, TierSettings } from '@loyalty-elements/contract';
import { formatters } from '../../i18n/format.ts';
import { localized, stringsFor, type Language } from '../../i18n/language.ts';
import { pageStyles } from '../page.styles.ts';
import { closeEditor } from './editor-closing.ts';
import { listTable } from './list-table.ts';
import { rewardEditOf, type ConsoleRewardEditor, type RewardEdit } from './reward-editor.ts';
import { sectionStyles } from './section.styles.ts';
import './reward-editor.ts';

const NEW_REWARD: RewardEdit = {
  id: '',
  isNew: true,
  reward: {
    name: {},
    description: {},
    pointsCost: 100,
    requiredTierId: null,
    stock: null,
    validityDays: null,
    availableFrom: null,
    availableUntil: null,
    active: true,
  },
};

/** The reward catalogue: every reward with its cost, stock and state, and the form to edit one or add one. */
@customElement('console-rewards-section')
export class ConsoleRewardsSection extends LitElement {
  static override styles = [pageStyles, sectionStyles];

  @property({ attribute: false }) language: Language = 'en';
  @property({ attribute: false }) rewards: readonly Reward[] = [];
  @property({ attribute: false }) tiers: readonly TierSettings[] = [];
  @state() private editing: RewardEdit | null = null;
  @query('console-reward-editor') private editor?: ConsoleRewardEditor;

  private open(edit: RewardEdit): void {
    if (!closeEditor(this, this.editor, 'reward', stringsFor(this.language).program.leaveQuestion)) return;
    this.editing = edit;
  }

  private close(): void {
    if (closeEditor(this, this.editor, 'reward', stringsFor(this.language).program.leaveQuestion)) this.editing = null;
  }

  private saved(event: CustomEvent<Reward>): void {
    this.editing = rewardEditOf(event.detail);
  }

  override render() {
    const strings = stringsFor(this.language).program;
    const format = formatters(this.language);
    return html`<h2>${strings.rewards}</h2>
      ${listTable(
        [strings.name, strings.pointsCost, strings.stockColumn, strings.redeemed, strings.active],
        this.rewards,
        (reward) => ({
          id: reward.id,
          name: localized(reward.name, this.language),
          cells: [
            format.number(reward.pointsCost),
            html`<span data-stock>${reward.stock === null ? strings.unlimited : format.number(reward.stock)}</span>`,
            format.number(reward.redeemed),
            reward.active ? strings.active : strings.inactive,
          ],
        }),
        strings.edit,
        (reward) => this.open(rewardEditOf(reward)),
      )}
      <p><button type="button" @click=${() => this.open(NEW_REWARD)}>${strings.addReward}</button></p>
      ${
        this.editing
          ? html`<div class="card">
              <console-reward-editor
                .language=${this.language}
                .saved=${this.editing}
                .tiers=${this.tiers}
                .takenIds=${this.rewards.map((reward) => reward.id)}
                @console-reward-saved=${this.saved}
              ></console-reward-editor>
              <p><button type="button" @click=${this.close}>${strings.close}</button></p>
            </div>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-rewards-section': ConsoleRewardsSection;
  }
}
