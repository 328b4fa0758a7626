// The colour tokens under the toolbar's emulated forced colours. In forced colours the browser
// replaces every author colour with the user's system colours; the widgets take every colour from
// a token, so setting each token to the system colour the browser would use comes close. Button
// fills become the page colour, as in Windows' contrast themes (where ButtonFace is Canvas): a
// button then shows a boundary only if the widget draws one in its forced-colours rules.
import type { ThemeTokens } from '../stories/themes/themes.ts';

export const forcedColorTokens: ThemeTokens = {
  'color-primary': 'Canvas',
  'color-on-primary': 'ButtonText',
  'color-primary-text': 'LinkText',
  'color-surface': 'Canvas',
  'color-text': 'CanvasText',
  'color-text-muted': 'CanvasText',
  'color-border': 'CanvasText',
  'color-skeleton': 'GrayText',
  'color-skeleton-highlight': 'GrayText',
  'color-danger': 'CanvasText',
  'color-success': 'CanvasText',
  'color-warning': 'CanvasText',
  'color-focus-ring': 'Highlight',
};
