// A widget's keyboard reference for its Docs page (the component description is Markdown).

/** One row: the keys, and what they do in the widget. */
export type KeyboardRow = readonly [keys: string, does: string];

/** Every widget's first rows: moving between its controls. */
const moving: KeyboardRow[] = [
  ['Tab / Shift+Tab', 'Moves to the next / previous control of the widget, in reading order.'],
];

/** What a widget's guest and error cards add, the same in every widget. */
const cards: KeyboardRow[] = [
  ['Enter (on "Sign in")', 'A guest: follows the sign-in link, or (with no `sign-in-url`) asks the page to sign in.'],
  ['Enter or Space (on "Try again")', 'An error: loads again; focus stays in the widget.'],
];

/** A "Keyboard" section: a table of key → what it does, with the moving and card rows around `rows`. */
export function keyboardSection(rows: readonly KeyboardRow[]): string {
  const table = [...moving, ...rows, ...cards].map(([keys, does]) => `| ${keys} | ${does} |`);
  return ['### Keyboard', '', '| Key | What it does |', '| --- | --- |', ...table].join('\n');
}

/** A Docs page's description: what the widget is, then its keyboard table. */
export const describedWithKeyboard = (description: string, rows: readonly KeyboardRow[]): string =>
  `${description}\n\n${keyboardSection(rows)}`;
