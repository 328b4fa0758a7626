// Makes the toolbar's colour scheme, reduced motion and forced colours real for the components,
// whatever the designer's operating system prefers: their stylesheets' `prefers-color-scheme`,
// `prefers-reduced-motion` and `forced-colors` media rules are rewritten to always or never match. Lit adopts one
// constructed stylesheet per element class, so rewriting it once updates every instance, and the
// components keep exactly the CSS they ship with.

export interface MediaPreferences {
  'prefers-color-scheme': 'light' | 'dark';
  'prefers-reduced-motion': 'no-preference' | 'reduce';
  'forced-colors': 'none' | 'active';
}

const FEATURE = /\(\s*(prefers-color-scheme|prefers-reduced-motion|forced-colors)\s*:\s*([a-z-]+)\s*\)/g;
const MATCHES = '(width >= 0px)';
const NEVER_MATCHES = '(width < 0px)';

/** The media text each rewritten rule had before we touched it. */
const originals = new WeakMap<CSSMediaRule, string>();

function rewrite(rules: CSSRuleList, preferences: MediaPreferences): void {
  for (const rule of rules) {
    if (rule instanceof CSSMediaRule) {
      const original = originals.get(rule) ?? rule.media.mediaText;
      if (original.match(FEATURE)) {
        originals.set(rule, original);
        const emulated = original.replace(FEATURE, (_, feature: keyof MediaPreferences, value: string) =>
          preferences[feature] === value ? MATCHES : NEVER_MATCHES,
        );
        if (rule.media.mediaText !== emulated) rule.media.mediaText = emulated;
      }
    }
    if ('cssRules' in rule) rewrite((rule as CSSGroupingRule).cssRules, preferences);
  }
}

interface StyledElementClass {
  elementStyles?: ReadonlyArray<CSSStyleSheet | { styleSheet?: CSSStyleSheet }>;
}

/** The constructed stylesheets Lit adopts into the shadow roots of these elements. */
export function elementStyleSheets(tagNames: Iterable<string>): CSSStyleSheet[] {
  const sheets = new Set<CSSStyleSheet>();
  for (const tagName of tagNames) {
    const element = customElements.get(tagName) as unknown as StyledElementClass | undefined;
    for (const style of element?.elementStyles ?? []) {
      const sheet = style instanceof CSSStyleSheet ? style : style.styleSheet;
      if (sheet) sheets.add(sheet);
    }
  }
  return [...sheets];
}

/**
 * What forced colours do that tokens cannot: the browser drops every shadow. Added once to each
 * sheet, inside a `forced-colors` rule, so the emulation switches it on and off with the rest.
 */
const FORCED_COLORS_EXTRAS =
  '@media (forced-colors: active) { *, ::before, ::after { box-shadow: none !important; text-shadow: none !important; } }';
const extended = new WeakSet<CSSStyleSheet>();

/** Applies the preferences to the sheets (idempotent; call it on every render). */
export function emulateMediaFeatures(sheets: Iterable<CSSStyleSheet>, preferences: MediaPreferences): void {
  for (const sheet of sheets) {
    if (!extended.has(sheet)) {
      sheet.insertRule(FORCED_COLORS_EXTRAS, sheet.cssRules.length);
      extended.add(sheet);
    }
    rewrite(sheet.cssRules, preferences);
  }
}
