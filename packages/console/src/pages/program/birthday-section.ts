import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { BirthdaySettings, ProgramSettings } from '@loyalty-elements/contract';
import { checkboxField, numberField, type FieldContext } from './fields.ts';
import { SettingsSection } from './settings-section.ts';

export type BirthdayDraft = Pick<ProgramSettings, 'birthday'>;

/** What turning the reward on starts from when the program had none. */
const FIRST_BIRTHDAY_RULE: BirthdaySettings = { points: 100, daysBefore: 7, daysAfter: 7, noticeDays: 0 };

/** The birthday reward: on or off, its points, the days around the birthday it can be claimed, the notice needed. */
@customElement('console-birthday-section')
export class ConsoleBirthdaySection extends SettingsSection<BirthdayDraft> {
  protected readonly draftPart = 'birthday';
  /** The rule last switched off, so switching it back on restores it. */
  #lastRule: BirthdaySettings | undefined;

  protected heading(): string {
    return this.strings.program.birthday;
  }

  protected renderFields(fields: FieldContext) {
    const strings = this.strings.program;
    const rule = this.draft.birthday;
    const set = (change: Partial<BirthdaySettings>) => this.edit({ birthday: { ...rule!, ...change } });
    const toggle = (on: boolean) => {
      if (!on && rule) this.#lastRule = rule;
      this.edit({ birthday: on ? (this.#lastRule ?? this.saved.birthday ?? FIRST_BIRTHDAY_RULE) : null });
    };
    const number = (key: keyof BirthdaySettings, label: string, min: number) =>
      numberField(fields, `birthday.${key}`, label, rule![key], (value) => set({ [key]: value }), { min });
    return html`${checkboxField(fields, 'birthday-on', strings.birthdayOn, rule !== null, toggle)}
    ${
      rule
        ? html`<div class="fields">
            ${number('points', strings.birthdayPoints, 1)} ${number('daysBefore', strings.daysBefore, 0)}
            ${number('daysAfter', strings.daysAfter, 0)} ${number('noticeDays', strings.noticeDays, 0)}
          </div>`
        : nothing
    }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-birthday-section': ConsoleBirthdaySection;
  }
}
