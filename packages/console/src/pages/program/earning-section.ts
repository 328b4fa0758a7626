import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { ProgramSettings } from '@loyalty-elements/contract';
import { inputField, numberText, optionalNumber, wholeNumber, type FieldContext } from './fields.ts';
import { SettingsSection } from './settings-section.ts';

export type EarningDraft = Pick<
  ProgramSettings,
  'earnRate' | 'welcomeBonus' | 'returnWindowDays' | 'pointsExpiryMonths'
>;

export const earningOf = ({ earnRate, welcomeBonus, returnWindowDays, pointsExpiryMonths }: ProgramSettings) => ({
  earnRate,
  welcomeBonus,
  returnWindowDays,
  pointsExpiryMonths,
});

/** How points are earned and kept: the earn rate, the welcome bonus, the return window and points expiry. */
@customElement('console-earning-section')
export class ConsoleEarningSection extends SettingsSection<EarningDraft> {
  protected readonly draftPart = 'earning';

  protected heading(): string {
    return this.strings.program.earning;
  }

  protected renderFields(fields: FieldContext) {
    const strings = this.strings.program;
    const draft = this.draft;
    const set = (change: Partial<EarningDraft>) => this.edit({ ...draft, ...change });
    return html`<div class="fields">
      ${inputField(
        fields,
        'earnRate',
        strings.earnRate,
        numberText(draft.earnRate),
        (v) => set({ earnRate: wholeNumber(v) }),
        {
          type: 'number',
          min: 0,
          step: 'any',
        },
      )}
      ${inputField(
        fields,
        'welcomeBonus',
        strings.welcomeBonus,
        numberText(draft.welcomeBonus),
        (v) => set({ welcomeBonus: wholeNumber(v) }),
        { type: 'number', min: 0, step: 1 },
      )}
      ${inputField(
        fields,
        'returnWindowDays',
        strings.returnWindowDays,
        numberText(draft.returnWindowDays),
        (v) => set({ returnWindowDays: wholeNumber(v) }),
        { type: 'number', min: 0, step: 1 },
      )}
      ${inputField(
        fields,
        'pointsExpiryMonths',
        strings.pointsExpiryMonths,
        numberText(draft.pointsExpiryMonths),
        (v) => set({ pointsExpiryMonths: optionalNumber(v) }),
        { type: 'number', min: 1, step: 1 },
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-earning-section': ConsoleEarningSection;
  }
}
