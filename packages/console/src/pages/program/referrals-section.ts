import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { ProgramSettings, ReferralSettings } from '@loyalty-elements/contract';
import { checkboxField, inputField, numberField, type FieldContext } from './fields.ts';
import { SettingsSection } from './settings-section.ts';

export type ReferralsDraft = Pick<ProgramSettings, 'referrals'>;

/** What turning referrals on starts from when the program had none. */
const FIRST_REFERRAL_RULE: ReferralSettings = {
  referrerPoints: 500,
  friendPoints: 300,
  monthlyCap: 10,
  landingUrl: null,
};

/**
 * The referral program: on or off, the points for the member who refers and for the friend, how many referrals a
 * member is rewarded for each month, and the page a referral link opens.
 */
@customElement('console-referrals-section')
export class ConsoleReferralsSection extends SettingsSection<ReferralsDraft> {
  protected readonly draftPart = 'referrals';
  /** The rule last switched off, so switching it back on restores it. */
  #lastRule: ReferralSettings | undefined;

  protected heading(): string {
    return this.strings.program.referrals;
  }

  protected renderFields(fields: FieldContext) {
    const strings = this.strings.program;
    const rule = this.draft.referrals;
    const set = (change: Partial<ReferralSettings>) => this.edit({ referrals: { ...rule!, ...change } });
    const toggle = (on: boolean) => {
      if (!on && rule) this.#lastRule = rule;
      this.edit({ referrals: on ? (this.#lastRule ?? this.saved.referrals ?? FIRST_REFERRAL_RULE) : null });
    };
    const number = (key: 'referrerPoints' | 'friendPoints' | 'monthlyCap', label: string, min: number) =>
      numberField(fields, `referrals.${key}`, label, rule![key], (value) => set({ [key]: value }), { min });
    return html`${checkboxField(fields, 'referrals-on', strings.referralsOn, rule !== null, toggle)}
    ${
      rule
        ? html`<div class="fields">
            ${number('referrerPoints', strings.referrerPoints, 0)} ${number('friendPoints', strings.friendPoints, 0)}
            ${number('monthlyCap', strings.monthlyCap, 1)}
            ${inputField(
              fields,
              'referrals.landingUrl',
              strings.landingUrl,
              rule.landingUrl ?? '',
              (value) => set({ landingUrl: value.trim() === '' ? null : value.trim() }),
              { type: 'url' },
            )}
          </div>`
        : nothing
    }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-referrals-section': ConsoleReferralsSection;
  }
}
