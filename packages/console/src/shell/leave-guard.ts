/**
 * Pages with unsaved changes register a question here; the shell asks it (the browser's own confirm dialog) before
 * its navigation leaves the page, and stays when the answer is no.
 */
const guards = new Set<() => string | null>();

/** `unsavedQuestion` answers the question to ask, or null when nothing would be lost. Returns the unregistering. */
export function guardLeaving(unsavedQuestion: () => string | null): () => void {
  guards.add(unsavedQuestion);
  return () => guards.delete(unsavedQuestion);
}

/** True when no page has unsaved changes, or the person confirms leaving them. */
export function mayLeave(): boolean {
  for (const guard of guards) {
    const question = guard();
    if (question !== null && !confirm(question)) return false;
  }
  return true;
}
