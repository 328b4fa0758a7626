/** The colour scheme: the one chosen with the toggle (remembered), else the system's. */
export type ColorScheme = 'light' | 'dark';

const STORAGE_KEY = 'loyalty-console-color-scheme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export function chosenScheme(): ColorScheme | null {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'light' || stored === 'dark' ? stored : null;
}

export function systemScheme(): ColorScheme {
  return matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

export function rememberScheme(scheme: ColorScheme): void {
  localStorage.setItem(STORAGE_KEY, scheme);
}

/** Calls `listener` when the system's scheme changes; returns what stops it. */
export function onSystemSchemeChange(listener: () => void): () => void {
  const query = matchMedia(DARK_QUERY);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}
