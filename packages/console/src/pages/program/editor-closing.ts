import type { DraftChange, DraftPart } from './program-section.ts';

/**
 * Before a list closes its editor (or opens another): asks when the draft has unsaved changes, and when it closes,
 * says the draft is gone so the preview and the unsaved-changes guard forget it. False: the person chose to stay.
 */
export function closeEditor(
  host: HTMLElement,
  editor: { dirty: boolean } | undefined,
  part: DraftPart,
  question: string,
): boolean {
  if (!editor) return true;
  if (editor.dirty && !confirm(question)) return false;
  const detail: DraftChange = { part, draft: null, dirty: false };
  host.dispatchEvent(new CustomEvent('console-draft-change', { detail, bubbles: true, composed: true }));
  return true;
}
