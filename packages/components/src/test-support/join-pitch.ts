// A page that has a join pitch: every guest widget on it shows its compact sign-in line.
import { setPitchElement, type PitchMember } from '../base/guest-pitch-registry.ts';

/**
 * Registers a stand-in for `<loyalty-join-pitch>` for each test of the suite, so a widget tested alone shows a guest
 * its own compact line rather than holding the page's join pitch (and the stand-in asks the API nothing).
 */
export function usePagePitch(): void {
  const standIn = Object.assign(document.createElement('div'), { requestUpdate: () => undefined }) as PitchMember;
  beforeEach(() => setPitchElement(standIn, true));
  afterEach(() => setPitchElement(standIn, false));
}
