import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { ProgramSettings } from '@loyalty-elements/contract';
import { numberField, type FieldContext } from './fields.ts';
import { SettingsSection } from './settings-section.ts';

export type ServiceDraft = Pick<ProgramSettings, 'followUpTargetHours' | 'lapsedAfterDays'>;

export const serviceOf = ({ followUpTargetHours, lapsedAfterDays }: ProgramSettings): ServiceDraft => ({
  followUpTargetHours,
  lapsedAfterDays,
});

/**
 * Service targets: the hours a follow-up has before it is overdue (Service recovery) and the days without activity
 * after which a member counts as lapsed (Exits and win-back).
 */
@customElement('console-service-section')
export class ConsoleServiceSection extends SettingsSection<ServiceDraft> {
  protected readonly draftPart = 'service';

  protected heading(): string {
    return this.strings.program.service;
  }

  protected renderFields(fields: FieldContext) {
    const strings = this.strings.program;
    const draft = this.draft;
    return html`<div class="fields">
      ${numberField(
        fields,
        'followUpTargetHours',
        strings.followUpTargetHours,
        draft.followUpTargetHours,
        (followUpTargetHours) => this.edit({ ...draft, followUpTargetHours }),
        { min: 1, max: 720 },
      )}
      ${numberField(
        fields,
        'lapsedAfterDays',
        strings.lapsedAfterDays,
        draft.lapsedAfterDays,
        (lapsedAfterDays) => this.edit({ ...draft, lapsedAfterDays }),
        { min: 7, max: 730 },
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-service-section': ConsoleServiceSection;
  }
}
