import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Reward, RewardDraft, TierSettings } from '@loyalty-elements/contract';
import { programApi } from '../../api/program.ts';
import type { ConsoleApiError } from '../../api/transport.ts';
import { localized } from '../../i18n/language.ts';
import { checkboxField, inputField, numberField, selectField, type FieldContext } from './fields.ts';
import { EDITED_LANGUAGES, withoutBlanks } from './localized-fields.ts';
import { ProgramSection, type FieldProblem } from './program-section.ts';

/** A reward being edited: its id (typed for a new one) and what `PUT /v1/admin/rewards/{rewardId}` takes. */
export interface RewardEdit {
  id: string;
  isNew: boolean;
  reward: RewardDraft;
}

export function rewardEditOf(reward: Reward): RewardEdit {
  const { id, redeemed: _redeemed, createdAt: _createdAt, updatedAt: _updatedAt, ...draft } = reward;
  return { id, isNew: false, reward: draft };
}

/** `console-reward-saved`: the reward as the API saved it. */
export type RewardSaved = CustomEvent<Reward>;

/** `YYYY-MM-DDTHH:mm` in the browser's time zone, as a `datetime-local` box shows an instant. */
function localInput(iso: string | null): string {
  if (!iso) return '';
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function instantOf(local: string): string | null {
  const at = new Date(local);
  return local === '' || Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** One reward's form: names and descriptions per language, cost, stock, availability, required tier, active. */
@customElement('console-reward-editor')
export class ConsoleRewardEditor extends ProgramSection<RewardEdit> {
  protected readonly draftPart = 'reward';
  @property({ attribute: false }) tiers: readonly TierSettings[] = [];
  /** The ids of the rewards the page has read: a new reward may not take one (its PUT would be refused with 412). */
  @property({ attribute: false }) takenIds: readonly string[] = [];

  protected heading(): string {
    const name = localized(this.saved.reward.name, this.language);
    return this.saved.isNew ? this.strings.program.newReward : this.strings.program.editing(name);
  }

  protected override validate({ id, isNew }: RewardEdit): FieldProblem[] {
    return isNew && this.takenIds.includes(id)
      ? [{ key: 'path.rewardId', message: this.strings.program.rewardIdTaken }]
      : [];
  }

  /** A new reward is only created (`If-None-Match: *`): one added meanwhile with the same id is never replaced. */
  protected override async persist({ id, isNew, reward }: RewardEdit): Promise<void> {
    const draft = { ...reward, name: withoutBlanks(reward.name), description: withoutBlanks(reward.description) };
    const saved = await programApi.saveReward(id, draft, { createOnly: isNew });
    this.dispatchEvent(new CustomEvent('console-reward-saved', { detail: saved, bubbles: true, composed: true }));
  }

  /** 412: another reward took the id after the page read the catalogue. The draft stays, to save under another id. */
  protected override refusalProblems(error: ConsoleApiError): FieldProblem[] {
    return error.status === 412 ? [{ key: 'path.rewardId', message: this.strings.program.rewardIdTakenMeanwhile }] : [];
  }

  private set(change: Partial<RewardDraft>): void {
    this.edit({ ...this.draft, reward: { ...this.draft.reward, ...change } });
  }

  protected renderFields(fields: FieldContext) {
    const strings = this.strings.program;
    const { id, isNew, reward } = this.draft;
    const tierOptions = [
      { value: '', label: strings.anyTier },
      ...this.tiers.map((tier) => ({ value: tier.id, label: localized(tier.name, this.language) })),
    ];
    return html`<div class="fields">
      ${isNew ? inputField(fields, 'path.rewardId', strings.rewardId, id, (v) => this.edit({ ...this.draft, id: v })) : ''}
      ${EDITED_LANGUAGES.map(({ tag, name }) =>
        inputField(fields, `name.${tag}`, strings.rewardName(name), reward.name[tag] ?? '', (v) =>
          this.set({ name: { ...reward.name, [tag]: v } }),
        ),
      )}
      ${EDITED_LANGUAGES.map(({ tag, name }) =>
        inputField(fields, `description.${tag}`, strings.rewardDescription(name), reward.description[tag] ?? '', (v) =>
          this.set({ description: { ...reward.description, [tag]: v } }),
        ),
      )}
      ${numberField(
        fields,
        'pointsCost',
        strings.pointsCost,
        reward.pointsCost,
        (pointsCost) => this.set({ pointsCost }),
        {
          min: 1,
        },
      )}
      ${numberField(fields, 'stock', strings.stock, reward.stock, (stock) => this.set({ stock }), {
        min: 0,
        optional: true,
      })}
      ${numberField(
        fields,
        'validityDays',
        strings.validityDays,
        reward.validityDays,
        (validityDays) => this.set({ validityDays }),
        { min: 1, optional: true },
      )}
      ${inputField(
        fields,
        'availableFrom',
        strings.availableFrom,
        localInput(reward.availableFrom),
        (v) => this.set({ availableFrom: instantOf(v) }),
        { type: 'datetime-local' },
      )}
      ${inputField(
        fields,
        'availableUntil',
        strings.availableUntil,
        localInput(reward.availableUntil),
        (v) => this.set({ availableUntil: instantOf(v) }),
        { type: 'datetime-local' },
      )}
      ${selectField(fields, 'requiredTierId', strings.requiredTier, reward.requiredTierId ?? '', tierOptions, (v) =>
        this.set({ requiredTierId: v === '' ? null : v }),
      )}
      ${checkboxField(fields, 'active', strings.active, reward.active, (active) => this.set({ active }))}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-reward-editor': ConsoleRewardEditor;
  }
}
