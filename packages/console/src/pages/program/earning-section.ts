import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { ProgramSettings } from '@loyalty-elements/contract';
import { numberField, type FieldContext } from './fields.ts';
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
      ${numberField(fields, 'earnRate', strings.earnRate, draft.earnRate, (earnRate) => set({ earnRate }), {
        min: 0,
        step: 'any',
      })}
      ${numberField(
        fields,
        'welcomeBonus',
        strings.welcomeBonus,
        draft.welcomeBonus,
        (welcomeBonus) => set({ welcomeBonus }),
        {
          min: 0,
        },
      )}
      ${numberField(
        fields,
        'returnWindowDays',
        strings.returnWindowDays,
        draft.returnWindowDays,
        (returnWindowDays) => set({ returnWindowDays }),
        { min: 0 },
      )}
      ${numberField(
        fields,
        'pointsExpiryMonths',
        strings.pointsExpiryMonths,
        draft.pointsExpiryMonths,
        (pointsExpiryMonths) => set({ pointsExpiryMonths }),
        { min: 1, optional: true },
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-earning-section': ConsoleEarningSection;
  }
}
