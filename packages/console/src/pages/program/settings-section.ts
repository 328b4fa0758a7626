import type { ProgramSettings, ProgramSettingsPatch } from '@loyalty-elements/contract';
import { programApi } from '../../api/program.ts';
import { ProgramSection } from './program-section.ts';

/** `console-program-saved`: every setting of the program as the API saved them. */
export type ProgramSaved = CustomEvent<ProgramSettings>;

/** A section over some of the program's settings: its Save is a `PATCH /v1/admin/program` of those alone. */
export abstract class SettingsSection<T extends ProgramSettingsPatch> extends ProgramSection<T> {
  /** The patch the draft makes; by default the draft itself. */
  protected patchOf(draft: T): ProgramSettingsPatch {
    return draft;
  }

  protected override async persist(draft: T): Promise<void> {
    const settings = await programApi.updateSettings(this.patchOf(draft));
    this.dispatchEvent(new CustomEvent('console-program-saved', { detail: settings, bubbles: true, composed: true }));
  }
}
